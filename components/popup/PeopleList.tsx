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
 * The other people on the page, most likely first: a short list (more on request), each known one marked as
 * known with their stage (or "Lead" when they have no deal), a name-only match said so. Picking one shows them
 * above. New people can be saved in one go, each with a tick the rep can take off; once saved they read "Saved".
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
  // New people the rep took out of "Save all", by key; and the contacts the last "Save all" stored.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [justSaved, setJustSaved] = useState<ReadonlySet<string>>(new Set());
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
  const ticked = unknown.filter((p) => !unticked.has(p.key));
  if (!others.length) return null;

  async function saveAll() {
    if (!capture) return;
    setBusy(true);
    setError('');
    try {
      const { saved } = await sendLazy('capture.save', {
        capture: {
          url: capture.url,
          title: capture.title,
          site: capture.site,
          candidates: ticked.map((p) => p.candidate!),
        },
      });
      setJustSaved(new Set(saved.map((s) => s.contactId)));
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
          const offered = !p.contact && !!p.candidate && unknown.length > 1;
          return (
            <li key={p.key} class="person-item">
              {offered && (
                <input
                  type="checkbox"
                  class="person-tick"
                  data-testid="person-tick"
                  aria-label={t('popup_includeInSave', personName(p))}
                  checked={!unticked.has(p.key)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setUnticked((u) => {
                      const next = new Set(u);
                      if (on) next.delete(p.key);
                      else next.add(p.key);
                      return next;
                    });
                  }}
                />
              )}
              <button type="button" class="person-row" data-testid="person-row" onClick={() => onSelect(p.key)}>
                <span class="person-name">{personName(p)}</span>
                <span class="muted person-role">{personRole(p)}</span>
                <PersonPill person={p} stage={stage} saved={!!p.contact && justSaved.has(p.contact.id)} />
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
          <button type="button" disabled={busy || !ticked.length} data-testid="save-all" onClick={saveAll}>
            {t('popup_saveAllNew', ticked.length)}
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

/** Where a listed person stands: just saved, known (their stage, or a lead), a name-only match, or new. */
function PersonPill({ person, stage, saved }: { person: PagePerson; stage: Stage | undefined; saved: boolean }) {
  if (saved)
    return (
      <span class="new-pill saved-pill" data-testid="person-saved">
        {t('popup_saved')}
      </span>
    );
  if (!person.contact)
    return (
      <span class="new-pill" data-testid="person-new">
        {t('popup_new')}
      </span>
    );
  const weak = person.match === 'name' ? ` · ${t('popup_maybeKnown')}` : '';
  if (stage)
    return (
      <span class="stage-pill" data-testid="person-known">
        <span class="stage-dot" style={{ background: stage.color }} aria-hidden="true" />
        {stage.name}
        {weak}
      </span>
    );
  return (
    <span class="stage-pill" data-testid="person-known">
      {t('popup_knownLead')}
      {weak}
    </span>
  );
}
