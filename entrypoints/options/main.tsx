import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { prefetchBoard } from '@/components/board/prefetch';
import { t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import { loadSettings } from '@/lib/settings/store';
import { App } from './App';

// Opening on the board: read what it shows first while the settings load, so it renders once, with its data.
const board = prefetchBoard(location.hash).catch((err) => console.error('Prospector: board prefetch failed', err));
const settings = await loadSettings();
await board;
applyLocale(settings);
document.title = t('optionsTitle');
render(<App settings={settings} />, document.getElementById('app')!);
