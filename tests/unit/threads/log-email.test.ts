import { describe, expect, it } from 'vitest';
import { createDealFor } from '@/lib/background/create-deal';
import { createHandlers } from '@/lib/messaging/handlers';
import { createRouter } from '@/lib/messaging/router';
import type { RawThread } from '@/lib/model/email-thread';
import { loggedMessages, logThread, safeThreadUrl } from '@/lib/pipeline/log-email';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { latestEmailTexts } from '@/lib/pipeline/suggest-bant';
import { freshDb } from '../helpers';

const src = { url: 'https://x.test', site: 'web', at: 1000 };
const cand = (name: string, email: string) => ({
  name,
  givenName: '',
  familyName: '',
  jobTitle: '',
  company: 'Orbital Freight',
  emails: [email],
  phones: [],
  urls: [],
  linkedinUrl: '',
  location: '',
  provenance: {},
  confidence: 1,
});

const thread: RawThread = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
  threadId: 'gmail:thread-f:1',
  subject: 'Re: Pilot proposal for Q3',
  lang: 'en',
  self: ['rizal@brightline.example'],
  messages: [
    {
      from: { name: 'Priya Natarajan', email: 'Priya@orbital.example' },
      to: [{ name: 'Rizal Hakim', email: 'rizal@brightline.example' }],
      date: 'Mon, Jan 6, 2025, 10:02 AM',
      text: 'Could you send over a proposal with pricing for 40 users?',
    },
    {
      from: { name: 'Rizal Hakim', email: 'rizal@brightline.example' },
      to: [{ name: 'Priya', email: 'priya@orbital.example' }],
      date: 'Tue, Jan 7, 2025, 9:15 AM',
      text: 'Our budget proposal is attached.',
    },
    {
      from: { name: 'Tom Becker', email: 'tom@orbital.example' },
      to: [
        { name: 'Rizal Hakim', email: 'rizal@brightline.example' },
        { name: 'New Person', email: 'new@orbital.example' },
      ],
      date: 'Wed, Jan 8, 2025, 2:41 PM',
      text: "I'm the budget owner for this project. Can we move the start to 1 July?",
    },
  ],
};

async function seed() {
  const db = await freshDb();
  await db.contacts.add(contactFromCandidate(cand('Priya Natarajan', 'priya@orbital.example'), src, 'priya'));
  await db.contacts.add(contactFromCandidate(cand('Tom Becker', 'tom@orbital.example'), src, 'tom'));
  return db;
}

describe('logging an email thread', () => {
  it('adds one entry per known participant with subject, date, participants, first lines and the link', async () => {
    const db = await seed();
    const result = await logThread(db, thread, 5000);
    expect(result.logged.map((p) => p.name).sort()).toEqual(['Priya Natarajan', 'Tom Becker']);
    expect(result.unknown).toEqual([{ name: 'New Person', email: 'new@orbital.example' }]);
    const [entry] = await db.activities
      .where({ contactId: 'tom' })
      .filter((a) => a.type === 'email-logged')
      .toArray();
    expect(entry!.payload).toMatchObject({
      subject: 'Re: Pilot proposal for Q3',
      url: thread.url,
      date: new Date(2025, 0, 8, 14, 41).getTime(),
      participants: [
        { name: 'Priya Natarajan', email: 'priya@orbital.example' },
        { name: 'Tom Becker', email: 'tom@orbital.example' },
        { name: 'New Person', email: 'new@orbital.example' },
      ],
    });
    expect((entry!.payload.messages as { mine: boolean }[]).map((m) => m.mine)).toEqual([false, true, false]);
  });

  it('logging the same thread twice adds nothing; a later reply is logged on its own', async () => {
    const db = await seed();
    await logThread(db, thread, 5000);
    const again = await logThread(db, thread, 6000);
    expect(again.logged).toEqual([]);
    expect(again.already.map((p) => p.contactId).sort()).toEqual(['priya', 'tom']);
    expect(await db.activities.where('type').equals('email-logged').count()).toBe(2);
    const reply = {
      from: { name: 'Tom Becker', email: 'tom@orbital.example' },
      to: [],
      date: 'Thu, Jan 9, 2025, 8:00 AM',
      text: 'Urgent: please send the contract.',
    };
    const later = await logThread(db, { ...thread, messages: [...thread.messages, reply] }, 7000);
    expect(later.logged.map((p) => p.contactId).sort()).toEqual(['priya', 'tom']);
    const newest = await db.activities
      .where({ contactId: 'tom' })
      .filter((a) => a.at === 7000)
      .first();
    expect((newest!.payload.messages as { text: string }[]).map((m) => m.text)).toEqual([reply.text]);
  });

  it('lists nobody as known when no participant is stored, and never the rep', async () => {
    const db = await freshDb();
    const result = await logThread(db, thread, 5000);
    expect(result.logged).toEqual([]);
    expect(result.unknown.map((p) => p.email)).toEqual([
      'priya@orbital.example',
      'tom@orbital.example',
      'new@orbital.example',
    ]);
    expect(await db.activities.count()).toBe(0);
  });

  it("refreshes the open deal's BANT from the prospect's words, not the rep's", async () => {
    const db = await seed();
    const deal = await createDealFor(db, 'tom', { now: 1000, currency: 'USD', owner: '' });
    await logThread(db, thread, 5000);
    // Priya's entry holds the whole thread, the rep's message left out; only her own words count as hers.
    expect(await latestEmailTexts(db, 'priya')).toEqual([
      { text: "I'm the budget owner for this project. Can we move the start to 1 July?", byContact: false },
      { text: 'Could you send over a proposal with pricing for 40 users?', byContact: true },
    ]);
    const stored = await db.deals.get(deal.id);
    expect(stored!.bant.budget).toMatchObject({ level: 2, confirmed: false });
    expect(stored!.bant.authority).toMatchObject({ level: 3, confirmed: false });
    // Tom's "I'm the budget owner" does not make Priya the decision maker.
    const priyaDeal = await createDealFor(db, 'priya', { now: 1000, currency: 'USD', owner: '' });
    await logThread(db, { ...thread, threadId: 'gmail:thread-f:2' }, 6000);
    expect((await db.deals.get(priyaDeal.id))!.bant.authority.level).toBe(0);
  });

  it('keeps only web links back to the thread', async () => {
    expect(safeThreadUrl('javascript:alert(1)')).toBe('');
    expect(safeThreadUrl('https://outlook.office.com/mail/id/A')).toBe('https://outlook.office.com/mail/id/A');
    const db = await seed();
    await logThread(db, { ...thread, url: 'javascript:alert(1)' }, 5000);
    const [entry] = await db.activities.where('type').equals('email-logged').toArray();
    expect(entry!.payload.url).toBe('');
    // Each message is keyed by thread, date and sender; the rep's own one is marked.
    expect(loggedMessages(thread).messages.map((m) => m.key)).toEqual([
      `gmail:thread-f:1|${new Date(2025, 0, 6, 10, 2).getTime()}|priya@orbital.example`,
      `gmail:thread-f:1|${new Date(2025, 0, 7, 9, 15).getTime()}|rizal@brightline.example`,
      `gmail:thread-f:1|${new Date(2025, 0, 8, 14, 41).getTime()}|tom@orbital.example`,
    ]);
  });

  it('is refused at the message table when the page sent something else', async () => {
    const db = await seed();
    const route = createRouter(createHandlers({ db, settings: async () => ({}) as never, now: () => 5000 }), {
      id: 'ext',
      origin: 'chrome-extension://ext/',
    });
    const sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    const bad = await route({ type: 'thread.log', payload: { thread: { ...thread, messages: 'x' } } }, sender);
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    const fromPage = await route({ type: 'thread.log', payload: { thread } }, { id: 'ext', tab: { id: 1 } });
    expect(fromPage).toMatchObject({ ok: false, code: 'forbidden' });
    const ok = await route({ type: 'thread.log', payload: { thread } }, sender);
    expect(ok).toMatchObject({ ok: true, data: { logged: [{}, {}] } });
    expect(await db.activities.where('type').equals('email-logged').count()).toBe(2);
  });
});
