import { generateDemo } from '../../lib/demo/generate';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '../../lib/pipeline/default-stages';
import { docIdOf, type SyncedTable } from '../../lib/sync/kinds';
import type { CouchServer } from '../support/couch-server';

/**
 * A team's server as a new rep finds it (issue 16: "10,000 deals with their contacts and activities"): the
 * default stages and a demo pipeline of `deals` deals owned by ana, written with _bulk_docs a thousand at a time.
 * Used by the sync bench and by scripts/profile-pull.ts, so both pull the same documents.
 */
export async function seedTeamServer(couch: CouchServer, db: string, deals: number) {
  const stages = stagesFromTemplate(DEFAULT_PIPELINE, (k) => k);
  const demo = generateDemo({ contacts: deals, seed: 16, now: Date.now(), stages, currency: 'IDR' });
  const docs = (
    [
      ['stages', stages],
      ['contacts', demo.contacts],
      ['deals', demo.deals.map((d) => ({ ...d, owner: 'ana' }))],
      ['activities', demo.activities],
    ] as [SyncedTable, { id: string }[]][]
  ).flatMap(([table, records]) =>
    records.map((data) => ({ _id: docIdOf(table, data.id), kind: table, data, times: {}, by: 'ana' })),
  );
  for (let i = 0; i < docs.length; i += 1000) {
    const r = await couch.admin('POST', `${db}/_bulk_docs`, { docs: docs.slice(i, i + 1000) });
    if (r.status >= 300) throw new Error(`Seeding failed: ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  return { demo, docs };
}
