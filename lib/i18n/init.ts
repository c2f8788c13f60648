import { browser } from 'wxt/browser';
import type { Settings } from '../model';
import { localeFor, setLocale } from './index';

/** Applies the rep's language setting ('auto' follows the browser). */
export function applyLocale(settings: Pick<Settings, 'locale'>): void {
  setLocale(settings.locale === 'auto' ? localeFor(browser.i18n.getUILanguage()) : settings.locale);
}
