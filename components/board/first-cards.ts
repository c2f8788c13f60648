import { CARD_HEIGHT, CARD_OVERSCAN } from './card-size';

/** Cards a column shows on opening: the window's height of them, and what the list draws beyond. */
export function firstCards(): number {
  return Math.ceil(innerHeight / CARD_HEIGHT) + CARD_OVERSCAN;
}
