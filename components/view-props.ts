import type { ComponentType } from 'preact';
import type { Settings } from '@/lib/model';

/** What the options page gives each of its views (entrypoints/options/views.ts lists them). */
export interface ViewProps {
  settings: Settings;
  /** The view's part of the URL after `#<id>?`: filters and selections that survive reload. */
  params: URLSearchParams;
  /** Replaces the view's URL parameters (history.replaceState: no reload, no history spam). */
  setParams: (next: URLSearchParams) => void;
}

export type ViewComponent = ComponentType<ViewProps>;
