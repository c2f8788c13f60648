import type { ProspectorDb } from '@/lib/db/database';
import { TeamSync } from '@/lib/sync/controller';
import { giveWayToRep } from '@/lib/sync/give-way';

const ALARM = 'team-sync';

/**
 * The team sync's wiring: one TeamSync for the worker, and an alarm that wakes the worker every minute while a
 * team is connected, since Chrome stops an idle MV3 worker and the live longpoll with it; on waking, the sync
 * resumes from the checkpoint stored with the rows.
 */
export function teamSync(db: ProspectorDb): TeamSync {
  const team = new TeamSync(db);
  // A rep opening the popup goes before a running pull (lib/sync/give-way.ts). Only looks: the router answers.
  browser.runtime.onMessage.addListener((_message, sender) => {
    if (sender.url?.startsWith(browser.runtime.getURL('/popup.html'))) giveWayToRep();
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void team.ensureRunning();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  return team;
}
