import { describe, expect, it } from 'vitest';
import { Candidate, type PageCapture } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { moveDeal } from '@/lib/pipeline/move-deal';
import { contactViewRead, currentStagesRead } from '@/lib/read/popup';
import { freshDb } from '../helpers';

const now = Date.UTC(2026, 10, 1);
const page = (...names: string[]): PageCapture => ({
  url: 'https://acme.test/team',
  title: 'Team',
  site: 'web',
  candidates: names.map((name) => Candidate.parse({ name, company: 'PT Acme' })),
});

describe("the popup's reads", () => {
  it('current stages: the open deal’s stage, else the latest closed one, none for a lead or a deleted deal', async () => {
    const db = await freshDb();
    const opts = { now, currency: 'IDR', owner: 'rep' };
    const [lead] = await saveCapture(db, page('Ayu Lestari'), opts);
    const [open, closed, gone] = await saveCapture(db, page('Budi Santoso', 'Citra Dewi', 'Dedi Kurnia'), {
      ...opts,
      startDeal: true,
    });
    await moveDeal(db, closed!.dealId!, 'won', now + 1);
    await db.deals.update(gone!.dealId!, { deletedAt: now + 2 });
    // Budi also has an older won deal: the open one is his current stage.
    await db.deals.add({ ...(await db.deals.get(closed!.dealId!))!, id: 'old-won', contactId: open!.contactId });
    const ids = [lead, open, closed, gone].map((s) => s!.contactId);
    const stages = await currentStagesRead(ids)(db);
    const first = (await db.deals.get(open!.dealId!))!.stageId;
    expect(Object.fromEntries(stages)).toEqual({ [open!.contactId]: first, [closed!.contactId]: 'won' });
    expect(await currentStagesRead([])(db)).toEqual(new Map());
  });

  it('a contact view by id; nothing for an unknown id', async () => {
    const db = await freshDb();
    const [s] = await saveCapture(db, page('Eka Putri'), { now, currency: 'IDR', owner: 'rep' });
    expect((await contactViewRead(s!.contactId)(db))?.contact.name).toBe('Eka Putri');
    expect(await contactViewRead('nobody')(db)).toBeNull();
  });
});
