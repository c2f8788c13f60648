import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/database';
import { contactCache } from '@/lib/read/contact-cache';
import { makeContact } from '../board/factory';

const settle = () => new Promise((ok) => setTimeout(ok, 30));

describe('the board’s contact cache', () => {
  it('reads the contacts asked for in one batch, keeps them, and reads a changed one again', async () => {
    const db = getDb();
    await db.contacts.bulkPut([makeContact('cc1', { name: 'Ayu' }), makeContact('cc2', { name: 'Ben' })]);
    let batches = 0;
    const stop = contactCache.subscribe(() => batches++);
    contactCache.request(['cc1', 'cc2']);
    contactCache.request(['cc1', 'missing']);
    expect(contactCache.get('cc1')).toBeUndefined();
    await settle();
    expect(batches).toBe(1);
    expect(contactCache.get('cc1')?.name).toBe('Ayu');
    expect(contactCache.get('missing')).toBeNull();

    await db.contacts.update('cc2', { name: 'Benny' });
    await settle();
    expect(contactCache.get('cc2')?.name).toBe('Benny');
    expect(batches).toBe(2);

    contactCache.seed(['cc9'], [makeContact('cc9', { name: 'Seeded' })]);
    contactCache.request(['cc9']);
    await settle();
    expect(contactCache.get('cc9')?.name).toBe('Seeded');
    expect(batches).toBe(2);
    stop();
  });
});
