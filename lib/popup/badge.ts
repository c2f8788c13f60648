import type { ProspectorDb } from '../db/database';
import { type AutoSiteId, SITES } from '../extract/site-list';
import { t } from '../i18n';
import { linkedinKey } from '../identity/keys';
import type { Contact, Deal, Stage } from '../model';
import { findContacts } from '../pipeline/find-contact';
import { daysInStage } from '../pipeline/probability';
import type { PersonLookup } from './rank-people';

/**
 * The toolbar badge: on a tab of a site the rep opted in to (Settings → automatic detection, with the site's
 * optional host permission granted), the known contact's stage (a short label in the stage's colour), or how many
 * people the page shows when none is known yet. Nothing on any other tab. The title says the same in words.
 */

/**
 * The auto-detect site a URL belongs to, with the origin whose permission covers it; null on any other page. Only
 * a site's declared hosts over https count (lib/extract/site-list.ts): those are the permissions the rep grants.
 */
export function autoSiteOf(url: string): { site: AutoSiteId; origin: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const site = SITES.find((s) => s.autoDetect && (s.hosts as readonly string[]).includes(u.hostname));
  return site?.autoDetect ? { site: site.id, origin: `https://${u.hostname}/*` } : null;
}

export interface BadgeView {
  text: string;
  /** Background colour (#rrggbb); null keeps the browser's default. */
  color: string | null;
  /** Text colour readable on `color`. */
  textColor: string | null;
  title: string;
}

/** The badge has room for about four characters: the stage name's first word, cut to four letters. */
export function shortStageLabel(name: string): string {
  const word = name.trim().split(/[\s/,.–—-]+/)[0] ?? '';
  return Array.from(word).slice(0, 4).join('').toLocaleUpperCase();
}

/** Black or white, whichever reads better on a background colour (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? '#000000' : '#ffffff';
}

export function stageBadge(
  contact: Pick<Contact, 'name' | 'emails'>,
  deal: Deal,
  stage: Stage,
  now: number,
): BadgeView {
  const who = contact.name || contact.emails[0] || t('unnamed');
  return {
    text: shortStageLabel(stage.name),
    color: stage.color,
    textColor: readableOn(stage.color),
    title:
      deal.outcome === null
        ? t('popup_badgeStageDaysTitle', t('extName'), who, stage.name, daysInStage(deal, now))
        : t('popup_badgeStageTitle', t('extName'), who, stage.name),
  };
}

const COUNT_COLOR = '#5f6368';

export function countBadge(count: number): BadgeView {
  // A neutral grey: a count is not a stage (and the tab may have shown a stage's colour before).
  return {
    text: String(Math.min(count, 999)),
    color: COUNT_COLOR,
    textColor: readableOn(COUNT_COLOR),
    title: t('popup_badgeCountTitle', t('extName'), count),
  };
}

export const NO_BADGE: BadgeView = { text: '', color: null, textColor: null, title: '' };

/**
 * What the badge shows for the people of a tab: the first known one's stage (their open deal, else their
 * latest closed one), else the count of people found. Indexed look-ups only.
 */
export async function badgeFor(db: ProspectorDb, people: readonly PersonLookup[], now: number): Promise<BadgeView> {
  for (const lookup of people.slice(0, 50)) {
    const [contact] = await findContacts(db, lookup, { namesakesOnlyAlone: true });
    if (!contact) continue;
    const deals = (await db.deals.where('contactId').equals(contact.id).toArray()).filter((d) => d.deletedAt === null);
    const deal =
      deals.find((d) => d.outcome === null) ?? deals.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0))[0];
    const stage = deal ? await db.stages.get(deal.stageId) : undefined;
    if (deal && stage) return stageBadge(contact, deal, stage, now);
  }
  return people.length ? countBadge(people.length) : NO_BADGE;
}

/** A LinkedIn profile URL names its person without reading the page. */
export function lookupFromUrl(url: string): PersonLookup | null {
  return linkedinKey(url) ? { emails: [], linkedinUrl: url, name: '', company: '' } : null;
}
