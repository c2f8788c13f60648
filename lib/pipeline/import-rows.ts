import type { ProspectorDb } from '../db/database';
import { PLACEHOLDER_CONTACT_ID } from '../db/forecast-index';
import { t } from '../i18n';
import { evidence, evidenceRank, identityOf, isSamePerson } from '../identity/evidence';
import { foldText, phoneKey } from '../identity/keys';
import { isLive } from '../identity/live';
import { lowerCase, unionBy } from '../identity/union';
import {
  emptyCounts,
  type ImportChunk,
  type ImportChunkResult,
  type ImportContact,
  type ImportHistory,
  type ImportRow,
  type RowProblem,
} from '../io/import-row';
import { why } from '../io/row-problem';
import { importedId } from '../io/stable-id';
import {
  type Activity,
  type Candidate,
  type Contact,
  type Deal,
  MAX_LIST,
  newActivity,
  newId,
  type Stage,
} from '../model';
import { newDeal } from './capture';
import { firstOpenStage } from './default-stages';
import { contactIdentity, findContacts } from './find-contact';
import { type CaptureSource, contactFromCandidate, mergeCandidate, withKeys } from './merge';
import { ownersForImport } from './owners';

export interface ImportWriteOptions {
  /** The background's clock: the import's own start time is used when it is plausible (not in the future). */
  now: number;
  /** The rep's name: the owner of imported deals whose row names none (as captures do). */
  owner: string;
}

function candidateOf(c: ImportContact, fieldSources: Record<string, string>): Candidate {
  const provenance: Candidate['provenance'] = {};
  const filled: Record<string, boolean> = {
    name: !!c.name,
    givenName: !!c.givenName,
    familyName: !!c.familyName,
    jobTitle: !!c.jobTitle,
    company: !!c.company,
    emails: c.emails.length > 0,
    phones: c.phones.length > 0,
    urls: c.urls.length > 0 || !!c.linkedinUrl,
    location: !!c.location,
  };
  for (const [field, has] of Object.entries(filled)) {
    if (has) provenance[field] = { source: 'import', detail: fieldSources[field] ?? '' };
  }
  return {
    name: c.name,
    givenName: c.givenName,
    familyName: c.familyName,
    jobTitle: c.jobTitle,
    company: c.company,
    emails: c.emails,
    phones: c.phones,
    urls: c.urls,
    linkedinUrl: c.linkedinUrl,
    location: c.location,
    provenance,
    confidence: 1,
  };
}

function strongKeys(c: ImportContact) {
  const id = identityOf(c);
  return { emails: [...id.emails], linkedin: id.linkedin, name: id.nameCompany };
}

/** A named row's phone keys: the same name with the same phone is the same person (a phone's vCard). */
function phoneKeysOf(c: ImportContact): string[] {
  return c.name ? [...new Set(c.phones.map(phoneKey).filter(Boolean))] : [];
}

/**
 * Which contact a row is, and how strongly (lower is stronger): lib/identity's evidence, the rule captures use
 * (findContacts); failing that, the contact an earlier import of this very deal made. Infinity: not this contact.
 */
function matchRank(contact: Contact, row: ImportContact, fixedId: string | null): number {
  const e = evidence(contactIdentity(contact), row);
  if (isSamePerson(e)) return evidenceRank(e);
  if (fixedId && contact.id === fixedId) return REASON_COUNT;
  return Number.POSITIVE_INFINITY;
}
const REASON_COUNT = 5;

const alive = (c: Contact | undefined): c is Contact => !!c && isLive(c);

const union = (a: readonly string[], b: readonly string[]) => unionBy(a, b, lowerCase, MAX_LIST);

/** Key → ids, for the contacts one chunk has seen. */
class KeyIndex {
  private map = new Map<string, string[]>();
  add(key: string, id: string): void {
    if (!key || key.endsWith(':')) return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  get(key: string): string[] {
    return this.map.get(key) ?? [];
  }
}

/** An import older than this (a page left open for days) is stamped with the background's time instead. */
const MAX_IMPORT_AGE = 7 * 86_400_000;

interface Resolved {
  row: ImportRow;
  contact: Contact;
  /** This row made the contact (a capture-like deal is made only then). */
  createdHere: boolean;
}

/**
 * Writes one chunk of imported rows in ONE read-write transaction: all or nothing, so a service worker stopped
 * mid-chunk leaves no half-written row, and importing the file again fills the gap without duplicates.
 *
 * Each row is matched to who is already stored exactly as a capture is (findContacts: email, LinkedIn profile,
 * name at company; the look-ups of the whole chunk are issued at once), then to rows earlier in the chunk. A
 * match is merged (mergeCandidate: new emails, phones and links added, newer details filled in, hand-edited
 * fields kept) only when the rep chose 'merge'; with 'keep' the stored contact is left exactly as it was. Deals
 * get ids derived from their contact and the file's deal id (or the row's content), so a deal already imported
 * is found by primary key and skipped: stored deals are never changed. History is written as the file says:
 * created at the engage date in the first open stage (or the file's open stage), closed at the close date.
 */
export async function writeImportChunk(
  db: ProspectorDb,
  chunk: ImportChunk,
  opts: ImportWriteOptions,
): Promise<ImportChunkResult> {
  // One timestamp for the whole import (every chunk), unless the page's clock is off from the background's.
  const at = chunk.startedAt <= opts.now && chunk.startedAt > opts.now - MAX_IMPORT_AGE ? chunk.startedAt : opts.now;
  opts = { ...opts, now: at };
  const src: CaptureSource = { url: chunk.fileName, site: 'import', at };
  const madeByThisImport = (c: Contact) =>
    c.source.site === 'import' && c.source.url === chunk.fileName && c.source.capturedAt === at;
  const counts = emptyCounts();
  const problems: RowProblem[] = [];
  return db.transaction(
    'rw',
    [db.contacts, db.deals, db.stages, db.activities, db.contactIndex, db.owners],
    async () => {
      // Free-text owners mapped to the team's list ("ben tan" → "Ben Tan"; a new name joins the list).
      const ownerNames = await ownersForImport(db, [
        opts.owner,
        ...chunk.rows.flatMap((r) => (r.deal?.owner ? [r.deal.owner] : [])),
      ]);
      const stages = new Map((await db.stages.toArray()).map((s) => [s.id, s]));
      const firstOpen = firstOpenStage([...stages.values()]);
      const rows = chunk.rows.filter((r) => {
        if (!r.deal || stages.has(r.deal.stageId)) return true;
        problems.push({ row: r.row, ...why('unknownStage', r.deal.stageId) });
        return false;
      });

      // 1. Everyone these rows might be, read at once.
      const fixedIdOf = (r: ImportRow): string | null => {
        const k = strongKeys(r.contact);
        const identified = k.emails.length || k.linkedin || k.name || phoneKeysOf(r.contact).length;
        if (identified || !r.deal?.key) return null;
        // A row naming no person and no account: all such deals hang on one placeholder contact, not one each.
        if (!r.contact.name) return PLACEHOLDER_CONTACT_ID;
        return importedId(`contact|${r.deal.key}|${foldText(r.contact.name)}`);
      };
      const fixedIds = rows.map(fixedIdOf);
      const [stored, fixed] = await Promise.all([
        Promise.all(rows.map((r) => findContacts(db, r.contact))),
        db.contacts.bulkGet(fixedIds.filter((id): id is string => id !== null)),
      ]);
      const storedById = new Map<string, Contact>();
      for (const c of [...stored.flat(), ...fixed]) if (alive(c)) storedById.set(c.id, c);

      // 2. Rows in file order: match (stored, or made by an earlier row), merge or create.
      const current = new Map<string, Contact>(); // contacts this chunk made or changed, as they are now
      const local = new KeyIndex(); // their keys, so a later row finds them
      const remember = (c: Contact) => {
        current.set(c.id, c);
        local.add(`id:${c.id}`, c.id);
        for (const e of c.emails) local.add(`e:${e.toLowerCase()}`, c.id);
        local.add(`l:${c.linkedinKey}`, c.id);
        local.add(`n:${c.nameKey}`, c.id);
        for (const p of c.phones) local.add(`p:${phoneKey(p)}`, c.id);
      };
      const createdInChunk = new Set<string>();
      const changes: Activity[] = [];
      const resolved: Resolved[] = [];
      rows.forEach((row, i) => {
        const fixedId = fixedIds[i] ?? null;
        if (fixedId === PLACEHOLDER_CONTACT_ID) counts.placeholders++;
        const keys = strongKeys(row.contact);
        const phones = phoneKeysOf(row.contact);
        const pool = new Set<string>([
          ...stored[i]!.map((c) => c.id),
          ...(fixedId ? [fixedId, ...local.get(`id:${fixedId}`)] : []),
          ...keys.emails.flatMap((e) => local.get(`e:${e}`)),
          ...(keys.linkedin ? local.get(`l:${keys.linkedin}`) : []),
          ...(keys.name ? local.get(`n:${keys.name}`) : []),
          ...phones.flatMap((p) => local.get(`p:${p}`)),
        ]);
        let best: Contact | undefined;
        let bestRank = Number.POSITIVE_INFINITY;
        for (const id of pool) {
          const c = current.get(id) ?? storedById.get(id);
          if (!c) continue;
          const rank = matchRank(c, row.contact, fixedId);
          if (rank < bestRank) {
            best = c;
            bestRank = rank;
          }
        }
        const cand = candidateOf(row.contact, chunk.fieldSources);
        const rowAt = Math.min(row.createdAt ?? opts.now, opts.now);
        if (best) {
          const isNew = createdInChunk.has(best.id) || madeByThisImport(best);
          if (chunk.onMatch === 'keep' && !isNew) {
            counts.contactsUnchanged++;
            resolved.push({ row, contact: best, createdHere: false });
            return;
          }
          const merged = withoutReorderedUrls(best, mergeCandidate(best, cand, src));
          let next = merged.contact;
          const changed: string[] = [...merged.changed];
          const tags = union(best.tags, row.contact.tags);
          if (tags.length !== best.tags.length) {
            next = { ...next, tags, updatedAt: opts.now };
            changed.push('tags');
          }
          if (!best.notes && row.contact.notes) {
            next = { ...next, notes: row.contact.notes, updatedAt: opts.now };
            changed.push('notes');
          }
          if (isNew && rowAt < next.createdAt) next = { ...next, createdAt: rowAt };
          if (changed.length || next.createdAt !== best.createdAt) remember(next);
          if (!isNew) {
            if (changed.length) {
              counts.contactsMerged++;
              changes.push(
                newActivity(next.id, null, 'updated', opts.now, { url: src.url, site: 'import', fields: changed }),
              );
            } else counts.contactsUnchanged++;
          }
          resolved.push({ row, contact: current.get(best.id) ?? best, createdHere: false });
          return;
        }
        if (fixedId === PLACEHOLDER_CONTACT_ID) cand.name = t('io_placeholderName');
        let contact = contactFromCandidate(cand, src, fixedId ?? newId());
        contact = withKeys({ ...contact, tags: row.contact.tags, notes: row.contact.notes, createdAt: rowAt });
        remember(contact);
        createdInChunk.add(contact.id);
        counts.contactsCreated++;
        resolved.push({ row, contact, createdHere: true });
      });

      // 3. Deals: those already imported are found by their derived ids (or, for our own export, by their ids).
      const dealIdOf = (r: Resolved) => (r.row.deal?.key ? importedId(`deal|${r.contact.id}|${r.row.deal.key}`) : null);
      const derived = resolved.map(dealIdOf);
      const external = resolved.map((r) => r.row.deal?.externalId || null);
      const [byDerived, byExternal] = await Promise.all([
        db.deals.bulkGet(derived.filter((id): id is string => id !== null)),
        db.deals.bulkGet(external.filter((id): id is string => id !== null && id.length <= 64)),
      ]);
      const existing = new Set<string>();
      for (const d of byDerived) if (d) existing.add(d.id);
      const externalOwner = new Map<string, string>();
      for (const d of byExternal) if (d) externalOwner.set(d.id, d.contactId);

      const deals: Deal[] = [];
      const activities: Activity[] = [];
      resolved.forEach((r, i) => {
        const d = r.row.deal;
        if (!d) {
          if (r.createdHere)
            activities.push(newActivity(r.contact.id, null, 'imported', r.contact.createdAt, imported(r)));
          return;
        }
        if (d.key === null && !r.createdHere) return;
        const id = derived[i] ?? newId();
        const ext = external[i];
        if (existing.has(id) || (ext && externalOwner.get(ext) === r.contact.id)) {
          counts.dealsExisting++;
          return;
        }
        existing.add(id);
        const stage = stages.get(d.stageId)!;
        const from = chunk.history.closedFrom ? stages.get(chunk.history.closedFrom) : undefined;
        const closedStart = from?.kind === 'open' ? from : firstOpen;
        if (r.row.createdAt === null) counts.undatedDeals++;
        const owner = d.owner || opts.owner;
        const deal = importedDeal(id, r, stage, closedStart, {
          ...opts,
          owner: ownerNames.get(owner) ?? owner,
          history: chunk.history,
        });
        deals.push(deal);
        counts.dealsCreated++;
        activities.push(newActivity(deal.contactId, deal.id, 'imported', deal.createdAt, imported(r)));
        if (deal.stageEntries.length > 1) {
          const [from, to] = deal.stageEntries.slice(-2) as [{ stageId: string }, { stageId: string; at: number }];
          activities.push(
            newActivity(deal.contactId, deal.id, 'stage-changed', to.at, {
              from: from.stageId,
              to: to.stageId,
              ...(deal.lostReason ? { lostReason: deal.lostReason } : {}),
            }),
          );
        }
      });

      const contacts = [...current.values()];
      await Promise.all([
        contacts.length ? db.contacts.bulkPut(contacts) : null,
        deals.length ? db.deals.bulkAdd(deals) : null,
        changes.length + activities.length ? db.activities.bulkAdd([...changes, ...activities]) : null,
      ]);
      return { ...counts, problems };

      function imported(r: Resolved) {
        return { url: chunk.fileName, site: 'import', row: r.row.row, importedAt: opts.now };
      }
    },
  );
}

/** The same links, whatever the order of the object's keys. */
function sameUrls(a: Contact['urls'], b: Contact['urls']): boolean {
  const canon = (u: Contact['urls']) => JSON.stringify([u.linkedin, u.github, u.x, u.website, u.other]);
  return canon(a) === canon(b);
}

/**
 * mergeCandidate compares links by their JSON, so the same links built in another key order count as a change
 * (an 'updated' activity on every re-import). Such a non-change is undone here; real changes are kept.
 */
function withoutReorderedUrls(before: Contact, merged: ReturnType<typeof mergeCandidate>) {
  if (!merged.changed.includes('urls') || !sameUrls(before.urls, merged.contact.urls)) return merged;
  const changed = merged.changed.filter((f) => f !== 'urls');
  const contact: Contact = {
    ...merged.contact,
    urls: before.urls,
    provenance: { ...merged.contact.provenance, urls: before.provenance.urls! },
    updatedAt: changed.length ? merged.contact.updatedAt : before.updatedAt,
  };
  if (!before.provenance.urls) delete contact.provenance.urls;
  return { contact, changed };
}

/**
 * The deal a row describes. Open: created in its stage at the engage date. Won or lost: created in the stage
 * closed deals start at (the rep's choice: what the file's "Engaging" means; else the first open stage) at the
 * engage date and moved to won/lost at the close date (one stage-changed activity), so conversion, cycle length
 * and win rate computed from the history match the file, and stages the deal never entered are not in it. A row
 * with no date is dated as the rep chose: the import's time, the file's earliest date, or kept undated.
 */
function importedDeal(
  id: string,
  r: Resolved,
  stage: Stage,
  closedStart: Stage | undefined,
  opts: ImportWriteOptions & { history: ImportHistory },
) {
  const d = r.row.deal!;
  const undated = r.row.createdAt === null;
  const { history } = opts;
  const fallback = history.undated === 'earliest' && history.earliest !== null ? history.earliest : opts.now;
  let createdAt = Math.min(r.row.createdAt ?? fallback, opts.now);
  const closed = stage.kind !== 'open';
  const closedAt = closed ? (d.closedAt ?? createdAt) : null;
  if (closedAt !== null && closedAt < createdAt) createdAt = closedAt;
  const base = newDeal(
    r.contact.id,
    d.title,
    stage.id,
    { url: '', site: 'import', at: createdAt },
    {
      now: createdAt,
      currency: d.currency,
      owner: opts.owner,
    },
  );
  const entries =
    closed && closedStart
      ? [
          { stageId: closedStart.id, at: createdAt },
          { stageId: stage.id, at: closedAt! },
        ]
      : [{ stageId: stage.id, at: createdAt }];
  return {
    ...base,
    id,
    amount: d.amount,
    expectedClose: d.expectedClose,
    stageEntries: entries,
    updatedAt: opts.now,
    closedAt,
    outcome: stage.kind === 'won' ? 'won' : stage.kind === 'lost' ? 'lost' : null,
    lostReason: stage.kind === 'lost' ? d.lostReason : '',
    ...(undated && history.undated === 'undated' ? { dateUnknown: true } : {}),
  } satisfies Deal;
}
