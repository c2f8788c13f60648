import { render } from 'preact';
import { prefetchBoard } from '@/components/board/prefetch';
import { t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import type { EarlyBoard } from '@/lib/read/board-early';
import { loadSettings } from '@/lib/settings/store';
import { App } from './App';
import { loadView, parseHash } from './views';

/**
 * Everything the first screen waits on, started at once: the view's code, the settings, the page's stylesheets
 * (applied by main.tsx) and when the page opens on the board, what it shows first (read early by main.tsx, or
 * here), so it renders once, styled, with its data.
 */
export async function start(early: Promise<EarlyBoard | null>, styled: Promise<void>): Promise<void> {
  const { id } = parseHash(location.hash);
  const component = loadView(id);
  const board = prefetchBoard(location.hash, early).catch((err) =>
    console.error('Prospector: board prefetch failed', err),
  );
  const settings = await loadSettings();
  const [first] = await Promise.all([component, board, styled]);
  applyLocale(settings);
  document.title = t('optionsTitle');
  render(<App settings={settings} first={{ id, component: first }} />, document.getElementById('app')!);
}
