import { z } from 'zod';
import { Currency } from './common';

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
  autoDetect: z
    .object({ linkedin: z.boolean(), gmail: z.boolean(), outlook: z.boolean() })
    .default({ linkedin: false, gmail: false, outlook: false }),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
