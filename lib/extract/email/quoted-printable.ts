import { QUOTE, SIG } from './marks';

/** A soft line break: "=" closing a line, not part of a run of them ("=====" is a rule, not an encoding). */
const SOFT_BREAK = /(?:^|[^=])=$/;
/** One that cuts a word ("committ=" / "ee"): what tells an encoding from "Total =" closing a line of text. */
const WORD_CUT = /[^=\s]=$/;
const CODE = /=[0-9A-F]{2}/;
const CODES = /(?:=[0-9A-F]{2})+/g;

/**
 * A body shown as its raw quoted-printable source (an archive's or a "show original" view: lines cut with a
 * closing "=", "=20" for a space, "=09" for a tab, "=3D" for "="), read as a mail client shows it: soft breaks
 * joined, codes decoded. Only when it plainly is one: three words cut so or more, and an encoded character or a
 * tenth of the lines cut (a message quoting a long one may have few); other text is returned as it was.
 */
export function unquotePrintable(lines: readonly string[]): string[] {
  const soft = lines.filter((l) => WORD_CUT.test(l)).length;
  if (soft < 3 || (soft < lines.length / 10 && !lines.some((l) => CODE.test(l)))) return [...lines];
  const out: string[] = [];
  let carried = '';
  for (const line of lines) {
    if (line === QUOTE || line === SIG) {
      if (carried) out.push(carried);
      carried = '';
      out.push(line);
    } else if (SOFT_BREAK.test(line)) carried += line.slice(0, -1);
    else {
      out.push(carried + line);
      carried = '';
    }
  }
  if (carried) out.push(carried);
  return out.map((l) => (l === QUOTE || l === SIG ? l : l.replace(CODES, decodeBytes).trim()));
}

/** "=C3=A9" → "é" (UTF-8), else each byte as Latin-1 ("=E9" → "é"), as the message's charset most likely was. */
function decodeBytes(run: string): string {
  const bytes = Uint8Array.from(run.slice(1).split('='), (h) => Number.parseInt(h, 16));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}
