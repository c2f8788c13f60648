// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Currency, IsoDay, MAX_LIST, MAX_NOTE, Text, Timestamp } from './common';
import { ProfileUrls } from './contact';
import { BantPart } from './deal';
import { ForecastCategory } from './stage';

/** What a rep may change on a deal from the popup or options page. Stage moves go through deal.move. */
export const DealPatch = z
  .object({
    title: Text,
    amount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
    currency: Currency,
    expectedClose: IsoDay.nullable(),
    probability: z.number().min(0).max(1).nullable(),
    forecastCategory: ForecastCategory.nullable(),
    owner: Text,
    bant: z.object({ budget: BantPart, authority: BantPart, need: BantPart, timeline: BantPart }).partial(),
    followUpAt: Timestamp.nullable(),
    followUpNote: Text,
  })
  .partial()
  .strict();
export type DealPatch = z.infer<typeof DealPatch>;

/** What a rep may change on a contact by hand; the changed fields are then protected from later captures. */
export const ContactPatch = z
  .object({
    name: Text,
    givenName: Text,
    familyName: Text,
    jobTitle: Text,
    company: Text,
    companyDomain: Text,
    location: Text,
    emails: z.array(Text).max(MAX_LIST),
    phones: z.array(Text).max(MAX_LIST),
    urls: ProfileUrls,
    tags: z.array(Text).max(MAX_LIST),
    notes: z.string().max(MAX_NOTE),
  })
  .partial()
  .strict();
export type ContactPatch = z.infer<typeof ContactPatch>;
