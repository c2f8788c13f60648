import { nameKey } from '../identity/keys';
import { MAX_LIST, MAX_NOTE, MAX_TEXT, type Stage } from '../model';
import { ImportRow, type ImportRowInput } from './import-row';
import { isEmail, normaliseEmail } from './parse-values';
import { type RowProblem, type RowProblemCode, why } from './row-problem';
import { type Vcard, type VcardProperty, vcardParts, vcardText } from './vcard-read';

export interface VcardMapContext {
  /** Stage of the deal made for a new contact (as a capture does); null makes none. */
  newContactStage: Stage | null;
  currency: string;
}

/** Which card property each contact field came from: the provenance an imported vCard contact carries. */
export const VCARD_FIELD_SOURCES: Record<string, string> = {
  name: 'FN',
  givenName: 'N',
  familyName: 'N',
  jobTitle: 'TITLE',
  company: 'ORG',
  emails: 'EMAIL',
  phones: 'TEL',
  urls: 'URL',
  location: 'ADR',
};

const clip = (s: string, max = MAX_TEXT) => (s.length > max ? s.slice(0, max) : s);

function values(card: Vcard, name: string): VcardProperty[] {
  return card.props.filter((p) => p.name === name);
}

/** vCard 2.1 escapes only ; (see vcardText). */
const legacyOf = (card: Vcard) => card.version === '2.1';

function first(card: Vcard, name: string): string {
  const p = values(card, name)[0];
  return p ? vcardText(p.value, legacyOf(card)) : '';
}

/** Preferred first: PREF=1 (4.0) or TYPE=pref (2.1/3.0). */
function byPreference(props: VcardProperty[]): VcardProperty[] {
  const pref = (p: VcardProperty) => (p.params.TYPE?.includes('pref') || p.params.PREF?.some((v) => v === '1') ? 0 : 1);
  return [...props].sort((a, b) => pref(a) - pref(b));
}

/** A card → an import row, or why it cannot be one. Cards are numbered from 1; the problem names its line. */
export function mapVcard(card: Vcard, ctx: VcardMapContext): { row: ImportRow } | { problem: RowProblem } {
  const legacy = legacyOf(card);
  const problem = (code: RowProblemCode, ...params: string[]) => ({
    problem: { row: card.index, cardLine: card.line, ...why(code, ...params) },
  });
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = vcardParts(
    values(card, 'N')[0]?.value ?? '',
    ';',
    legacy,
  );
  const fn = first(card, 'FN');
  const org = vcardParts(values(card, 'ORG')[0]?.value ?? '', ';', legacy)[0] ?? '';
  const name = fn || [prefix, given, additional, family, suffix].filter(Boolean).join(' ');

  const emails: string[] = [];
  for (const p of byPreference(values(card, 'EMAIL'))) {
    const email = normaliseEmail(vcardText(p.value, legacy));
    if (!email) continue;
    if (!isEmail(email)) return problem('email', 'EMAIL', email);
    if (!emails.includes(email)) emails.push(email);
  }
  const phones = byPreference(values(card, 'TEL'))
    .map((p) => vcardText(p.value, legacy).replace(/^tel:/i, ''))
    .filter(Boolean);
  const links = [...values(card, 'URL'), ...values(card, 'X-SOCIALPROFILE'), ...values(card, 'X-LINKEDIN')].map((p) =>
    vcardText(p.value),
  );
  const linkedinUrl = links.find((u) => /linkedin\.com\/in\//i.test(u)) ?? '';
  const urls = links.filter((u) => u && u !== linkedinUrl && /^[a-z][a-z0-9+.-]*:\/\//i.test(u));
  const adr = values(card, 'ADR')[0];
  let location = '';
  if (adr) {
    const [, , street = '', city = '', region = '', , country = ''] = vcardParts(adr.value, ';', legacy);
    location = [city, region, country].filter(Boolean).join(', ') || adr.params.LABEL?.join(', ') || street;
  }
  const tags = values(card, 'CATEGORIES').flatMap((p) => vcardParts(p.value, ',', legacy));
  const notes = values(card, 'NOTE')
    .map((p) => vcardText(p.value, legacy))
    .join('\n');
  const contact = {
    name: clip(name || org),
    givenName: clip(given),
    familyName: clip(family),
    jobTitle: clip(first(card, 'TITLE') || first(card, 'ROLE')),
    company: clip(org),
    emails: emails.slice(0, MAX_LIST).map((e) => clip(e)),
    phones: phones.slice(0, MAX_LIST).map((p) => clip(p)),
    urls: urls.slice(0, MAX_LIST).map((u) => clip(u)),
    linkedinUrl: clip(linkedinUrl),
    location: clip(location),
    tags: tags
      .filter(Boolean)
      .slice(0, MAX_LIST)
      .map((x) => clip(x)),
    notes: clip(notes, MAX_NOTE),
  };
  const identifiable =
    emails.length > 0 ||
    linkedinUrl !== '' ||
    nameKey(contact.name, contact.company) !== '' ||
    (contact.name !== '' && phones.length > 0);
  if (!identifiable) return problem(contact.name ? 'nameOnly' : 'noIdentity');
  const stage = ctx.newContactStage;
  const input: ImportRowInput = {
    row: card.index,
    contact,
    deal:
      stage && stage.kind === 'open'
        ? {
            key: null,
            title: clip(contact.company || contact.name || emails[0] || ''),
            stageId: stage.id,
            amount: null,
            currency: ctx.currency,
          }
        : null,
  };
  const parsed = ImportRow.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return problem('invalid', issue.path.join('.'), issue.message);
  }
  return { row: parsed.data };
}

/** Every card of a file mapped: the rows to import and the cards that cannot be. */
export function mapVcards(cards: Vcard[], ctx: VcardMapContext): { rows: ImportRow[]; problems: RowProblem[] } {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for (const card of cards) {
    const r = mapVcard(card, ctx);
    if ('row' in r) rows.push(r.row);
    else problems.push(r.problem);
  }
  return { rows, problems };
}
