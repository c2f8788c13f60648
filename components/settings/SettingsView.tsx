import { useEffect, useState } from 'preact/hooks';
import { ForecastMethodSetting } from '@/components/forecast/ForecastMethodSetting';
import { OwnersQuotas } from '@/components/forecast/OwnersQuotas';
import type { ViewProps } from '@/components/view-props';
import { describeError } from '@/lib/errors';
import { type AutoSiteId, siteById } from '@/lib/extract/site-list';
import { type MessageKey, t } from '@/lib/i18n';
import { BANT_KEYS, type BantKey, type Settings } from '@/lib/model';
import { type SettingsChange, saveSettings } from '@/lib/settings/store';
import { AUTO_SITES, grantedSites, setAutoDetect } from './auto-detect';
import { DraftInput } from './DraftInput';
import { EmailTemplates } from './EmailTemplates';
import { StageEditor } from './StageEditor';
import { TeamSettings } from './TeamSettings';

const COMMON_CURRENCIES = ['IDR', 'USD', 'EUR', 'SGD', 'MYR', 'AUD', 'GBP', 'JPY', 'CNY', 'INR', 'PHP', 'THB', 'VND'];
const BANT_LABELS: Record<BantKey, MessageKey> = {
  budget: 'detail_bantBudget',
  authority: 'detail_bantAuthority',
  need: 'detail_bantNeed',
  timeline: 'detail_bantTimeline',
};

function currencies(current: string): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('currency');
  } catch {
    // Older engines: the common ones only.
  }
  return [...new Set([current, ...COMMON_CURRENCIES, ...all])];
}

/** Settings: the pipeline's stages, currency and language, BANT weights, follow-up reminders, auto-detection. */
export function SettingsView({ settings }: ViewProps) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const save = async (change: SettingsChange) => {
    setError('');
    try {
      await saveSettings(change);
      setStatus(t('detail_saved'));
    } catch (err) {
      setError(describeError(err));
    }
  };
  const [granted, setGranted] = useState<Record<AutoSiteId, boolean> | null>(null);
  useEffect(() => {
    void grantedSites().then(setGranted);
  }, [settings.autoDetect]);

  return (
    <div class="settings-view">
      <p class="muted" role="status" data-testid="settings-status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <StageEditor />

      <section class="settings-section" aria-labelledby="general-title">
        <h2 id="general-title">{t('settings_general')}</h2>
        <label>
          <span>{t('settings_language')}</span>
          <select
            data-testid="settings-locale"
            value={settings.locale}
            onChange={(e) => void save({ locale: e.currentTarget.value as Settings['locale'] })}
          >
            <option value="auto">{t('settings_languageAuto')}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="id" lang="id">
              Bahasa Indonesia
            </option>
          </select>
        </label>
        <label>
          <span>{t('settings_currency')}</span>
          <select
            data-testid="settings-currency"
            value={settings.currency}
            onChange={(e) => void save({ currency: e.currentTarget.value })}
          >
            {currencies(settings.currency).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <small class="muted">{t('settings_currencyHelp')}</small>
        </label>
        <label>
          <span>{t('settings_owner')}</span>
          <DraftInput value={settings.owner} maxLength={200} onCommit={(text) => void save({ owner: text.trim() })} />
          <small class="muted">{t('settings_ownerHelp')}</small>
        </label>
      </section>

      <ForecastMethodSetting value={settings.forecastMethod} onChange={(m) => void save({ forecastMethod: m })} />
      <OwnersQuotas currency={settings.currency} />

      <section class="settings-section" aria-labelledby="bant-title">
        <h2 id="bant-title">{t('settings_bantWeights')}</h2>
        <p class="muted">{t('settings_bantHelp')}</p>
        <div class="weights">
          {BANT_KEYS.map((k) => (
            <label key={k}>
              <span>{t(BANT_LABELS[k])}</span>
              <DraftInput
                type="number"
                min={0}
                max={100}
                data-testid={`weight-${k}`}
                value={settings.bantWeights[k]}
                onCommit={(text) => {
                  const n = text.trim() === '' ? Number.NaN : Number(text);
                  if (Number.isFinite(n) && n >= 0 && n <= 100)
                    void save((current) => ({ bantWeights: { ...current.bantWeights, [k]: n } }));
                  else setError(t('settings_weightRange'));
                }}
              />
            </label>
          ))}
        </div>
      </section>

      <section class="settings-section" aria-labelledby="leads-title">
        <h2 id="leads-title">{t('settings_leadsAndDeals')}</h2>
        <label class="inline">
          <input
            type="checkbox"
            data-testid="settings-deal-on-capture"
            checked={settings.dealOnCapture}
            aria-describedby="deal-on-capture-hint"
            onChange={(e) => void save({ dealOnCapture: e.currentTarget.checked })}
          />
          <span>{t('settings_dealOnCapture')}</span>
        </label>
        <p class="muted" id="deal-on-capture-hint">
          {t('settings_dealOnCaptureHint')}
        </p>
      </section>

      <section class="settings-section" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t('settings_followUps')}</h2>
        <label class="inline">
          <input
            type="checkbox"
            data-testid="settings-reminders"
            checked={settings.remindersEnabled}
            onChange={(e) => void save({ remindersEnabled: e.currentTarget.checked })}
          />
          <span>{t('settings_remindersEnabled')}</span>
        </label>
        <label>
          <span>{t('settings_followUpDays')}</span>
          <DraftInput
            type="number"
            min={0}
            max={365}
            value={settings.followUpDays}
            onCommit={(text) => {
              const n = text.trim() === '' ? Number.NaN : Math.round(Number(text));
              if (n >= 0 && n <= 365) void save({ followUpDays: n });
            }}
          />
        </label>
      </section>

      <EmailTemplates settings={settings} save={(change) => void save(change)} />

      <TeamSettings />

      <section class="settings-section" aria-labelledby="auto-title">
        <h2 id="auto-title">{t('settings_autoDetect')}</h2>
        <p class="muted">{t('settings_autoDetectHelp')}</p>
        {AUTO_SITES.map((site) => (
          <div key={site}>
            <label class="inline">
              <input
                type="checkbox"
                data-testid={`auto-${site}`}
                checked={settings.autoDetect.includes(site)}
                onChange={(e) => {
                  const box = e.currentTarget;
                  const on = box.checked;
                  setStatus('');
                  // The permission request must start inside this click: no await before it.
                  setAutoDetect(site, on).then(
                    (now) => {
                      // A refused permission leaves the setting off: the box shows what is true.
                      box.checked = now;
                      setStatus(now === on ? t('detail_saved') : t('settings_permissionDenied'));
                      void grantedSites().then(setGranted);
                    },
                    (err) => {
                      box.checked = settings.autoDetect.includes(site);
                      setError(describeError(err));
                    },
                  );
                }}
              />
              <span>{t(siteById(site)!.label)}</span>
            </label>
            {settings.autoDetect.includes(site) && granted && !granted[site] && (
              <small class="error">{t('settings_permissionMissing')}</small>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
