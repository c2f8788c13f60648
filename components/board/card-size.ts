/** A deal card's height with its gap, in px: cards have a fixed height, so the columns measure nothing. */
export const CARD_HEIGHT = 156;

/**
 * Cards drawn beyond a column's visible ones: enough for a wheel step; each costs the board's first render
 * about a millisecond of drawing, times every column.
 */
export const CARD_OVERSCAN = 2;
