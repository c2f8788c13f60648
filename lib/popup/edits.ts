import { currencyDigits, toMinor } from '../i18n/money';
import type { ContactPatch, DealPatch } from '../model';

/** The contact fields the popup's forms edit, as the form holds them (lists as text, one value per line). */
export interface ContactForm {
  name: string;
  jobTitle: string;
  company: string;
  emails: string;
  phones: string;
  location: string;
}

export interface DealForm {
  title: string;
  /** Major units as typed ("12000.50"); '' = not known. */
  amount: string;
  currency: string;
  /** `YYYY-MM-DD` or ''. */
  expectedClose: string;
}

/** Emails: split on commas, semicolons, spaces or lines; duplicates (any case) dropped. */
export function parseEmails(text: string): string[] {
  return dedupe(text.split(/[\s,;]+/).map((e) => e.trim()));
}

/** Phones keep their inner spaces ("+62 21 555 0123"): split on commas, semicolons or lines only. */
export function parsePhones(text: string): string[] {
  return dedupe(text.split(/[,;\n]+/).map((p) => p.trim()));
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => v && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
export function invalidEmails(emails: readonly string[]): string[] {
  return emails.filter((e) => !EMAIL.test(e));
}

export function contactForm(c: {
  name: string;
  jobTitle: string;
  company: string;
  emails: readonly string[];
  phones: readonly string[];
  location: string;
}): ContactForm {
  return {
    name: c.name,
    jobTitle: c.jobTitle,
    company: c.company,
    emails: c.emails.join('\n'),
    phones: c.phones.join('\n'),
    location: c.location,
  };
}

/** The fields the rep changed, as a contact.update patch (values trimmed; lists parsed). */
export function contactPatch(before: ContactForm, after: ContactForm): ContactPatch {
  const patch: ContactPatch = {};
  for (const f of ['name', 'jobTitle', 'company', 'location'] as const) {
    if (after[f].trim() !== before[f].trim()) patch[f] = after[f].trim();
  }
  const emails = parseEmails(after.emails);
  if (emails.join('\n') !== parseEmails(before.emails).join('\n')) patch.emails = emails;
  const phones = parsePhones(after.phones);
  if (phones.join('\n') !== parsePhones(before.phones).join('\n')) patch.phones = phones;
  return patch;
}

export function dealForm(d: {
  title: string;
  amount: number | null;
  currency: string;
  expectedClose: string | null;
}): DealForm {
  return {
    title: d.title,
    amount: d.amount === null ? '' : String(d.amount / 10 ** currencyDigits(d.currency)),
    currency: d.currency,
    expectedClose: d.expectedClose ?? '',
  };
}

export class FormError extends Error {}

/** The deal fields the rep changed, as a deal.update patch. Throws FormError for an amount that is not one. */
export function dealPatch(before: DealForm, after: DealForm): DealPatch {
  const patch: DealPatch = {};
  if (after.title.trim() !== before.title.trim()) patch.title = after.title.trim();
  const currency = after.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new FormError('currency');
  if (currency !== before.currency) patch.currency = currency;
  if (after.amount.trim() !== before.amount.trim() || patch.currency) {
    const text = after.amount.trim();
    if (text === '') patch.amount = null;
    else {
      const major = Number(text);
      if (!Number.isFinite(major) || major < 0) throw new FormError('amount');
      const minor = toMinor(major, currency);
      if (!Number.isSafeInteger(minor)) throw new FormError('amount');
      patch.amount = minor;
    }
  }
  if (after.expectedClose !== before.expectedClose) {
    if (after.expectedClose && !/^\d{4}-\d{2}-\d{2}$/.test(after.expectedClose)) throw new FormError('date');
    patch.expectedClose = after.expectedClose || null;
  }
  return patch;
}
