import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportRow } from '@/lib/io/import-row';
import { describeRowProblem, RowProblem } from '@/lib/io/row-problem';
import { runRowsImport, type SendChunk } from '@/lib/io/run-import';
import { contactsToVcard, foldLine } from '@/lib/io/vcard-export';
import { mapVcard, mapVcards, VCARD_FIELD_SOURCES } from '@/lib/io/vcard-map';
import { decodeQuotedPrintable, parseVcards, readVcardFile } from '@/lib/io/vcard-read';
import { protocol } from '@/lib/messaging/protocol';
import type { Contact, Stage } from '@/lib/model';
import { writeImportChunk } from '@/lib/pipeline/import-rows';
import { freshDb } from '../helpers';
import { fixtureFile } from './helpers';

const prospecting: Stage = {
  id: 'prospecting',
  name: 'Prospecting',
  order: 0,
  probability: 0.05,
  kind: 'open',
  forecastCategory: 'pipeline',
  color: '#607d8b',
};
const ctx = { newContactStage: prospecting, currency: 'USD' };

async function rowsOf(name: string) {
  const cards = await readVcardFile(fixtureFile(name, 'text/vcard'));
  return mapVcards(cards, ctx);
}

describe('reading vCards as phones, Outlook, Gmail and Apple Contacts export them', () => {
  it('Apple Contacts 3.0: pref first, grouped items, social profiles, address, photo skipped, escapes', async () => {
    const { rows, problems } = await rowsOf('iphone-3.0.vcf');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.contact)).toEqual([
      {
        name: 'Dewi Lestari',
        givenName: 'Dewi',
        familyName: 'Lestari',
        jobTitle: 'Head of Procurement',
        company: 'Nusantara Logistics',
        emails: ['dewi.lestari@nusantara.example'],
        phones: ['+62 812 3456 7890'],
        urls: ['https://nusantara.example'],
        linkedinUrl: 'http://www.linkedin.com/in/dewilestari',
        location: 'Jakarta, DKI Jakarta, Indonesia',
        tags: ['priority', 'Jakarta'],
        notes: 'Met at Jakarta Logistics Expo, booth 12.\nFollow up in March.',
      },
      expect.objectContaining({
        name: 'Jane Doe',
        company: 'Acme',
        emails: ['jane@acme.example', 'jane@home.example'],
      }),
    ]);
    expect(rows[0]?.deal).toMatchObject({ key: null, stageId: 'prospecting', title: 'Nusantara Logistics' });
  });

  it('Android 2.1: QUOTED-PRINTABLE with CHARSET and soft line breaks, bare TYPE parameters', async () => {
    const { rows, problems } = await rowsOf('android-2.1.vcf');
    expect(problems).toEqual([]);
    expect(rows[0]?.contact).toMatchObject({
      name: 'Zoë Weiß',
      givenName: 'Zoë',
      familyName: 'Weiß',
      company: 'Weiß AG',
      emails: ['zoe@weiss.example'],
      phones: ['+49 151 5555 0100', '+49 30 5555 0101'],
      notes: '日本語のメモ\nSecond line',
    });
    expect(rows[1]?.contact).toMatchObject({ name: 'Budi Santoso', phones: ['0812-1111-2222'] });
  });

  it('Outlook 2.1 in Windows-1252 with bare parameters', async () => {
    const { rows } = await rowsOf('outlook-2.1.vcf');
    expect(rows[0]?.contact).toMatchObject({
      name: 'Jürgen Müller',
      company: 'Müller GmbH',
      jobTitle: 'Geschäftsführer',
      emails: ['juergen@mueller.example'],
      phones: ['+49 89 5555 0123'],
      location: 'München, Deutschland',
    });
  });

  it('Gmail 3.0 and vCard 4.0 (tel: URIs, quoted parameters, LABEL-only address)', async () => {
    expect((await rowsOf('gmail-3.0.vcf')).rows[0]?.contact).toMatchObject({
      name: 'Priya Sharma',
      linkedinUrl: 'https://www.linkedin.com/in/priya-sharma-globex',
      urls: ['https://globex.example'],
      tags: ['myContacts', 'Prospects'],
    });
    expect((await rowsOf('v4.vcf')).rows[0]?.contact).toMatchObject({
      name: 'Carlos García',
      phones: ['+34-600-555-0199'],
      location: 'Calle Mayor 1, Madrid, Spain',
      notes: 'Line one\nLine two; with semicolon',
    });
  });

  it('reports cards it cannot import with their line, keeps a card cut off at the end of the file', async () => {
    const { rows, problems } = await rowsOf('broken.vcf');
    expect(rows.map((r) => r.contact.name)).toEqual(['Cy Twombly']);
    expect(problems.map((p) => p.row)).toEqual([1, 2]);
    expect(problems.map((p) => [p.cardLine, p.code])).toEqual([
      [1, 'noIdentity'],
      [7, 'email'],
    ]);
    expect(describeRowProblem(problems[0]!)).toMatch(/line 1/);
    expect(describeRowProblem(problems[1]!)).toMatch(/line 7.*not-an-email/);
  });

  it('in 2.1 only \\; is an escape; in 3.0 and 4.0 \\n, \\, and \\\\ are too', () => {
    const card = (version: string) =>
      parseVcards(
        `BEGIN:VCARD\r\nVERSION:${version}\r\nN:O\\;Neil;Pat\r\nEMAIL:pat@x.example\r\nNOTE:C:\\new\\, ok\r\nEND:VCARD\r\n`,
      )[0]!;
    const old = mapVcard(card('2.1'), ctx);
    const now = mapVcard(card('3.0'), ctx);
    expect('row' in old && old.row.contact).toMatchObject({ familyName: 'O;Neil', notes: 'C:\\new\\, ok' });
    expect('row' in now && now.row.contact).toMatchObject({ familyName: 'O;Neil', notes: 'C:\new, ok' });
  });

  it('decodes QUOTED-PRINTABLE in any charset', () => {
    expect(decodeQuotedPrintable('Caf=E9', 'ISO-8859-1')).toBe('Café');
    expect(decodeQuotedPrintable('Caf=C3=A9', 'UTF-8')).toBe('Café');
    expect(decodeQuotedPrintable('Caf=C3=A9', 'no-such-charset')).toBe('Café');
  });

  it('never throws on arbitrary text, and every row it maps is valid (property)', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'FN:A B', 'EMAIL:a@b.co', 'N:;;;;', 'TEL;CELL:1'),
      fc.string().map((s) => `NOTE;ENCODING=QUOTED-PRINTABLE:${s}=`),
      fc.string().map((s) => ` ${s}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\r\n', '\n', '\r'), (lines, nl) => {
        for (const card of parseVcards(lines.join(nl))) {
          const r = mapVcard(card, ctx);
          if ('row' in r) expect(ImportRow.safeParse(r.row).success).toBe(true);
          else expect(RowProblem.parse(r.problem)).toEqual(r.problem);
        }
      }),
      { numRuns: 500 },
    );
  });
});

function contact(over: Partial<Contact>): Contact {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    name: 'Ann Lee',
    givenName: 'Ann',
    familyName: 'Lee',
    jobTitle: 'CTO',
    company: 'Acme',
    companyDomain: 'acme.example',
    emails: ['ann@acme.example'],
    phones: ['+1 555 0100'],
    urls: { linkedin: 'https://www.linkedin.com/in/annlee/', website: 'https://acme.example', other: [] },
    location: 'Paris, France',
    tags: ['vip'],
    notes: '',
    source: { url: 'https://acme.example', site: 'web', capturedAt: 0 },
    provenance: {},
    editedFields: [],
    nameKey: '',
    linkedinKey: '',
    createdAt: 0,
    updatedAt: Date.UTC(2024, 2, 1, 10, 15),
    deletedAt: null,
    mergedInto: null,
    ...over,
  };
}

describe('vCard 4.0 export', () => {
  it('writes a valid 4.0 card with CRLF lines folded at 75 octets', () => {
    const text = contactsToVcard([contact({ notes: `Long note ${'é'.repeat(120)}` })]);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0f8fad5b')).toBe(true);
    expect(text).toContain('EMAIL;PREF=1:ann@acme.example\r\n');
    expect(text).toContain('REV:20240301T101500Z\r\n');
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(foldLine('x'.repeat(75))).toBe(`${'x'.repeat(75)}\r\n`);
  });

  it('reads back what it wrote, whatever the text (property)', () => {
    const text = fc.string({ maxLength: 120 }).map((s) => s.replace(/[\r\n\u0085\u2028\u2029]/g, ' ').trim());
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.array(
          text.filter((s) => s.length > 0),
          { maxLength: 3 },
        ),
        (name, company, title, tags) => {
          const c = contact({ name: name || 'X', company, jobTitle: title, tags, givenName: '', familyName: '' });
          const [card] = parseVcards(contactsToVcard([c]));
          const r = mapVcard(card!, ctx);
          expect('row' in r).toBe(true);
          if (!('row' in r)) return;
          expect(r.row.contact).toMatchObject({
            name: c.name.trim(),
            company: company.trim(),
            jobTitle: title.trim(),
            emails: c.emails,
            phones: c.phones,
            linkedinUrl: c.urls.linkedin,
            urls: [c.urls.website],
            location: c.location,
          });
          expect(r.row.contact.tags).toEqual(tags.map((x) => x.trim()).filter(Boolean));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('importing vCards', () => {
  it('adds each person once, with a deal in the chosen stage; the same file again adds nobody', async () => {
    const db = await freshDb();
    const send: SendChunk = async (chunk) =>
      writeImportChunk(db, protocol['import.chunk'].request.parse(chunk), { now: 1_700_000_000_000, owner: 'Me' });
    const run = async (startedAt: number) => {
      const { rows, problems } = await rowsOf('iphone-3.0.vcf');
      const more = await rowsOf('android-2.1.vcf');
      return runRowsImport({
        rows: [...rows, ...more.rows],
        problems: [...problems, ...more.problems],
        totalBytes: 1,
        send,
        fileName: 'contacts.vcf',
        onMatch: 'merge',
        fieldSources: VCARD_FIELD_SOURCES,
        startedAt,
      });
    };
    const first = await run(1_699_999_000_000);
    expect(first.counts).toMatchObject({ contactsCreated: 4, dealsCreated: 4 });
    const dewi = (await db.contacts.where('emails').equals('dewi.lestari@nusantara.example').toArray())[0];
    expect(dewi).toMatchObject({ source: { site: 'import', url: 'contacts.vcf' }, tags: ['priority', 'Jakarta'] });
    expect(dewi?.provenance.emails).toMatchObject({ source: 'import', detail: 'EMAIL' });
    const second = await run(1_699_999_500_000);
    expect(second.counts).toMatchObject({ contactsCreated: 0, dealsCreated: 0, contactsUnchanged: 4 });
    expect(await db.contacts.count()).toBe(4);
    expect(await db.deals.count()).toBe(4);
  });
});
