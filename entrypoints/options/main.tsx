import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import { loadSettings } from '@/lib/settings/store';
import { App } from './App';

// Open the database while the settings load: the first view's queries then find it ready.
void getDb().open();
const settings = await loadSettings();
applyLocale(settings);
document.title = t('optionsTitle');
render(<App settings={settings} />, document.getElementById('app')!);
