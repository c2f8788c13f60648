import { foldText } from '../identity/keys';

/**
 * How senior a job title is, in five tiers. Read from English and Indonesian titles (LinkedIn headlines, email
 * signatures, team pages); `null` when the title says nothing we recognise (no suggestion beats a wrong one).
 */
export type Seniority = 'c-level' | 'vp' | 'director' | 'manager' | 'individual';

/** Tiers from most to least senior. */
export const SENIORITIES: readonly Seniority[] = ['c-level', 'vp', 'director', 'manager', 'individual'];

/**
 * The BANT Authority level each tier suggests (1 weak, 2 partial, 3 strong). C-level and VPs sign; heads,
 * directors and managers usually decide within a budget or recommend; individual contributors influence.
 */
export const AUTHORITY_LEVEL: Record<Seniority, 1 | 2 | 3> = {
  'c-level': 3,
  vp: 3,
  director: 2,
  manager: 2,
  individual: 1,
};

// Patterns run on folded text (lower case, accents and punctuation folded to single spaces: see foldText), so
// "Co-Founder & CEO", "co founder ceo" and "Co‑Founder/CEO" read alike. ` ${text} ` lets ` word ` mean a whole word.
const w = (words: string) => new RegExp(` (?:${words}) `);

/** Helpers to someone senior are not senior: checked before anything else. */
const ASSISTANT = w(
  'executive assistant|personal assistant|administrative assistant|assistant to|asisten pribadi|sekretaris pribadi',
);
/** Assistant/associate VPs and directors rank one tier below the title they assist. */
const JUNIOR_OF: [RegExp, Seniority][] = [
  [w('(?:assistant|asisten|associate) (?:vice president|vp)|avp'), 'director'],
  [w('(?:assistant|asisten|associate) (?:director|direktur)'), 'manager'],
];
/** "Wakil …" / "Deputy …" (Indonesian and English deputies) of a chief or director: the VP tier. */
const DEPUTY = w('wakil|deputy');

const TIERS: [Seniority, RegExp][] = [
  [
    'c-level',
    w(
      [
        'chief',
        'co ?founder|founder|founding partner|pendiri',
        'co ?owner|owner|pemilik',
        'presiden direktur|presdir|direktur utama|dirut|presiden',
        '(?<!vice )president',
        'managing director|managing partner|executive director|direktur eksekutif|general partner',
        'chairman|chairwoman|chairperson|chair of the board|board member|komisaris(?: utama)?|ketua umum',
      ].join('|'),
    ),
  ],
  ['vp', w('vice president|v p|vp|svp|evp|senior vice president|executive vice president')],
  [
    'director',
    w('head|director|direktur|kepala|kadiv|kabag|kacab|general manager|gm|country manager|pimpinan|pemimpin|direksi'),
  ],
  [
    'manager',
    w(
      [
        'manager|manajer|mgr|supervisor|penyelia|ketua tim|team leader',
        '(?:team|tech|technical|product|project|engineering|design|sales|group|squad|practice) lead',
        'lead (?:engineer|developer|designer|architect|consultant)',
      ].join('|'),
    ),
  ],
  [
    'individual',
    w(
      [
        'staff|staf|officer|engineer|developer|programmer|analyst|analis|associate|specialist|spesialis',
        'consultant|konsultan|accountant|akuntan|executive|representative|coordinator|koordinator|admin',
        'administrator|assistant|asisten|intern|magang|karyawan|pegawai|designer|desainer|technician|teknisi',
        'clerk|agent|buyer|recruiter|scientist|researcher|peneliti|operator|pelaksana|kasir|cashier|teacher',
        'guru|lecturer|dosen|nurse|perawat|student|mahasiswa|freelancer|contractor',
      ].join('|'),
    ),
  ],
];

/** Titles that are sales or service roles despite saying "manager": the person manages accounts, not people. */
const ROLE_MANAGERS = w('(?:key |global )?account manager|relationship manager|community manager|manajer akun');

/** Every pattern `w` built, for the regex safety check (tests/unit/safety/regex-safety.test.ts): job titles are
 * page text, so each must match in linear time. */
export const TITLE_PATTERNS: readonly RegExp[] = [
  ASSISTANT,
  ...JUNIOR_OF.map(([re]) => re),
  DEPUTY,
  ...TIERS.map(([, re]) => re),
  ROLE_MANAGERS,
];

/** CEO, CFO, CTO, CHRO, CISO…: whole words only ("cargo" is not a chief). */
const C_SUITE = new Set(
  'ceo coo cfo cto cio cmo cro cpo cso cdo chro cco ciso caio cxo cbo cao clo cgo cno cuo cvo'.split(' '),
);

function tierOfSegment(folded: string): Seniority | null {
  const s = ` ${folded} `;
  if (ASSISTANT.test(s)) return 'individual';
  for (const [re, tier] of JUNIOR_OF) if (re.test(s)) return tier;
  const deputy = DEPUTY.exec(s);
  if (deputy) {
    const rest = tierOfSegment(s.replace(DEPUTY, ' ').trim());
    return rest === 'c-level' || rest === 'director' || rest === null ? 'vp' : rest;
  }
  if (ROLE_MANAGERS.test(s)) return 'individual';
  if (folded.split(' ').some((word) => C_SUITE.has(word))) return 'c-level';
  // A bare "Partner" (law, consulting, VC firms) signs; "Channel Partner Manager" is a manager.
  if (/^(?:senior |equity |name )?partner$/.test(folded)) return 'vp';
  for (const [tier, re] of TIERS) if (re.test(s)) return tier;
  return null;
}

/** Parts of a headline that describe a past role ("ex-Google", "Former CEO of …", "mantan direktur"). */
const PAST = /^(?:ex|former|formerly|previously|mantan|eks)\b/i;

/**
 * The seniority a job title states. A headline with several roles ("Founder & CEO | Advisor") takes its most
 * senior current one; past roles ("ex-CEO", "mantan Direktur") are ignored.
 */
export function seniorityOf(jobTitle: string): Seniority | null {
  const segments = jobTitle
    .slice(0, 300)
    .split(/[|•·,;/()[\]]|\s[-–—]\s/)
    // "Head of Sales at Chief Brands": what follows "at", "@" or "di" is the employer, not the role.
    .map((s) => s.split(/\s@|\s(?:at|di)\s/i)[0]!.trim())
    .filter((s) => s && !PAST.test(s));
  let best: Seniority | null = null;
  for (const segment of segments) {
    const tier = tierOfSegment(foldText(segment));
    if (tier && (best === null || SENIORITIES.indexOf(tier) < SENIORITIES.indexOf(best))) best = tier;
  }
  return best;
}

export interface AuthoritySuggestion {
  level: 1 | 2 | 3;
  seniority: Seniority;
}

/** The Authority level a job title suggests, or null when the title gives no evidence. */
export function suggestAuthority(jobTitle: string): AuthoritySuggestion | null {
  const seniority = seniorityOf(jobTitle);
  return seniority ? { level: AUTHORITY_LEVEL[seniority], seniority } : null;
}
