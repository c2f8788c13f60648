import { describe, expect, it } from 'vitest';
import { companyDomainOf, companyFromEmail, isFreeMail } from '@/lib/extract/normalise/company';
import {
  countryFromDomain,
  countryFromLang,
  countryFromLocation,
  inferCountries,
} from '@/lib/extract/normalise/country';
import { normaliseEmail } from '@/lib/extract/normalise/email';
import { normaliseName } from '@/lib/extract/normalise/name';
import { normalisePhone } from '@/lib/extract/normalise/phone';
import { normaliseUrl } from '@/lib/extract/normalise/url';
import { cleanText } from '@/lib/extract/text';

describe('normaliseName', () => {
  const cases: [string, string, string, string][] = [
    ['Jane Doe', 'Jane Doe', 'Jane', 'Doe'],
    ['  Jane\u200b   Doe ', 'Jane Doe', 'Jane', 'Doe'],
    ['Doe, Jane', 'Jane Doe', 'Jane', 'Doe'],
    ['DOE, JOHN', 'John Doe', 'John', 'Doe'],
    ['JANE DOE', 'Jane Doe', 'Jane', 'Doe'],
    ["SEÁN O'NEIL-SMITH", "Seán O'Neil-Smith", 'Seán', "O'Neil-Smith"],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Maria de la Cruz', 'Maria de la Cruz', 'Maria', 'de la Cruz'],
    ['Ahmad Faisal bin Osman', 'Ahmad Faisal bin Osman', 'Ahmad Faisal', 'bin Osman'],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.', 'Martin Luther', 'King'],
    ['Jack Ma', 'Jack Ma', 'Jack', 'Ma'],
    ['Jean DUPONT', 'Jean DUPONT', 'Jean', 'Dupont'],
    ['Sukarno', 'Sukarno', 'Sukarno', ''],
    ['山田 太郎', '山田 太郎', '太郎', '山田'],
    ['山田太郎', '山田太郎', '', ''],
    ['김민준', '김민준', '', ''],
    ['Nguyễn Thị Lan', 'Nguyễn Thị Lan', 'Thị Lan', 'Nguyễn'],
    ['Ηλίας Παπαδόπουλος', 'Ηλίας Παπαδόπουλος', 'Ηλίας', 'Παπαδόπουλος'],
    ['Ｆｕｌｌ Ｗｉｄｔｈ', 'Full Width', 'Full', 'Width'],
    ['Orbital Freight Accounts Payable', 'Orbital Freight Accounts Payable', '', ''],
    ['"Jane Doe" <jane@acme.example>', 'Jane Doe', 'Jane', 'Doe'],
  ];
  for (const [raw, name, given, family] of cases) {
    it(`${JSON.stringify(raw)} → ${name} / ${given} / ${family}`, () => {
      expect(normaliseName(raw)).toEqual({ name, givenName: given, familyName: family });
    });
  }
  it('puts honorifics and degrees in their own fields, not in the name (#11.3)', () => {
    expect(normaliseName('Dr. Amara Okafor')).toEqual({
      name: 'Amara Okafor',
      givenName: 'Amara',
      familyName: 'Okafor',
      honorificPrefix: 'Dr.',
    });
    expect(normaliseName('Ibu Siti Rahmawati')).toMatchObject({ name: 'Siti Rahmawati', honorificPrefix: 'Ibu' });
    expect(normaliseName('Jane Doe, PhD')).toMatchObject({ name: 'Jane Doe', honorificSuffix: 'PhD' });
    expect(normaliseName('Budi Santoso, S.E., M.M.')).toEqual({
      name: 'Budi Santoso',
      givenName: 'Budi',
      familyName: 'Santoso',
      honorificSuffix: 'S.E., M.M.',
    });
    expect(normaliseName('Guinney, Mark D., CFA')).toMatchObject({ name: 'Mark D. Guinney', honorificSuffix: 'CFA' });
    expect(normaliseName('Prof. Dr. Ir. Bambang Wijaya, M.Sc.')).toMatchObject({
      name: 'Bambang Wijaya',
      honorificPrefix: 'Prof. Dr. Ir.',
      honorificSuffix: 'M.Sc.',
    });
  });
  it('never flips or splits an organisation as "Last, First" (#11.3)', () => {
    for (const org of ['Acme, Inc.', 'Globex Corp.', 'Initech, LLC', 'PT Maju Jaya Tbk', 'Umbrella Ltd'])
      expect(normaliseName(org)).toEqual({ name: org, givenName: '', familyName: '' });
  });
  it('drops emoji and decorative glyphs, keeps a bracketed nickname or maiden name searchable (#11.3)', () => {
    expect(normaliseName('⌨︎ Jane Doe 🚀')).toEqual({ name: 'Jane Doe', givenName: 'Jane', familyName: 'Doe' });
    expect(normaliseName('★ Budi Santoso ★')).toMatchObject({ name: 'Budi Santoso' });
    expect(normaliseName('Robert (Bob) Jones')).toEqual({
      name: 'Robert (Bob) Jones',
      givenName: 'Robert',
      familyName: 'Jones',
    });
    expect(normaliseName('Jane Doe (née Smith)')).toEqual({
      name: 'Jane Doe (née Smith)',
      givenName: 'Jane',
      familyName: 'Doe',
    });
  });
  it('is empty for what is not a name', () => {
    for (const raw of ['', 'jane@acme.example', '+1 415 555 0100', 42, null]) expect(normaliseName(raw).name).toBe('');
  });
  it('caps the length', () => {
    expect(normaliseName(`A${'b'.repeat(5000)} C`).name.length).toBeLessThanOrEqual(200);
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and keeps deliverable-looking addresses', () => {
    expect(normaliseEmail('mailto:Jane.Doe@Acme.CO.UK?subject=hi')).toBe('jane.doe@acme.co.uk');
    expect(normaliseEmail('<jane@acme.test>.')).toBe('jane@acme.test');
    expect(normaliseEmail('ｊａｎｅ＠ａｃｍｅ．ｃｏｍ')).toBe('jane@acme.com');
    expect(normaliseEmail('jane@bücher.de')).toBe('jane@bücher.de');
  });
  it('rejects file names, unknown suffixes, IPs and malformed local parts', () => {
    for (const bad of [
      'logo@2x.png',
      'a@b.notatld',
      'x@localhost',
      'x@127.0.0.1',
      '.jane@acme.com',
      'ja..ne@acme.com',
      'a@b',
      '',
    ]) {
      expect(normaliseEmail(bad), bad).toBe('');
    }
  });
});

describe('normalisePhone', () => {
  it('writes international numbers in E.164, with an extension when there is one', () => {
    expect(normalisePhone('tel:+1-415-555-0132')).toBe('+14155550132');
    expect(normalisePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('0044 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('+1 212-555-0147 ext. 12')).toBe('+12125550147 ext. 12');
  });
  it('reads national numbers in the inferred country, in order', () => {
    expect(normalisePhone('0812-3456-7890', ['ID'])).toBe('+6281234567890');
    expect(normalisePhone('(415) 555-0132', ['US', 'ID'])).toBe('+14155550132');
    expect(normalisePhone('021 5550 123', ['US', 'ID'])).toBe('+62215550123');
    expect(normalisePhone('06 12 34 56 78', ['FR'])).toBe('+33612345678');
  });
  it('keeps a number as written when nothing says which country; strict drops numbers that fail the check', () => {
    expect(normalisePhone('0812 3456 7890')).toBe('0812 3456 7890');
    expect(normalisePhone('555 0100', ['US'])).toBe('555 0100');
    expect(normalisePhone('555 0100', ['US'], true)).toBe('');
    expect(normalisePhone('12')).toBe('');
  });
});

describe('company from email', () => {
  it('names the company after the registrable domain, never after free mail', () => {
    expect(companyFromEmail('jane@eu.mail.nusantara-logistics.co.id')).toEqual({
      company: 'Nusantara Logistics',
      domain: 'nusantara-logistics.co.id',
    });
    expect(companyFromEmail('ops@ibm.com')?.company).toBe('IBM');
    for (const free of [
      'a@gmail.com',
      'a@yahoo.co.id',
      'a@outlook.com',
      'a@hotmail.co.uk',
      'a@icloud.com',
      'a@proton.me',
      'a@mail.ru',
    ])
      expect(companyFromEmail(free), free).toBeNull();
    expect(isFreeMail('googlemail.com')).toBe(true);
    expect(companyDomainOf('bo@eu.globex.co.uk')).toBe('globex.co.uk');
  });
});

describe('country inference', () => {
  it('reads locations, country-code domains and language tags', () => {
    expect(countryFromLocation('San Francisco, California, United States')).toBe('US');
    expect(countryFromLocation('Jakarta Raya, Indonesia')).toBe('ID');
    expect(countryFromLocation('Greater London Area, UK')).toBe('GB');
    expect(countryFromLocation('Somewhere nice')).toBeUndefined();
    expect(countryFromDomain('jane@acme.co.uk')).toBe('GB');
    expect(countryFromDomain('acme.de')).toBe('DE');
    expect(countryFromDomain('acme.io')).toBeUndefined();
    expect(countryFromLang('en-AU')).toBe('AU');
    expect(countryFromLang('id')).toBe('ID');
    expect(countryFromLang('en')).toBeUndefined();
    expect(
      inferCountries({ location: 'Berlin, Germany', emails: ['a@b.fr'], pageUrl: 'https://x.co.id/', lang: 'en-US' }),
    ).toEqual(['DE', 'FR', 'ID', 'US']);
  });
});

describe('normaliseUrl', () => {
  it('makes URLs absolute, strips tracking, unwraps redirects and canonicalises LinkedIn profiles', () => {
    expect(normaliseUrl('/team/jane', 'https://acme.example/about')).toBe('https://acme.example/team/jane');
    expect(normaliseUrl('https://acme.example/?utm_source=x&id=3&fbclid=y')).toBe('https://acme.example/?id=3');
    expect(normaliseUrl('https://id.linkedin.com/in/Jane-Doe?trk=abc')).toBe('https://www.linkedin.com/in/jane-doe/');
    expect(normaliseUrl('https://www.google.com/url?q=https://acme.example/x&sa=D')).toBe('https://acme.example/x');
    expect(normaliseUrl('www.acme.example')).toBe('https://www.acme.example/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.c', '', 'http://'])
      expect(normaliseUrl(bad), bad).toBe('');
  });
});

describe('cleanText', () => {
  it('removes invisible characters, repairs lone surrogates, tames combining marks, caps length', () => {
    expect(cleanText('a\u200b\u202eb\ufeff\u00ad c')).toBe('ab c');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText(`Z${'\u0301'.repeat(50)}`)).toBe(`Z${'\u0301'.repeat(4)}`);
    expect(cleanText('a'.repeat(10_000))).toHaveLength(500);
    expect(cleanText({})).toBe('');
  });
});
