import { describe, expect, it } from 'vitest';
import { prepareCapture } from '@/lib/capture/prepare';
import { parseEmailLink, parseSelection } from '@/lib/capture/selection';

const url = 'https://news.example/conference-2025/speakers';
const prepared = (raw: ReturnType<typeof parseSelection>) => prepareCapture(raw).candidates;

describe('Save selection as prospect', () => {
  it('reads a selected signature block: name, title, company, phones, email, site', () => {
    const [c] = prepared(
      parseSelection(
        {
          text: 'Priya Natarajan\nDirector of Operations | Orbital Freight Pte. Ltd.\nM: +65 9123 4567\npriya.n@orbital-freight.example\nwww.orbital-freight.example',
          links: [],
        },
        url,
      ),
    );
    expect(c).toMatchObject({
      name: 'Priya Natarajan',
      givenName: 'Priya',
      familyName: 'Natarajan',
      jobTitle: 'Director of Operations',
      company: 'Orbital Freight Pte. Ltd.',
      emails: ['priya.n@orbital-freight.example'],
      phones: ['+6591234567 (mobile)'],
      urls: ['https://www.orbital-freight.example/'],
    });
    expect(c?.provenance.name).toMatchObject({ source: 'selection' });
  });

  it('reads a one-line selection and an address that is only in a selected link', () => {
    const [a] = prepared(parseSelection({ text: 'Jane Doe, VP Sales, jane@acme.example', links: [] }, url));
    expect(a).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'] });
    const [b] = prepared(
      parseSelection(
        {
          text: 'Lars Eriksson',
          links: ['mailto:lars.eriksson@fjordtech.example', 'https://www.linkedin.com/in/lars-e/'],
        },
        url,
      ),
    );
    expect(b).toMatchObject({
      name: 'Lars Eriksson',
      emails: ['lars.eriksson@fjordtech.example'],
      linkedinUrl: 'https://www.linkedin.com/in/lars-e/',
    });
  });

  it('makes one prospect per address in a selected address list', () => {
    const people = prepared(
      parseSelection(
        { text: 'To: Ana Ribeiro <ana@solaris.example>; Paulo Lima <paulo@solaris.example>', links: [] },
        url,
      ),
    );
    expect(people.map((p) => [p.name, p.emails])).toEqual([
      ['Ana Ribeiro', ['ana@solaris.example']],
      ['Paulo Lima', ['paulo@solaris.example']],
    ]);
  });

  it('finds nobody in a selection without a person', () => {
    expect(prepared(parseSelection({ text: 'Plans start at $10 per month.', links: [] }, url))).toEqual([]);
    expect(prepared(parseSelection({ text: '', links: [] }, 'not a url'))).toEqual([]);
  });
});

describe('Save email address as prospect', () => {
  it('takes the mailto address and the link text as the name', () => {
    const [c] = prepared(
      parseEmailLink('mailto:Olivia.Bennett@harbourline.example?subject=Hi', 'Email Olivia Bennett', url),
    );
    expect(c).toMatchObject({
      name: 'Olivia Bennett',
      emails: ['olivia.bennett@harbourline.example'],
      company: 'Harbourline',
    });
    expect(c?.provenance.emails).toMatchObject({ source: 'context-menu', detail: 'mailto link' });
    const [d] = prepared(parseEmailLink('mailto:sales@acme.example', 'sales@acme.example', url));
    expect(d).toMatchObject({ name: '', emails: ['sales@acme.example'] });
    expect(prepared(parseEmailLink('mailto:', 'nobody', url))).toEqual([]);
  });
});
