import type { ComponentType } from 'preact';
import { AnalyticsView } from '@/components/analytics/AnalyticsView';
import { BoardView } from '@/components/board/BoardView';
import { ContactsView } from '@/components/contacts/ContactsView';
import { DataInOutView } from '@/components/data/DataInOutView';
import { FollowupsView } from '@/components/followups/FollowupsView';
import { ForecastView } from '@/components/forecast/ForecastView';
import { SettingsView } from '@/components/settings/SettingsView';
import type { MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/model';

export interface ViewProps {
  settings: Settings;
  /** The view's part of the URL after `#<id>?`: filters and selections that survive reload. */
  params: URLSearchParams;
  /** Replaces the view's URL parameters (history.replaceState: no reload, no history spam). */
  setParams: (next: URLSearchParams) => void;
}

export interface OptionsView {
  /** The URL hash that opens it: options.html#<id>. */
  id: string;
  label: MessageKey;
  component: ComponentType<ViewProps>;
}

/** Every view of the options page, in menu order. One line per view; the first is the default. */
export const VIEWS: OptionsView[] = [
  { id: 'board', label: 'viewBoard', component: BoardView },
  { id: 'contacts', label: 'viewContacts', component: ContactsView },
  { id: 'followups', label: 'viewFollowups', component: FollowupsView },
  { id: 'data', label: 'io_viewData', component: DataInOutView },
  { id: 'forecast', label: 'forecast_view', component: ForecastView },
  { id: 'analytics', label: 'analytics_view', component: AnalyticsView },
  { id: 'settings', label: 'viewSettings', component: SettingsView },
];
