import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/messaging/handlers';
import { protocol } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { Candidate, type CandidateInput, DEFAULT_SETTINGS, type PageCapture } from '@/lib/model';
import { applyKnownUpdates } from '@/lib/pipeline/apply-update';
import { saveCapture } from '@/lib/pipeline/capture';
import { candidateWithOnly, defaultTicked, offeredUpdate } from '@/lib/pipeline/known-update';
import { mergeCandidate } from '@/lib/pipeline/merge';
import { updateContact } from '@/lib/pipeline/mutations';
import { freshDb } from '../helpers';

const at = Date.UTC(2026, 10, 1);
const opts = { now: at, currency: 'USD', owner: 'rep' };
const src = { url: 'https://mail.google.com/mail/u/0/#inbox/1', site: 'gmail', at: at + 1000 };
const page = (c: CandidateInput): PageCapture => ({
  url: 'https://acme.test/team',
  title: 'Team',
  site: 'web',
  candidates: [Candidate.parse(c)],
});
const stored: CandidateInput = {
  name: 'Sari Dewi',
  jobTitle: 'Sales Manager',
  company: 'PT Acme',
  emails: ['sari.dewi@gmail.test'],
};
const signature = Candidate.parse({
  name: 'Sari Dewi',
  jobTitle: 'Head of Sales',
  company: 'PT Acme',
  emails: ['sari.dewi@gmail.test', 'sari@acme.co.id'],
  phones: ['+62 812 5550 1234'],
  linkedinUrl: 'https://www.linkedin.com/in/saridewi/',
  provenance: {
    jobTitle: { source: 'gmail', detail: 'signature', confidence: 0.8 },
    emails: { source: 'gmail', detail: 'signature' },
  },
});

async function withSari() {
  const db = await freshDb();
  const [s] = await saveCapture(db, page(stored), opts);
  return { db, id: s!.contactId, contact: (await db.contacts.get(s!.contactId))! };
}

describe('what a page adds to a known person', () => {
  it('lists each change: a new title with the old one, emails, phones and links added, nothing else', async () => {
    const { contact } = await withSari();
    const changes = offeredUpdate(contact, signature);
    expect(changes.map((c) => [c.field, c.from, c.to, c.added, c.locked])).toEqual([
      ['jobTitle', 'Sales Manager', 'Head of Sales', [], false],
      ['emails', '', '', ['sari@acme.co.id'], false],
      ['phones', '', '', ['+62 812 5550 1234'], false],
      ['urls', '', '', ['https://www.linkedin.com/in/saridewi/'], false],
    ]);
    expect(changes[0]!.provenance).toMatchObject({ source: 'gmail', detail: 'signature' });
    // The same page again: nothing is new.
    expect(offeredUpdate(mergeCandidate(contact, signature, src).contact, signature)).toEqual([]);
  });

  it('shows a field the rep edited by hand as locked, not ticked', async () => {
    const { db, id } = await withSari();
    await updateContact(db, id, { jobTitle: 'Regional Sales Manager' }, at + 10);
    const changes = offeredUpdate((await db.contacts.get(id))!, signature);
    expect(changes.find((c) => c.field === 'jobTitle')).toMatchObject({ locked: true, from: 'Regional Sales Manager' });
    expect(defaultTicked(changes)).toEqual(['emails', 'phones', 'urls']);
  });

  it('never offers to replace a stored value with a guess (a company inferred from an email domain)', async () => {
    const { contact } = await withSari();
    const guess = Candidate.parse({
      ...stored,
      company: 'Acme',
      provenance: { company: { source: 'email-domain', confidence: 0.3 } },
    });
    expect(offeredUpdate(contact, guess)).toEqual([]);
  });

  it('offers exactly what a full capture would change (the popup and the background agree)', async () => {
    const { db, id, contact } = await withSari();
    await updateContact(db, id, { company: 'PT Acme Indonesia' }, at + 10);
    const edited = (await db.contacts.get(id))!;
    for (const c of [contact, edited]) {
      const offered = offeredUpdate(c, signature)
        .filter((x) => !x.locked)
        .map((x) => x.field);
      expect(mergeCandidate(c, signature, src).changed).toEqual(offered);
    }
  });
});

describe('applyKnownUpdates', () => {
  it('writes only the ticked fields, with a timeline entry saying each change and where it was read', async () => {
    const { db, id } = await withSari();
    const [done] = await applyKnownUpdates(
      db,
      [{ contactId: id, candidate: signature, fields: ['jobTitle', 'emails'] }],
      src,
    );
    expect(done!.changed).toEqual(['jobTitle', 'emails']);
    const after = (await db.contacts.get(id))!;
    expect(after.jobTitle).toBe('Head of Sales');
    expect(after.emails).toEqual(['sari.dewi@gmail.test', 'sari@acme.co.id']);
    expect(after.phones).toEqual([]);
    expect(after.urls.linkedin).toBeUndefined();
    expect(after.provenance.jobTitle).toMatchObject({ source: 'gmail', detail: 'signature', url: src.url });
    const entry = (await db.activities.where('contactId').equals(id).toArray()).find((a) => a.type === 'updated')!;
    expect(entry.payload).toMatchObject({
      site: 'gmail',
      fields: ['jobTitle', 'emails'],
      changes: [
        { field: 'jobTitle', from: 'Sales Manager', to: 'Head of Sales', source: 'gmail', detail: 'signature' },
      ],
      added: [{ field: 'emails', values: ['sari@acme.co.id'], source: 'gmail', detail: 'signature' }],
    });
  });

  it('never overwrites a hand edit, even when asked for it', async () => {
    const { db, id } = await withSari();
    await updateContact(db, id, { jobTitle: 'Regional Sales Manager' }, at + 10);
    const [done] = await applyKnownUpdates(db, [{ contactId: id, candidate: signature, fields: ['jobTitle'] }], src);
    expect(done!.changed).toEqual([]);
    expect((await db.contacts.get(id))!.jobTitle).toBe('Regional Sales Manager');
  });

  it('skips a contact deleted meanwhile, and applies the others', async () => {
    const { db, id } = await withSari();
    const [other] = await saveCapture(db, page({ name: 'Budi Santoso', company: 'PT Acme' }), opts);
    await db.contacts.update(id, { deletedAt: at + 5 });
    const budi = Candidate.parse({ name: 'Budi Santoso', company: 'PT Acme', jobTitle: 'CFO' });
    const done = await applyKnownUpdates(
      db,
      [
        { contactId: id, candidate: signature, fields: ['jobTitle'] },
        { contactId: other!.contactId, candidate: budi, fields: ['jobTitle'] },
      ],
      src,
    );
    expect(done.map((d) => d.changed)).toEqual([[], ['jobTitle']]);
    expect((await db.contacts.get(id))!.jobTitle).toBe('Sales Manager');
  });

  it('candidateWithOnly keeps the chosen fields and blanks the rest', () => {
    const only = candidateWithOnly(signature, ['phones']);
    expect([only.jobTitle, only.emails, only.phones, only.linkedinUrl, only.name]).toEqual([
      '',
      [],
      ['+62 812 5550 1234'],
      '',
      '',
    ]);
  });

  it('the message is checked on receipt: an unknown field or no field at all is refused', () => {
    const req = protocol['contact.applyUpdates'].request;
    const base = {
      source: { url: src.url, site: 'gmail' },
      updates: [{ contactId: 'c1', candidate: signature, fields: ['jobTitle'] }],
    };
    expect(req.safeParse(base).success).toBe(true);
    expect(req.safeParse({ ...base, updates: [{ ...base.updates[0], fields: ['editedFields'] }] }).success).toBe(false);
    expect(req.safeParse({ ...base, updates: [{ ...base.updates[0], fields: [] }] }).success).toBe(false);
  });

  it('through the message table: checked on receipt, then applied by the background', async () => {
    const { db, id } = await withSari();
    const self = { id: 'x', origin: 'chrome-extension://x/' };
    const route = createRouter(createHandlers({ db, settings: async () => DEFAULT_SETTINGS, now: () => src.at }), self);
    const from = { id: 'x', url: 'chrome-extension://x/popup.html' };
    const payload = (fields: string[]) => ({
      source: { url: src.url, site: 'gmail' },
      updates: [{ contactId: id, candidate: signature, fields }],
    });
    expect(await route({ type: 'contact.applyUpdates', payload: payload(['editedFields']) }, from)).toMatchObject({
      ok: false,
    });
    expect((await db.contacts.get(id))!.phones).toEqual([]);
    expect(await route({ type: 'contact.applyUpdates', payload: payload(['phones']) }, from)).toMatchObject({
      ok: true,
      data: { updated: [{ contactId: id, changed: ['phones'] }] },
    });
  });
});
