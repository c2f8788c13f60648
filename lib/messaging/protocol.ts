// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import type { PopupOpened } from '../background/popup-open';
import { RawPageCapture } from '../capture/raw';
import type { ErrorPart } from '../errors/app-error';
import { ImportChunk, ImportChunkResult } from '../io/import-row';
import { RestoreStep } from '../io/restore-db';
import {
  Candidate,
  ContactPatch,
  Currency,
  DealPatch,
  Id,
  NewTask,
  Owner,
  PageCapture,
  Quota,
  QuotaPeriod,
  Stage,
  Timestamp,
} from '../model';
import { RawThread, ThreadLogResult } from '../model/email-thread';
import { UPDATE_FIELDS } from '../pipeline/known-update';
import type { PageRead } from '../popup/first-screen';
import { TeamTarget } from '../sync/config';

const OwnerName = z.string().trim().min(1).max(200);

/**
 * Every call between the extension's contexts, in one table. `from` says who may send it: 'extension' (popup,
 * options page: the extension's own origin) or 'content' (a content script in a tab). Requests are parsed with
 * the schema on receipt; anything else is rejected before a handler sees it.
 */
export const protocol = {
  /** The page reader's raw findings made reviewable: h-cards parsed, names split, phones in E.164, merged. */
  'capture.prepare': {
    from: ['extension'],
    request: z.object({ raw: RawPageCapture }),
    response: PageCapture,
  },
  /**
   * Store the people of a capture (merged with who is already known) as leads. `startDeal` starts a deal for each
   * one without an open deal ("Save and start deal"; left out, the rep's setting decides), in `stageId` if given
   * (a board column's "+") or the first open stage.
   */
  'capture.save': {
    from: ['extension'],
    request: z.object({
      capture: PageCapture,
      startDeal: z.boolean().optional(),
      stageId: Id.optional(),
      /** "Different person": save as a new contact even though someone stored has the same name at the company. */
      asNew: z.boolean().optional(),
    }),
    response: z.object({
      saved: z.array(
        z.object({
          contactId: Id,
          dealId: Id.nullable(),
          created: z.boolean(),
          dealStarted: z.boolean(),
          changed: z.array(z.string()),
        }),
      ),
    }),
  },
  /**
   * Apply the fields the rep ticked of what a page adds to known people (the popup's update, or "Save all"). The
   * background works the changes out again on the stored contacts; a field edited by hand is never overwritten.
   */
  'contact.applyUpdates': {
    from: ['extension'],
    request: z.object({
      source: PageCapture.pick({ url: true, site: true }),
      updates: z
        .array(z.object({ contactId: Id, candidate: Candidate, fields: z.array(z.enum(UPDATE_FIELDS)).min(1) }))
        .min(1)
        .max(200),
    }),
    response: z.object({ updated: z.array(z.object({ contactId: Id, changed: z.array(z.string()) })) }),
  },
  /** Move a deal to a stage (recorded as a stage-changed activity). */
  'deal.move': {
    from: ['extension'],
    request: z.object({ dealId: Id, stageId: Id, lostReason: z.string().max(500).default('') }),
    response: z.object({ dealId: Id, stageId: Id }),
  },
  /** Change a deal's fields (amount, close date, BANT, follow-up…). */
  'deal.update': {
    from: ['extension'],
    request: z.object({ dealId: Id, patch: DealPatch }),
    response: z.object({ dealId: Id }),
  },
  /** Mark a deal's follow-up done. */
  'deal.followUpDone': {
    from: ['extension'],
    request: z.object({ dealId: Id }),
    response: z.object({ dealId: Id }),
  },
  /** Add a follow-up (call, email, meeting, task) for a contact, optionally on one of their deals. */
  'task.add': {
    from: ['extension'],
    request: z.object({ task: NewTask }),
    response: z.object({ taskId: Id }),
  },
  /** Mark a follow-up done. */
  'task.done': {
    from: ['extension'],
    request: z.object({ taskId: Id }),
    response: z.object({ taskId: Id }),
  },
  /** Snooze a follow-up, or give it a new time (a done one opens again). */
  'task.reschedule': {
    from: ['extension'],
    request: z.object({ taskId: Id, dueAt: Timestamp }),
    response: z.object({ taskId: Id }),
  },
  /** Remove a follow-up the rep no longer plans. */
  'task.delete': {
    from: ['extension'],
    request: z.object({ taskId: Id }),
    response: z.object({ taskId: Id }),
  },
  /** Edit a contact by hand (the fields become protected from later captures). */
  'contact.update': {
    from: ['extension'],
    request: z.object({ contactId: Id, patch: ContactPatch }),
    response: z.object({ contactId: Id }),
  },
  /** Add a note to a contact's timeline. */
  'note.add': {
    from: ['extension'],
    request: z.object({
      contactId: Id,
      dealId: Id.nullable().default(null),
      text: z.string().trim().min(1).max(20_000),
    }),
    response: z.object({ activityId: Id }),
  },
  /** Start a deal for a known contact ("Start deal" on a lead, or again once their deals are all closed). */
  'deal.create': {
    from: ['extension'],
    request: z.object({ contactId: Id, title: z.string().max(500).optional(), stageId: Id.optional() }),
    response: z.object({ dealId: Id }),
  },
  /** "Start deal" on the selected contacts: each without an open deal gets one (in `stageId` or the first stage). */
  'contacts.startDeal': {
    from: ['extension'],
    request: z.object({ contactIds: z.array(Id).min(1).max(200_000), stageId: Id.optional() }),
    response: z.object({ started: z.number(), already: z.number() }),
  },
  /**
   * Answers once the background is up, its database open and seeded (an MV3 worker sleeps when idle): what tools
   * wait on before reading the store (scripts/bench/store-count.ts). The popup's own first message, 'popup.open',
   * wakes it as the popup opens.
   */
  'popup.wake': {
    from: ['extension'],
    request: z.object({}),
    response: z.object({ ok: z.literal(true) }),
  },
  /**
   * The popup's first screen, answered from the background's open database (lib/background/popup-open.ts): the
   * tab, the stages, who is on it and the most likely person's deals. Sent as the popup starts, with
   * 'popup.read' under the same `openId`: the page is read once for both. Not parsed by the popup, whose open
   * path carries no zod: it is the background's own data, read from its own database.
   */
  'popup.open': {
    from: ['extension'],
    request: z.object({ openId: z.string().min(1).max(64), tabId: z.number().int().nonnegative().optional() }),
    response: z.custom<PopupOpened>(),
  },
  /** The page as read for the popup opening `openId` (read once with 'popup.open'), checked and prepared. */
  'popup.read': {
    from: ['extension'],
    request: z.object({ openId: z.string().min(1).max(64), tabId: z.number().int().nonnegative().optional() }),
    response: z.custom<PageRead>(),
  },
  /**
   * "Log this thread": the thread reader's answer (lib/extract/thread/), logged on each participant in the pipeline
   * (lib/pipeline/log-email.ts); the others are listed for the rep to add. Logging it again adds nothing twice.
   */
  'thread.log': {
    from: ['extension'],
    request: z.object({ thread: RawThread }),
    response: ThreadLogResult,
  },
  /** Store the BANT suggestions the deal's evidence supports (unconfirmed parts only; see suggest-bant.ts). */
  'deal.refreshBant': {
    from: ['extension'],
    request: z.object({ dealId: Id }),
    response: z.object({ changed: z.array(z.string()) }),
  },
  /** Fill the store with a deterministic demo pipeline (options page, tests, benchmarks). */
  /** Remove every demo contact with their deals, follow-ups and timeline; the rep's own data stays. */
  'demo.remove': {
    from: ['extension'],
    request: z.object({}),
    response: z.object({ contacts: z.number(), deals: z.number() }),
  },
  'demo.load': {
    from: ['extension'],
    request: z.object({
      contacts: z.number().int().min(1).max(200_000),
      seed: z.number().int().default(42),
      notesPerDeal: z.number().min(0).max(10).default(0.3),
    }),
    response: z.object({ contacts: z.number(), deals: z.number(), activities: z.number() }),
  },
  /** Save the edited pipeline; removed stages' deals move to `reassign[stageId]` (refused if any would orphan). */
  'stages.save': {
    from: ['extension'],
    request: z.object({
      stages: z.array(Stage).min(3).max(50),
      reassign: z.record(Id, Id).default({}),
    }),
    response: z.object({ stages: z.number(), moved: z.number() }),
  },
  /** Rename a deal owner: its deals follow; the old name stays an alias (lib/pipeline/owners.ts). */
  'owners.rename': {
    from: ['extension'],
    request: z.object({ from: OwnerName, to: OwnerName }),
    response: Owner,
  },
  /** Merge one owner into another ("Ben" into "Ben Tan"): deals, spellings and quotas move over. */
  'owners.merge': {
    from: ['extension'],
    request: z.object({ from: OwnerName, into: OwnerName }),
    response: Owner,
  },
  /** Set the sync user name team sync knows an owner by. */
  'owners.setUser': {
    from: ['extension'],
    request: z.object({ name: OwnerName, user: z.string().trim().max(200) }),
    response: Owner,
  },
  /** Set (amount null: remove) the quota of an owner (null: the team) for a month or quarter. */
  'quota.set': {
    from: ['extension'],
    request: z.object({
      owner: OwnerName.nullable(),
      period: QuotaPeriod,
      amount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
      currency: Currency,
    }),
    response: Quota.nullable(),
  },
  /** Merge a duplicate into the contact kept: details, deals and timeline move over; the other is marked merged. */
  'contacts.merge': {
    from: ['extension'],
    request: z.object({ keepId: Id, mergeId: Id }),
    response: z.object({ contactId: Id }),
  },
  /** Soft-delete contacts and their deals (undo with contacts.restore). */
  'contacts.delete': {
    from: ['extension'],
    request: z.object({ contactIds: z.array(Id).min(1).max(200_000) }),
    response: z.object({ deleted: z.number() }),
  },
  /** Bring soft-deleted contacts back with the deals deleted along with them. */
  'contacts.restore': {
    from: ['extension'],
    request: z.object({ contactIds: z.array(Id).min(1).max(200_000) }),
    response: z.object({ restored: z.number() }),
  },
  /** Move the selected contacts' deals to a stage (a contact without a deal gets one there). */
  'contacts.moveStage': {
    from: ['extension'],
    request: z.object({ contactIds: z.array(Id).min(1).max(200_000), stageId: Id }),
    response: z.object({ moved: z.number(), created: z.number() }),
  },
  /** Add or remove a tag on the selected contacts. */
  'contacts.tag': {
    from: ['extension'],
    request: z.object({
      contactIds: z.array(Id).min(1).max(200_000),
      tag: z.string().trim().min(1).max(100),
      remove: z.boolean().default(false),
    }),
    response: z.object({ changed: z.number() }),
  },
  /** Write one chunk of imported rows (CSV or vCard), each matched to who is stored (lib/pipeline/import-rows.ts). */
  'import.chunk': {
    from: ['extension'],
    request: ImportChunk,
    response: ImportChunkResult,
  },
  /** One step of restoring a JSON backup: begin, each table's rows into staging, commit or discard (lib/io/restore-db.ts). */
  'backup.restore': {
    from: ['extension'],
    request: RestoreStep,
    response: z.object({ written: z.number() }),
  },
  /** Delete every contact, deal and activity; stages and settings stay. */
  'db.wipe': {
    from: ['extension'],
    request: z.object({ confirm: z.literal('wipe') }),
    response: z.object({ contacts: z.number(), deals: z.number(), activities: z.number() }),
  },
  /** Signs in to the team's CouchDB and looks at its database, storing nothing (Settings → Team, "Test connection"). */
  'team.test': {
    from: ['extension'],
    request: TeamTarget,
    response: z.object({ user: z.string(), roles: z.array(z.string()), docCount: z.number() }),
  },
  /** Stores the team connection (credentials in extension storage only) and starts syncing. */
  'team.connect': {
    from: ['extension'],
    request: TeamTarget,
    response: z.object({ user: z.string(), roles: z.array(z.string()), docCount: z.number() }),
  },
  /** Stops syncing and forgets the credentials; the local pipeline stays. */
  'team.disconnect': {
    from: ['extension'],
    request: z.object({}),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Sync now, without waiting out a retry delay. */
  'team.syncNow': {
    from: ['extension'],
    request: z.object({}),
    response: z.object({ ok: z.literal(true) }),
  },
} as const satisfies Record<string, MessageDef>;

export interface MessageDef {
  from: readonly ('extension' | 'content')[];
  request: z.ZodType;
  response: z.ZodType;
}

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof protocol)[T]['response']>;

/** What travels over runtime messaging. */
export const Envelope = z.object({ type: z.string().max(64), payload: z.unknown() });
/**
 * A handler's answer. A failure carries a code, English text for logs, and — for errors a rep may read — the i18n
 * parts (`lib/errors/`), put into words by the page that shows them, in the rep's language.
 */
export type Reply<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: ErrorCode; parts?: ErrorPart[] };
export type ErrorCode = 'invalid' | 'forbidden' | 'unknown-type' | 'failed';
