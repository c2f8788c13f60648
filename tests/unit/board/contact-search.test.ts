import { describe, expect, it } from 'vitest';
import { allTags, contactIdsWithTag, liveContactIds, nameRanks, searchContactIds } from '@/lib/pipeline/contact-search';
import { freshDb } from '../helpers';
import { AT, makeContact } from './factory';

async function people() {
  const db = await freshDb();
  await db.contacts.bulkAdd([
    makeContact('dewi', {
      name: 'Dewi Lestari',
      company: 'Nusantara Logistics',
      emails: ['dewi@nusantara.test'],
      tags: ['vip'],
      createdAt: AT + 3,
      updatedAt: AT + 1,
    }),
    makeContact('budi', { name: 'Budi Santoso', company: 'Maju Jaya', emails: ['budi@maju.test'], createdAt: AT + 1 }),
    makeContact('ana', {
      name: 'Ána Núñez',
      company: 'Acme',
      emails: ['ana@acme.test'],
      tags: ['expo'],
      createdAt: AT + 2,
      updatedAt: AT + 3,
    }),
    makeContact('gone', { name: 'Dewi Gone', company: 'Nusantara', deletedAt: AT, tags: ['vip'] }),
  ]);
  return db;
}

describe('contact search and order (index only)', () => {
  it('matches every query word as a prefix of a name, company or email word, accents folded', async () => {
    const db = await people();
    expect(await searchContactIds(db, '')).toBeNull();
    expect(await searchContactIds(db, '  ,. ')).toBeNull();
    expect([...(await searchContactIds(db, 'dewi'))!]).toEqual(['dewi']);
    expect([...(await searchContactIds(db, 'nus dew'))!]).toEqual(['dewi']);
    expect([...(await searchContactIds(db, 'NUNEZ'))!]).toEqual(['ana']);
    expect([...(await searchContactIds(db, 'budi@maju'))!]).toEqual(['budi']);
    expect([...(await searchContactIds(db, 'dewi maju'))!]).toEqual([]);
  });

  it('lists live contacts in name, company, created or updated order', async () => {
    const db = await people();
    expect(await liveContactIds(db, 'name')).toEqual(['ana', 'budi', 'dewi']);
    expect(await liveContactIds(db, 'name', true)).toEqual(['dewi', 'budi', 'ana']);
    expect(await liveContactIds(db, 'company')).toEqual(['ana', 'budi', 'dewi']);
    expect(await liveContactIds(db, 'created')).toEqual(['budi', 'ana', 'dewi']);
    expect(await liveContactIds(db, 'updated', true)).toEqual(['ana', 'dewi', 'budi']);
    expect(await nameRanks(db)).toEqual(
      new Map([
        ['ana', 0],
        ['budi', 1],
        ['dewi', 2],
      ]),
    );
  });

  it('finds contacts by tag and lists tags in use', async () => {
    const db = await people();
    expect([...(await contactIdsWithTag(db, 'vip'))].sort()).toEqual(['dewi', 'gone']);
    expect(await allTags(db)).toEqual(['expo', 'vip']);
  });
});
