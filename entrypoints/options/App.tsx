import { useEffect, useMemo, useState } from 'preact/hooks';
import { useSettings } from '@/components/use-settings';
import { getLocale, t } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import type { Settings } from '@/lib/model';
import { loadView, parseHash, VIEWS, type ViewComponent } from './views';

export interface AppProps {
  settings: Settings;
  /** The view the page opened on, its code already loaded by main.tsx. */
  first: { id: string; component: ViewComponent };
}

export function App({ settings: initial, first }: AppProps) {
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
  const [loaded, setLoaded] = useState<ReadonlyMap<string, ViewComponent>>(
    () => new Map([[first.id, first.component]]),
  );
  const [failed, setFailed] = useState<string | null>(null);
  const view = VIEWS.find((v) => v.id === route.id)!;
  const View = loaded.get(view.id);
  useEffect(() => {
    if (View) return;
    let current = true;
    setFailed(null);
    loadView(view.id).then(
      (component) => current && setLoaded((m) => new Map(m).set(view.id, component)),
      (err) => {
        console.error('Prospector: a view could not be loaded', err);
        if (current) setFailed(view.id);
      },
    );
    return () => {
      current = false;
    };
  }, [view.id, View]);
  const setParams = (next: URLSearchParams) => {
    const query = next.toString();
    history.replaceState(null, '', `#${route.id}${query ? `?${query}` : ''}`);
    setRoute({ id: route.id, params: next });
  };
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
        {View ? (
          <View key={view.id} settings={settings} params={route.params} setParams={setParams} />
        ) : failed === view.id ? (
          <p role="alert">{t('viewLoadFailed')}</p>
        ) : (
          <p class="muted" role="status">
            {t('viewLoading')}
          </p>
        )}
      </main>
    </div>
  );
}
