import { afterEach, describe, expect, it } from 'vitest';
import { activityText, threadLink } from '@/components/contact-detail/activity-text';
import { createDealFor } from '@/lib/background/create-deal';
import { setLocale } from '@/lib/i18n';
import { newActivity } from '@/lib/model/activity';
import type { RawThread } from '@/lib/model/email-thread';
import { logThread } from '@/lib/pipeline/log-email';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { addNote } from '@/lib/pipeline/mutations';
import { contactDetail, timelinePage } from '@/lib/read/contact-detail';
import { freshDb } from '../helpers';

const src = { url: 'https://x.test', site: 'web', at: 1000 };
const person = {
  name: 'Tom Becker',
  givenName: '',
  familyName: '',
  jobTitle: '',
  company: 'Orbital',
  emails: ['tom@orbital.example'],
  phones: [],
  urls: [],
  linkedinUrl: '',
  location: '',
  provenance: {},
  confidence: 1,
};
const thread: RawThread = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
  threadId: 'gmail:thread-f:1',
  subject: 'Re: Pilot proposal',
  lang: 'en',
  self: ['rizal@brightline.example'],
  messages: [
    {
      from: { name: 'Tom Becker', email: 'tom@orbital.example' },
      to: [{ name: 'Rizal', email: 'rizal@brightline.example' }],
      date: 'Wed, Jan 8, 2025, 2:41 PM',
      text: "I'm the budget owner for this project.",
    },
  ],
};

afterEach(() => setLocale('en'));

describe("the contact page's reads (lib/read/contact-detail.ts)", () => {
  it('reads the contact, their live deals, the stages in order and the BANT evidence', async () => {
    const db = await freshDb();
    await db.contacts.add(contactFromCandidate(person, src, 'tom'));
    const deal = await createDealFor(db, 'tom', { now: 1000, currency: 'USD', owner: '' });
    const gone = await createDealFor(db, 'tom', { now: 1000, currency: 'USD', owner: '' });
    await db.deals.update(gone.id, { deletedAt: 2000 });
    await addNote(db, 'tom', null, 'They need it soon', 3000);
    await logThread(db, thread, 4000);
    const data = await contactDetail(db, 'tom');
    expect(data.contact?.name).toBe('Tom Becker');
    expect(data.deals.map((d) => d.id)).toEqual([deal.id]);
    expect(data.stages.map((s) => s.order)).toEqual([...data.stages.map((s) => s.order)].sort((a, b) => a - b));
    expect(data.noteTexts).toEqual(['They need it soon']);
    expect(data.emailTexts).toEqual([{ text: "I'm the budget owner for this project.", byContact: true }]);
    expect((await contactDetail(db, 'nobody')).contact).toBeUndefined();
  });

  it("reads a page of the contact's timeline, newest first, one more than asked", async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await db.activities.add(newActivity('tom', null, 'note', 1000 + i, { text: `n${i}` }));
    await db.activities.add(newActivity('other', null, 'note', 5000, { text: 'not theirs' }));
    const page = await timelinePage(db, 'tom', 3);
    expect(page.map((a) => a.payload.text)).toEqual(['n4', 'n3', 'n2', 'n1']);
  });
});

describe('a logged email in the timeline', () => {
  it('reads as a sentence with subject, date, participants and first lines, with a web link only', async () => {
    const db = await freshDb();
    await db.contacts.add(contactFromCandidate(person, src, 'tom'));
    await logThread(db, thread, 4000);
    const [entry] = await timelinePage(db, 'tom', 10);
    const lines = activityText(entry!, (id) => id);
    expect(lines[0]).toMatch(/^Email “Re: Pilot proposal” of .*2025.*, with Tom Becker$/);
    expect(lines[1]).toBe("Tom Becker: I'm the budget owner for this project.");
    expect(threadLink(entry!)).toBe(thread.url);
    expect(threadLink({ ...entry!, payload: { ...entry!.payload, url: 'javascript:alert(1)' } })).toBeUndefined();
    setLocale('id');
    expect(activityText(entry!, (id) => id)[0]).toMatch(/^Email “Re: Pilot proposal” tanggal .*, dengan Tom Becker$/);
  });
});
