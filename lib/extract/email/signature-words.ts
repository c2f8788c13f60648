/**
 * The vocabulary a signature line is classified by, in English and Bahasa Indonesia. Kept tight: it ships in the
 * page reader. JOB_WORDS and COMPANY_WORDS (lib/extract/text.ts) are the shared base; these add what signatures
 * say that headlines do not.
 */

/** Seniority and role words that make a line a job title ("Senior Counsel", "Kepala Bagian", "Team Lead"). */
export const TITLE_WORDS =
  /\b(?:Senior|Sr|Junior|Jr|Staff|Associate|Assistant|Asst|Deputy|Vice|Managing|General|Executive|Exec|Chief|Head|Lead|Leader|Counsel|Geologist|Geophysicist|Economist|Trader|Scheduler|Planner|Paralegal|Legal|Clerk|Receptionist|Technician|Operator|Underwriter|Auditor|Actuary|Surveyor|Inspector|Support|Sales|Marketing|Account|Business Development|Manajer|Direktur|Kepala|Staf|Pimpinan|Komisaris|Wakil|Ketua|Sekretaris|Bendahara|Koordinator|Pengawas|Penyelia|Asisten|Karyawan|Konsultan|Insinyur|Pengacara|Akuntan)\b/i;

/** Words that name an organisation or a unit of one ("Legal Department", "Universitas", "Resolution Center"). */
export const ORG_WORDS =
  /\b(?:LLP|L\.L\.P|LP|L\.P|Department|Dept|Division|Unit|Center|Centre|University|Universitas|College|Institute|Institut|School|Bank|Hospital|Foundation|Yayasan|Association|Asosiasi|Council|Ministry|Kementerian|Agency|Authority|Commission|Bureau|Office of|Firm|Energy|Pipeline|Industries|International|Enterprises|Services|Networks|Communications|Media|Resources|Exploration|Production|Markets|Trust|Fund|Insurance|Airlines|Motors|Pharmaceuticals|Persero|Perum|Koperasi|Consultants|Associates|Advisors|Brothers|Bros)\b/i;

/** Phrases that close a message before its signature ("Best regards,", "Salam,", "Hormat saya,"). */
const SIGN_OFFS = [
  'best',
  'best regards',
  'best wishes',
  'kind regards',
  'kindest regards',
  'warm regards',
  'warmest regards',
  'regards',
  'many thanks',
  'thanks',
  'thank you',
  'thanks again',
  'thanks in advance',
  'thanks and regards',
  'thx',
  'thanx',
  'cheers',
  'sincerely',
  'sincerely yours',
  'yours sincerely',
  'yours truly',
  'yours',
  'respectfully',
  'all the best',
  'br',
  'rgds',
  'talk soon',
  'take care',
  'salam',
  'salam hangat',
  'hormat saya',
  'hormat kami',
  'terima kasih',
  'terimakasih',
  'makasih',
  'wassalam',
  'mit freundlichen grüßen',
  'viele grüße',
  'beste grüße',
  'cordialement',
  'bien à vous',
  'saludos',
  'atentamente',
  'met vriendelijke groet',
  'groeten',
  'med vänlig hälsning',
  'cumprimentos',
];
/** The longest phrase first, so "best regards" is not read as "best". */
const BY_LENGTH = SIGN_OFFS.sort((a, b) => b.length - a.length);

/**
 * Where the text after a sign-off at the start of `line` begins ("Best regards, Jaime" → at "Jaime"), or -1. A
 * word list and startsWith rather than one pattern: linear whatever the line, and fewer bytes in the reader.
 */
export function signOffEnd(line: string): number {
  const lower = line.toLowerCase();
  const phrase = BY_LENGTH.find((p) => lower.startsWith(p) && !/\p{L}/u.test(lower[p.length] ?? ''));
  if (phrase === undefined) return -1;
  let end = phrase.length;
  while (end < line.length && ' \t,.!-'.includes(line[end]!)) end++;
  return end;
}

/** Where a signature ends: legal notices, "Sent from my …", unsubscribe footers. */
export const NOTICE =
  /confidential|intended (?:only )?for|disclaimer|privileged|unsubscribe|sent from my|sent from mail|dikirim dari|get outlook for|this e-?mail|this message|is not responsible|rahasia|ditujukan/i;

/** A postal address line: a street, a PO box, a suite or floor (a city with its postcode: see isCityLine). */
export const ADDRESS =
  /^\d{1,6}[a-z]?\s+\S.*\b(?:street|st|avenue|ave|road|rd|suite|ste|floor|fl|blvd|boulevard|lane|ln|drive|dr|way|parkway|pkwy|place|pl|court|ct|plaza|park|square|sq|highway|hwy|tower)\b|\b(?:p\.?\s?o\.?\s?box|suite|ste\.|floor|room|rm\.|lantai|gedung|jalan|jl\.|kav\.|kecamatan|kelurahan)\b/i;

/** "Houston, TX 77002", "Cambridge, Mass 02141", "Jakarta 12190": words, then a 4–6 digit postcode. */
export function isCityLine(line: string): boolean {
  const words = line.split(' ');
  const last = words.pop() ?? '';
  if (!/^\d{4,6}(?:-\d{4})?$/.test(last) || !words.length || words.length > 5) return false;
  return words.every((w) => /^[\p{L}][\p{L}.'-]*,?$/u.test(w));
}
