import { clip, LIMITS } from '../text/clip';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;

/**
 * Lower-case, accents removed, punctuation folded to single spaces. Works for non-Latin scripts (kept as is).
 * Clipped first: it runs on page and file text, and a key never needs more than a long name's worth.
 */
export function foldText(value: string): string {
  return clip(value, LIMITS.foldedText)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
