import { describe, expect, it } from 'vitest';
import { findContacts } from '@/lib/pipeline/find-contact';
import { mergeContacts, mergedContact } from '@/lib/pipeline/merge-contacts';
import { AT, makeContact, makeDeal } from '../board/factory';
import { freshDb } from '../helpers';

const keep = makeContact('k', {
  name: 'Dewi Lestari',
  company: '',
  emails: ['dewi@nusantara.test'],
  phones: ['+62 21 555 0199'],
  urls: { linkedin: 'https://www.linkedin.com/in/dewi/', other: [] },
  tags: ['vip'],
  notes: 'Met at expo.',
  provenance: { name: { source: 'linkedin' } },
  createdAt: AT,
  source: { url: 'https://linkedin.com/in/dewi', site: 'linkedin', capturedAt: AT },
});
const other = makeContact('o', {
  name: 'D. Lestari',
  company: 'PT Nusantara Logistics',
  jobTitle: 'CFO',
  emails: ['DEWI@nusantara.test', 'dewi.l@gmail.test'],
  phones: ['+62 21 555 0199', '+62 812 000 111'],
  urls: { website: 'https://dewi.test', other: ['https://blog.dewi.test'] },
  tags: ['VIP', 'expo'],
  notes: 'Prefers WhatsApp.',
  provenance: { company: { source: 'json-ld', url: 'https://acme.test' } },
  createdAt: AT - 1000,
  source: { url: 'https://mail.google.com/x', site: 'gmail', capturedAt: AT - 1000 },
});

describe('manual merge of two contacts', () => {
  it('keeps every distinct email, phone, link and tag; fills gaps with provenance; joins notes', () => {
    const m = mergedContact(keep, other, AT + 5);
    expect(m.name).toBe('Dewi Lestari');
    expect(m.company).toBe('PT Nusantara Logistics');
    expect(m.jobTitle).toBe('CFO');
    expect(m.provenance.company).toEqual({ source: 'json-ld', url: 'https://acme.test' });
    expect(m.provenance.name).toEqual({ source: 'linkedin' });
    expect(m.emails).toEqual(['dewi@nusantara.test', 'dewi.l@gmail.test']);
    expect(m.phones).toEqual(['+62 21 555 0199', '+62 812 000 111']);
    expect(m.tags).toEqual(['vip', 'expo']);
    expect(m.urls).toEqual({
      linkedin: 'https://www.linkedin.com/in/dewi/',
      website: 'https://dewi.test',
      other: ['https://blog.dewi.test'],
    });
    expect(m.notes).toBe('Met at expo.\n\nPrefers WhatsApp.');
    expect(m.source.site).toBe('gmail');
    expect(m.createdAt).toBe(AT - 1000);
    expect(m.nameKey).toBe('dewi lestari|nusantara logistics');
  });

  it('moves deals and timeline to the kept contact and marks the other merged', async () => {
    const db = await freshDb();
    await db.contacts.bulkAdd([keep, other]);
    await db.deals.bulkAdd([makeDeal('dk', 'k', 'demo'), makeDeal('do', 'o', 'proposal')]);
    await db.activities.bulkAdd([
      { id: 'a1', contactId: 'o', dealId: 'do', type: 'captured', at: AT - 1000, payload: {} },
      { id: 'a2', contactId: 'o', dealId: 'do', type: 'note', at: AT, payload: { text: 'hi' } },
    ]);
    await mergeContacts(db, 'k', 'o', AT + 10);
    expect((await db.deals.where('contactId').equals('k').toArray()).map((d) => d.id).sort()).toEqual(['dk', 'do']);
    const timeline = await db.activities
      .where('[contactId+at]')
      .between(['k', 0], ['k', Number.MAX_SAFE_INTEGER])
      .toArray();
    expect(timeline.map((a) => a.type)).toEqual(['captured', 'note', 'merged']);
    expect(timeline.at(-1)?.payload).toMatchObject({ mergedId: 'o', name: 'D. Lestari' });
    const gone = await db.contacts.get('o');
    expect(gone).toMatchObject({ mergedInto: 'k', deletedAt: AT + 10 });
    // Nothing was dropped: the merged record still exists, and a later lookup finds only the kept contact.
    expect(await db.contacts.count()).toBe(2);
    expect((await findContacts(db, { emails: ['dewi.l@gmail.test'] })).map((c) => c.id)).toEqual(['k']);
    expect(await db.contactIndex.where('words').startsWith('nusantara').primaryKeys()).toEqual(['k']);
  });

  it('refuses to merge a contact with itself or with one already gone', async () => {
    const db = await freshDb();
    await db.contacts.bulkAdd([keep, { ...other, deletedAt: AT }]);
    await expect(mergeContacts(db, 'k', 'k', AT)).rejects.toMatchObject({ parts: [{ key: 'error_mergeSelf' }] });
    await expect(mergeContacts(db, 'k', 'o', AT)).rejects.toMatchObject({ parts: [{ key: 'error_mergeGone' }] });
    await expect(mergeContacts(db, 'k', 'nobody', AT)).rejects.toMatchObject({
      parts: [{ key: 'error_mergeMissing' }],
    });
  });
});
