import { z } from 'zod';
import { Currency, Id, Text } from './common';

/**
 * A deal owner (a rep) in the team's list. Deals name their owner by `name` (Deal.owner): renaming or merging
 * owners rewrites those deals. `aliases` are other spellings that mean this owner ("Ben" for "Ben Tan"), so
 * imports map free text to the list. `user` is the rep's sync user name (team sync maps a deal's owner by it).
 */
export const Owner = z.object({
  id: Id,
  name: Text.min(1),
  aliases: z.array(Text).max(50).default([]),
  user: Text.default(''),
});
export type Owner = z.infer<typeof Owner>;

/** A month ('2026-11') or a quarter ('2026-Q4'). */
export const QuotaPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/);

/**
 * A sales target: for one owner (ownerId) or the whole team (ownerId null), for one month or quarter, in minor
 * units of a currency. Its id is `${ownerId ?? 'team'}|${period}`: one quota per owner and period.
 */
export const Quota = z.object({
  id: z.string().min(1).max(100),
  ownerId: Id.nullable(),
  period: QuotaPeriod,
  amount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: Currency,
});
export type Quota = z.infer<typeof Quota>;

export { findOwner, ownerIdFor, ownersFromNames, quotaId } from './owner-list';
