import type { ProspectorDb } from '../db/database';
import type { MessageKey } from '../i18n';
import { foldText } from '../identity/keys';
import { type Activity, type Deal, newId, type Stage } from '../model';
import { PIPELINE_TEMPLATES, sortStages, stagesFromTemplate } from './default-stages';
import { dealInStage } from './move-deal';

export type TemplateName = keyof typeof PIPELINE_TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(PIPELINE_TEMPLATES) as TemplateName[];

/** Why a pipeline cannot be saved as it is. The options page shows these before the background re-checks. */
export type StageIssue =
  | { code: 'no-open' }
  | { code: 'won-count' }
  | { code: 'lost-count' }
  | { code: 'empty-name'; stageId: string }
  | { code: 'duplicate-name'; stageId: string; name: string }
  | { code: 'duplicate-id'; stageId: string }
  | { code: 'has-deals'; stageId: string; name: string; count: number }
  | { code: 'bad-target'; stageId: string; name: string }
  | { code: 'kind-changed'; stageId: string; name: string; count: number };

/**
 * Checks an edited pipeline against the stored one. `dealCounts` are the live deals per stored stage;
 * `reassign` says where a removed stage's deals go. A removed stage with deals and no target is refused:
 * nothing is ever left pointing at a stage that no longer exists.
 */
export function checkPipeline(
  current: readonly Stage[],
  next: readonly Stage[],
  dealCounts: ReadonlyMap<string, number>,
  reassign: Readonly<Record<string, string>>,
): StageIssue[] {
  const issues: StageIssue[] = [];
  if (!next.some((s) => s.kind === 'open')) issues.push({ code: 'no-open' });
  if (next.filter((s) => s.kind === 'won').length !== 1) issues.push({ code: 'won-count' });
  if (next.filter((s) => s.kind === 'lost').length !== 1) issues.push({ code: 'lost-count' });
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const s of next) {
    const folded = foldText(s.name);
    if (!s.name.trim()) issues.push({ code: 'empty-name', stageId: s.id });
    else if (names.has(folded)) issues.push({ code: 'duplicate-name', stageId: s.id, name: s.name });
    names.add(folded);
    if (ids.has(s.id)) issues.push({ code: 'duplicate-id', stageId: s.id });
    ids.add(s.id);
  }
  const nextById = new Map(next.map((s) => [s.id, s]));
  for (const old of current) {
    const count = dealCounts.get(old.id) ?? 0;
    const kept = nextById.get(old.id);
    if (kept) {
      // A stage's kind decides its deals' outcome: changing it under them would rewrite history.
      if (kept.kind !== old.kind && count > 0)
        issues.push({ code: 'kind-changed', stageId: old.id, name: old.name, count });
      continue;
    }
    const target = reassign[old.id];
    if (target === undefined) {
      if (count > 0) issues.push({ code: 'has-deals', stageId: old.id, name: old.name, count });
    } else if (!nextById.has(target)) {
      issues.push({ code: 'bad-target', stageId: old.id, name: old.name });
    }
  }
  return issues;
}

/** The message key and arguments that explain an issue to the rep. */
export function issueMessage(issue: StageIssue): [MessageKey, ...(string | number)[]] {
  switch (issue.code) {
    case 'no-open':
      return ['settings_stageNoOpen'];
    case 'won-count':
      return ['settings_stageWonCount'];
    case 'lost-count':
      return ['settings_stageLostCount'];
    case 'empty-name':
      return ['settings_stageEmptyName'];
    case 'duplicate-name':
      return ['settings_stageDuplicateName', issue.name];
    case 'duplicate-id':
      return ['settings_stageDuplicateId'];
    case 'has-deals':
      return ['settings_stageHasDeals', issue.name, issue.count];
    case 'bad-target':
      return ['settings_stageBadTarget', issue.name];
    case 'kind-changed':
      return ['settings_stageKindChanged', issue.name, issue.count];
  }
}

/**
 * Where each stored stage that a new pipeline lacks should send its deals, as a starting point the rep can
 * change: Won to Won, Lost to Lost, an open stage to the open stage at the same relative place in the process.
 */
export function suggestReassign(current: readonly Stage[], next: readonly Stage[]): Record<string, string> {
  const nextIds = new Set(next.map((s) => s.id));
  const nextOpen = sortStages(next).filter((s) => s.kind === 'open');
  const curOpen = sortStages(current).filter((s) => s.kind === 'open');
  const out: Record<string, string> = {};
  for (const old of current) {
    if (nextIds.has(old.id)) continue;
    if (old.kind !== 'open') {
      const same = next.find((s) => s.kind === old.kind);
      if (same) out[old.id] = same.id;
      continue;
    }
    if (!nextOpen.length) continue;
    const pos = curOpen.length > 1 ? curOpen.indexOf(old) / (curOpen.length - 1) : 0;
    out[old.id] = nextOpen[Math.round(pos * (nextOpen.length - 1))]!.id;
  }
  return out;
}

/** A template's stages named in the rep's language, keeping the ids (and so the deals) of stages that exist. */
export function templateStages(name: TemplateName, label: (key: MessageKey) => string): Stage[] {
  return stagesFromTemplate(PIPELINE_TEMPLATES[name], label);
}

export class PipelineRefused extends Error {
  constructor(readonly issues: StageIssue[]) {
    super(`The pipeline cannot be saved: ${issues.map((i) => i.code).join(', ')}.`);
  }
}

/**
 * Saves an edited pipeline in one transaction: the deals of removed stages move to their targets first (each
 * recorded as a stage change), then the stages are replaced, numbered in the order given. Refuses, changing
 * nothing, when a removed stage still has deals without a target. Soft-deleted deals in a removed stage with
 * no target go to the first open stage, so a later restore finds a stage.
 */
export async function saveStages(
  db: ProspectorDb,
  next: readonly Stage[],
  reassign: Readonly<Record<string, string>>,
  at: number,
): Promise<{ stages: number; moved: number }> {
  return db.transaction('rw', [db.stages, db.deals, db.activities], async () => {
    const current = await db.stages.toArray();
    const nextIds = new Set(next.map((s) => s.id));
    const removed = current.filter((s) => !nextIds.has(s.id));
    const touched = current.filter((s) => !nextIds.has(s.id) || next.find((n) => n.id === s.id)?.kind !== s.kind);
    const dealsByStage = new Map<string, Deal[]>();
    for (const s of touched) dealsByStage.set(s.id, await db.deals.where('stageId').equals(s.id).toArray());
    const counts = new Map([...dealsByStage].map(([id, ds]) => [id, ds.filter((d) => d.deletedAt === null).length]));
    const issues = checkPipeline(current, next, counts, reassign);
    if (issues.length) throw new PipelineRefused(issues);

    const ordered = next.map((s, order) => ({ ...s, order }));
    const byId = new Map(ordered.map((s) => [s.id, s]));
    const firstOpen = ordered.find((s) => s.kind === 'open')!;
    const moves: Activity[] = [];
    const movedDeals: Deal[] = [];
    for (const old of removed) {
      const target = byId.get(reassign[old.id] ?? '') ?? firstOpen;
      for (const deal of dealsByStage.get(old.id) ?? []) {
        movedDeals.push(dealInStage(deal, target, at));
        moves.push({
          id: newId(),
          contactId: deal.contactId,
          dealId: deal.id,
          type: 'stage-changed',
          at,
          payload: { from: old.id, to: target.id, reason: 'stage-removed' },
        });
      }
    }
    await db.deals.bulkPut(movedDeals);
    await db.activities.bulkAdd(moves);
    await db.stages.bulkDelete(removed.map((s) => s.id));
    await db.stages.bulkPut(ordered);
    return { stages: ordered.length, moved: movedDeals.filter((d) => d.deletedAt === null).length };
  });
}

/** Live deals per stage, for the stage editor (index counts on the board's deal index, which lists live deals). */
export async function liveDealCounts(db: ProspectorDb, stageIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const id of stageIds) counts.set(id, await db.dealIndex.where('stageId').equals(id).count());
  return counts;
}
