import enText from '../../public/_locales/en/messages.json?raw';
import idText from '../../public/_locales/id/messages.json?raw';

type EnglishCatalog = typeof import('../../public/_locales/en/messages.json');
/** Every UI string's key. Both locale files must have all of them (tests/unit/i18n.test.ts). */
export type MessageKey = keyof EnglishCatalog;
export type Locale = 'en' | 'id';
type Catalog = Record<string, { message: string } | undefined>;

/**
 * The catalogs come in as text and only the one in use is parsed, on its first string. Imported as JSON they
 * were two object literals of a thousand entries each, compiled and built on every page open (the popup's, the
 * board's) whatever the rep's language: a string is skimmed at load, and JSON.parse builds one catalog fast.
 */
const texts: Record<Locale, string> = { en: enText, id: idText };
const parsed: Partial<Record<Locale, Catalog>> = {};
const catalog = (locale: Locale): Catalog => {
  parsed[locale] ??= JSON.parse(texts[locale]) as Catalog;
  return parsed[locale];
};
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

/** The BCP 47 tag Intl formats our locale with (the current one by default). */
export function intlLocale(locale: Locale = current): 'en-US' | 'id-ID' {
  return locale === 'id' ? 'id-ID' : 'en-US';
}

/** Parses the current locale's catalog now, before its first string is needed (the popup, while it waits). */
export function prepareCatalog(): void {
  catalog(current);
}

/** The message for `key` in the current locale, `$1`…`$9` replaced by `subs`. Falls back to English. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const entry = catalog(current)[key] ?? (current === 'en' ? undefined : catalog('en')[key]);
  const text = entry?.message ?? key;
  return subs.length ? text.replace(/\$(\d)/g, (m, n: string) => String(subs[Number(n) - 1] ?? m)) : text;
}
