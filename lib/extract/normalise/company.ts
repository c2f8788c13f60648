import { getDomain, parse } from 'tldts';

/**
 * Free and consumer mail providers: their domain says nothing about where the person works. Matched by the
 * registrable domain's name part (yahoo.co.id and yahoo.com alike) or the full domain.
 */
const FREE_MAIL_NAMES = new Set([
  'gmail',
  'googlemail',
  'yahoo',
  'ymail',
  'rocketmail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'aol',
  'icloud',
  'me',
  'mac',
  'gmx',
  'yandex',
  'protonmail',
  'proton',
  'tutanota',
  'tuta',
  'zoho',
  'mail',
  'inbox',
  'qq',
  '163',
  '126',
  'sina',
  'naver',
  'daum',
  'hanmail',
  'rediffmail',
  'fastmail',
  'hey',
  'web',
  'freenet',
  't-online',
  'orange',
  'wanadoo',
  'free',
  'laposte',
  'libero',
  'seznam',
  'btinternet',
  'comcast',
  'verizon',
  'att',
  'sbcglobal',
  'bellsouth',
  'cox',
  'charter',
  'earthlink',
  'optonline',
  'shaw',
  'rogers',
  'bigpond',
  'telkom',
  'plasa',
]);
const FREE_MAIL_DOMAINS = new Set([
  'mail.ru',
  'bk.ru',
  'list.ru',
  'rambler.ru',
  'ukr.net',
  'o2.pl',
  'wp.pl',
  'onet.pl',
]);

/** True for addresses at free or consumer mail providers (gmail.com, yahoo.co.id, outlook.com…). */
export function isFreeMail(domain: string): boolean {
  const info = parse(domain.toLowerCase());
  if (!info.domain) return false;
  return FREE_MAIL_DOMAINS.has(info.domain) || FREE_MAIL_NAMES.has(info.domainWithoutSuffix ?? '');
}

/** The organisation's domain behind an address (`jane@eu.mail.acme.co.uk` → `acme.co.uk`), '' for free mail. */
export function companyDomainOf(email: string): string {
  const host = email.split('@')[1] ?? '';
  if (!host || isFreeMail(host)) return '';
  return getDomain(host, { allowPrivateDomains: false }) ?? '';
}

/** A readable company name from an address's domain: `nusantara-logistics.co.id` → "Nusantara Logistics". */
export function companyFromEmail(email: string): { company: string; domain: string } | null {
  const domain = companyDomainOf(email);
  if (!domain) return null;
  const label = parse(domain).domainWithoutSuffix ?? '';
  if (!label || label.length < 2) return null;
  const company = label
    .split(/[-_]+/)
    .filter(Boolean)
    // Three letters or fewer is an acronym (ibm, sap, 3m); longer parts are words.
    .map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
  return { company, domain };
}
