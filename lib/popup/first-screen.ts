import type { ProspectorDb } from '../db/database';
import type { PageCapture, Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';
import { type ContactView, loadContactView } from './contact-view';
import { identifyPeople } from './identify';
import type { PagePerson } from './rank-people';
import type { RememberedPerson } from './tab-memory';

/** What the popup's first paint shows, read before it renders (live queries take over from there). */
export interface FirstScreen {
  stages: Stage[];
  /**
   * The page as read; undefined when the person was known without it (the tab's URL, or who was found on this
   * page last time) and the page is still being read.
   */
  capture: PageCapture | null | undefined;
  people: PagePerson[];
  /** The most likely person's contact, when they are known. */
  view: ContactView | null;
  /** Who was found on this page last time (until the page is read again, they are who the popup shows). */
  remembered: RememberedPerson[];
}

/**
 * Reads everything the first screen needs in one go, each query started as early as it can be: the stages at
 * once; the person from the tab's URL (a LinkedIn profile), or those found on this page last time, without
 * waiting for the page; else the page's people once read; then the most likely known person's deals. Rendering once with all of it, instead of in steps
 * (render → subscribe → query → render), is what keeps the popup's open time low.
 */
export async function loadFirstScreen(
  db: ProspectorDb,
  tabUrl: string,
  capture: Promise<PageCapture | null>,
  remembered: Promise<RememberedPerson[]> = Promise.resolve([]),
): Promise<FirstScreen> {
  const stages = db.stages.toArray().then(sortStages);
  let read: PageCapture | null | undefined;
  const recalled = await remembered;
  let people = await identifyPeople(db, null, tabUrl, recalled);
  if (!people.length) {
    read = await capture;
    people = await identifyPeople(db, read?.candidates ?? null, tabUrl);
  }
  const top = people[0]?.contact;
  const view = top ? await loadContactView(db, top.id) : null;
  return { stages: await stages, capture: read, people, view, remembered: recalled };
}
