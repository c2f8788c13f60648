import { describe, expect, it } from 'vitest';
import { createWorkGate } from '@/lib/background/work-gate';

/** A clock the test moves by hand; `sleep` moves it (the gate's only way to wait), a task later as a timer would. */
function clock() {
  let t = 1000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          slept.push(ms);
          t += ms;
          resolve();
        }, 0),
      ),
    advance: (ms: number) => {
      t += ms;
    },
    slept,
  };
}

describe('the background work gate', () => {
  it('counts as quiet only once no rep’s work has run for the quiet time', async () => {
    const c = clock();
    const gate = createWorkGate({ quietMs: 1000, now: c.now, sleep: c.sleep });
    await gate.quiet();
    expect(c.slept).toEqual([]);
    await gate.run(async () => 'saved');
    c.advance(400);
    await gate.quiet();
    expect(c.slept).toEqual([600]);
  });

  it('waits while work is still running, and tells listeners when work starts', async () => {
    const c = clock();
    const gate = createWorkGate({ quietMs: 1000, now: c.now, sleep: c.sleep });
    const started: string[] = [];
    const stop = gate.onBusy(() => started.push('busy'));
    let finish!: () => void;
    const work = gate.run(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(started).toEqual(['busy']);
    const quiet = gate.quiet().then(() => started.push('quiet'));
    // Still running after a wait: the gate keeps waiting.
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['busy']);
    finish();
    await work;
    await quiet;
    expect(started).toEqual(['busy', 'quiet']);
    stop();
    await gate.run(async () => {});
    expect(started).toEqual(['busy', 'quiet']);
  });

  it('runs the rep’s work even when a listener fails, and passes its result and errors through', async () => {
    const gate = createWorkGate({ quietMs: 0 });
    gate.onBusy(() => {
      throw new Error('cannot step aside');
    });
    const original = console.error;
    console.error = () => {};
    try {
      await expect(gate.run(async () => 42)).resolves.toBe(42);
      await expect(gate.run(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    } finally {
      console.error = original;
    }
  });
});
