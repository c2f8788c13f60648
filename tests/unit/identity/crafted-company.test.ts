import { describe, expect, it } from 'vitest';
import { Candidate } from '@/lib/model';
import { findContacts } from '@/lib/pipeline/find-contact';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { freshDb } from '../helpers';

// Issue #15: "Acme" followed by " sa." thirty times hung the legal-form pattern (exponential backtracking) in
// the popup, the service worker and the CSV preview. The stripping is word by word now: these complete, and
// with the right answer, whatever the machine's speed (no timing asserted; a hang fails by the test timeout).
describe('a crafted company name', () => {
  for (const n of [30, 10_000]) {
    it(`"Acme" + " sa." × ${n} + "," is Acme, found both ways`, async () => {
      const db = await freshDb();
      // The trailing comma is what made the old pattern fail at the end and retry every split of the "sa."s.
      const crafted = `Acme${' sa.'.repeat(n)},`;
      const src = { url: 'https://x.test', site: 'web', at: 1 };
      await db.contacts.add(contactFromCandidate(Candidate.parse({ name: 'Jo Lee', company: 'Acme' }), src, 'c1'));
      expect((await findContacts(db, { name: 'Jo Lee', company: crafted })).map((c) => c.id)).toEqual(['c1']);
      expect(await findContacts(db, { name: 'Jo Lee', company: `Acmeh${' sa.'.repeat(n)},` })).toEqual([]);
    });
  }
});
