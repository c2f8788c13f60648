import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db/database';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import type { PageCapture, Stage } from '@/lib/model';
import type { PagePerson } from '@/lib/popup/rank-people';
import { sendLazy } from '@/lib/popup/send-lazy';
import { useLiveQuery } from '../use-live-query';

const SHOWN = 6;

export function personName(p: PagePerson): string {
  return p.contact?.name || p.candidate?.name || p.contact?.emails[0] || p.candidate?.emails[0] || t('unnamed');
}

function personRole(p: PagePerson): string {
  const c = p.contact ?? p.candidate;
  return c ? [c.jobTitle, c.company].filter(Boolean).join(' · ') : '';
}

/**
 * The other people on the page, most likely first: a short list (more on request), each known one with their
 * stage. Picking one shows them above. Several new people can be saved in one go.
 */
export function PeopleList({
  people,
  selectedKey,
  onSelect,
  stageMap,
  capture,
}: {
  people: readonly PagePerson[];
  selectedKey: string;
  onSelect: (key: string) => void;
  stageMap: ReadonlyMap<string, Stage>;
  capture: PageCapture | null;
}) {
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const others = people.filter((p) => p.key !== selectedKey);
  const shown = all ? others : others.slice(0, SHOWN);
  const knownIds = shown.flatMap((p) => (p.contact ? [p.contact.id] : []));
  // Each known person's current stage: their deals by the contactId index, never a scan.
  const stageOf = useLiveQuery(async () => {
    const deals = await getDb().deals.where('contactId').anyOf(knownIds).toArray();
    const out = new Map<string, string>();
    for (const d of deals.sort((a, b) => Number(a.outcome !== null) - Number(b.outcome !== null)))
      if (d.deletedAt === null && !out.has(d.contactId)) out.set(d.contactId, d.stageId);
    return out;
  }, [knownIds.join(',')]);
  const unknown = people.filter((p) => !p.contact && p.candidate);
  if (!others.length) return null;

  async function saveAll() {
    if (!capture) return;
    setBusy(true);
    setError('');
    try {
      await sendLazy('capture.save', {
        capture: {
          url: capture.url,
          title: capture.title,
          site: capture.site,
          candidates: unknown.map((p) => p.candidate!),
        },
      });
    } catch (err) {
      setError(t('saveFailed', describeError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="people" aria-labelledby="people-title">
      <h2 id="people-title">{t('popup_alsoOnPage', others.length)}</h2>
      <ul>
        {shown.map((p) => {
          const stage = p.contact ? stageMap.get(stageOf?.get(p.contact.id) ?? '') : undefined;
          return (
            <li key={p.key}>
              <button type="button" class="person-row" data-testid="person-row" onClick={() => onSelect(p.key)}>
                <span class="person-name">{personName(p)}</span>
                <span class="muted person-role">{personRole(p)}</span>
                {stage ? (
                  <span class="stage-pill">
                    <span class="stage-dot" style={{ background: stage.color }} aria-hidden="true" />
                    {stage.name}
                  </span>
                ) : (
                  !p.contact && <span class="new-pill">{t('popup_new')}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        {others.length > SHOWN && (
          <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('popup_showFewer') : t('popup_showAll', others.length)}
          </button>
        )}
        {unknown.length > 1 && capture && (
          <button type="button" disabled={busy} data-testid="save-all" onClick={saveAll}>
            {t('popup_saveAllNew', unknown.length)}
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
