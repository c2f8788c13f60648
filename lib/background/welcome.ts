import { storage } from 'wxt/utils/storage';

/**
 * Whether the welcome page has been opened for this installation. Chrome can report an extension loaded from a
 * folder (a developer's copy, the test browser's) as installed again at every start while its storage stays: the
 * welcome tab then came back each time, in front of the tab the rep (or a test) was working in, whose drawing a
 * browser slows to about one frame a second while it is in the background. Cleared with the extension's storage,
 * so a real reinstall greets the rep again.
 */
export const welcomeOpened = storage.defineItem<boolean>('local:welcomeOpened', { fallback: false });

/** Opens the welcome page on a new installation, once. */
export async function openWelcomeOnce(open: () => Promise<unknown>): Promise<boolean> {
  if (await welcomeOpened.getValue()) return false;
  await welcomeOpened.setValue(true);
  await open();
  return true;
}
