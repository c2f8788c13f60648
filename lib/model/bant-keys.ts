/**
 * The four BANT parts, in display order. Kept free of imports (like limits.ts): the popup scores BANT on its
 * open path without loading the schema library.
 */
export const BANT_KEYS = ['budget', 'authority', 'need', 'timeline'] as const;
export type BantKey = (typeof BANT_KEYS)[number];
