import type { ProspectorDb } from '@/lib/db/database';
import { TeamSync } from '@/lib/sync/controller';

const ALARM = 'team-sync';

/**
 * The team sync's wiring: one TeamSync for the worker, and an alarm that wakes the worker every minute while a
 * team is connected, since Chrome stops an idle MV3 worker and the live longpoll with it; on waking, the sync
 * resumes from the checkpoint stored with the rows.
 */
export function teamSync(db: ProspectorDb): TeamSync {
  const team = new TeamSync(db);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void team.ensureRunning();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  return team;
}
