import type { ViewComponent } from '@/components/view-props';
import type { MessageKey } from '@/lib/i18n';
import { splitHash } from '@/lib/options/address';

export type { ViewComponent, ViewProps } from '@/components/view-props';

export interface OptionsView {
  /** The URL hash that opens it: options.html#<id>. */
  id: string;
  label: MessageKey;
  /**
   * The view's code, in a chunk of its own: the page loads only the view it opens on (the board's first render
   * does not wait for the import wizard, the forecast or their libraries), and the others when first shown.
   */
  load: () => Promise<ViewComponent>;
}

/** Every view of the options page, in menu order. One line per view; the first is the default. */
export const VIEWS: OptionsView[] = [
  { id: 'board', label: 'viewBoard', load: () => import('@/components/board/BoardView').then((m) => m.BoardView) },
  {
    id: 'contacts',
    label: 'viewContacts',
    load: () => import('@/components/contacts/ContactsView').then((m) => m.ContactsView),
  },
  {
    id: 'followups',
    label: 'viewFollowups',
    load: () => import('@/components/followups/FollowupsView').then((m) => m.FollowupsView),
  },
  {
    id: 'data',
    label: 'io_viewData',
    load: () => import('@/components/data/DataInOutView').then((m) => m.DataInOutView),
  },
  {
    id: 'forecast',
    label: 'forecast_view',
    load: () => import('@/components/forecast/ForecastView').then((m) => m.ForecastView),
  },
  {
    id: 'analytics',
    label: 'analytics_view',
    load: () => import('@/components/analytics/AnalyticsView').then((m) => m.AnalyticsView),
  },
  {
    id: 'settings',
    label: 'viewSettings',
    load: () => import('@/components/settings/SettingsView').then((m) => m.SettingsView),
  },
];

/** `#<view>?<params>` → the view and its parameters. Unknown views fall back to the first. */
export function parseHash(hash: string): { id: string; params: URLSearchParams } {
  const { view, params } = splitHash(hash);
  return { id: VIEWS.some((v) => v.id === view) ? view : VIEWS[0]!.id, params };
}

const loading = new Map<string, Promise<ViewComponent>>();

/** The view's component, its chunk loaded once (the page's start and the menu share the same load). */
export function loadView(id: string): Promise<ViewComponent> {
  let p = loading.get(id);
  if (!p) {
    const view = VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
    p = view.load();
    // A failed load (the extension was updated under the page) may be retried by opening the view again.
    p.catch(() => loading.delete(id));
    loading.set(id, p);
  }
  return p;
}
