import { type CountryCode, getCountries } from 'libphonenumber-js';
import { parse } from 'tldts';

const COUNTRIES = new Set<string>(getCountries());
/** Country names (English and Bahasa Indonesia, from Intl) → ISO code, built once, lower-case keys. */
let byName: Map<string, CountryCode> | undefined;

function names(): Map<string, CountryCode> {
  if (byName) return byName;
  byName = new Map();
  for (const lang of ['en', 'id']) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      continue;
    }
    for (const code of COUNTRIES) {
      const n = display.of(code);
      if (n && n !== code) byName.set(n.toLowerCase(), code as CountryCode);
    }
  }
  for (const [alias, code] of [
    ['usa', 'US'],
    ['united states of america', 'US'],
    ['uk', 'GB'],
    ['england', 'GB'],
    ['scotland', 'GB'],
    ['wales', 'GB'],
    ['great britain', 'GB'],
    ['uae', 'AE'],
    ['south korea', 'KR'],
    ['korea', 'KR'],
    ['russia', 'RU'],
    ['vietnam', 'VN'],
    ['the netherlands', 'NL'],
    ['holland', 'NL'],
  ] as const)
    byName.set(alias, code);
  return byName;
}

/** "Jakarta, Indonesia", "San Francisco, California, United States" → the country named last. */
export function countryFromLocation(location: string): CountryCode | undefined {
  const parts = location
    .toLowerCase()
    .split(/(?<!\s)(?:\s*[,·|/]\s*|\s+-\s+)/)
    .filter(Boolean);
  // No location (most pages, every email thread): the table of names is not built for nothing. Building it costs
  // ~20 ms of Intl look-ups, paid by the first page read after each start of the service worker: a rep's popup.
  if (!parts.length) return undefined;
  const table = names();
  for (let i = parts.length - 1; i >= 0; i--) {
    const code = table.get(parts[i]!.replace(/\barea$/, '').trim());
    if (code) return code;
  }
  return undefined;
}

/** `acme.co.id` → ID, `acme.de` → DE, `acme.co.uk` → GB; generic TLDs (.com, .io) say nothing. */
export function countryFromDomain(hostOrEmail: string): CountryCode | undefined {
  const host = hostOrEmail.includes('@') ? hostOrEmail.split('@')[1]! : hostOrEmail;
  const tld = (parse(host).publicSuffix ?? '').split('.').pop()?.toUpperCase() ?? '';
  const code = tld === 'UK' ? 'GB' : tld;
  // .io, .ai, .co, .me, .tv, .fm are used worldwide as generic names.
  if (
    code.length !== 2 ||
    ['IO', 'AI', 'CO', 'ME', 'TV', 'FM', 'LY', 'GG', 'SH', 'AC', 'AD', 'WS', 'CC'].includes(code)
  )
    return undefined;
  return COUNTRIES.has(code) ? (code as CountryCode) : undefined;
}

/** `en-US` → US, `id_ID` → ID, `id` → ID (Bahasa Indonesia is spoken in one country). */
export function countryFromLang(lang: string): CountryCode | undefined {
  const m = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(lang.trim());
  const code = m ? m[1]!.toUpperCase() : /^(?:id|in)$/i.test(lang.trim()) ? 'ID' : '';
  return COUNTRIES.has(code) ? (code as CountryCode) : undefined;
}

/** Countries to read national phone numbers in, most telling first; empty when nothing says. */
export function inferCountries(hints: {
  location?: string;
  emails?: readonly string[];
  pageUrl?: string;
  lang?: string;
}): CountryCode[] {
  const out: CountryCode[] = [];
  const push = (c: CountryCode | undefined) => {
    if (c && !out.includes(c)) out.push(c);
  };
  push(countryFromLocation(hints.location ?? ''));
  for (const e of hints.emails ?? []) push(countryFromDomain(e));
  if (hints.pageUrl) {
    try {
      push(countryFromDomain(new URL(hints.pageUrl).hostname));
    } catch {
      // not a URL: no hint
    }
  }
  push(countryFromLang(hints.lang ?? ''));
  return out;
}
