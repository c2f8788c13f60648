/**
 * Lets the page's event loop run (input, rendering) before going on: `scheduler.yield()` where the browser has it,
 * else a MessageChannel message (not setTimeout, which browsers clamp to 4 ms or more after a few nested calls).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Work budget per task: a loop that checks `due()` after each item and yields then keeps every task short. */
export function timeSlicer(budgetMs = 10): { due: () => boolean; yield: () => Promise<void> } {
  let start = performance.now();
  return {
    due: () => performance.now() - start > budgetMs,
    yield: async () => {
      await yieldToPage();
      start = performance.now();
    },
  };
}
