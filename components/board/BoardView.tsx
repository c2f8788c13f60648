import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { sortStages } from '@/lib/pipeline/default-stages';

/** The pipeline, one column per stage. (Minimal: the full board is issue #5.) */
export function BoardView(_props: { settings: Settings }) {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [stages, deals] = await Promise.all([db.stages.toArray(), db.deals.limit(500).toArray()]);
    const contacts = await db.contacts.bulkGet(deals.map((d) => d.contactId));
    return { stages: sortStages(stages), deals, contacts: new Map(contacts.filter((c) => !!c).map((c) => [c.id, c])) };
  }, []);
  if (!data) return null;
  return (
    <>
      {data.deals.length === 0 && <p class="muted">{t('pipelineEmpty')}</p>}
      <div class="board">
        {data.stages.map((stage) => {
          const deals = data.deals.filter((d) => d.stageId === stage.id && d.deletedAt === null);
          return (
            <section class="column" key={stage.id} data-testid={`column-${stage.id}`}>
              <h2>
                {stage.name} <span class="muted">{t('columnCount', deals.length)}</span>
              </h2>
              <ul>
                {deals.map((deal) => {
                  const contact = data.contacts.get(deal.contactId);
                  return (
                    <li class="deal-card" key={deal.id} data-testid="deal-card">
                      <strong>{contact?.name || contact?.emails[0] || t('unnamed')}</strong>
                      <div class="muted">{contact?.company}</div>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
