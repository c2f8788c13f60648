import { useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import type { PageCapture, Stage } from '@/lib/model';
import { offeredUpdate, type UpdateField } from '@/lib/pipeline/known-update';
import type { PagePerson } from '@/lib/popup/rank-people';
import { sendLazy } from '@/lib/popup/send-lazy';
import { currentStagesRead } from '@/lib/read/popup';
import { useLiveQuery } from '../use-live-query';
import { tickedFields } from './UpdateOffer';
import { useUpdateChoices } from './update-choices';

const SHOWN = 6;

export function personName(p: PagePerson): string {
  return p.contact?.name || p.candidate?.name || p.contact?.emails[0] || p.candidate?.emails[0] || t('unnamed');
}

function personRole(p: PagePerson): string {
  const c = p.contact ?? p.candidate;
  return c ? [c.jobTitle, c.company].filter(Boolean).join(' · ') : '';
}

/** The fields "Save all" would update on a known person: what the page adds, as ticked on their card. */
function updateOf(p: PagePerson): UpdateField[] {
  // A name-and-company match is updated only once the rep says it is the same person, on its own card.
  if (!p.contact || !p.candidate || p.match === 'name') return [];
  return tickedFields(p.contact.id, offeredUpdate(p.contact, p.candidate));
}

/**
 * The other people on the page, most likely first: a short list (more on request), each known one marked as
 * known with their stage (or "Lead" when they have no deal), a name-only match said so. Picking one shows them
 * above. New people, and known ones the page has new details for, can be saved in one go, each with a tick the
 * rep can take off; once saved they read "Saved" (or "Updated").
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
  const [justUpdated, setJustUpdated] = useState<ReadonlySet<string>>(new Set());
  useUpdateChoices();
  const others = people.filter((p) => p.key !== selectedKey);
  const shown = all ? others : others.slice(0, SHOWN);
  const knownIds = shown.flatMap((p) => (p.contact ? [p.contact.id] : []));
  // Each known person's current stage: their deals by the contactId index, never a scan.
  const stageOf = useLiveQuery(currentStagesRead(knownIds), [knownIds.join(',')]);
  const unknown = people.filter((p) => !p.contact && p.candidate);
  // Known people (not the one shown above, whose card has its own update) the page has something new for.
  const updates = others.flatMap((p) => {
    const fields = updateOf(p);
    return fields.length ? [{ person: p, fields }] : [];
  });
  const offered = new Set([...unknown, ...updates.map((u) => u.person)].map((p) => p.key));
  const ticked = unknown.filter((p) => !unticked.has(p.key));
  const tickedUpdates = updates.filter((u) => !unticked.has(u.person.key));
  if (!others.length) return null;

  async function saveAll() {
    if (!capture) return;
    setBusy(true);
    setError('');
    try {
      if (tickedUpdates.length) {
        const { updated } = await sendLazy('contact.applyUpdates', {
          source: { url: capture.url, site: capture.site },
          updates: tickedUpdates.map((u) => ({
            contactId: u.person.contact!.id,
            candidate: u.person.candidate!,
            fields: u.fields,
          })),
        });
        setJustUpdated(new Set(updated.filter((u) => u.changed.length).map((u) => u.contactId)));
      }
      if (ticked.length) {
        const { saved } = await sendLazy('capture.save', {
          capture: {
            url: capture.url,
            title: capture.title,
            site: capture.site,
            candidates: ticked.map((p) => p.candidate!),
          },
        });
        setJustSaved(new Set(saved.map((s) => s.contactId)));
      }
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
          const tickable = offered.has(p.key) && offered.size > 1;
          const update = p.contact ? updates.find((u) => u.person.key === p.key) : undefined;
          return (
            <li key={p.key} class="person-item">
              {tickable && (
                <input
                  type="checkbox"
                  class="person-tick"
                  data-testid={update ? 'person-update-tick' : 'person-tick'}
                  aria-label={t(update ? 'popup_includeUpdate' : 'popup_includeInSave', personName(p))}
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
                <PersonPill
                  person={p}
                  stage={stage}
                  saved={!!p.contact && justSaved.has(p.contact.id)}
                  updated={!!p.contact && justUpdated.has(p.contact.id)}
                  hasUpdate={!!update}
                />
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
        {offered.size > 1 && capture && (
          <button
            type="button"
            disabled={busy || !(ticked.length + tickedUpdates.length)}
            data-testid="save-all"
            onClick={saveAll}
          >
            {!tickedUpdates.length
              ? t('popup_saveAllNew', ticked.length)
              : !ticked.length
                ? t('popup_updateAll', tickedUpdates.length)
                : t('popup_saveAllAndUpdate', ticked.length, tickedUpdates.length)}
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

/**
 * Where a listed person stands: just saved, known (their stage, or a lead; "new details" when the page adds to
 * them, "Updated" once saved), a name-only match, or new.
 */
function PersonPill({
  person,
  stage,
  saved,
  updated,
  hasUpdate,
}: {
  person: PagePerson;
  stage: Stage | undefined;
  saved: boolean;
  updated: boolean;
  hasUpdate: boolean;
}) {
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
  const weak =
    person.match === 'name'
      ? ` · ${t('popup_maybeKnown')}`
      : updated
        ? ` · ${t('popup_updated')}`
        : hasUpdate
          ? ` · ${t('popup_hasUpdate')}`
          : '';
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
