import { z } from 'zod';

/** Local host names where plain http is allowed (a developer's or a test's CouchDB); everywhere else https. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a server address is refused, as an i18n key; null when it is fine. */
export function serverUrlProblem(text: string): 'team_urlInvalid' | 'team_urlHttps' | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'team_urlInvalid';
  }
  if (url.username || url.password || url.search || url.hash) return 'team_urlInvalid';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return url.protocol === 'http:' ? 'team_urlHttps' : 'team_urlInvalid';
}

/** The server address as stored: no trailing slash. */
export function normaliseServerUrl(text: string): string {
  const url = new URL(text.trim());
  return `${url.origin}${url.pathname.replace(/(?<!\/)\/+$/, '')}`;
}

/** The optional host permission a server needs: its one origin (asked for inside the rep's click). */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** CouchDB's rule for database names. */
export const DB_NAME_RE = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export const TeamTarget = z.object({
  url: z
    .string()
    .max(2000)
    .refine((u) => serverUrlProblem(u) === null, 'https address needed'),
  db: z.string().regex(DB_NAME_RE),
  user: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export type TeamTarget = z.infer<typeof TeamTarget>;

/** What is kept in browser.storage.local (never in IndexedDB, exports, backups or logs). */
export const TeamConfig = TeamTarget.extend({
  /** This browser's id in the team's replication: names its checkpoint on the server. */
  deviceId: z.string().min(1).max(64),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

export const SyncErrorInfo = z.object({
  kind: z.enum(['auth', 'forbidden', 'conflict', 'not-found', 'server', 'offline', 'bad-response', 'other']),
  status: z.number().int(),
  message: z.string().max(1000),
});
export type SyncErrorInfo = z.infer<typeof SyncErrorInfo>;

/** What the settings page shows about the sync (written by the background). */
export const SyncStatus = z.object({
  state: z.enum(['off', 'syncing', 'ok', 'error']),
  lastSyncedAt: z.number().nullable(),
  error: SyncErrorInfo.nullable(),
  nextRetryAt: z.number().nullable(),
  /** Changes the server refused lately (a read-only member's deal edits), newest first. */
  refused: z.array(z.object({ docId: z.string(), reason: z.string(), at: z.number() })).max(20),
  user: z.string(),
  roles: z.array(z.string()),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const OFF_STATUS: SyncStatus = {
  state: 'off',
  lastSyncedAt: null,
  error: null,
  nextRetryAt: null,
  refused: [],
  user: '',
  roles: [],
};
