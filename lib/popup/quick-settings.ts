import type { BantWeights, Settings } from '../model';

/** The settings the popup needs to draw its first screen. */
export type PopupSettings = Pick<Settings, 'locale' | 'currency' | 'bantWeights' | 'followUpDays' | 'dealOnCapture'>;

/** Settings' defaults for those fields (tests/unit/popup/quick-settings.test.ts keeps them equal to the model's). */
export const POPUP_DEFAULTS: PopupSettings = {
  locale: 'auto',
  currency: 'USD',
  bantWeights: { budget: 25, authority: 25, need: 25, timeline: 25 },
  followUpDays: 3,
  dealOnCapture: false,
};

const isWeight = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 100;

/**
 * The popup's fields of the stored settings (lib/settings/store.ts's `local:settings` item), each checked by hand
 * and defaulted when missing or malformed, as loadSettings does. Why not loadSettings: it parses with zod, and
 * the popup must open in well under 100 ms, so its first screen loads no schema library. Pure, for tests.
 */
export function popupSettingsFrom(raw: unknown): PopupSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const w = (s.bantWeights && typeof s.bantWeights === 'object' ? s.bantWeights : {}) as Record<string, unknown>;
  const weightsValid = isWeight(w.budget) && isWeight(w.authority) && isWeight(w.need) && isWeight(w.timeline);
  return {
    locale: s.locale === 'en' || s.locale === 'id' || s.locale === 'auto' ? s.locale : POPUP_DEFAULTS.locale,
    currency: typeof s.currency === 'string' && /^[A-Z]{3}$/.test(s.currency) ? s.currency : POPUP_DEFAULTS.currency,
    bantWeights: weightsValid ? (w as unknown as BantWeights) : POPUP_DEFAULTS.bantWeights,
    followUpDays:
      typeof s.followUpDays === 'number' &&
      Number.isInteger(s.followUpDays) &&
      s.followUpDays >= 0 &&
      s.followUpDays <= 365
        ? s.followUpDays
        : POPUP_DEFAULTS.followUpDays,
    dealOnCapture: typeof s.dealOnCapture === 'boolean' ? s.dealOnCapture : POPUP_DEFAULTS.dealOnCapture,
  };
}
