import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { dayKey } from '../forecast/calendar';
import type { Activity, Contact, Deal, Stage } from '../model';
import { isWritingAsPulled } from '../sync/sync-middleware';
import type { EmailText } from './bant-from-text';
import {
  bantEvidence,
  EMAILS_READ,
  emailTexts,
  isBantEvidence,
  NOTES_READ,
  sameBantInputs,
  suggestBant,
  suggestionPatch,
} from './suggest-bant';

/**
 * BANT suggestions kept current on every write, whoever makes it (capture, the popup, the options page, an
 * import, a restore, the team sync): a deal written is stored with the suggestions its evidence supports; a
 * contact written, or a note or email thread logged, updates the suggestions of that contact's open deals. All in the writer's own
 * transaction, reading only the records concerned (the deal's contact and stage, the contact's newest notes, the
 * contact's deals by index): never a scan. Two similar people so score alike whether or not a popup ever opened
 * their deal. Confirmed parts and closed deals are left alone (suggestionPatch, as in refreshBantSuggestions).
 *
 * A suggestion is the extension's, not the rep's: a deal changed only by its suggestions keeps its updatedAt, so
 * "last change" and the board's idle days stay the rep's.
 */

/** The tables a suggestion reads or writes. */
const TABLES = ['deals', 'contacts', 'stages', 'activities'] as const;
/** Writes to these change a suggestion: the deal itself, its contact (title, tags, notes), a note. */
const TRIGGERS = new Set(['deals', 'contacts', 'activities']);

// Dexie's DBCoreRangeType is a const enum its typings keep out of reach here: 1 Equal, 2 Range.
const equal = (key: unknown) => ({ type: 1, lower: key, upper: key }) as unknown as DBCoreKeyRange;
const between = (lower: unknown, upper: unknown) =>
  ({ type: 2, lower, upper, lowerOpen: false, upperOpen: false }) as unknown as DBCoreKeyRange;

// A row without BANT (a hand-made backup the schema let through) has nothing to suggest into.
const isOpen = (d: Deal) => !!d.bant && d.deletedAt === null && d.outcome === null;

interface Core {
  deals: DBCoreTable;
  contacts: DBCoreTable;
  stages: DBCoreTable;
  activities: DBCoreTable;
  /**
   * Runs a call to the layers below in the writer's transaction zone. Dexie's zone does not survive a native
   * await, and Dexie's own layers below read it (a read outside it throws, and the write then aborts the
   * writer's transaction): every call after an await goes through here.
   */
  zone: <T>(fn: () => T) => T;
}

// Dexie.Promise's zone API (typed here: Dexie keeps it off its public typings, but its own layers use it).
const zones = Dexie.Promise as unknown as { PSD: unknown; usePSD<T>(psd: unknown, fn: () => T): T };

/** An activity the suggestions read: a note (Need) or a logged email thread (every part, lib/pipeline/bant-from-text.ts). */
const isEvidence = (a: Activity) => isBantEvidence(a) !== null || a.type === 'email-logged';

interface ContactEvidence {
  notes: string[];
  emails: EmailText[];
}

/**
 * The evidence a contact's activities hold, newest first, as refreshBantSuggestions reads it (latestNoteTexts,
 * latestEmailTexts): its activities by [contactId+at], backwards, with `added` (activities being written in this
 * same request, not stored yet) placed by their time.
 */
async function evidenceOf(
  core: Core,
  trans: DBCoreTransaction,
  contactId: string,
  added: readonly Activity[] = [],
): Promise<ContactEvidence> {
  const index = core.activities.schema.getIndexByKeyPath(['contactId', 'at']);
  const found: Activity[] = [...added];
  let notes = added.filter((a) => isBantEvidence(a) !== null).length;
  let emails = added.length - notes;
  const cursor = index
    ? await core.zone(() =>
        core.activities.openCursor({
          trans,
          values: true,
          reverse: true,
          query: { index, range: between([contactId, -Infinity], [contactId, Infinity]) },
        }),
      )
    : null;
  if (cursor)
    await cursor.start(() => {
      const a = cursor.value as Activity;
      if (isEvidence(a) && !added.some((e) => e.id === a.id)) {
        found.push(a);
        if (isBantEvidence(a) !== null) notes++;
        else emails++;
      }
      if (notes >= NOTES_READ && emails >= EMAILS_READ) cursor.stop();
      else cursor.continue();
    });
  found.sort((a, b) => b.at - a.at);
  return {
    notes: found
      .map(isBantEvidence)
      .filter((t): t is string => t !== null)
      .slice(0, NOTES_READ),
    emails: found
      .filter((a) => a.type === 'email-logged')
      .slice(0, EMAILS_READ)
      .flatMap(emailTexts),
  };
}

/**
 * The deals with their suggestions applied (the same object where nothing changes). `contacts` may hold
 * contacts already known (just written); the rest are read, with the stages and notes, in one round of requests.
 */
async function withSuggestions(
  core: Core,
  trans: DBCoreTransaction,
  deals: readonly Deal[],
  known: ReadonlyMap<string, Contact | undefined> = new Map(),
  added: ReadonlyMap<string, Activity[]> = new Map(),
): Promise<Deal[]> {
  const open = deals.filter(isOpen);
  if (!open.length) return [...deals];
  const contactIds = [...new Set(open.map((d) => d.contactId))];
  const missing = contactIds.filter((id) => !known.has(id));
  const stageIds = [...new Set(open.map((d) => d.stageId))];
  const [readContacts, stages, notes] = await Promise.all([
    missing.length
      ? (core.zone(() => core.contacts.getMany({ trans, keys: missing })) as Promise<(Contact | undefined)[]>)
      : [],
    core.zone(() => core.stages.getMany({ trans, keys: stageIds })) as Promise<(Stage | undefined)[]>,
    Promise.all(contactIds.map((id) => evidenceOf(core, trans, id, added.get(id)))),
  ]);
  const contactOf = new Map(known);
  for (const [i, id] of missing.entries()) contactOf.set(id, readContacts[i]);
  const stageOf = new Map(stageIds.map((id, i) => [id, stages[i]]));
  const evidenceOfContact = new Map(contactIds.map((id, i) => [id, notes[i]!]));
  const today = dayKey(Date.now(), 'local');
  return deals.map((deal) => {
    if (!isOpen(deal)) return deal;
    const found = evidenceOfContact.get(deal.contactId);
    const evidence = bantEvidence(
      deal,
      contactOf.get(deal.contactId),
      found?.notes ?? [],
      stageOf.get(deal.stageId)?.forecastCategory,
      today,
      found?.emails ?? [],
    );
    const patch = suggestionPatch(deal.bant, suggestBant(evidence));
    return Object.keys(patch).length ? { ...deal, bant: { ...deal.bant, ...patch } } : deal;
  });
}

/**
 * Re-suggests the open deals of some contacts whose record (`known`: as being written) or notes (`added`) are
 * being written; writes the deals that change. `moved`, when given, says which of the contacts changed what the
 * suggestions read (it is worked out while their deals are read): the others' deals are left as they are.
 */
async function refreshContactsDeals(
  core: Core,
  trans: DBCoreTransaction,
  contactIds: readonly string[],
  known: ReadonlyMap<string, Contact | undefined> = new Map(),
  added: ReadonlyMap<string, Activity[]> = new Map(),
  moved?: Promise<ReadonlySet<string>>,
): Promise<void> {
  const index = core.deals.schema.getIndexByKeyPath('contactId');
  if (!index || !contactIds.length) return;
  const [found, relevant] = await Promise.all([
    Promise.all(
      contactIds.map(
        (id) =>
          core
            .zone(() => core.deals.query({ trans, values: true, query: { index, range: equal(id) } }))
            .then((r) => r.result) as Promise<Deal[]>,
      ),
    ),
    moved,
  ]);
  const deals = found.flat().filter((d) => isOpen(d) && (!relevant || relevant.has(d.contactId)));
  if (!deals.length) return;
  const next = await withSuggestions(core, trans, deals, known, added);
  const changed = next.filter((d, i) => d !== deals[i]);
  if (changed.length) await core.zone(() => core.deals.mutate({ type: 'put', trans, values: changed }));
}

/** An upgrade runs on the schema of its own version (an index may not exist yet): suggestions wait for later writes. */
const upgrading = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

export const bantOnWriteMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BantSuggestions',
  create(down) {
    if (!TABLES.every((name) => down.schema.tables.some((t) => t.name === name))) return down;
    // The tables below this layer: a deal written here still goes through the derived index and the sync.
    const tables = {
      deals: down.table('deals'),
      contacts: down.table('contacts'),
      stages: down.table('stages'),
      activities: down.table('activities'),
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((s) => TRIGGERS.has(s)))
          return down.transaction(stores, mode, options);
        const extra = TABLES.filter((t) => !stores.includes(t));
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!TRIGGERS.has(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if ((req.type !== 'add' && req.type !== 'put') || upgrading(req.trans)) return table.mutate(req);
            // Team sync: records pulled as the server holds them carry the suggestions their writers computed
            // (lib/sync/apply-remote.ts refreshes the rep's own unpushed deals itself).
            if (isWritingAsPulled(req.trans)) return table.mutate(req);
            const { trans } = req;
            const psd = zones.PSD;
            const core: Core = { ...tables, zone: (fn) => zones.usePSD(psd, fn) };
            if (name === 'deals') {
              const values = await withSuggestions(core, trans, req.values as Deal[]);
              return core.zone(() => table.mutate({ ...req, values } as DBCoreMutateRequest));
            }
            // The contacts' deals are re-suggested from the values being written (their reads start alongside
            // the write itself, which then need not be waited for first).
            let refreshing: Promise<void>;
            if (name === 'contacts') {
              const contacts = req.values as Contact[];
              const ids = contacts.map((c) => c.id);
              // Only a change to what the suggestions read from a contact (its title, tags, notes) can change its
              // deals' suggestions: a capture adding a phone re-suggests nothing. The contacts as stored are asked
              // for ahead of the write below (a transaction answers its requests in the order they were made); a
              // contact added was not stored before (an add over a stored one fails and changes nothing).
              const stored =
                req.type === 'add'
                  ? Promise.resolve([])
                  : (core.zone(() => core.contacts.getMany({ trans, keys: ids })) as Promise<(Contact | undefined)[]>);
              const moved = stored.then(
                (old) => new Set(contacts.filter((c, i) => !sameBantInputs(old[i], c)).map((c) => c.id)),
              );
              refreshing = refreshContactsDeals(
                core,
                trans,
                ids,
                new Map(contacts.map((c) => [c.id, c])),
                new Map(),
                moved,
              );
            } else {
              const added = new Map<string, Activity[]>();
              for (const a of req.values as Activity[])
                if (isEvidence(a)) added.set(a.contactId, [...(added.get(a.contactId) ?? []), a]);
              refreshing = refreshContactsDeals(core, trans, [...added.keys()], new Map(), added);
            }
            const [res] = await Promise.all([table.mutate(req), refreshing]);
            return res;
          },
        };
      },
    };
  },
};
