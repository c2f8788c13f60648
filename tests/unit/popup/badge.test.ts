import { describe, expect, it } from 'vitest';
import { createBadgeController, type TabPeople } from '@/lib/background/badge-controller';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import { newDeal } from '@/lib/pipeline/capture';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { moveDeal } from '@/lib/pipeline/move-deal';
import {
  autoSiteOf,
  type BadgeView,
  badgeFor,
  countBadge,
  NO_BADGE,
  readableOn,
  shortStageLabel,
} from '@/lib/popup/badge';
import { freshDb } from '../helpers';

const NOW = Date.UTC(2026, 4, 20);
const BUDI_URL = 'https://www.linkedin.com/in/budi-santoso/';

async function seed() {
  const db = await freshDb();
  const src = { url: BUDI_URL, site: 'linkedin', at: NOW - 3 * 86_400_000 };
  const contact = contactFromCandidate(
    {
      name: 'Budi Santoso',
      givenName: '',
      familyName: '',
      jobTitle: 'VP Sales',
      company: 'Maju Jaya',
      emails: ['budi@majujaya.test'],
      phones: [],
      urls: [],
      linkedinUrl: BUDI_URL,
      location: '',
      provenance: {},
      confidence: 1,
    },
    src,
    'budi',
  );
  await db.contacts.add(contact);
  const deal = newDeal('budi', 'Maju Jaya', 'demo', src, { now: src.at, currency: 'IDR', owner: '' });
  await db.deals.add(deal);
  return { db, deal };
}

describe('badge views', () => {
  it('knows the opt-in sites by URL', () => {
    expect(autoSiteOf('https://www.linkedin.com/in/x/')).toEqual({
      site: 'linkedin',
      origin: 'https://www.linkedin.com/*',
    });
    expect(autoSiteOf('https://mail.google.com/mail/u/0/#inbox/1')?.site).toBe('gmail');
    expect(autoSiteOf('https://outlook.office.com/mail/')?.site).toBe('outlook');
    // Outlook's newest address: the badge used to stay blank there.
    expect(autoSiteOf('https://outlook.cloud.microsoft/mail/')).toEqual({
      site: 'outlook',
      origin: 'https://outlook.cloud.microsoft/*',
    });
    // GitHub has an adapter but no auto-detection.
    expect(autoSiteOf('https://github.com/octocat')).toBeNull();
    expect(autoSiteOf('http://www.linkedin.com/in/x/')).toBeNull();
    expect(autoSiteOf('https://linkedin.com.evil.test/in/x')).toBeNull();
    expect(autoSiteOf('chrome://extensions')).toBeNull();
    expect(autoSiteOf('')).toBeNull();
  });

  it('labels stages in four letters and picks readable text on the stage colour', () => {
    expect(shortStageLabel('Demo / trial')).toBe('DEMO');
    expect(shortStageLabel('Proposal / negotiation')).toBe('PROP');
    expect(shortStageLabel('Won')).toBe('WON');
    expect(shortStageLabel('Kontak awal')).toBe('KONT');
    expect(readableOn('#f9a825')).toBe('#000000');
    expect(readableOn('#1976d2')).toBe('#ffffff');
  });

  it("shows a known contact's stage, else the count of people found, else nothing", async () => {
    const { db } = await seed();
    const budi = { emails: [], linkedinUrl: BUDI_URL, name: '', company: '' };
    const stranger = { emails: ['x@y.test'], linkedinUrl: '', name: 'X', company: '' };
    expect(await badgeFor(db, [stranger, budi], NOW)).toEqual({
      text: 'DEMO',
      color: '#00897b',
      textColor: '#000000',
      title: 'Prospector — Budi Santoso: Demo / trial, 3 days in stage',
    });
    expect(await badgeFor(db, [stranger, stranger], NOW)).toEqual(countBadge(2));
    expect(countBadge(2).title).toBe('Prospector — 2 people found on this page');
    expect(await badgeFor(db, [], NOW)).toEqual(NO_BADGE);
  });
});

describe('the badge controller', () => {
  function harness(db: Awaited<ReturnType<typeof seed>>['db'], opts: { optIn?: boolean; granted?: boolean } = {}) {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      autoDetect: opts.optIn === false ? [] : ['linkedin', 'gmail'],
    };
    const shown: [number, BadgeView][] = [];
    let saved: Record<string, TabPeople> = {};
    const read: number[] = [];
    const controller = createBadgeController({
      db,
      settings: async () => settings,
      now: () => NOW,
      hasPermission: async (origins) => (opts.granted ?? true) && origins.length > 0,
      readPeople: async (tabId) => {
        read.push(tabId);
        return [{ emails: ['a@b.test'], linkedinUrl: '', name: 'A', company: '' }];
      },
      show: async (tabId, view) => {
        shown.push([tabId, view]);
      },
      session: {
        load: async () => saved,
        save: async (tabs) => {
          saved = tabs;
        },
      },
      settleMs: 0,
    });
    const last = (tabId: number) => shown.filter(([id]) => id === tabId).at(-1)?.[1].text;
    return { controller, shown, read, last, saved: () => saved };
  }

  it('follows the stage live on an opted-in LinkedIn profile, without reading the page', async () => {
    const { db, deal } = await seed();
    const h = harness(db);
    await h.controller.refresh(7, `${BUDI_URL}?trk=x`);
    await expect.poll(() => h.last(7)).toBe('DEMO');
    expect(h.read).toEqual([]);
    expect(Object.keys(h.saved())).toEqual(['7']);
    await moveDeal(db, deal.id, 'proposal', NOW);
    await expect.poll(() => h.last(7)).toBe('PROP');
    // Off to another site: the badge goes.
    await h.controller.refresh(7, 'https://example.com/');
    expect(h.last(7)).toBe('');
    expect(h.controller.watched()).toEqual([]);
  });

  it('reads other opted-in pages and shows the count of people when none is known', async () => {
    const { db } = await seed();
    const h = harness(db);
    await h.controller.refresh(3, 'https://mail.google.com/mail/u/0/#inbox/abc');
    await expect.poll(() => h.last(3)).toBe('1');
    expect(h.read).toEqual([3]);
  });

  it('shows nothing where the rep has not opted in, or has not granted the permission', async () => {
    const { db } = await seed();
    for (const opts of [{ optIn: false }, { granted: false }]) {
      const h = harness(db, opts);
      await h.controller.refresh(7, BUDI_URL);
      await new Promise((r) => setTimeout(r, 50));
      expect(h.shown).toEqual([]);
      expect(h.controller.watched()).toEqual([]);
    }
  });

  it('watches the tabs it knew again after the service worker restarts', async () => {
    const { db, deal } = await seed();
    const first = harness(db);
    await first.controller.refresh(9, BUDI_URL);
    await expect.poll(() => first.last(9)).toBe('DEMO');
    const saved = first.saved();
    first.controller.forget(9);

    const second = harness(db);
    const restarted = createBadgeController({
      db,
      settings: async () => ({ ...DEFAULT_SETTINGS, autoDetect: ['linkedin'] }),
      now: () => NOW,
      hasPermission: async () => true,
      readPeople: async () => null,
      show: async (tabId, view) => {
        second.shown.push([tabId, view]);
      },
      session: { load: async () => saved, save: async () => undefined },
    });
    await restarted.restore();
    await moveDeal(db, deal.id, 'won', NOW);
    await expect.poll(() => second.last(9)).toBe('WON');
  });
});
