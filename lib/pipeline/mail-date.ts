/**
 * A message's date as a mail client writes it, as a timestamp in the rep's time zone: Gmail's tooltip
 * ("Wed, Jan 8, 2025, 2:41 PM"), Outlook's label ("Thu 1/9/2025 4:27 PM"), and their Indonesian forms
 * ("Rab, 8 Jan 2025, 14.41", "Kam 09/01/2025 16.27"). Null when it cannot be read: the log keeps the text.
 */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  mei: 4,
  may: 4,
  jun: 5,
  jul: 6,
  agu: 7,
  agt: 7,
  aug: 7,
  sep: 8,
  okt: 9,
  oct: 9,
  nov: 10,
  des: 11,
  dec: 11,
};
/** "8 Jan 2025, 14.41" (day month year, 24-hour time with a dot or colon). */
const DAY_MONTH_YEAR = /(\d{1,2}) ([a-z]{3})[a-z]{0,7}\.? (\d{4})(?:,? (\d{1,2})[.:](\d{2}))?/i;
/** "09/01/2025 16.27": Indonesian order is day/month. */
const DMY_NUMERIC = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2})[.:](\d{2}))?/;

export function parseMailDate(text: string, locale: 'en' | 'id' = 'en'): number | null {
  const s = text.slice(0, 300).trim();
  if (!s) return null;
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) {
    const month = MONTHS[dmy[2]!.toLowerCase()];
    if (month !== undefined)
      return new Date(+dmy[3]!, month, +dmy[1]!, +(dmy[4] ?? 0), +(dmy[5] ?? 0)).getTime() || null;
  }
  if (locale === 'id') {
    const n = DMY_NUMERIC.exec(s);
    if (n) return new Date(+n[3]!, +n[2]! - 1, +n[1]!, +(n[4] ?? 0), +(n[5] ?? 0)).getTime() || null;
  }
  const parsed = Date.parse(s);
  return Number.isFinite(parsed) ? parsed : null;
}
