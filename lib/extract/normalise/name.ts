import { cleanText } from '../text';

export interface NameParts {
  /**
   * The full name as written (a "Last, First" sort form turned around, an all-caps name given its capitals),
   * without honorifics or degrees. A nickname or maiden name in brackets stays in it, so it can be searched.
   */
  name: string;
  givenName: string;
  familyName: string;
  /** "Dr.", "Ibu", "Prof." — in front of the name, not part of it. */
  honorificPrefix?: string;
  /** Degrees and credentials: "PhD", "CFA", "S.E., M.M.". */
  honorificSuffix?: string;
}

const MAX_NAME = 200;
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'dos',
  'das',
  'do',
  'bin',
  'binti',
  'ibn',
  'bint',
  'al',
  'el',
  'ter',
  'ten',
  'af',
  'zu',
  'ní',
  'nic',
  'ó',
  'uí',
  'st.',
  'saint',
]);
const PREFIXES =
  /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev|ir|drs|dra|hj|h|bapak|pak|ibu|bu|herr|frau|mme|mlle|m)\.?$/i;
/** Generations are part of the name ("King Jr."); degrees and credentials are not. */
const GENERATIONS = /^(?:jr|sr|ii|iii|iv|v)\.?,?$/i;
const DEGREES =
  /^(?:phd|ph\.d|md|m\.d|esq|mba|cpa|cfa|pmp|msc|m\.sc|bsc|b\.sc|ma|ba|se|s\.e|mm|m\.m|st|s\.t|skom|s\.kom|mt|m\.t|sh|s\.h|dds|rn|obe|mbe|cbe|frcs|facs|ceng|peng|pe)\.?,?$/i;
/** Degrees that are also family names ("Jack Ma", "Tran Mt"): a degree only after a comma or with dots. */
const AMBIGUOUS_DEGREE = /^(?:ma|ba|se|st|mt|sh|mm|md|rn|pe)$/i;
const SUFFIXES = { test: (w: string) => GENERATIONS.test(w) || DEGREES.test(w) };
/** An organisation's legal form: "Acme, Inc." and "Globex Corp." are not people to split or flip. */
const LEGAL_FORM =
  /(?:^|[\s,])(?:Inc|LLC|L\.L\.C|Ltd|Limited|GmbH|Corp|Corporation|Company|PLC|Pty|Pte|Tbk|LLP|L\.L\.P|S\.A|B\.V|N\.V|AG|SA|SAS|BV|NV|KK|Oy|AB|ApS|Srl|SpA)\.?$|^(?:PT|CV)\s/;
/** Emoji, pictographs and decorative symbols ("⌨︎", "🚀", "★"): never part of a name. */
const DECORATION = /\p{Extended_Pictographic}|\p{So}|\uFE0E|\uFE0F|\u200D|\u20E3/gu;
/** Scripts that write the family name first and usually need no space between the parts. */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/** Vietnamese names are written family name first ("Nguyễn Thị Lan"): the common family names, with diacritics. */
const VIETNAMESE_FAMILY = new Set([
  'nguyễn',
  'trần',
  'lê',
  'phạm',
  'hoàng',
  'huỳnh',
  'phan',
  'vũ',
  'võ',
  'đặng',
  'bùi',
  'đỗ',
  'hồ',
  'ngô',
  'dương',
  'lý',
  'đinh',
  'trương',
]);
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** A mailbox's display name ("Orbital Freight Accounts Payable", "Sales Team") is not split into a person's parts. */
const ROLE_WORDS =
  /\b(?:team|accounts?|payable|receivable|support|sales|billing|invoices?|info|helpdesk|help desk|no-?reply|notifications?|admin|office|hr|recruiting|careers|marketing|customer|service|department|dept|tim|layanan|pelanggan)\b/i;

const isSuffix = (w: string) => SUFFIXES.test(w.replace(/,$/, ''));

/** "O'NEIL-SMITH" → "O'Neil-Smith", "MCDONALD" → "Mcdonald"; particles stay lower-case. */
function titleCase(word: string, first: boolean): string {
  const lower = word.toLocaleLowerCase();
  if (!first && PARTICLES.has(lower)) return lower;
  return lower.replace(/(^|[-'’\s])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase());
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 &&
    LATIN_LETTER.test(letters) &&
    letters === letters.toLocaleUpperCase() &&
    letters !== letters.toLocaleLowerCase()
  );
}

/** The last word and the spaces or comma before it ("…, PhD"). */
const LAST_WORD = /(?<![\s,])[\s,]+([^\s,]+)$/;

/**
 * A person's name split into given and family parts. Keeps the name as written, except that a sort form
 * ("Doe, Jane") is turned around and an all-caps name gets normal capitals. Handles honorifics (Dr., Ibu),
 * suffixes and credentials (Jr., III, PhD, S.E.), particles (van, de, bin), the surname-in-capitals convention
 * ("Jean DUPONT"), and leaves names in scripts without spaces alone rather than guessing where to cut them.
 */

export function normaliseName(raw: unknown): NameParts {
  let name = cleanText(typeof raw === 'string' ? raw.normalize('NFKC').replace(DECORATION, ' ') : raw, MAX_NAME)
    .replace(/(?:^|\s|(?=[<([]))[<([]?[^\s<>()[\]@]+@[^\s<>()[\]]+[>)\]]?\s*$/, '')
    .replace(/^["'“‘]+|(?<!["'”’])["'”’]+$/g, '')
    .replace(/^\(([^()]*)\)$/, '$1')
    .trim();
  if (!name || name.includes('@') || /^[\d\s+().-]+$/.test(name)) return { name: '', givenName: '', familyName: '' };
  // An organisation as sender ("Acme, Inc.", "Globex Corp."): kept as written, never flipped or split.
  if (LEGAL_FORM.test(name)) return { name, givenName: '', familyName: '' };
  // Degrees after the name ("Jane Doe, PhD", "Budi Santoso, S.E., M.M.") go to their own field.
  const degrees: string[] = [];
  let tail = LAST_WORD.exec(name);
  const isDegree = (t: RegExpExecArray) =>
    DEGREES.test(t[1]!) && (!AMBIGUOUS_DEGREE.test(t[1]!.replace(/,$/, '')) || t[0].includes(','));
  while (tail && isDegree(tail) && degrees.length < 6) {
    degrees.unshift(tail[1]!.replace(/,$/, ''));
    name = name.slice(0, tail.index).trim();
    tail = LAST_WORD.exec(name);
  }
  // "Doe, Jane" (but not "King, Jr.").
  const comma = name.split(/(?<!\s)\s*,\s*/);
  const [last, first] = comma;
  if (comma.length === 2 && last && first && !first.split(/\s+/).every(isSuffix) && last.split(/\s+/).length <= 3)
    name = `${first} ${last}`;
  if (isAllCaps(name))
    name = name
      .split(/\s+/)
      .map((w, i) => titleCase(w, i === 0))
      .join(' ');
  const prefixes: string[] = [];
  for (let w = /^(\S+)\s+/.exec(name); w && PREFIXES.test(w[1]!) && prefixes.length < 3; w = /^(\S+)\s+/.exec(name)) {
    prefixes.push(w[1]!);
    name = name.slice(w[0].length);
  }
  const honours = {
    ...(prefixes.length ? { honorificPrefix: prefixes.join(' ') } : {}),
    ...(degrees.length ? { honorificSuffix: degrees.join(', ') } : {}),
  };
  // A nickname or maiden name in brackets stays in the name (searchable) but is not a given or family name.
  const words = name
    .replace(/(?<!\s)\s*(?:\([^()]*\)|\[[^[\]]*\])/g, ' ')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length || !/\p{L}/u.test(name)) return { name: '', givenName: '', familyName: '' };
  while (words.length > 1 && GENERATIONS.test(words.at(-1)!)) words.pop();
  return { ...splitName(name, words), ...honours };
}

function splitName(name: string, words: string[]): NameParts {
  if (ROLE_WORDS.test(name)) return { name, givenName: '', familyName: '' };
  if (EAST_ASIAN.test(name)) {
    // 山田 太郎: family name first. Without a space we cannot tell where the family name ends.
    return words.length >= 2
      ? { name, familyName: words[0]!, givenName: words.slice(1).join(' ') }
      : { name, givenName: '', familyName: '' };
  }
  if (words.length === 1) return { name, givenName: titleIfCaps(words[0]!), familyName: '' };
  if (VIETNAMESE_FAMILY.has(words[0]!.toLocaleLowerCase()) && VIETNAMESE_LETTERS.test(name))
    return { name, familyName: words[0]!, givenName: words.slice(1).join(' ') };
  // "Jean DUPONT" / "DUPONT Jean": the word in capitals is the family name.
  const caps = words.map((w) => isAllCaps(w) && w.replace(/\W/g, '').length > 1 && !/^[IVX]+$/.test(w));
  if (caps.filter(Boolean).length === 1 && !isAllCaps(name)) {
    const i = caps.indexOf(true);
    const family = titleCase(words[i]!, true);
    const given = words.filter((_, j) => j !== i).join(' ');
    return { name, givenName: given, familyName: family };
  }
  let split = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (PARTICLES.has(words[i]!.toLowerCase())) {
      split = i;
      break;
    }
  }
  return { name, givenName: words.slice(0, split).join(' '), familyName: words.slice(split).join(' ') };
}

function titleIfCaps(w: string): string {
  return isAllCaps(w) ? titleCase(w, true) : w;
}
