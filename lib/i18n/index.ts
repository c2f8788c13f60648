import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';

/** Every UI string's key. Both locale files must have all of them (tests/unit/i18n.test.ts). */
export type MessageKey = keyof typeof en;
export type Locale = 'en' | 'id';
type Catalog = Record<string, { message: string }>;

const catalogs: Record<Locale, Catalog> = { en, id };
let current: Locale = 'en';

/** Picks our locale for a BCP 47 tag ('id', 'id-ID', 'in' → Bahasa Indonesia; anything else → English). */
export function localeFor(tag: string | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'id' || base === 'in' ? 'id' : 'en';
}

export function setLocale(locale: Locale): void {
  current = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current locale, `$1`…`$9` replaced by `subs`. Falls back to English. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const entry = catalogs[current][key] ?? catalogs.en[key];
  const text = entry?.message ?? key;
  return subs.length ? text.replace(/\$(\d)/g, (m, n: string) => String(subs[Number(n) - 1] ?? m)) : text;
}
