import { currencyDigits } from '../i18n/money';

/** How a file writes dates like 03/04/2024: month first (US, most CRM exports) or day first (Indonesia, Europe). */
export type DateOrder = 'mdy' | 'dmy';
/** How a file writes numbers: 1,234.56 ('dot' decimal) or 1.234,56 ('comma' decimal). */
export type NumberStyle = 'dot' | 'comma';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: 'empty' | 'invalid' | 'negative' | 'too-large' };

/**
 * The longest cell read as a date or an amount (the longest written date, "Wednesday, 24 September 2025 10:00:00
 * +07:00", is under 50). Longer cells are refused before any pattern runs on them.
 */
export const MAX_VALUE_CHARS = 100;
/** The longest email address there can be (RFC 5321). */
export const MAX_EMAIL_CHARS = 254;

const empty = { ok: false, reason: 'empty' } as const;
const invalid = { ok: false, reason: 'invalid' } as const;

// ---------------------------------------------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {};
const monthNames = [
  ['january', 'januari', 'jan'],
  ['february', 'februari', 'feb', 'peb'],
  ['march', 'maret', 'mar'],
  ['april', 'apr'],
  ['may', 'mei'],
  ['june', 'juni', 'jun'],
  ['july', 'juli', 'jul'],
  ['august', 'agustus', 'aug', 'agu', 'agt'],
  ['september', 'sept', 'sep'],
  ['october', 'oktober', 'oct', 'okt'],
  ['november', 'nopember', 'nov', 'nop'],
  ['december', 'desember', 'dec', 'des'],
];
monthNames.forEach((names, i) => {
  for (const n of names) MONTHS[n] = i + 1;
});

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** A parsed date: `at` in ms, and the calendar day it names (`YYYY-MM-DD`). */
export interface ParsedDate {
  at: number;
  day: string;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A calendar date without a time is stored at 12:00 UTC: the same calendar day in every time zone from UTC−11 to
 * UTC+11, so months and days computed from it never slip to a neighbour, and whole-day differences stay whole.
 */
function calendarDay(y: number, m: number, d: number): ParsedDate | null {
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return { at: Date.UTC(y, m - 1, d, 12), day: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

function withTime(
  y: number,
  m: number,
  d: number,
  time: RegExpExecArray | null,
  zone: string | undefined,
): ParsedDate | null {
  const base = calendarDay(y, m, d);
  if (!base || !time) return base;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = Number(time[3] ?? 0);
  const ms = Number((time[4] ?? '0').padEnd(3, '0').slice(0, 3));
  const ampm = time[5]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;
  let at: number;
  if (zone) {
    const offset = zone.toUpperCase() === 'Z' ? 0 : zoneMinutes(zone);
    at = Date.UTC(y, m - 1, d, hour, minute, second, ms) - offset * 60_000;
  } else {
    // A time without a zone is the rep's local time (what CRM exports write: the account's time zone).
    at = new Date(y, m - 1, d, hour, minute, second, ms).getTime();
  }
  if (!(at >= 0)) return null;
  return { at, day: base.day };
}

function zoneMinutes(zone: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?$/i;
const ZONE = /(?<!\s)\s*(Z|[+-]\d{2}:?\d{2})$/i;

function parseTime(rest: string): { time: RegExpExecArray | null; zone?: string } | null {
  const trimmed = rest.trim();
  if (!trimmed) return { time: null };
  const z = ZONE.exec(trimmed);
  const body = z ? trimmed.slice(0, z.index) : trimmed;
  const time = TIME.exec(body.replace(/([ap])\.m\.$/i, '$1m'));
  if (!time) return null;
  return { time, zone: z?.[1] };
}

/**
 * A date as CRM exports and spreadsheets write it: ISO (2024-03-04, with or without a time and zone), 2024/03/04,
 * 03/04/2024 (day or month first, as `order` says; also with - or .), 4 Mar 2024, March 4, 2024, 4-Mar-24,
 * Indonesian month names, and Unix times in seconds or milliseconds. Dates before 1970 are refused.
 */
export function parseDate(raw: string, order: DateOrder = 'mdy'): Parsed<ParsedDate> {
  if (raw.length > MAX_VALUE_CHARS) return invalid;
  const text = raw.trim();
  if (!text) return empty;
  const result = parseDateText(text, order);
  return result ? { ok: true, value: result } : invalid;
}

function parseDateText(text: string, order: DateOrder): ParsedDate | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s](.*))?$/i.exec(text);
  if (m) {
    const t = parseTime(m[4] ?? '');
    return t ? withTime(Number(m[1]), Number(m[2]), Number(m[3]), t.time, t.zone) : null;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[T\s,]+([^T\s,].*)?)?$/i.exec(text);
  if (m) {
    const t = parseTime(m[4] ?? '');
    if (!t) return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    return withTime(fullYear(m[3]!), month, day, t.time, t.zone);
  }
  // Named months: "4 Mar 2024", "4-Mar-24", "March 4, 2024", "Mon, 4 Mar 2024 10:00".
  const words = text.replace(/^[a-z]+,\s*/i, '');
  m = /^(\d{1,2})[\s-]+([a-z.]+)[\s-,]+(\d{2}|\d{4})(?:[T\s,]+([^T\s,].*)?)?$/i.exec(words);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().replace(/\.$/, '')];
    const t = parseTime(m[4] ?? '');
    return month && t ? withTime(fullYear(m[3]!), month, Number(m[1]), t.time, t.zone) : null;
  }
  m = /^([a-z.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[T\s,]+([^T\s,].*)?)?$/i.exec(words);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase().replace(/\.$/, '')];
    const t = parseTime(m[4] ?? '');
    return month && t ? withTime(Number(m[3]), month, Number(m[2]), t.time, t.zone) : null;
  }
  if (/^\d{13}$/.test(text) || /^\d{10}$/.test(text)) {
    const at = text.length === 13 ? Number(text) : Number(text) * 1000;
    const d = new Date(at);
    return { at, day: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
  }
  return null;
}

/**
 * Which way round a file's a/b/yyyy dates are, from sample values: a first part above 12 means day first, a
 * second part above 12 means month first. `fallback` when the samples do not tell (or contradict each other).
 */
export function detectDateOrder(samples: Iterable<string>, fallback: DateOrder): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const s of samples) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b/.exec(s);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'dmy' : 'mdy';
  return fallback;
}

// ---------------------------------------------------------------------------------------------------- amounts

/**
 * An amount as written in a file, in integer minor units of `currency` (exact: no floating point). Currency
 * signs, codes and spaces are ignored; `style` says which of . and , is the decimal mark when a value alone does
 * not (1,234.56 and 1.234,56 always read right). Negative amounts are refused: a deal's value is never negative.
 */
export function parseAmount(raw: string, currency: string, style: NumberStyle = 'dot'): Parsed<number> {
  // Capped before any pattern runs: a 100,000-character cell is not an amount, and must not take seconds to say so.
  if (raw.length > MAX_VALUE_CHARS) return invalid;
  const text = raw.trim();
  if (!text) return empty;
  if (/^\(.*\)$/.test(text) || text.startsWith('-') || text.endsWith('-') || /^[^\d-]*-\s*\d/.test(text)) {
    return { ok: false, reason: 'negative' };
  }
  // Currency signs and codes, spaces and apostrophes (1'000) go; digits and separators stay.
  const cleaned = trimNonNumeric(text.replace(/[\s\u00a0\u202f'’]/g, ''));
  if (!/^[\d.,]+$/.test(cleaned) || !/\d/.test(cleaned)) return invalid;
  const decimal = decimalMark(cleaned, style);
  const thousands = decimal === '.' ? ',' : '.';
  const parts = cleaned.split(thousands).join('').split(decimal);
  if (parts.length > 2) return invalid;
  const [whole = '', fraction = ''] = parts;
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || !(whole || fraction)) return invalid;
  const digits = currencyDigits(currency);
  const padded = (fraction + '0'.repeat(digits)).slice(0, digits);
  // Round half up on the first dropped digit.
  const roundUp = fraction.length > digits && Number(fraction[digits]) >= 5;
  const minor = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt(padded || '0') + (roundUp ? 1n : 0n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too-large' };
  return { ok: true, value: Number(minor) };
}

/** Characters other than digits, . and , taken off both ends (a loop: `[^\d.,]+$` rescans from every start). */
function trimNonNumeric(value: string): string {
  const numeric = (c: string) => (c >= '0' && c <= '9') || c === '.' || c === ',';
  let start = 0;
  let end = value.length;
  while (start < end && !numeric(value[start]!)) start++;
  while (end > start && !numeric(value[end - 1]!)) end--;
  return value.slice(start, end);
}

function decimalMark(value: string, style: NumberStyle): '.' | ',' {
  const dot = value.lastIndexOf('.');
  const comma = value.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const mark = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!mark) return style === 'dot' ? '.' : ',';
  const count = value.split(mark).length - 1;
  if (count > 1) return mark === '.' ? ',' : '.';
  const after = value.length - value.lastIndexOf(mark) - 1;
  // "1,234" / "1.234": a single mark before exactly three digits is what the file's style says it is.
  if (after === 3) return style === 'dot' ? '.' : ',';
  return mark;
}

/** A file's number style from sample values: any value that can only be read one way decides. */
export function detectNumberStyle(samples: Iterable<string>, fallback: NumberStyle = 'dot'): NumberStyle {
  let dot = 0;
  let comma = 0;
  for (const raw of samples) {
    const v = raw.replace(/[^\d.,]/g, '');
    const d = v.lastIndexOf('.');
    const c = v.lastIndexOf(',');
    if (d >= 0 && c >= 0) {
      if (d > c) dot++;
      else comma++;
    } else if (d >= 0) {
      if (v.split('.').length > 2) comma++;
      else if (v.length - d - 1 !== 3) dot++;
    } else if (c >= 0) {
      if (v.split(',').length > 2) dot++;
      else if (v.length - c - 1 !== 3) comma++;
    }
  }
  if (dot === comma) return fallback;
  return dot > comma ? 'dot' : 'comma';
}

// ---------------------------------------------------------------------------------------------------- text

/** Characters an address cannot hold outside quotes (which CRMs do not accept either). */
const NOT_IN_EMAIL = /[\s<>(),;:"[\]]/;

/**
 * A plausible email address (what a CRM would accept): one @, a dot inside the domain, no spaces or brackets, at
 * most MAX_EMAIL_CHARS. Checked piece by piece: the pattern it replaces backtracked over dotted text.
 */
export function isEmail(value: string): boolean {
  if (value.length > MAX_EMAIL_CHARS || NOT_IN_EMAIL.test(value)) return false;
  const at = value.indexOf('@');
  if (at < 1 || value.indexOf('@', at + 1) >= 0) return false;
  const domain = value.slice(at + 1);
  return domain.length >= 3 && domain.slice(1, -1).includes('.');
}

/** "mailto:Ann@X.com" or "Ann <ann@x.com>" → "ann@x.com"; anything else trimmed and lower-cased. */
export function normaliseEmail(value: string): string {
  // Longer than any address: left as it is (but lower-cased) for isEmail to refuse, without searching it.
  if (value.length > MAX_EMAIL_CHARS * 2) return value.toLowerCase();
  const open = value.indexOf('<');
  const close = open >= 0 ? value.indexOf('>', open + 1) : -1;
  return (close > open + 1 ? value.slice(open + 1, close) : value)
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
}

/**
 * Values of a multi-valued cell: split on ; (and , or whitespace for emails, where they cannot occur), each
 * trimmed. Separators are a single character class (`\s*;\s*` rescans a run of spaces from each of them).
 */
export function splitList(value: string, separators: RegExp = /;/): string[] {
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);
}
