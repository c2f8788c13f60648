import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { BantWeights } from '../model';
import { glanceHtml, glanceOf } from '../popup/glance';
import type { PopupOpened } from './popup-open';

/**
 * How long the popup's page waits for the background's answer before it is served without a glance: its code runs
 * ~50 ms after the click and cannot run before its page is whole, and the answer is usually ready at 20–30 ms.
 */
export const GLANCE_WAIT_MS = 40;

/** The popup's tab as the browser knows the popup: its window's active tab (Chrome 116+), or undefined. */
async function popupWindowTab(): Promise<number | undefined> {
  const runtime = browser.runtime as unknown as {
    getContexts?: (filter: { contextTypes: string[] }) => Promise<{ windowId: number }[]>;
  };
  const popups = (await runtime.getContexts?.({ contextTypes: ['POPUP'] })) ?? [];
  if (popups.length !== 1 || popups[0]!.windowId < 0) return undefined;
  const [tab] = await browser.tabs.query({ active: true, windowId: popups[0]!.windowId });
  return tab?.id;
}

/**
 * The glance's markup for a popup's page, or '' (no glance) when the answer is late, shows no single known person
 * with an open deal, or is about another tab than the popup's: the tab its URL names (tests, benchmarks), else
 * the active tab of the popup's own window, which the background's answer (the window last used) must match.
 */
export async function glanceMarkup(
  answer: Promise<PopupOpened>,
  askedTab: number | undefined,
  weights: Promise<BantWeights>,
  wait = GLANCE_WAIT_MS,
): Promise<string> {
  const late = new Promise<undefined>((ok) => setTimeout(() => ok(undefined), wait));
  const opened = await Promise.race([answer, late]);
  if (!opened) return '';
  const glance = glanceOf(opened.first, await weights);
  if (!glance) return '';
  const tabId = askedTab ?? (await Promise.race([popupWindowTab(), late]));
  return tabId !== undefined && tabId === opened.tab.id ? glanceHtml(glance, { bant: t('popup_bantTitle') }) : '';
}
