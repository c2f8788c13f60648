import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { grantedSites, setAutoDetect } from '@/components/settings/auto-detect';
import { DEFAULT_SETTINGS } from '@/lib/model';
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
      ['https://outlook.office.com/*', 'https://outlook.live.com/*', 'https://outlook.office365.com/*'],
    ]);
    expect((await loadSettings()).autoDetect).toEqual({ linkedin: false, gmail: false, outlook: true });
    expect(await grantedSites()).toEqual({ linkedin: false, gmail: false, outlook: true });

    expect(await setAutoDetect('outlook', false)).toBe(false);
    expect((await loadSettings()).autoDetect.outlook).toBe(false);
    expect(perms.granted.size).toBe(0);
  });

  it('stays off when the rep refuses the permission', async () => {
    fakePermissions(false);
    expect(await setAutoDetect('linkedin', true)).toBe(false);
    expect((await loadSettings()).autoDetect.linkedin).toBe(false);
  });
});
