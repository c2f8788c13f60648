import { clip, LIMITS } from '../text/clip';
import { foldText } from './fold';
import { emailKey, linkedinKey, nameKey, phoneKey } from './keys';

/**
 * Why two records may be one person, strongest first. Strong: the same email, LinkedIn profile or phone number
 * belongs to one person. Weak: the same name at the same company (a large company has namesakes). Name only:
 * the same full name, anywhere (a hint for the rep, never acted on alone).
 */
export const REASONS = ['email', 'linkedin', 'phone', 'name-company', 'name'] as const;
export type Reason = (typeof REASONS)[number];
export type Strength = 'strong' | 'weak' | 'name-only';
export const STRENGTH: Record<Reason, Strength> = {
  email: 'strong',
  linkedin: 'strong',
  phone: 'strong',
  'name-company': 'weak',
  name: 'name-only',
};

/** Anything that names a person: a stored contact, a captured candidate, an imported row, a look-up. */
export interface PersonLike {
  name?: string;
  company?: string;
  emails?: readonly string[];
  phones?: readonly string[];
  linkedinUrl?: string;
  /** A contact's links (`urls.linkedin`) or a candidate's list of links. */
  urls?: readonly string[] | { linkedin?: string };
}

/** The keys of a person, worked out once (comparing one page's people with many contacts reuses them). */
export interface Identity {
  emails: ReadonlySet<string>;
  linkedin: string;
  phones: ReadonlySet<string>;
  nameCompany: string;
  name: string;
}

export function identityOf(p: PersonLike): Identity {
  const links =
    p.urls === undefined ? [] : Array.isArray(p.urls) ? p.urls : [(p.urls as { linkedin?: string }).linkedin];
  let linkedin = linkedinKey(p.linkedinUrl ?? '');
  for (const u of links) if (!linkedin && typeof u === 'string') linkedin = linkedinKey(u);
  return {
    emails: new Set((p.emails ?? []).map(emailKey).filter(Boolean)),
    linkedin,
    phones: new Set((p.phones ?? []).map(phoneKey).filter(Boolean)),
    nameCompany: nameKey(p.name ?? '', p.company ?? ''),
    name: foldText(clip(p.name ?? '', LIMITS.field)),
  };
}

export interface Evidence {
  /** Every reason that holds, strongest first. */
  reasons: Reason[];
  /** The strongest reason's strength, or null when nothing ties them. */
  strength: Strength | null;
}

const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((k) => b.has(k));

/** How two records are the same person: the one answer capture, the popup, import, duplicates and merge use. */
export function evidence(a: PersonLike | Identity, b: PersonLike | Identity): Evidence {
  const x = isIdentity(a) ? a : identityOf(a);
  const y = isIdentity(b) ? b : identityOf(b);
  const holds: Record<Reason, boolean> = {
    email: shares(x.emails, y.emails),
    linkedin: x.linkedin !== '' && x.linkedin === y.linkedin,
    phone: shares(x.phones, y.phones),
    'name-company': x.nameCompany !== '' && x.nameCompany === y.nameCompany,
    name: x.name !== '' && x.name === y.name,
  };
  const reasons = REASONS.filter((r) => holds[r]);
  return { reasons, strength: reasons[0] ? STRENGTH[reasons[0]] : null };
}

/**
 * Whether a capture or an import takes `e` as the same person, without asking: a shared email or LinkedIn
 * profile, the same name at the same company, or the same name with the same phone. A phone alone is not enough
 * (a team page lists one switchboard number for everyone), nor is a name alone.
 */
export function isSamePerson(e: Evidence): boolean {
  const r = new Set(e.reasons);
  return r.has('email') || r.has('linkedin') || r.has('name-company') || (r.has('phone') && r.has('name'));
}

/** Orders matches strongest first: lower is stronger, Infinity is no evidence. */
export function evidenceRank(e: Evidence): number {
  return e.reasons[0] ? REASONS.indexOf(e.reasons[0]) : Number.POSITIVE_INFINITY;
}

function isIdentity(p: PersonLike | Identity): p is Identity {
  return (p as Identity).emails instanceof Set;
}
