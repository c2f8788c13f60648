import { storage } from 'wxt/utils/storage';
import { OFF_STATUS, SyncStatus, TeamConfig } from './config';

/** The team connection, credentials included: extension storage only (see docs/team-sync.md, "Privacy"). */
export const teamConfigItem = storage.defineItem<TeamConfig | null>('local:team', { fallback: null, version: 1 });

/** The background's last word on the sync, for the settings page. */
export const syncStatusItem = storage.defineItem<SyncStatus>('local:teamStatus', { fallback: OFF_STATUS });

export async function loadTeamConfig(): Promise<TeamConfig | null> {
  const parsed = TeamConfig.safeParse(await teamConfigItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function loadSyncStatus(): Promise<SyncStatus> {
  const parsed = SyncStatus.safeParse(await syncStatusItem.getValue());
  return parsed.success ? parsed.data : OFF_STATUS;
}
