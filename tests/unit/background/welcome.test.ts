import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnce, welcomeOpened } from '@/lib/background/welcome';

describe('openWelcomeOnce', () => {
  it('opens the welcome page on the first install only, even when the browser reports the install again', async () => {
    await welcomeOpened.removeValue();
    const open = vi.fn(async () => undefined);
    expect(await openWelcomeOnce(open)).toBe(true);
    expect(await openWelcomeOnce(open)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('greets again after the extension storage was cleared (a real reinstall)', async () => {
    await welcomeOpened.setValue(true);
    await welcomeOpened.removeValue();
    const open = vi.fn(async () => undefined);
    expect(await openWelcomeOnce(open)).toBe(true);
  });
});
