/**
 * The legal forms a company's name may carry or leave out ("Orbital Freight Pte. Ltd." is "Orbital Freight"),
 * as folded words with their dots removed ("S.A." is "sa", "N.V." is "nv"). The one list: company keys, the
 * contact look-up and the duplicate finder all strip these. Only at the ends of a name, word by word (never a
 * regex over the whole name: issue #15, a crafted "Acme sa. sa. sa. …" froze the pattern this replaces).
 */
const TRAILING = new Set([
  // English-speaking and Commonwealth
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'pte',
  'pty',
  // South-East Asia
  'pt',
  'tbk',
  'persero',
  'cv',
  'sdn',
  'bhd',
  'berhad',
  // Europe and Latin America
  'gmbh',
  'ag',
  'kg',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'sl',
  'srl',
  'spa',
  'ltda',
  'nv',
  'bv',
  'ab',
  'as',
  'asa',
  'aps',
  'oy',
  'oyj',
  // Japan
  'kk',
  'kabushiki',
  'kaisha',
]);

/** Forms written before the name: Indonesian "PT Maju Jaya", "CV Sinar Abadi". */
const LEADING = new Set(['pt', 'cv']);

/** The words of a company's name without the legal forms at either end; never all of them ("Limited" stays). */
export function withoutLegalForms(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (end - start > 1 && TRAILING.has(words[end - 1]!)) end--;
  while (end - start > 1 && LEADING.has(words[start]!)) start++;
  return words.slice(start, end);
}
