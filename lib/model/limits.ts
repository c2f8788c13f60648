/** Size limits for anything stored. Kept free of imports: the in-page extractor uses them too. */
export const MAX_TEXT = 500;
export const MAX_NOTE = 20_000;
export const MAX_LIST = 50;
