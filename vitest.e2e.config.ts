import { defineConfig } from 'vitest/config';

// e2e: the built extension in real system Chromium. One file at a time: each launches its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits 1 s by default: a write that goes through the background and IndexedDB can take longer
    // on a busy two-core machine, and a test should not fail for that.
    expect: { poll: { timeout: 5_000 } },
  },
});
