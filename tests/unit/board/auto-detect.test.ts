import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { grantedSites, setAutoDetect } from '@/components/settings/auto-detect';
import { DEFAULT_SETTINGS, Settings } from '@/lib/model';
import { loadSettings } from '@/lib/settings/store';

/** The browser's optional host permissions, as a small fake that behaves (fakeBrowser has none). */
function fakePermissions(answer: boolean) {
  const granted = new Set<string>();
  const asked: string[][] = [];
  Object.assign(fakeBrowser.permissions, {
    request: async ({ origins = [] }: { origins?: string[] }) => {
      asked.push(origins);
      if (answer) for (const o of origins) granted.add(o);
      return answer;
    },
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) granted.delete(o);
      return true;
    },
  });
  return { granted, asked };
}

describe('per-site auto-detection switches', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the site’s host permission and turns on only when granted; off gives it back', async () => {
    const perms = fakePermissions(true);
    expect(await setAutoDetect('outlook', true)).toBe(true);
    expect(perms.asked).toEqual([
      [
        'https://outlook.office.com/*',
        'https://outlook.office365.com/*',
        'https://outlook.live.com/*',
        'https://outlook.cloud.microsoft/*',
      ],
    ]);
    expect((await loadSettings()).autoDetect).toEqual(['outlook']);
    expect(await grantedSites()).toEqual({ linkedin: false, gmail: false, outlook: true });

    expect(await setAutoDetect('outlook', false)).toBe(false);
    expect((await loadSettings()).autoDetect).toEqual([]);
    expect(perms.granted.size).toBe(0);
  });

  it('stays off when the rep refuses the permission', async () => {
    fakePermissions(false);
    expect(await setAutoDetect('linkedin', true)).toBe(false);
    expect((await loadSettings()).autoDetect).toEqual([]);
  });
});

describe('stored auto-detection settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps what a rep turned on under the old one-field-per-site shape (settings version 1)', async () => {
    // As version 1 stored them (no version mark); the storage item migrates when its module loads.
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, currency: 'IDR', autoDetect: { linkedin: true, gmail: false, outlook: true } },
    });
    vi.resetModules();
    const store = await import('@/lib/settings/store');
    const loaded = await store.loadSettings();
    expect(loaded.autoDetect).toEqual(['linkedin', 'outlook']);
    expect(loaded.currency).toBe('IDR');
    // The migration rewrote the stored value, so every reader (the popup parses it directly) sees the new shape.
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect((stored.settings as { autoDetect: unknown }).autoDetect).toEqual(['linkedin', 'outlook']);
    expect(stored.settings$).toEqual({ v: 2 });
  });

  it('reads the old shape even where the migration has not run, and drops sites no longer declared', () => {
    expect(Settings.parse({ autoDetect: { gmail: true, outlook: false } }).autoDetect).toEqual(['gmail']);
    expect(Settings.parse({ autoDetect: ['myspace', 'gmail', 'gmail'] }).autoDetect).toEqual(['gmail']);
    expect(Settings.parse({}).autoDetect).toEqual([]);
  });
});
