import { describe, expect, it } from 'vitest';
import { findPossibleDuplicates } from '@/lib/pipeline/duplicates';
import { withKeys } from '@/lib/pipeline/merge';
import { AT, makeContact } from '../board/factory';
import { freshDb } from '../helpers';

const c = (id: string, over: Parameters<typeof makeContact>[1]) => withKeys(makeContact(id, over));

describe('possible duplicates', () => {
  it('finds contacts sharing an email, profile, phone, name at company or full name, strongest first', async () => {
    const db = await freshDb();
    const me = c('me', {
      name: 'Dewi Lestari',
      company: 'Nusantara Logistics',
      emails: ['dewi@nusantara.test'],
      phones: ['+62 21 555 0199'],
      urls: { linkedin: 'https://www.linkedin.com/in/dewi/', other: [] },
    });
    await db.contacts.bulkAdd([
      me,
      c('email', { name: 'D L', company: 'X', emails: ['dewi@nusantara.test'] }),
      c('li', {
        name: 'Dewi',
        company: '',
        emails: [],
        urls: { linkedin: 'https://www.linkedin.com/in/dewi/', other: [] },
      }),
      c('namecomp', { name: 'Dewi  Lestari', company: 'PT Nusantara Logistics', emails: [] }),
      c('phone', { name: 'Reception', company: 'Y', emails: [], phones: ['021-555-0199'] }),
      c('name', { name: 'DEWI LESTARI', company: 'Other Co', emails: [] }),
      c('other', { name: 'Dewi Sartika', company: 'Nusantara Logistics', emails: [] }),
      c('deleted', { name: 'Dewi Lestari', company: 'Nusantara Logistics', emails: [], deletedAt: AT }),
    ]);
    const found = await findPossibleDuplicates(db, me);
    expect(found.map((f) => [f.contact.id, f.reasons])).toEqual([
      ['email', ['email']],
      ['li', ['linkedin']],
      // A phone is strong evidence (lib/identity), a name at a company weak.
      ['phone', ['phone']],
      ['namecomp', ['name-company', 'name']],
      ['name', ['name']],
    ]);
  });

  it('finds nothing for a contact with nothing in common with others', async () => {
    const db = await freshDb();
    const me = c('me', { name: 'Solo', company: '', emails: [] });
    await db.contacts.bulkAdd([me, c('x', { name: 'Someone Else', emails: [] })]);
    expect(await findPossibleDuplicates(db, me)).toEqual([]);
  });
});
