import { describe, expect, it } from 'vitest';
import { followUpTask } from '@/lib/db/database';
import { completeFollowUp, updateDeal } from '@/lib/pipeline/mutations';
import { composeUrl, fillTemplate, templateValues } from '@/lib/tasks/compose';
import { taskGroup, tasksOfContact } from '@/lib/tasks/due';
import { addTask, completeTask, deleteTask, rescheduleTask } from '@/lib/tasks/write';
import { DAY, makeContact, makeDeal } from './board/factory';
import { freshDb } from './helpers';

const now = new Date(2026, 2, 18, 12).getTime(); // a Wednesday

async function seeded() {
  const db = await freshDb();
  await db.contacts.add(makeContact('c1', { name: 'Sari Dewi', company: 'Maju Jaya', emails: ['sari@maju.co.id'] }));
  await db.deals.add(makeDeal('d1', 'c1', 'demo'));
  return db;
}

describe('follow-ups as tasks', () => {
  it('keeps several per contact, and the deal showing its next open one', async () => {
    const db = await seeded();
    const call = await addTask(
      db,
      { contactId: 'c1', dealId: 'd1', type: 'call', title: 'Call about pilot', dueAt: now + 2 * DAY },
      now,
    );
    const mail = await addTask(
      db,
      { contactId: 'c1', dealId: 'd1', type: 'email', title: 'Send proposal', dueAt: now + DAY },
      now,
    );
    await addTask(db, { contactId: 'c1', type: 'meeting', title: 'Coffee', dueAt: now + 3 * DAY }, now);
    expect(await db.deals.get('d1')).toMatchObject({ followUpAt: now + DAY, followUpNote: 'Send proposal' });
    expect((await tasksOfContact(db, 'c1')).map((t) => t.title)).toEqual([
      'Send proposal',
      'Call about pilot',
      'Coffee',
    ]);

    await completeTask(db, mail.id, now + 1);
    expect(await db.deals.get('d1')).toMatchObject({ followUpAt: now + 2 * DAY, followUpNote: 'Call about pilot' });
    await rescheduleTask(db, call.id, now + 7 * DAY, now + 2);
    expect((await db.deals.get('d1'))!.followUpAt).toBe(now + 7 * DAY);
    await deleteTask(db, call.id, now + 3);
    expect(await db.deals.get('d1')).toMatchObject({ followUpAt: null, followUpNote: '' });
    const timeline = await db.activities.where('contactId').equals('c1').toArray();
    expect(timeline.filter((a) => a.type === 'follow-up-set')).toHaveLength(4);
    expect(timeline.filter((a) => a.type === 'follow-up-done')).toHaveLength(1);
  });

  it("setting a deal's follow-up the old way moves its next task; done completes it", async () => {
    const db = await seeded();
    await updateDeal(db, 'd1', { followUpAt: now + DAY, followUpNote: 'Check in' }, now);
    await updateDeal(db, 'd1', { followUpAt: now + 2 * DAY, followUpNote: 'Check in later' }, now + 1);
    const tasks = await db.tasks.toArray();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      dealId: 'd1',
      dueAt: now + 2 * DAY,
      title: 'Check in later',
      openDue: now + 2 * DAY,
    });
    await completeFollowUp(db, 'd1', now + 2);
    expect((await db.tasks.toArray())[0]).toMatchObject({ openDue: null, doneAt: now + 2 });
    expect((await db.deals.get('d1'))!.followUpAt).toBeNull();
  });

  it('refuses a follow-up for a contact that is gone, or a deal of someone else', async () => {
    const db = await seeded();
    await db.contacts.add(makeContact('c2', { deletedAt: now }));
    await expect(addTask(db, { contactId: 'c2', dueAt: now }, now)).rejects.toMatchObject({
      parts: [{ key: 'error_noContact' }],
    });
    await db.contacts.add(makeContact('c3'));
    await expect(addTask(db, { contactId: 'c3', dealId: 'd1', dueAt: now }, now)).rejects.toMatchObject({
      parts: [{ key: 'error_noDeal' }],
    });
  });

  it('groups due times as the rep reads the week (Monday first)', () => {
    expect(taskGroup(now - DAY, now)).toBe('overdue');
    expect(taskGroup(now + 3600_000, now)).toBe('today');
    expect(taskGroup(now + DAY, now)).toBe('tomorrow');
    expect(taskGroup(now + 3 * DAY, now)).toBe('week'); // Saturday
    expect(taskGroup(now + 4 * DAY, now)).toBe('week'); // Sunday
    expect(taskGroup(now + 5 * DAY, now)).toBe('later'); // next Monday
  });

  it('migrates a deal follow-up into an open task', () => {
    const task = followUpTask(makeDeal('d9', 'c9', 'demo', { followUpAt: now, followUpNote: 'Ring' }));
    expect(task).toMatchObject({ contactId: 'c9', dealId: 'd9', dueAt: now, openDue: now, title: 'Ring' });
  });
});

describe('follow-up emails', () => {
  const contact = makeContact('c1', { name: 'Sari Dewi', company: 'Maju Jaya', emails: ['sari@maju.co.id'] });
  it('fills a template from the contact and the rep, leaving an unknown placeholder as written', () => {
    const values = templateValues(contact, 'Budi');
    expect(fillTemplate('Hi {firstName} at {company}, {myName} here. {nope}', values)).toBe(
      'Hi Sari at Maju Jaya, Budi here. {nope}',
    );
  });
  it('opens a draft in the chosen client, every value encoded, nothing sent', () => {
    expect(composeUrl('mailto', 'sari@maju.co.id', 'Hi & bye', 'a\nb')).toBe(
      'mailto:sari@maju.co.id?subject=Hi%20%26%20bye&body=a%0Ab',
    );
    expect(composeUrl('gmail', 'x@y.io', 's', 'b')).toBe(
      'https://mail.google.com/mail/?view=cm&fs=1&to=x%40y.io&su=s&body=b',
    );
    expect(composeUrl('outlook', 'x@y.io', 's', 'b')).toBe(
      'https://outlook.office.com/mail/deeplink/compose?to=x%40y.io&subject=s&body=b',
    );
  });
});
