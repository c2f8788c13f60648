import '@/components/theme.css';
import './welcome.css';
import { render } from 'preact';
import { Welcome } from '@/components/welcome/Welcome';
import { t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import { loadSettings } from '@/lib/settings/store';

// The page a new rep sees once, on install (entrypoints/background/index.ts opens it).
const settings = await loadSettings();
applyLocale(settings);
document.title = t('welcome_title');
render(<Welcome />, document.getElementById('app')!);
