// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { AUTO_SITES, type AutoSiteId } from '../extract/site-list';
import { Currency } from './common';

/**
 * The sites the rep turned automatic detection on for, by id (lib/extract/site-list.ts): a list, so a new site
 * needs no new field. Settings stored before version 2 held `{ linkedin: true, gmail: false, … }`: the storage
 * migration rewrites them (lib/settings/store.ts), and this schema reads that shape too, because the popup parses
 * the stored value directly, without the storage item's migrations. Ids of sites no longer declared are dropped.
 */
const AutoDetect = z
  .preprocess((v) => (v === undefined ? v : autoDetectListOf(v)), z.array(z.string().max(64)).max(100))
  .transform((ids): AutoSiteId[] => AUTO_SITES.filter((s) => ids.includes(s)))
  .default([]);

/** `{ linkedin: true, gmail: false }` (settings version 1) → `['linkedin']`; a list is kept as it is. */
export function autoDetectListOf(stored: unknown): string[] {
  if (Array.isArray(stored)) return stored.filter((id): id is string => typeof id === 'string');
  if (!stored || typeof stored !== 'object') return [];
  return Object.entries(stored).flatMap(([id, on]) => (on === true ? [id] : []));
}

export const BantWeights = z.object({
  budget: z.number().min(0).max(100),
  authority: z.number().min(0).max(100),
  need: z.number().min(0).max(100),
  timeline: z.number().min(0).max(100),
});
export type BantWeights = z.infer<typeof BantWeights>;

export const Settings = z.object({
  currency: Currency.default('USD'),
  /** 'auto' follows the browser's language. */
  locale: z.enum(['auto', 'en', 'id']).default('auto'),
  bantWeights: BantWeights.default({ budget: 25, authority: 25, need: 25, timeline: 25 }),
  /** Days ahead a new follow-up defaults to. */
  followUpDays: z.number().int().min(0).max(365).default(3),
  remindersEnabled: z.boolean().default(true),
  owner: z.string().max(200).default(''),
  /** Where an email follow-up's draft opens: the system's mail app, Gmail or Outlook on the web. */
  composeWith: z.enum(['mailto', 'gmail', 'outlook']).default('mailto'),
  /** The rep's follow-up email templates ({firstName}, {company}, {myName}…); none: the built-in one. */
  emailTemplates: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        name: z.string().max(200),
        subject: z.string().max(500),
        body: z.string().max(10_000),
      }),
    )
    .max(50)
    .default([]),
  /**
   * Start a deal for every person captured. Off for new installs: a capture saves a lead, and the rep starts a
   * deal when there is one. Installs that had captures before this setting existed keep their old habit (on),
   * set once on update (lib/settings/deal-on-capture.ts).
   */
  dealOnCapture: z.boolean().default(false),
  /**
   * How every weighted amount (the board's column headers, the forecast) weighs an open deal: the manager picks it
   * once. Stage probabilities by default: they are what the stage editor shows. Values as in
   * lib/forecast/probability-methods.ts PROBABILITY_METHODS (listed here so settings load without it).
   */
  forecastMethod: z.enum(['configured', 'learned', 'bant']).default('configured'),
  /** Sites where capture runs on its own; each needs its optional host permission granted. */
  autoDetect: AutoDetect,
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
