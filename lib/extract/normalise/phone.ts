import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { cleanPhone } from '../text';

/**
 * A phone number in E.164 (`+622150501234`, with ` ext. 12` when it has an extension) when libphonenumber-js can
 * read it, internationally written or in the format of one of `countries` (most likely first). Otherwise the number
 * as written, cleaned; with `strict` (numbers found in running text), '' when it could be checked and is not valid.
 * The label a signature gave it stays after it: `+6281234567890 (mobile)`.
 */
export function normalisePhone(raw: unknown, countries: readonly CountryCode[] = [], strict = false): string {
  // The sender's label ("… (mobile)", "… (office)") travels with the number, outside what is parsed.
  const labelled = typeof raw === 'string' ? LABEL.exec(raw) : null;
  const label = labelled ? ` (${labelled[1]!.toLowerCase()})` : '';
  const number = normaliseNumber(labelled ? (raw as string).slice(0, labelled.index) : raw, countries, strict);
  return number && label ? number + label : number;
}

/** A label a signature reader put after the number: " (mobile)", " (whatsapp)"… */
const LABEL = /(?<!\s)\s*\((mobile|office|direct|home|whatsapp)\)$/i;

function normaliseNumber(raw: unknown, countries: readonly CountryCode[], strict: boolean): string {
  const written = cleanPhone(raw);
  if (!written) return '';
  const text = written.replace(/^00(?=[1-9])/, '+');
  const tries: (CountryCode | undefined)[] = text.startsWith('+') ? [undefined] : [...countries];
  for (const country of tries) {
    try {
      const p = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
      if (p?.isValid()) return p.ext ? `${p.number} ext. ${p.ext}` : p.number;
    } catch {
      // unreadable in this country: try the next
    }
  }
  // Nothing to check a national number against: keep it as written rather than lose it.
  return strict && tries.length ? '' : written;
}
