// Where a team sync's first pull spends its time, in the built extension (npm run build:e2e first):
//   npx vite-node scripts/profile-pull.ts [deals] [--cpu]
// Seeds pouchdb-server (in memory, 127.0.0.1) with `deals` demo deals and their contacts and activities, connects a
// fresh browser profile and prints how long the pull took (until the background reports the sync done, as the
// bench does), the CPU seconds pouchdb-server and Chromium used meanwhile, how long the server alone takes to
// serve the same pages, the IndexedDB requests the service worker made by kind and store, and with --cpu the
// functions that took the most of its thread (a CDP CPU profile; "(idle)" is the thread waiting on IndexedDB or
// the network). PROSPECTOR_E2E_OUT picks the build, so two builds can take turns on a shared machine (see
// docs/team-sync.md, "Performance").
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { PULL_PAGE } from '../lib/sync/replicator';
import { backgroundReady, storeCount, syncedSince } from './bench/store-count';
import { seedTeamServer } from './bench/team-seed';
import { launchExtension } from './support/browser';
import { startCouch } from './support/couch-server';

const args = process.argv.slice(2);
const DEALS = Number(args.find((a) => /^\d+$/.test(a)) ?? 2000);
const CPU = args.includes('--cpu');
const DB = 'profile';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A CDP session to the service worker, through the page's session (Playwright has none for workers). */
async function workerSession(cdp: CDPSession): Promise<(method: string, params?: object) => Promise<unknown>> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string }[];
  };
  const worker = targetInfos.find((t) => t.type === 'service_worker');
  if (!worker) throw new Error('No service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as {
    sessionId: string;
  };
  let next = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result ?? reply.error);
  });
  return (method, params = {}) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
}

/** Self time per function, largest first. */
function topFunctions(profile: CpuProfile, count: number): [string, number][] {
  const self = new Map<number, number>();
  profile.samples.forEach((node, i) => {
    self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byName = new Map<string, number>();
  for (const { id, callFrame: f } of profile.nodes) {
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(id) ?? 0) / 1000);
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** A Chromium process's role: browser (IndexedDB's backend lives there), renderer (the worker), gpu, utility kind. */
function chromiumRole(pid: number): string {
  try {
    // Chromium rewrites its children's command line as one space-separated string.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const value = (flag: string) => args.find((a) => a.startsWith(`--${flag}=`))?.split('=')[1];
    return [value('type') ?? 'browser', value('utility-sub-type') ?? ''].join(' ').trim();
  } catch {
    return '?';
  }
}

const readStat = (path: string) => {
  const stat = readFileSync(path, 'utf8');
  // After "pid (comm)": state ppid … utime stime are fields 3, 4, 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / 100, name };
};

/**
 * CPU seconds (user + system) used so far by the descendants of this process, by thread: pouchdb-server, and
 * Chromium's threads by process role and thread name (IndexedDB's backend, the worker's thread, compositing…).
 */
function cpuByThread(): Map<string, number> {
  const procs = new Map<number, ReturnType<typeof readStat>>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      procs.set(Number(entry), readStat(`/proc/${entry}/stat`));
    } catch {
      // Gone meanwhile.
    }
  }
  const topOf = (pid: number): number | undefined => {
    for (let p = pid; procs.has(p); p = procs.get(p)!.ppid) if (procs.get(p)!.ppid === process.pid) return p;
    return undefined;
  };
  const out = new Map<string, number>();
  for (const pid of procs.keys()) {
    const top = topOf(pid);
    if (top === undefined) continue;
    const chromium = procs.get(top)!.name.startsWith('chrom');
    const prefix = chromium ? `chromium ${chromiumRole(pid)}` : 'pouchdb-server';
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of threads)
      try {
        const t = readStat(`/proc/${pid}/task/${tid}/stat`);
        const key = chromium ? `${prefix} · ${t.name.replace(/\d+$/, '')}` : prefix;
        out.set(key, (out.get(key) ?? 0) + t.seconds);
      } catch {
        // Gone meanwhile.
      }
  }
  return out;
}

/** How long the server alone takes to serve every _changes page a pull reads (as the rep's pull asks for them). */
async function serveAllPages(couch: Awaited<ReturnType<typeof startCouch>>): Promise<number> {
  const start = Date.now();
  let since: unknown = 0;
  for (;;) {
    const query = `since=${encodeURIComponent(typeof since === 'string' ? since : JSON.stringify(since))}`;
    const { body } = await couch.admin('GET', `${DB}/_changes?${query}&include_docs=true&limit=${PULL_PAGE}`);
    const page = body as { results: unknown[]; last_seq: unknown };
    since = page.last_seq;
    if (page.results.length < PULL_PAGE) return Date.now() - start;
  }
}

const couch = await startCouch({ inMemory: true });
const ext = await launchExtension();
try {
  await couch.addUser('budi', 'budi-pw');
  await couch.setUpTeam(DB, { members: ['ana', 'budi'] });
  const { demo, docs } = await seedTeamServer(couch, DB, DEALS);

  const page = await ext.context.newPage();
  await page.goto(ext.url('bench-empty.html'));
  await backgroundReady(page);
  const send = await workerSession(await ext.context.newCDPSession(page));
  // Every IndexedDB request the worker makes, by kind and store.
  await ext.worker.evaluate(() => {
    const counts: Record<string, number> = {};
    (globalThis as { idbRequests?: Record<string, number> }).idbRequests = counts;
    const count = (proto: object, method: string, kind: string) => {
      const target = proto as Record<string, (...a: unknown[]) => unknown>;
      const original = target[method]!;
      target[method] = function (this: { name?: string; source?: { name?: string } }, ...a: unknown[]) {
        const key = `${kind}.${method} ${this.name ?? this.source?.name ?? '?'}`;
        counts[key] = (counts[key] ?? 0) + 1;
        return original.apply(this, a);
      };
    };
    for (const m of ['put', 'add', 'get', 'getAll', 'getAllKeys', 'openCursor', 'delete', 'count'])
      count(IDBObjectStore.prototype, m, 'store');
    for (const m of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'])
      count(IDBIndex.prototype, m, 'index');
    count(IDBCursor.prototype, 'continue', 'cursor');
  });
  if (CPU) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }
  const cpuBefore = cpuByThread();
  const start = Date.now();
  const reply = await page.evaluate((payload) => chrome.runtime.sendMessage({ type: 'team.connect', payload }), {
    url: couch.url,
    db: DB,
    user: 'budi',
    password: 'budi-pw',
  });
  if (!reply?.ok) throw new Error(`Connect failed: ${JSON.stringify(reply)}`);
  // Done when the background reports the sync finished (a row count every 200 ms would slow the pull it times).
  while (!(await syncedSince(page, start))) await new Promise((r) => setTimeout(r, 100));
  const pullMs = Date.now() - start;
  const cpuAfter = cpuByThread();
  console.log(`pull of ${docs.length} documents: ${pullMs} ms`);
  const used = [...cpuAfter].map(([name, s]) => [name, s - (cpuBefore.get(name) ?? 0)] as const);
  const total = used.reduce((sum, [, s]) => sum + s, 0);
  console.log(`  CPU during the pull: ${total.toFixed(1)} s (pouchdb-server and Chromium), the most by thread:`);
  for (const [name, s] of used.sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${s.toFixed(1).padStart(6)} s  ${name}`);
  const found = await storeCount(page, 'activities');
  if (found < demo.activities.length) throw new Error(`Done with ${found} of ${demo.activities.length} activities`);
  const requests = await ext.worker.evaluate(() => (globalThis as { idbRequests?: object }).idbRequests);
  console.log('IndexedDB requests:', requests);
  if (CPU) {
    const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
    for (const [name, ms] of topFunctions(profile, 30)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
  console.log(`the server alone serves the same pages in ${await serveAllPages(couch)} ms`);
} finally {
  await ext.close();
  await couch.stop();
}
