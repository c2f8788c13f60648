import { type CaptureServices, captureTabAndStore } from '@/lib/capture/background';
import { showCaptureCount } from '@/lib/capture/badge-count';
import { captureTab } from '@/lib/capture/inject';
import { type MenuClick, runMenuClick } from './context-menu';
import type { BackgroundFeature } from './features';

/** The manifest's command (wxt.config.ts, Alt+Shift+S by default). */
export const CAPTURE_COMMAND = 'capture-page';

/** Saves everyone on the tab's page, as it is now, and shows how many on the tab's badge. */
export async function runCaptureCommand(svc: CaptureServices, tabId: number | undefined): Promise<number> {
  if (tabId === undefined) return 0;
  try {
    const saved = await captureTabAndStore(svc, tabId);
    await showCaptureCount(tabId, saved.length);
    return saved.length;
  } catch (err) {
    await showCaptureCount(tabId, err instanceof Error ? err : new Error(String(err)));
    return -1;
  }
}

/** The keyboard shortcut: capture the page without opening the popup (activeTab is granted by the shortcut). */
export const captureShortcut: BackgroundFeature = {
  id: 'capture-shortcut',
  register(ctx) {
    browser.commands?.onCommand.addListener((command, tab) => {
      if (command !== CAPTURE_COMMAND) return;
      void ctx.work.run(async () => {
        const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
        await runCaptureCommand(ctx, id);
      });
    });
    // The e2e build only (its manifest carries the 127.0.0.1 host permission): headless Chromium can neither press
    // a shortcut nor click a context menu, so tests call what those listeners call, through the service worker.
    if (browser.runtime.getManifest().host_permissions?.includes('http://127.0.0.1/*')) {
      Object.assign(globalThis, {
        prospectorCaptureTest: {
          read: (tabId: number) => captureTab(tabId),
          command: (tabId: number) => ctx.work.run(() => runCaptureCommand(ctx, tabId)),
          menu: (info: MenuClick, tab: { id?: number; title?: string }) =>
            ctx.work.run(() => runMenuClick(ctx, info, tab)),
        },
      });
    }
  },
};
