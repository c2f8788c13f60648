// Where a team sync's first pull spends its time, in the built extension (npm run build:e2e first):
//   npx vite-node scripts/profile-pull.ts [deals] [--cpu]
// Seeds pouchdb-server (in memory, 127.0.0.1) with `deals` demo deals and their contacts and activities, connects a
// fresh browser profile and prints how long the pull took, the IndexedDB requests the service worker made by kind
// and store, and with --cpu the functions that took the most of its thread (a CDP CPU profile). PROSPECTOR_E2E_OUT
// picks the build, so two builds can take turns on a shared machine (see docs/team-sync.md, "Performance").
import type { CDPSession } from 'playwright-core';
import { backgroundReady, storeCount } from './bench/store-count';
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
  const start = Date.now();
  const reply = await page.evaluate((payload) => chrome.runtime.sendMessage({ type: 'team.connect', payload }), {
    url: couch.url,
    db: DB,
    user: 'budi',
    password: 'budi-pw',
  });
  if (!reply?.ok) throw new Error(`Connect failed: ${JSON.stringify(reply)}`);
  while ((await storeCount(page, 'activities')) < demo.activities.length) await new Promise((r) => setTimeout(r, 200));
  console.log(`pull of ${docs.length} documents: ${Date.now() - start} ms`);
  const requests = await ext.worker.evaluate(() => (globalThis as { idbRequests?: object }).idbRequests);
  console.log('IndexedDB requests:', requests);
  if (CPU) {
    const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
    for (const [name, ms] of topFunctions(profile, 30)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
} finally {
  await ext.close();
  await couch.stop();
}
