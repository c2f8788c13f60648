import { createDealFor, startDeals } from '../background/create-deal';
import { type PopupOpens, popupOpens } from '../background/popup-open';
import { prepareCapture } from '../capture/prepare';
import type { ProspectorDb } from '../db/database';
import { generateDemo } from '../demo/generate';
import { loadDemo } from '../demo/load';
import { removeDemo } from '../demo/remove';
import { AppError } from '../errors/app-error';
import { applyRestoreStep, wipeData } from '../io/restore-db';
import type { Settings } from '../model';
import { applyKnownUpdates } from '../pipeline/apply-update';
import { moveContactsToStage, tagContacts } from '../pipeline/bulk';
import { saveCapture } from '../pipeline/capture';
import { deleteContacts, restoreContacts } from '../pipeline/delete-restore';
import { writeImportChunk } from '../pipeline/import-rows';
import { logThread } from '../pipeline/log-email';
import { mergeContacts } from '../pipeline/merge-contacts';
import { moveDeal } from '../pipeline/move-deal';
import { addNote, completeFollowUp, updateContact, updateDeal } from '../pipeline/mutations';
import { mergeOwners, OwnerExists, renameOwner, setOwnerUser, setQuota } from '../pipeline/owners';
import { issueMessage, PipelineRefused, saveStages } from '../pipeline/stages-edit';
import { refreshBantSuggestions } from '../pipeline/suggest-bant';
import { saveSettings } from '../settings/store';
import type { TeamSync } from '../sync/controller';
import { CouchError } from '../sync/couch';
import { errorInfo } from '../sync/engine';
import { syncErrorPart } from '../sync/error-words';
import { addTask, completeTask, deleteTask, rescheduleTask } from '../tasks/write';
import type { Handlers } from './router';

export interface HandlerContext {
  db: ProspectorDb;
  settings: () => Promise<Settings>;
  now: () => number;
  /** The team sync (entrypoints/background/sync.ts); absent where there is none (unit tests). */
  team?: TeamSync;
  /** The popups' openings, when the background also starts them from the popup's page load. */
  popup?: PopupOpens;
}

/** A team server's refusal as words the settings page shows in the rep's language (lib/sync/error-words.ts). */
async function teamCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CouchError) throw new AppError([syncErrorPart(errorInfo(err))]);
    throw err;
  }
}

/** The background's answers to the message table. Thin: each delegates to lib/pipeline. */
export function createHandlers(ctx: HandlerContext): Handlers {
  // The popup's first screen and page read, which share one read of the page per popup opening.
  const popup = ctx.popup ?? popupOpens(ctx.db);
  return {
    'capture.prepare': async ({ raw }) => prepareCapture(raw),
    'capture.save': async ({ capture, startDeal, stageId, asNew }) => {
      const s = await ctx.settings();
      const saved = await saveCapture(ctx.db, capture, {
        now: ctx.now(),
        currency: s.currency,
        owner: s.owner,
        startDeal: startDeal ?? s.dealOnCapture,
        stageId,
        asNew,
      });
      if (!saved.length) throw new AppError('errorNothingToSave');
      return { saved };
    },
    'contact.applyUpdates': async ({ source, updates }) => ({
      updated: await applyKnownUpdates(ctx.db, updates, { ...source, at: ctx.now() }),
    }),
    'deal.move': async ({ dealId, stageId, lostReason }) => {
      const deal = await moveDeal(ctx.db, dealId, stageId, ctx.now(), lostReason);
      return { dealId: deal.id, stageId: deal.stageId };
    },
    'deal.update': async ({ dealId, patch }) => {
      await updateDeal(ctx.db, dealId, patch, ctx.now());
      return { dealId };
    },
    'deal.followUpDone': async ({ dealId }) => {
      await completeFollowUp(ctx.db, dealId, ctx.now());
      return { dealId };
    },
    'task.add': async ({ task }) => ({ taskId: (await addTask(ctx.db, task, ctx.now())).id }),
    'task.done': async ({ taskId }) => {
      await completeTask(ctx.db, taskId, ctx.now());
      return { taskId };
    },
    'task.reschedule': async ({ taskId, dueAt }) => {
      await rescheduleTask(ctx.db, taskId, dueAt, ctx.now());
      return { taskId };
    },
    'task.delete': async ({ taskId }) => {
      await deleteTask(ctx.db, taskId, ctx.now());
      return { taskId };
    },
    'contact.update': async ({ contactId, patch }) => {
      await updateContact(ctx.db, contactId, patch, ctx.now());
      return { contactId };
    },
    'note.add': async ({ contactId, dealId, text }) => {
      const note = await addNote(ctx.db, contactId, dealId, text, ctx.now());
      return { activityId: note.id };
    },
    'deal.create': async ({ contactId, title, stageId }) => {
      const s = await ctx.settings();
      const opts = { now: ctx.now(), currency: s.currency, owner: s.owner, title, stageId };
      return { dealId: (await createDealFor(ctx.db, contactId, opts)).id };
    },
    'contacts.startDeal': async ({ contactIds, stageId }) => {
      const s = await ctx.settings();
      return startDeals(ctx.db, contactIds, { now: ctx.now(), currency: s.currency, owner: s.owner, stageId });
    },
    'thread.log': async ({ thread }) => logThread(ctx.db, thread, ctx.now()),
    'popup.wake': async () => ({ ok: true as const }),
    'popup.open': (request) => popup.open(request),
    'popup.read': (request) => popup.read(request),
    'deal.refreshBant': async ({ dealId }) => ({ changed: await refreshBantSuggestions(ctx.db, dealId, ctx.now()) }),
    'demo.remove': async () => removeDemo(ctx.db),
    'demo.load': async ({ contacts, seed, notesPerDeal }) => {
      const s = await ctx.settings();
      const data = generateDemo({
        contacts,
        seed,
        notesPerDeal,
        now: ctx.now(),
        stages: await ctx.db.stages.toArray(),
        currency: s.currency,
      });
      await loadDemo(ctx.db, data);
      return { contacts: data.contacts.length, deals: data.deals.length, activities: data.activities.length };
    },
    'stages.save': async ({ stages, reassign }) => {
      try {
        return await saveStages(ctx.db, stages, reassign, ctx.now());
      } catch (err) {
        if (err instanceof PipelineRefused)
          throw new AppError(
            err.issues.map((i) => {
              const [key, ...params] = issueMessage(i);
              return { key, params: params.map(String) };
            }),
          );
        throw err;
      }
    },
    'contacts.merge': async ({ keepId, mergeId }) => {
      const kept = await mergeContacts(ctx.db, keepId, mergeId, ctx.now());
      return { contactId: kept.id };
    },
    'contacts.delete': async ({ contactIds }) => ({
      deleted: await deleteContacts(ctx.db, contactIds, ctx.now()),
    }),
    'contacts.restore': async ({ contactIds }) => ({
      restored: await restoreContacts(ctx.db, contactIds, ctx.now()),
    }),
    'contacts.moveStage': async ({ contactIds, stageId }) => {
      const s = await ctx.settings();
      return moveContactsToStage(ctx.db, contactIds, stageId, ctx.now(), { currency: s.currency, owner: s.owner });
    },
    'contacts.tag': async ({ contactIds, tag, remove }) => ({
      changed: await tagContacts(ctx.db, contactIds, tag, remove, ctx.now()),
    }),
    'owners.rename': async ({ from, to }) => {
      try {
        return await renameOwner(ctx.db, from, to, ctx.now());
      } catch (err) {
        if (err instanceof OwnerExists) throw new AppError('owners_nameTaken', err.existing);
        throw err;
      }
    },
    'owners.merge': async ({ from, into }) => mergeOwners(ctx.db, from, into, ctx.now()),
    'owners.setUser': async ({ name, user }) => setOwnerUser(ctx.db, name, user),
    'quota.set': async (q) => setQuota(ctx.db, q),
    'import.chunk': async (chunk) => {
      const s = await ctx.settings();
      return writeImportChunk(ctx.db, chunk, { now: ctx.now(), owner: s.owner });
    },
    'backup.restore': async (step) => {
      const written = await applyRestoreStep(ctx.db, step);
      // Here rather than on the page: the rep may close it the moment the rows are in.
      if (step.step === 'commit' && step.settings) await saveSettings(step.settings);
      return { written };
    },
    'db.wipe': async () => wipeData(ctx.db),
    'team.test': async (target) => teamCall(() => needTeam(ctx).test(target)),
    'team.connect': async (target) => teamCall(() => needTeam(ctx).connect(target)),
    'team.disconnect': async () => {
      await needTeam(ctx).disconnect();
      return { ok: true as const };
    },
    'team.syncNow': async () => {
      await teamCall(() => needTeam(ctx).syncNow());
      return { ok: true as const };
    },
  };
}

function needTeam(ctx: HandlerContext): TeamSync {
  if (!ctx.team) throw new Error('Team sync is not available here.');
  return ctx.team;
}
