import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { loadSettings, saveSettings } from '@/lib/settings/store';

describe('saveSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every one of several quick changes, each made on what the one before stored', async () => {
    // As on the settings page: a currency picked, a weight typed and a box unticked before the first save lands.
    await Promise.all([
      saveSettings({ currency: 'IDR' }),
      saveSettings((s) => ({ bantWeights: { ...s.bantWeights, budget: 40 } })),
      saveSettings((s) => ({ bantWeights: { ...s.bantWeights, need: 10 } })),
      saveSettings({ remindersEnabled: false }),
    ]);
    expect(await loadSettings()).toMatchObject({
      currency: 'IDR',
      bantWeights: { ...DEFAULT_SETTINGS.bantWeights, budget: 40, need: 10 },
      remindersEnabled: false,
    });
  });

  it('refuses an invalid change, stores nothing of it, and goes on with the next', async () => {
    const bad = saveSettings({ bantWeights: { ...DEFAULT_SETTINGS.bantWeights, budget: -5 } });
    const good = saveSettings({ currency: 'EUR' });
    await expect(bad).rejects.toThrow();
    await good;
    expect(await loadSettings()).toMatchObject({ currency: 'EUR', bantWeights: DEFAULT_SETTINGS.bantWeights });
  });
});
