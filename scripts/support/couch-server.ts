import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setUpTeamDatabase, type TeamSetup } from '../../lib/sync/server-setup';

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');
export const ADMIN = { user: 'admin', password: 'admin-secret' };

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface CouchServer {
  url: string;
  port: number;
  /** An admin's request (basic auth), answering status and parsed body. */
  admin: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
  addUser: (name: string, password: string, roles?: string[]) => Promise<void>;
  setUpTeam: (db: string, team: Partial<TeamSetup>) => Promise<void>;
  /** Stops the server process (its data stays on disk unless in memory). */
  kill: () => Promise<void>;
  /** Starts it again on the same port and data. */
  restart: () => Promise<void>;
  /** Stops it and removes its data. */
  stop: () => Promise<void>;
}

/**
 * A real CouchDB-protocol server for tests: pouchdb-server on 127.0.0.1 and a free port, its data in a temporary
 * folder (LevelDOWN, so it survives a restart) or in memory, with an admin (so it is not an "admin party"). It
 * honours _users, cookie sessions and validate_doc_update, not _security. Its config and log stay in the folder.
 */
export async function startCouch(opts: { inMemory?: boolean } = {}): Promise<CouchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'prospector-couch-'));
  let child: ChildProcess | undefined;
  const launch = async () => {
    const args = [BIN, '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'];
    args.push(
      '--config',
      join(dir, 'config.json'),
      ...(opts.inMemory ? ['--in-memory'] : ['--dir', join(dir, 'data')]),
    );
    const proc = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/`)).ok) return;
      } catch {
        // Not listening yet.
      }
      if (proc.exitCode !== null || Date.now() > deadline)
        throw new Error(`pouchdb-server did not start on ${url}: ${stderr.slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await launch();
  const basic = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  let adminSet = false;
  const admin: CouchServer['admin'] = async (method, path, body) => {
    const res = await fetch(`${url}/${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(adminSet ? { authorization: basic } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  };
  await admin('PUT', `_config/admins/${ADMIN.user}`, ADMIN.password);
  adminSet = true;
  const kill = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    // Open longpolls keep it from closing on its own: a browser waiting on _changes does not let go.
    const hard = setTimeout(() => proc.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(hard);
  };
  return {
    url,
    port,
    admin,
    addUser: async (name, password, roles = []) => {
      const r = await admin('PUT', `_users/org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
      if (r.status >= 300) throw new Error(`addUser ${name}: ${JSON.stringify(r.body)}`);
    },
    setUpTeam: async (db, team) => {
      await setUpTeamDatabase(admin, db, {
        members: team.members ?? [],
        readers: team.readers ?? [],
        memberRoles: team.memberRoles ?? [],
        readerRoles: team.readerRoles ?? [],
      });
    },
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
