/**
 * Keeping what a spreadsheet opens as text from running as a formula (CSV injection): contact data comes from
 * web pages and files, and `=cmd|' /C calc'!A0` must never arrive as a cell Excel evaluates.
 *
 * Guarding the first character is not enough. A CSV written with "," opened where ";" is the list separator
 * (German, French, Dutch and Indonesian spreadsheets) is split at every ";" inside a value, and a line break in
 * a value can start a row; so every piece of a value that such a split could turn into a cell is guarded: after
 * the start and after each , ; | tab or line break, past any spaces and quotes, a piece that begins with = or @,
 * or with + or -, gets an apostrophe before it, the mark spreadsheets read as "this is text". A whole value that
 * is a plain number or phone number ("+62 21 555 0100", "-12.5") is left as it is.
 */

/** Characters at which some spreadsheet, in some locale, may start a new cell or row. */
const BREAKS = new Set([',', ';', '|', '\t', '\r', '\n']);
/** What may precede a formula's first character in a cell: spaces and quotes. */
const LEADING = new Set([' ', '\u00a0', '"', "'"]);
const NUMBERISH = /^[\d\s().-]*$/;

export function guardFormulae(value: string): string {
  const n = value.length;
  // A value beginning with a tab or a line break is guarded as a whole (some spreadsheets trim them).
  let out = n && (value[0] === '\t' || value[0] === '\r' || value[0] === '\n') ? "'" : '';
  let i = 0;
  while (i < n) {
    // At the start of a piece: copy its spaces and quotes, then look at its first real character.
    let j = i;
    while (j < n && LEADING.has(value[j]!)) j++;
    out += value.slice(i, j);
    let end = j;
    while (end < n && !BREAKS.has(value[end]!)) end++;
    const c = value[j];
    // A number is left alone only as a whole value: a piece of one runs on into the next field once split.
    const number = i === 0 && end === n && NUMBERISH.test(value.slice(j + 1));
    if (c === '=' || c === '@' || ((c === '+' || c === '-') && !number)) out += "'";
    // The rest of the piece, and the break after it.
    out += value.slice(j, end + 1);
    i = end + 1;
  }
  return out;
}
