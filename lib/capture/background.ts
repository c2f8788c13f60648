import type { ProspectorDb } from '../db/database';
import { linkedinKey } from '../identity/keys';
import type { Candidate, PageCapture, Settings } from '../model';
import { type SavedContact, saveCapture } from '../pipeline/capture';
import { captureTab } from './inject';
import { prepareCapture } from './prepare';
import type { RawPageCapture } from './raw';

export interface CaptureServices {
  db: ProspectorDb;
  settings: () => Promise<Settings>;
  now: () => number;
  ready: Promise<void>;
}

/**
 * Who a capture without review may store: someone with an email, a LinkedIn profile, or a company next to their
 * name. A bare name cannot be recognised again (the same name at no company matches nobody), so saving it
 * unreviewed would add a copy at every press of the shortcut; the popup's review shows them instead.
 */
export function recognisable(c: Candidate): boolean {
  return c.emails.length > 0 || !!linkedinKey(c.linkedinUrl) || !!(c.name && c.company);
}

/** Stores the recognisable people of a capture (merged with who is known), as the popup's save does. */
export async function storeCapture(svc: CaptureServices, capture: PageCapture): Promise<SavedContact[]> {
  await svc.ready;
  const candidates = capture.candidates.filter(recognisable);
  if (!candidates.length) return [];
  const s = await svc.settings();
  return saveCapture(
    svc.db,
    { ...capture, candidates },
    { now: svc.now(), currency: s.currency, owner: s.owner, startDeal: s.dealOnCapture },
  );
}

/** Shortcut: everyone on the tab's page, read now, stored. */
export async function captureTabAndStore(svc: CaptureServices, tabId: number): Promise<SavedContact[]> {
  return storeCapture(svc, await captureTab(tabId));
}

/** Context menu: a selection or a link, already read into a raw capture, prepared and stored. */
export async function storeRaw(svc: CaptureServices, raw: RawPageCapture): Promise<SavedContact[]> {
  return storeCapture(svc, prepareCapture(raw));
}
