import { describe, expect, it } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { PLACEHOLDER_CONTACT_ID } from '@/lib/db/forecast-index';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { contactsToCsv } from '@/lib/io/csv-export';
import { sniffCsv } from '@/lib/io/csv-read';
import { guessMapping } from '@/lib/io/guess-columns';
import { guessStageMapping } from '@/lib/io/guess-stages';
import type { ColumnMapping } from '@/lib/io/import-fields';
import type { ImportHistory, OnMatch } from '@/lib/io/import-row';
import { describeRowProblem } from '@/lib/io/row-problem';
import { runCsvImport, type SendChunk } from '@/lib/io/run-import';
import { scanCsv } from '@/lib/io/scan-csv';
import { protocol } from '@/lib/messaging/protocol';
import { Candidate } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { writeImportChunk } from '@/lib/pipeline/import-rows';
import { freshDb } from '../helpers';
import { fixtureFile } from './helpers';

const NOW = Date.UTC(2026, 10, 29, 9);
const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** The background's side of 'import.chunk', as the router runs it: schema-checked, then written. */
function sendTo(db: ProspectorDb, now = NOW): SendChunk {
  return async (chunk) => {
    const parsed = protocol['import.chunk'].request.parse(chunk);
    return protocol['import.chunk'].response.parse(await writeImportChunk(db, parsed, { now, owner: 'Me' }));
  };
}

async function importFile(
  db: ProspectorDb,
  file: File,
  opts: {
    onMatch?: OnMatch;
    mapping?: ColumnMapping;
    send?: SendChunk;
    chunkRows?: number;
    signal?: AbortSignal;
    /** When the import runs (each import of a test at its own time, as in real life). */
    at?: number;
    history?: ImportHistory;
  } = {},
) {
  const at = opts.at ?? NOW;
  const stages = await db.stages.toArray();
  const scan = await scanCsv(file, await sniffCsv(file));
  const mapping = opts.mapping ?? guessMapping(scan.header);
  const stageCol = mapping.indexOf('stage');
  return runCsvImport({
    file,
    format: scan.format,
    context: {
      headers: scan.header,
      mapping,
      stages,
      stageValues: stageCol >= 0 ? guessStageMapping(scan.distinct[stageCol]!.keys(), stages) : {},
      currency: 'USD',
      dateOrder: 'mdy',
      numberStyle: 'dot',
      newContactStageId: 'prospecting',
    },
    send: opts.send ?? sendTo(db, at),
    fileName: file.name,
    onMatch: opts.onMatch ?? 'merge',
    fieldSources: {},
    chunkRows: opts.chunkRows,
    signal: opts.signal,
    startedAt: at,
    history: opts.history,
  });
}

async function tables(db: ProspectorDb) {
  const [contacts, deals, activities, stages] = await Promise.all([
    db.contacts.orderBy('id').toArray(),
    db.deals.orderBy('id').toArray(),
    db.activities.orderBy('id').toArray(),
    db.stages.orderBy('id').toArray(),
  ]);
  return { contacts, deals, activities, stages };
}

function csvFile(text: string, name = 'people.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

describe('importing the generic opportunity list', () => {
  it('writes each deal’s history as the file says: created at engage, closed at close with its value', async () => {
    const db = await freshDb();
    const report = await importFile(db, fixtureFile('opportunities.csv'), { chunkRows: 5 });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 16, rowsImported: 16, cancelled: false });
    expect(report.counts).toEqual({
      contactsCreated: 10,
      contactsMerged: 0,
      contactsUnchanged: 0, // the second row without an account finds the placeholder the first made
      dealsCreated: 16,
      dealsExisting: 0,
      placeholders: 2,
      undatedDeals: 2,
    });
    const { contacts, deals, activities } = await tables(db);
    expect(contacts).toHaveLength(10);
    expect(deals).toHaveLength(16);
    const byTitle = (title: string) => deals.find((d) => d.title === title);

    const won = byTitle('GTX Plus Basic — Cancity')!;
    expect(won).toMatchObject({
      stageId: 'won',
      outcome: 'won',
      amount: 105400,
      currency: 'USD',
      owner: 'Moses Frase',
      source: 'import',
      createdAt: noon('2016-10-20'),
      closedAt: noon('2017-03-01'),
      expectedClose: '2017-03-01',
      stageEntries: [
        { stageId: 'prospecting', at: noon('2016-10-20') },
        { stageId: 'won', at: noon('2017-03-01') },
      ],
    });
    const cancity = contacts.find((c) => c.id === won.contactId)!;
    expect(cancity).toMatchObject({ name: 'Cancity', company: 'Cancity', createdAt: noon('2016-10-20') });
    expect(
      deals
        .filter((d) => d.contactId === cancity.id)
        .map((d) => d.title)
        .sort(),
    ).toEqual(['GTX Plus Basic — Cancity', 'GTXPro — Cancity', 'MG Special — Cancity']);

    const lost = byTitle('GTX Plus Pro — Gogozoom')!;
    expect(lost).toMatchObject({ stageId: 'lost', outcome: 'lost', amount: 0, closedAt: noon('2017-03-09') });
    const engaging = byTitle('GTXPro — Cancity')!;
    expect(engaging).toMatchObject({
      stageId: 'initial_contact',
      outcome: null,
      closedAt: null,
      amount: null,
      createdAt: noon('2017-02-20'),
      stageEntries: [{ stageId: 'initial_contact', at: noon('2017-02-20') }],
    });
    // No account: the one placeholder contact, for both such rows; no engage date: created when imported.
    const orphan = byTitle('MG Special')!;
    expect(orphan).toMatchObject({
      stageId: 'prospecting',
      createdAt: NOW,
      stageEntries: [{ stageId: 'prospecting', at: NOW }],
    });
    expect(orphan.contactId).toBe(PLACEHOLDER_CONTACT_ID);
    expect(contacts.find((c) => c.id === orphan.contactId)?.name).toBe('No account (imported)');
    expect(byTitle('MG Advanced')?.contactId).toBe(PLACEHOLDER_CONTACT_ID);

    // Activities agree with the history: one 'imported' per deal at its creation, one move per closed deal.
    const closed = deals.filter((d) => d.outcome !== null);
    expect(closed).toHaveLength(12);
    expect(closed.filter((d) => d.outcome === 'won')).toHaveLength(10);
    expect(activities).toHaveLength(16 + 12);
    for (const d of deals) {
      const mine = activities.filter((a) => a.dealId === d.id);
      expect(mine.find((a) => a.type === 'imported')).toMatchObject({ at: d.createdAt, contactId: d.contactId });
      const moves = mine.filter((a) => a.type === 'stage-changed');
      expect(moves).toEqual(
        d.outcome ? [expect.objectContaining({ at: d.closedAt, payload: { from: 'prospecting', to: d.stageId } })] : [],
      );
    }
  });

  it('keeps history as the rep chose: closed deals start at the stage given, undated rows dated or kept undated', async () => {
    const db = await freshDb();
    const history: ImportHistory = { undated: 'earliest', earliest: noon('2016-10-20'), closedFrom: 'initial_contact' };
    const report = await importFile(db, fixtureFile('opportunities.csv'), { history });
    expect(report.counts.undatedDeals).toBe(2);
    expect(report.history).toEqual(history);
    const deals = await db.deals.toArray();
    const won = deals.find((d) => d.title === 'GTX Plus Basic — Cancity')!;
    // Entered Initial contact (what "Engaging" maps to) at its engage date: Prospecting was never entered.
    expect(won.stageEntries).toEqual([
      { stageId: 'initial_contact', at: noon('2016-10-20') },
      { stageId: 'won', at: noon('2017-03-01') },
    ]);
    const undated = deals.filter((d) => d.stageId === 'prospecting');
    expect(undated.map((d) => [d.createdAt, d.dateUnknown])).toEqual([
      [noon('2016-10-20'), undefined],
      [noon('2016-10-20'), undefined],
    ]);

    const kept = await freshDb();
    await importFile(kept, fixtureFile('opportunities.csv'), { history: { ...history, undated: 'undated' } });
    const rows = (await kept.deals.toArray()).filter((d) => d.stageId === 'prospecting');
    expect(rows.map((d) => [d.createdAt, d.dateUnknown])).toEqual([
      [NOW, true],
      [NOW, true],
    ]);
    // The forecast's rows carry no start for them: they are in no count by start date.
    const index = await kept.forecastIndex.bulkGet(rows.map((d) => d.id));
    expect(index.map((r) => r?.v[4])).toEqual([Number.NaN, Number.NaN]);
  });

  it('imports the same file twice without adding or changing anything', async () => {
    const db = await freshDb();
    await importFile(db, fixtureFile('opportunities.csv'));
    const before = await tables(db);
    const again = await importFile(db, fixtureFile('opportunities.csv'), { chunkRows: 3, at: NOW + 60_000 });
    expect(again.counts).toMatchObject({ contactsCreated: 0, contactsMerged: 0, dealsCreated: 0, dealsExisting: 16 });
    expect(await tables(db)).toEqual(before);
  });

  it('reports bad rows by number and reason, and imports the good ones', async () => {
    const db = await freshDb();
    const report = await importFile(db, fixtureFile('opportunities-bad.csv'));
    expect(report.rowsRead).toBe(12);
    expect(report.rowsImported).toBe(5);
    expect(report.problems.map((p) => p.row)).toEqual([3, 5, 6, 8, 9, 10, 11]);
    const problem = (row: number) => report.problems.find((p) => p.row === row)!;
    const reason = (row: number) => describeRowProblem(problem(row));
    expect([3, 5, 6, 8, 9, 10, 11].map((row) => problem(row).code)).toEqual([
      'date',
      'noCloseDate',
      'negative',
      'closeBeforeCreate',
      'amount',
      'duplicateRow',
      'extraValues',
    ]);
    expect(reason(3)).toContain('2016-13-45');
    expect(reason(5)).toMatch(/close date/);
    expect(reason(6)).toContain('-20');
    expect(reason(8)).toMatch(/before/);
    expect(reason(9)).toContain('lots');
    expect(reason(10)).toMatch(/row 4/);
    expect(reason(11)).toMatch(/10 values.*8 columns/);
    expect(report.problems.find((p) => p.row === 9)!.fields).toEqual([
      'B008',
      'Vicki Laflamme',
      'GTX Basic',
      'Codehow',
      'Won',
      '2016-12-01',
      '2017-02-01',
      'lots',
    ]);
    const deals = await db.deals.toArray();
    expect(deals.map((d) => d.title).sort()).toEqual([
      'GTX Basic — Cancity',
      'GTX Basic — Codehow',
      'GTXPro — Hatfan',
      'MG Advanced — Ron-tech',
      'MG Special — Isdom',
    ]);
    expect(deals.find((d) => d.title === 'MG Advanced — Ron-tech')).toMatchObject({
      amount: 451450,
      createdAt: noon('2016-11-05'),
    });
    expect(deals.find((d) => d.title === 'GTX Basic — Cancity')?.amount).toBe(105400);
  });
});

describe('importing people who are already stored', () => {
  const jane = Candidate.parse({
    name: 'Jane Doe',
    jobTitle: 'VP Sales',
    company: 'Acme',
    emails: ['jane@acme.example'],
  });
  const file = () => csvFile('Name,Email,Job Title,Phone,Company\nJane Doe,JANE@acme.example,CRO,+1 555 0100,Acme\n');

  it('"keep" leaves the stored contact exactly as it was', async () => {
    const db = await freshDb();
    await saveCapture(
      db,
      { url: 'https://acme.example/team', title: '', site: 'web', candidates: [jane] },
      { now: 1, currency: 'USD', owner: '' },
    );
    const before = await tables(db);
    const report = await importFile(db, file(), { onMatch: 'keep' });
    expect(report.counts).toMatchObject({ contactsCreated: 0, contactsUnchanged: 1, dealsCreated: 0 });
    expect(await tables(db)).toEqual(before);
  });

  it('"merge" adds what is new as a capture would, keeps hand edits, records the change, adds no deal', async () => {
    const db = await freshDb();
    const [saved] = await saveCapture(
      db,
      { url: 'https://acme.example/team', title: '', site: 'web', candidates: [jane] },
      { now: 1, currency: 'USD', owner: '', startDeal: true },
    );
    await db.contacts.update(saved!.contactId, { location: 'Berlin', editedFields: ['location'] });
    const report = await importFile(
      db,
      csvFile('Name,Email,Job Title,Phone,Company,City\nJane Doe,jane@acme.example,CRO,+1 555 0100,Acme,Paris\n'),
    );
    expect(report.counts).toMatchObject({ contactsMerged: 1, contactsCreated: 0, dealsCreated: 0 });
    const c = await db.contacts.get(saved!.contactId);
    expect(c).toMatchObject({
      jobTitle: 'CRO',
      phones: ['+1 555 0100'],
      location: 'Berlin',
      emails: ['jane@acme.example'],
    });
    expect(c?.provenance.jobTitle).toMatchObject({ source: 'import', url: 'people.csv', at: NOW });
    expect(await db.deals.count()).toBe(1);
    expect(await db.activities.where('type').equals('updated').toArray()).toMatchObject([
      { contactId: saved!.contactId, payload: { fields: ['jobTitle', 'phones'], site: 'import' } },
    ]);
  });

  it('makes one contact of rows that are the same person, and a deal for the new one only', async () => {
    const db = await freshDb();
    const report = await importFile(
      db,
      csvFile(
        'Name,Email,Phone\nAnn Lee,ann@x.example,\nAnn Lee,ANN@x.example,+62 21 555 0100\nBo Chen,bo@x.example,\n',
      ),
    );
    expect(report.counts).toMatchObject({ contactsCreated: 2, dealsCreated: 2 });
    const ann = (await db.contacts.where('emails').equals('ann@x.example').toArray())[0];
    expect(ann?.phones).toEqual(['+62 21 555 0100']);
    expect(await db.deals.where('contactId').equals(ann!.id).count()).toBe(1);
  });

  it('tells people with only a name and phone apart by the phone, so a second import adds nobody', async () => {
    const db = await freshDb();
    const text = 'Name,Phone\nSiti Rahma,0812 3456 7890\nSiti Rahma,+1 415 555 0101\n';
    await importFile(db, csvFile(text));
    expect(await db.contacts.count()).toBe(2);
    const again = await importFile(db, csvFile('Name,Phone\nSiti Rahma,+62 812-3456-7890\n'), { at: NOW + 60_000 });
    // The same person: merged (the number in its other format is kept too), nobody new.
    expect(again.counts).toMatchObject({ contactsCreated: 0, contactsMerged: 1 });
    expect(await db.contacts.count()).toBe(2);
    const nameOnly = await importFile(db, csvFile('Name,Phone\nNobody Special,\n'), { at: NOW + 120_000 });
    expect(nameOnly.problems).toHaveLength(1);
    // Imports match as captures do (lib/identity): the same name and phone is this person, with an email too...
    const withEmail = await importFile(db, csvFile('Name,Phone,Email\nSiti Rahma,0812 3456 7890,siti@x.example\n'), {
      at: NOW + 180_000,
    });
    expect(withEmail.counts).toMatchObject({ contactsCreated: 0, contactsMerged: 1 });
    // ...and someone else on the same number (a shared office line) is someone else.
    const colleague = await importFile(db, csvFile('Name,Phone\nBudi Santoso,0812 3456 7890\n'), { at: NOW + 240_000 });
    expect(colleague.counts).toMatchObject({ contactsCreated: 1 });
    expect(await db.contacts.count()).toBe(3);
  });
});

describe('round trips and interruptions', () => {
  it('re-importing Prospector’s own CSV export changes nothing; into an empty store it rebuilds the pipeline', async () => {
    const db = await freshDb();
    const stages = await db.stages.toArray();
    await loadDemo(db, generateDemo({ contacts: 80, now: NOW, stages, seed: 3 }));
    const before = await tables(db);
    const csv = contactsToCsv(before.contacts, before.deals, before.stages);
    const report = await importFile(db, csvFile(csv, 'prospector.csv'));
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ contactsCreated: 0, contactsMerged: 0, dealsCreated: 0, dealsExisting: 80 });
    expect(await tables(db)).toEqual(before);

    const fresh = await freshDb();
    const rebuilt = await importFile(fresh, csvFile(csv, 'prospector.csv'));
    // Two demo people with the same name at the same company are one person by the dedupe rules captures use.
    const people = new Set(before.contacts.map((c) => c.nameKey)).size;
    expect(rebuilt.counts).toMatchObject({ contactsCreated: people, dealsCreated: 80 });
    const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));
    const summary = (d: (typeof before.deals)[number]) => [
      d.title,
      d.stageId,
      d.outcome,
      d.amount,
      d.owner,
      day(d.closedAt),
    ];
    const local = (ms: number | null) => (ms === null ? null : new Date(ms).toLocaleDateString('en-CA'));
    expect((await fresh.deals.toArray()).map(summary).sort()).toEqual(
      before.deals.map((d) => [d.title, d.stageId, d.outcome, d.amount, d.owner, local(d.closedAt)]).sort(),
    );
  });

  it('a chunk the background fails keeps what came before; importing again finishes without duplicates', async () => {
    const db = await freshDb();
    const real = sendTo(db);
    let calls = 0;
    const flaky: SendChunk = async (chunk) => {
      if (++calls === 2) throw new Error('service worker restarted');
      return real(chunk);
    };
    const first = await importFile(db, fixtureFile('opportunities.csv'), { send: flaky, chunkRows: 4 });
    expect(first.error).toBe('service worker restarted');
    expect(await db.deals.count()).toBeLessThan(16);
    const second = await importFile(db, fixtureFile('opportunities.csv'), { chunkRows: 4, at: NOW + 60_000 });
    expect(second.error).toBeUndefined();
    expect(await db.deals.count()).toBe(16);
    expect(await db.contacts.count()).toBe(10);
  });

  it('cancelling stops sending; importing again completes it', async () => {
    const db = await freshDb();
    const controller = new AbortController();
    const real = sendTo(db);
    const report = await importFile(db, fixtureFile('opportunities.csv'), {
      chunkRows: 2,
      signal: controller.signal,
      send: async (chunk) => {
        const r = await real(chunk);
        controller.abort();
        return r;
      },
    });
    expect(report.cancelled).toBe(true);
    expect(await db.deals.count()).toBeLessThan(16);
    await importFile(db, fixtureFile('opportunities.csv'), { at: NOW + 60_000 });
    expect(await db.deals.count()).toBe(16);
  });
});

describe('CRM exports', () => {
  it('Salesforce opportunities: month-first dates, amounts with separators, Closed Won/Lost', async () => {
    const db = await freshDb();
    const report = await importFile(db, fixtureFile('salesforce-opportunities.csv'));
    expect(report.problems).toEqual([]);
    const deals = await db.deals.toArray();
    expect(deals.find((d) => d.title === 'Hooli - New Business')).toMatchObject({
      stageId: 'won',
      amount: 750000,
      owner: 'Ben Carter',
      createdAt: noon('2024-03-01'),
      closedAt: noon('2024-06-15'),
    });
    expect(deals.find((d) => d.title === 'Umbrella Health - Expansion')).toMatchObject({
      stageId: 'closing',
      expectedClose: '2024-09-30',
      closedAt: null,
    });
    expect(deals.find((d) => d.title === 'Vandelay - Imports')?.outcome).toBe('lost');
  });

  it('Pipedrive deals: status decides won/lost, won or lost time is the close date, currency per deal', async () => {
    const db = await freshDb();
    const report = await importFile(db, fixtureFile('pipedrive-deals.csv'));
    expect(report.problems).toEqual([]);
    const deals = await db.deals.toArray();
    expect(deals.find((d) => d.title === 'Stark Industries deal')).toMatchObject({
      stageId: 'won',
      currency: 'EUR',
      amount: 1500000,
      closedAt: new Date(2024, 2, 20, 16).getTime(),
    });
    expect(deals.find((d) => d.title === 'Wayne Foods deal')).toMatchObject({ stageId: 'lost', lostReason: 'Price' });
    expect(deals.find((d) => d.title === 'Pied Piper deal')).toMatchObject({
      stageId: 'initial_contact',
      expectedClose: '2024-07-15',
    });
    const pepper = await db.contacts.where('emails').equals('pepper@stark.example').first();
    expect(pepper).toMatchObject({ name: 'Pepper Potts', company: 'Stark Industries' });
  });

  it('HubSpot contacts: a deal only for new people, in their lifecycle stage; emails lower-cased', async () => {
    const db = await freshDb();
    const report = await importFile(db, fixtureFile('hubspot-contacts.csv'));
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ contactsCreated: 3, dealsCreated: 3 });
    const dewi = await db.contacts.where('emails').equals('dewi.lestari@nusantara.example').first();
    expect(dewi).toMatchObject({
      name: 'Dewi Lestari',
      location: 'Jakarta, Indonesia',
      jobTitle: 'Head of Procurement',
    });
    const jane = await db.contacts.where('emails').equals('jane@acme.example').first();
    expect(await db.deals.where('contactId').equals(jane!.id).first()).toMatchObject({
      stageId: 'won',
      outcome: 'won',
    });
  });

  it('HubSpot deals and a semicolon file with decimal commas and day-first dates, mapped by hand', async () => {
    const db = await freshDb();
    expect((await importFile(db, fixtureFile('hubspot-deals.csv'))).problems).toEqual([]);
    expect((await db.deals.toArray()).find((d) => d.title === 'Globex — Pilot')).toMatchObject({
      stageId: 'closing',
      amount: 450050,
    });
    const file = fixtureFile('semicolon-comma-decimals.csv');
    const stages = await db.stages.toArray();
    const scan = await scanCsv(file, await sniffCsv(file));
    const report = await runCsvImport({
      file,
      format: scan.format,
      context: {
        headers: scan.header,
        mapping: ['name', 'company', 'email', 'amount', 'expectedClose', 'stage'],
        stages,
        stageValues: { angebot: 'proposal', verhandlung: 'closing' },
        currency: 'EUR',
        dateOrder: 'dmy',
        numberStyle: 'comma',
        newContactStageId: null,
      },
      send: sendTo(db),
      fileName: file.name,
      onMatch: 'merge',
      fieldSources: {},
      startedAt: NOW,
    });
    expect(report.problems).toEqual([]);
    const zoe = await db.contacts.where('emails').equals('zoe@weiss.example').first();
    expect(await db.deals.where('contactId').equals(zoe!.id).first()).toMatchObject({
      amount: 1250000,
      currency: 'EUR',
      stageId: 'closing',
      expectedClose: '2025-01-15',
    });
  });
});
