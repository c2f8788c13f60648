import { linkedinKey, nameKey } from '../identity/keys';
import type { Activity, Contact, Deal, Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';
import { pick, seededRandom, seededUuid } from './random';

const GIVEN = [
  'Dewi',
  'Budi',
  'Siti',
  'Agus',
  'Putri',
  'Rizky',
  'Jane',
  'Michael',
  'Aisha',
  'Carlos',
  'Mei',
  'Lars',
  'Priya',
  'Tomás',
  'Yuki',
  'Olivia',
];
const FAMILY = [
  'Lestari',
  'Santoso',
  'Rahma',
  'Wijaya',
  'Hartono',
  'Doe',
  'Müller',
  'García',
  'Chen',
  'Nakamura',
  'Okafor',
  'Novak',
  'Sharma',
  'Smith',
];
const COMPANIES = [
  'Nusantara Logistics',
  'Maju Jaya',
  'Acme',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Sinar Abadi',
  'Hooli',
  'Vandelay Imports',
  'Stark Industries',
  'Wayne Foods',
  'Tokopedia Labs',
  'Pied Piper',
  'Soylent',
];
const TITLES = [
  'CEO',
  'VP Sales',
  'Head of Procurement',
  'Direktur Operasional',
  'Manajer IT',
  'Kepala Pembelian',
  'Engineering Manager',
  'CFO',
  'Purchasing Officer',
  'Product Lead',
  'Staff Accountant',
];
const SOURCES = ['linkedin', 'gmail', 'outlook', 'web', 'import'];
const OWNERS = ['Ayu', 'Ben', 'Citra'];
const LOST_REASONS = ['Price', 'Chose a competitor', 'No budget', 'No decision'];
const DAY = 86_400_000;

export interface DemoOptions {
  /** How many contacts (each with one deal). */
  contacts: number;
  seed?: number;
  /** The "today" of the demo: deals are spread over the 18 months before it, close dates up to 6 months after. */
  now: number;
  stages: readonly Stage[];
  currency?: string;
  /** Extra note activities per deal on average (the bench uses 1 to reach 500,000 activities for 100,000 deals). */
  notesPerDeal?: number;
}

export interface DemoData {
  contacts: Contact[];
  deals: Deal[];
  activities: Activity[];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A deterministic, plausible pipeline: each deal walks the open stages from its creation date, spending a few
 * days to weeks in each, and either stops in an open stage or ends won or lost. Stage history (stageEntries
 * and stage-changed activities) is consistent, so conversion, velocity and the forecast have real history.
 */
export function generateDemo(opts: DemoOptions): DemoData {
  const rand = seededRandom(opts.seed ?? 42);
  const stages = sortStages(opts.stages);
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  const currency = opts.currency ?? 'USD';
  const contacts: Contact[] = [];
  const deals: Deal[] = [];
  const activities: Activity[] = [];
  const act = (
    contactId: string,
    dealId: string,
    type: Activity['type'],
    at: number,
    payload: Record<string, unknown>,
  ) => activities.push({ id: seededUuid(rand), contactId, dealId, type, at, payload });

  for (let i = 0; i < opts.contacts; i++) {
    const given = pick(rand, GIVEN);
    const family = pick(rand, FAMILY);
    const company = pick(rand, COMPANIES);
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    const name = `${given} ${family}`;
    const slug = `${given}-${family}-${i}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9-]/g, '');
    const source = pick(rand, SOURCES);
    const createdAt = Math.round(opts.now - rand() * 540 * DAY);
    const contactId = seededUuid(rand);
    const linkedin = `https://www.linkedin.com/in/${slug}/`;
    contacts.push({
      demo: true,
      id: contactId,
      name,
      givenName: given,
      familyName: family,
      jobTitle: pick(rand, TITLES),
      company,
      companyDomain: domain,
      emails: [`${slug}@${domain}`],
      phones: rand() < 0.5 ? [`+62 21 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`] : [],
      urls: { linkedin, other: [] },
      location: rand() < 0.5 ? 'Jakarta, Indonesia' : '',
      tags: rand() < 0.2 ? ['priority'] : [],
      notes: '',
      source: { url: source === 'linkedin' ? linkedin : `https://${domain}/team`, site: source, capturedAt: createdAt },
      provenance: {},
      editedFields: [],
      nameKey: nameKey(name, company),
      linkedinKey: linkedinKey(linkedin),
      createdAt,
      updatedAt: createdAt,
      deletedAt: null,
      mergedInto: null,
    });

    const dealId = seededUuid(rand);
    act(contactId, dealId, 'captured', createdAt, { url: contacts[i]!.source.url, site: source });
    // How far it got: each open stage passed with falling odds; then maybe closed.
    const entries = [{ stageId: open[0]!.id, at: createdAt }];
    let at = createdAt;
    let reached = 0;
    while (reached < open.length - 1 && rand() < 0.7) {
      at += Math.round((2 + rand() * 20) * DAY);
      if (at > opts.now) break;
      reached++;
      entries.push({ stageId: open[reached]!.id, at });
    }
    let outcome: Deal['outcome'] = null;
    let closedAt: number | null = null;
    const closeAt = at + Math.round((3 + rand() * 25) * DAY);
    if (closeAt < opts.now && won && lost && rand() < 0.55) {
      outcome = rand() < 0.3 + reached * 0.1 ? 'won' : 'lost';
      closedAt = closeAt;
      entries.push({ stageId: outcome === 'won' ? won.id : lost.id, at: closeAt });
    }
    for (let k = 1; k < entries.length; k++) {
      act(contactId, dealId, 'stage-changed', entries[k]!.at, {
        from: entries[k - 1]!.stageId,
        to: entries[k]!.stageId,
      });
    }
    const notes = Math.floor((opts.notesPerDeal ?? 0.3) * 2 * rand() + 0.5);
    for (let k = 0; k < notes; k++)
      act(contactId, dealId, 'note', Math.round(createdAt + rand() * (opts.now - createdAt)), {
        text: 'Spoke on the phone.',
      });
    const level = () => Math.floor(rand() * 4);
    const stage = entries.at(-1)!.stageId;
    const hasAmount = rand() < 0.9;
    deals.push({
      id: dealId,
      contactId,
      title: `${company} — ${pick(rand, ['Platform', 'Pilot', 'Renewal', 'Expansion'])}`,
      stageId: stage,
      amount: hasAmount ? Math.round(500 + rand() * 49_500) * 100 : null,
      currency,
      expectedClose: closedAt ? isoDay(closedAt) : rand() < 0.92 ? isoDay(opts.now + (rand() * 200 - 20) * DAY) : null,
      probability: null,
      forecastCategory: null,
      bant: {
        budget: { level: level(), note: '', confirmed: rand() < 0.5 },
        authority: { level: level(), note: '', confirmed: rand() < 0.5 },
        need: { level: level(), note: '', confirmed: rand() < 0.5 },
        timeline: { level: level(), note: '', confirmed: rand() < 0.5 },
      },
      owner: pick(rand, OWNERS),
      source,
      stageEntries: entries,
      followUpAt: !outcome && rand() < 0.3 ? Math.round(opts.now + (rand() * 14 - 4) * DAY) : null,
      followUpNote: '',
      createdAt,
      updatedAt: entries.at(-1)!.at,
      closedAt,
      outcome,
      lostReason: outcome === 'lost' ? pick(rand, LOST_REASONS) : '',
      deletedAt: null,
    });
  }
  return { contacts, deals, activities };
}
