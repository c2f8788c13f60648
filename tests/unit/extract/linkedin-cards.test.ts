import { describe, expect, it } from 'vitest';
import { profileKeyOf, splitHeadline } from '@/lib/extract/linkedin-cards';

describe('LinkedIn headlines and profile links', () => {
  it.each([
    ['VP Sales at Acme', ['VP Sales', 'Acme']],
    ['CTO @ Ferrite.io | Procurement software', ['CTO', 'Ferrite.io']],
    ['Head of Procurement | PT Sinar Logistik', ['Head of Procurement', 'PT Sinar Logistik']],
    ['Procurement Lead · Astra Otoparts', ['Procurement Lead', 'Astra Otoparts']],
    ['COO, Meridian Supply Co.', ['COO', 'Meridian Supply Co.']],
    ['Manajer SDM di Bank Nusantara', ['Manajer SDM', 'Bank Nusantara']],
    // A list of roles, a region or a team: no company is made up.
    ['Founder | Speaker | Author', ['Founder', '']],
    ['Key Account Manager – Vietnam', ['Key Account Manager – Vietnam', '']],
    ['VP Sales, APAC', ['VP Sales, APAC', '']],
    // A job title is never the company.
    ['Founder at Head of Growth', ['Founder at Head of Growth', '']],
  ])('%s', (headline, expected) => {
    expect(splitHeadline(headline)).toEqual(expected);
  });

  it('keys profile and Sales Navigator links by person, never the rep’s own shortcuts', () => {
    const base = new URL('https://www.linkedin.com/search/results/people/');
    expect(profileKeyOf('/in/Anita-Rahman-4b2a1?miniProfileUrn=x', base)).toBe('in/anita-rahman-4b2a1');
    expect(profileKeyOf('https://id.linkedin.com/in/sari/', base)).toBe('in/sari');
    expect(profileKeyOf('/sales/lead/ACwAAAbC,NAME_SEARCH,Xy1z?_ntb=a', base)).toBe('sales/lead/ACwAAAbC');
    expect(profileKeyOf('/in/me/', base)).toBe('');
    expect(profileKeyOf('https://evil.example/in/jane', base)).toBe('');
  });
});
