import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readBeforeCommit } from '@/lib/db/read-before-commit';
import { freshDb } from '../helpers';

describe('readBeforeCommit', () => {
  it("answers with the reads' result before the browser reports the transaction complete", async () => {
    const db = await freshDb();
    const order: string[] = [];
    const stages = await readBeforeCommit(db, [db.stages], async () => {
      Dexie.currentTransaction?.idbtrans.addEventListener('complete', () => order.push('complete'));
      return db.stages.toArray();
    });
    order.push('answered');
    expect(stages.length).toBeGreaterThan(0);
    // The completion still comes, after the answer (it is what db.transaction() waits for).
    await new Promise((ok) => setTimeout(ok, 20));
    expect(order).toEqual(['answered', 'complete']);
  });

  it('rejects when a read fails, and a read outside its tables is refused', async () => {
    const db = await freshDb();
    await expect(
      readBeforeCommit(db, [db.stages], async () => {
        throw new Error('broken read');
      }),
    ).rejects.toThrow('broken read');
    await expect(readBeforeCommit(db, [db.stages], () => db.contacts.toArray())).rejects.toThrow();
  });
});
