import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ContactPanel } from '@/components/popup/ContactPanel';
import { lazyComponent } from '@/components/popup/lazy';
import { PeopleList } from '@/components/popup/PeopleList';
import { useLiveQuery } from '@/components/use-live-query';
import { t } from '@/lib/i18n';
import type { PageCapture } from '@/lib/model';
import { sortStages } from '@/lib/pipeline/default-stages';
import type { ContactView } from '@/lib/popup/contact-view';
import type { FirstScreen, PageRead } from '@/lib/popup/first-screen';
import { identifyPeople } from '@/lib/popup/identify';
import type { PopupSettings } from '@/lib/popup/quick-settings';
import type { PagePerson } from '@/lib/popup/rank-people';
import { canLogThread } from '@/lib/popup/read-thread';
import { preloadSend, sendLazy } from '@/lib/popup/send-lazy';
import { remember } from '@/lib/popup/tab-memory';
import type { PopupTab } from '@/lib/popup/target-tab';

const ReviewForm = lazyComponent(() => import('@/components/review/ReviewForm').then((m) => m.default));
const AddByHand = lazyComponent(() => import('@/components/popup/AddByHand').then((m) => m.default));
const LogThread = lazyComponent(() => import('@/components/popup/LogThread').then((m) => m.default));

/** 'stuck': the page did not answer in time (lib/capture/run-reader.ts), as against one that cannot be read. */
type Reading = { state: 'reading' } | PageRead;

/**
 * The popup: who is on this tab, where they stand, what to do next. The tab's URL can name a known contact at
 * once (a LinkedIn profile); the page is read in parallel and everyone on it is matched against the store.
 * Every read is a live query, so a save or a move (written by the background) shows as soon as it is stored.
 */
export function App({
  tab,
  settings,
  reading: reader,
  first,
}: {
  tab: PopupTab;
  settings: PopupSettings;
  /** The page being read (started before the first render). */
  reading: Promise<PageRead>;
  /** The first screen's data, read before rendering; null when it took too long (the live queries fill in). */
  first: FirstScreen | null;
}) {
  const [reading, setReading] = useState<Reading>(() => first?.read ?? { state: 'reading' });
  const [chosen, setChosen] = useState<string | null>(null);
  // "Add a person by hand": the form while open, then the contact it saved (who may not be on the page).
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  // "Log this thread" (mail pages only): its answer, shown above the page's people until the rep closes it.
  const [logging, setLogging] = useState(0);
  const logButton = useRef<HTMLButtonElement>(null);
  const mail = useMemo(() => canLogThread(tab.url), [tab.url]);
  const now = useMemo(() => Date.now(), []);

  useEffect(() => {
    if (reading.state !== 'reading') return;
    reader.then(setReading, () => setReading({ state: 'failed' }));
  }, [reader]);

  const capture = reading.state === 'read' ? reading.capture : null;
  const stages = useLiveQuery(async (db) => sortStages(await db.stages.toArray()), [], first?.stages);
  // Tagged with the capture it answers: until the query re-runs for a newly read page, the previous answer
  // (from the URL alone) must not be taken for "nobody on this page".
  const identified = useLiveQuery(
    async (db) => ({
      capture,
      people: await identifyPeople(db, capture?.candidates ?? null, tab.url, first?.remembered),
    }),
    [capture, tab.url],
    first ? { capture: first.read?.state === 'read' ? first.read.capture : null, people: first.people } : undefined,
  );
  const people = identified?.people;
  // Who is known on this page, for the next time the popup opens on it (shown before the page is read again).
  useEffect(() => {
    if (!identified?.capture || tab.id === undefined) return;
    const known = identified.people.flatMap((p) =>
      p.contact && p.match ? [{ contactId: p.contact.id, match: p.match }] : [],
    );
    remember(tab.id, tab.url, known, Date.now()).catch(() => undefined);
  }, [identified]);
  const stageMap = useMemo(() => new Map((stages ?? []).map((s) => [s.id, s])), [stages]);

  const selected = useSelection(people, chosen);
  /** The page's person not yet stored with this address: "Add …" after logging a thread opens their review. */
  const newPersonWith = (email: string) =>
    people?.find((p) => !p.contact && p.candidate?.emails.some((e) => e.toLowerCase() === email));

  function markReady() {
    if (ready) return;
    // The benchmark's end point (npm run bench): identity, stage and BANT are on screen.
    performance.mark('popup-ready');
    setReady(true);
    // Now that the rep can see the answer, fetch what the first click will need.
    setTimeout(preloadSend, 0);
  }

  const settled = reading.state !== 'reading';
  const empty = identified?.capture === capture && people?.length === 0;
  useEffect(() => {
    if (settled && empty) markReady();
  }, [settled, empty]);

  return (
    <>
      <main data-testid={ready ? 'popup-ready' : undefined} aria-busy={!ready}>
        {logging > 0 && !adding && (
          <LogThread
            key={logging}
            tabId={tab.id}
            onClose={() => {
              setLogging(0);
              setTimeout(() => logButton.current?.focus());
            }}
            canAdd={(email) => !!newPersonWith(email)}
            onAdd={(email) => {
              const person = newPersonWith(email);
              if (!person) return;
              setLogging(0);
              setAdded(null);
              setChosen(person.key);
            }}
          />
        )}
        {adding && (
          <AddByHand
            tab={tab}
            capture={capture}
            dealOnCapture={settings.dealOnCapture}
            onSaved={({ contactId }) => {
              setAdding(false);
              setAdded(contactId);
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        {!adding && added && stages && (
          <ContactPanel
            key={added}
            contactId={added}
            match={null}
            stages={stages}
            stageMap={stageMap}
            settings={settings}
            now={now}
            onShown={markReady}
          />
        )}
        {!adding && !added && selected && stages && (
          <PersonView
            key={selected.key}
            person={selected}
            capture={capture}
            stages={stages}
            stageMap={stageMap}
            settings={settings}
            now={now}
            initialView={first?.view ?? null}
            onShown={markReady}
            onSavedApart={setAdded}
          />
        )}
        {!selected && !adding && !added && <h1 class="visually-hidden">{t('extName')}</h1>}
        {!adding && !added && empty && reading.state === 'reading' && <p class="muted">{t('popupLoading')}</p>}
        {!adding && !added && empty && reading.state === 'failed' && (
          <p class="muted" data-testid="cannot-read">
            {t('popupCannotRead')}
          </p>
        )}
        {!adding && !added && empty && reading.state === 'stuck' && (
          <p class="muted" role="alert" data-testid="page-stuck">
            {t('popupPageStuck')}
          </p>
        )}
        {!adding && !added && empty && reading.state === 'read' && (
          <p class="muted" data-testid="nothing-found">
            {t('popupNothingFound')}
          </p>
        )}
        {!empty && reading.state === 'reading' && (
          <p class="muted small" role="status">
            {t('popup_stillReading')}
          </p>
        )}
        {!adding && people && selected && (
          <PeopleList
            people={people}
            selectedKey={selected.key}
            onSelect={setChosen}
            stageMap={stageMap}
            capture={capture}
          />
        )}
      </main>
      <footer>
        <button type="button" data-testid="open-pipeline" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openPipeline')}
        </button>
        {mail && !adding && (
          <button type="button" ref={logButton} data-testid="log-thread-button" onClick={() => setLogging(logging + 1)}>
            {t('thread_log')}
          </button>
        )}
        {!adding && (
          <button
            type="button"
            data-testid="add-by-hand"
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            {t('add_byHand')}
          </button>
        )}
      </footer>
    </>
  );
}

/**
 * The person shown in full: the one the rep picked, else the most likely. Once shown, a person stays shown as
 * the page's reading re-ranks the list (nothing jumps under the rep's cursor); a person just saved stays
 * selected as the contact they became.
 */
function useSelection(people: PagePerson[] | undefined, chosen: string | null): PagePerson | undefined {
  const shown = useRef<PagePerson | undefined>(undefined);
  if (!people?.length) return undefined;
  const byKey = (key: string | undefined) => (key ? people.find((p) => p.key === key) : undefined);
  const previous = shown.current;
  const next =
    byKey(chosen ?? undefined) ??
    byKey(previous?.key) ??
    (previous?.candidate ? people.find((p) => p.candidate === previous.candidate) : undefined) ??
    people[0];
  shown.current = next;
  return next;
}

function PersonView({
  person,
  capture,
  stages,
  stageMap,
  settings,
  now,
  initialView,
  onShown,
  onSavedApart,
}: {
  person: PagePerson;
  capture: PageCapture | null;
  stages: ReturnType<typeof sortStages>;
  stageMap: ReadonlyMap<string, (typeof stages)[number]>;
  settings: PopupSettings;
  now: number;
  initialView: ContactView | null;
  onShown: () => void;
  /** "Different person": the page's person saved as a new contact, shown instead. */
  onSavedApart: (contactId: string) => void;
}) {
  const { candidate } = person;
  // A name-and-company match is the rep's call: the same person (the page's details are added to them) or not.
  // "Same person" shows what the page adds as an update to tick (ContactPanel); "Different person" saves apart.
  const weakMatch =
    person.match === 'name' && candidate && capture
      ? {
          onDifferent: async () => {
            const { saved } = await sendLazy('capture.save', {
              capture: { ...capture, candidates: [candidate] },
              asNew: true,
            });
            if (saved[0]) onSavedApart(saved[0].contactId);
          },
        }
      : undefined;
  if (person.contact)
    return (
      <ContactPanel
        contactId={person.contact.id}
        match={person.match}
        stages={stages}
        stageMap={stageMap}
        settings={settings}
        now={now}
        initialView={initialView?.contact.id === person.contact.id ? initialView : undefined}
        onShown={onShown}
        weakMatch={weakMatch}
        page={candidate && capture ? { candidate, capture } : undefined}
      />
    );
  if (person.candidate && capture)
    return (
      <ReviewForm
        capture={capture}
        candidate={person.candidate}
        main
        dealOnCapture={settings.dealOnCapture}
        onShown={onShown}
      />
    );
  return null;
}
