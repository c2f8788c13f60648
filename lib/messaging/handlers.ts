import { createDealFor } from '../background/create-deal';
import { prepareCapture } from '../capture/prepare';
import type { ProspectorDb } from '../db/database';
import { generateDemo } from '../demo/generate';
import { loadDemo } from '../demo/load';
import { removeDemo } from '../demo/remove';
import { AppError } from '../errors/app-error';
import { t } from '../i18n';
import { applyRestoreStep, wipeData } from '../io/restore-db';
import type { Settings } from '../model';
import { moveContactsToStage, tagContacts } from '../pipeline/bulk';
import { saveCapture } from '../pipeline/capture';
import { deleteContacts, restoreContacts } from '../pipeline/delete-restore';
import { writeImportChunk } from '../pipeline/import-rows';
import { mergeContacts } from '../pipeline/merge-contacts';
import { moveDeal } from '../pipeline/move-deal';
import { addNote, completeFollowUp, updateContact, updateDeal } from '../pipeline/mutations';
import { issueMessage, PipelineRefused, saveStages } from '../pipeline/stages-edit';
import { refreshBantSuggestions } from '../pipeline/suggest-bant';
import { addTask, completeTask, deleteTask, rescheduleTask } from '../tasks/write';
import type { Handlers } from './router';

export interface HandlerContext {
  db: ProspectorDb;
  settings: () => Promise<Settings>;
  now: () => number;
}

/** The background's answers to the message table. Thin: each delegates to lib/pipeline. */
export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    'capture.prepare': async ({ raw }) => prepareCapture(raw),
    'capture.save': async ({ capture }) => {
      const s = await ctx.settings();
      const saved = await saveCapture(ctx.db, capture, { now: ctx.now(), currency: s.currency, owner: s.owner });
      if (!saved.length) throw new AppError('errorNothingToSave');
      return { saved };
    },
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
    'deal.create': async ({ contactId, title }) => {
      const s = await ctx.settings();
      const opts = { now: ctx.now(), currency: s.currency, owner: s.owner, title };
      return { dealId: (await createDealFor(ctx.db, contactId, opts)).id };
    },
    'popup.wake': async () => ({ ok: true as const }),
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
    'import.chunk': async (chunk) => {
      const s = await ctx.settings();
      return writeImportChunk(ctx.db, chunk, { now: ctx.now(), owner: s.owner });
    },
    'backup.restore': async (step) => ({ written: await applyRestoreStep(ctx.db, step) }),
    'db.wipe': async () => wipeData(ctx.db),
  };
}
