import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface LazyComponent<P> {
  (props: P): preact.JSX.Element;
  /** Starts loading the code (after the first screen is up, so the first click finds it ready). */
  preload: () => Promise<unknown>;
}

/**
 * A component whose code loads on first use: the popup's first screen carries only what it shows (identity,
 * stage, BANT); forms and the review form come in their own chunks. preact/compat's lazy() would do the same
 * at the price of loading compat on the open path.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then((c) => {
      loaded = c;
      return c;
    });
    return loading;
  };
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      preload().then(
        (c) => setComponent(() => c),
        () => setFailed(true),
      );
    }, []);
    if (failed)
      return (
        <p class="error" role="alert">
          {t('popup_loadFailed')}
        </p>
      );
    return Component ? <Component {...props} /> : <p class="muted">{t('popup_loading')}</p>;
  }
  Lazy.preload = preload;
  return Lazy;
}
