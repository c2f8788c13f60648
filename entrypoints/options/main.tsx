import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import { loadSettings } from '@/lib/settings/store';
import { App } from './App';

const settings = await loadSettings();
applyLocale(settings);
document.title = t('optionsTitle');
render(<App settings={settings} />, document.getElementById('app')!);
