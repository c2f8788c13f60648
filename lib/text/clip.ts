/**
 * How much page- or file-derived text a pattern may see at once (issue #15: nothing a page or a file holds may
 * make a pattern run long). Every regex over such text runs on `clip(text, LIMITS.x)`; the limits live here, in
 * one place, and are far above anything real: a name, a company or a title is a few dozen characters.
 * Import-free: the page reader uses it inside the page.
 */
export const LIMITS = {
  /** A name, a company, a job title, a location: what a key is made from. */
  field: 1_000,
  /** What foldText works on (a little more than a field: search words come from names and emails). */
  foldedText: 2_000,
  /** One line of text or one attribute value (a heading, a link's text, a signature line). */
  line: 2_000,
  /** A block of running text searched for emails and phones (an element's text, a selection, a body). */
  block: 50_000,
} as const;

/** `text` cut to at most `max` characters, never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  // A high surrogate at the cut would leave half a character.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
