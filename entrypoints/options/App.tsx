import { useEffect, useMemo, useState } from 'preact/hooks';
import { useSettings } from '@/components/use-settings';
import { getLocale, t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import type { Settings } from '@/lib/model';
import { VIEWS } from './views';

/** `#<view>?<params>` → the view and its parameters. Unknown views fall back to the first. */
function parseHash(hash: string): { id: string; params: URLSearchParams } {
  const [id = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { id: VIEWS.some((v) => v.id === id) ? id : VIEWS[0]!.id, params: new URLSearchParams(query) };
}

export function App({ settings: initial }: { settings: Settings }) {
  const settings = useSettings(initial);
  // The language setting re-renders the whole page in the chosen language (the tree below is keyed on it).
  const locale = useMemo(() => {
    applyLocale(settings);
    document.title = t('optionsTitle');
    return getLocale();
  }, [settings.locale]);
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const view = VIEWS.find((v) => v.id === route.id)!;
  const setParams = (next: URLSearchParams) => {
    const query = next.toString();
    history.replaceState(null, '', `#${route.id}${query ? `?${query}` : ''}`);
    setRoute({ id: route.id, params: next });
  };
  const View = view.component;
  return (
    <div key={locale} class="app">
      <header class="app-header">
        <h1>{t('extName')}</h1>
        <nav aria-label={t('navLabel')}>
          {VIEWS.map((v) => (
            <a
              key={v.id}
              href={`#${v.id}`}
              aria-current={v.id === view.id ? 'page' : undefined}
              data-testid={`nav-${v.id}`}
            >
              {t(v.label)}
            </a>
          ))}
        </nav>
      </header>
      <main id="view" data-testid={`view-${view.id}`}>
        <View key={view.id} settings={settings} params={route.params} setParams={setParams} />
      </main>
    </div>
  );
}
