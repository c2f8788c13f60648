import '@/components/theme.css';
import './options.css';
// Here rather than beside its control: imported by a view, it became a stylesheet of the board's chunk, which the
// board's dynamic import then waited to fetch before drawing anything.
import '@/components/owner-scope/owner-scope.css';
import { firstCards } from '@/components/board/first-cards';
import { applyPageStyles } from '@/lib/page-styles';
import { readBoardEarly } from '@/lib/read/board-early';

/**
 * The options page's first module, kept small: opening on the board, it starts reading what the board shows
 * first straight from IndexedDB, and loads the page's code (Preact, Dexie, the views) while the database
 * answers, instead of before asking it. start.tsx takes it from there.
 */
const early = readBoardEarly(location.hash, firstCards()).catch(() => null);
// The page's stylesheets are only preloaded by its HTML (build/page-chunks.ts), so they never hold this module
// back: applied now, and the first render waits for them.
const styled = applyPageStyles(document);
const { start } = await import('./start');
await start(early, styled);
