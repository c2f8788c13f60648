import type { ProspectorDb } from '../db/database';
import { readBeforeCommit } from '../db/read-before-commit';
import type { PageCapture, Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';
import { type ContactView, loadContactView } from './contact-view';
import { identifyPeople } from './identify';
import type { PagePerson } from './rank-people';
import type { RememberedPerson } from './tab-memory';

/**
 * The page as the popup's reader found it: read (its people, prepared by the background), one that cannot be
 * read ('failed': a browser page, the web store, a closed tab, or an answer refused as invalid; `refused` when
 * the browser would not run the reader there at all) or one that did not answer in time ('stuck').
 */
export type PageRead =
  | { state: 'read'; capture: PageCapture }
  | { state: 'failed'; refused?: boolean }
  | { state: 'stuck' };

/** What the popup's first paint shows, read before it renders (live queries take over from there). */
export interface FirstScreen {
  stages: Stage[];
  /**
   * The page as read; undefined when the person was known without it (the tab's URL, or who was found on this
   * page last time) and the page is still being read.
   */
  read: PageRead | undefined;
  people: PagePerson[];
  /** The most likely person's contact, when they are known. */
  view: ContactView | null;
  /** Who was found on this page last time (until the page is read again, they are who the popup shows). */
  remembered: RememberedPerson[];
}

/**
 * Reads everything the first screen needs in one go, each query started as early as it can be: the stages at
 * once; the person from the tab's URL (a LinkedIn profile), or those found on this page last time, without
 * waiting for the page; else the page's people once read; then the most likely known person's deals. Rendering
 * once with all of it, instead of in steps (render → subscribe → query → render), is what keeps the popup's open
 * time low. The background runs it on its database, open and warm (lib/background/popup-open.ts).
 */
export async function loadFirstScreen(
  db: ProspectorDb,
  tabUrl: string,
  reading: Promise<PageRead>,
  remembered: Promise<RememberedPerson[]> = Promise.resolve([]),
): Promise<FirstScreen> {
  const stages = db.stages.toArray().then(sortStages);
  let read: PageRead | undefined;
  const recalled = await remembered;
  const known = await identifyPeople(db, null, tabUrl, recalled);
  if (!known.length) read = await reading;
  // Who is on the page and the most likely one's contact view in one read transaction (each transaction costs
  // the open its own start), answered without waiting for its commit.
  const [people, view] = await readBeforeCommit(
    db,
    [db.contacts, db.contactIndex, db.deals, db.activities],
    async () => {
      const people = known.length
        ? known
        : await identifyPeople(db, read?.state === 'read' ? read.capture.candidates : null, tabUrl);
      const top = people[0]?.contact;
      return [people, top ? await loadContactView(db, top.id) : null] as const;
    },
  );
  return { stages: await stages, read, people, view, remembered: recalled };
}

/**
 * A first screen as sent between the extension's contexts (as JSON in Chrome): each person's candidate as its
 * place among the capture's candidates, so that the popup gets back the very objects the capture holds (the
 * popup tells a person on the page from another by the candidate object, as the live queries that take over
 * return them).
 */
export type FirstScreenWire = Omit<FirstScreen, 'people'> & {
  people: (Omit<PagePerson, 'candidate'> & { candidate: number | null })[];
};

export function toWire(first: FirstScreen): FirstScreenWire {
  const candidates = first.read?.state === 'read' ? first.read.capture.candidates : [];
  return {
    ...first,
    people: first.people.map((p) => ({ ...p, candidate: p.candidate ? candidates.indexOf(p.candidate) : null })),
  };
}

export function fromWire(wire: FirstScreenWire): FirstScreen {
  const candidates = wire.read?.state === 'read' ? wire.read.capture.candidates : [];
  return {
    ...wire,
    people: wire.people.map((p) => ({
      ...p,
      candidate: p.candidate === null ? null : (candidates[p.candidate] ?? null),
    })),
  };
}
