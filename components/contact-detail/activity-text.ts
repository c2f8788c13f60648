import { type MessageKey, t } from '@/lib/i18n';
import { formatIsoDay } from '@/lib/i18n/money';
import type { Activity } from '@/lib/model';
import { formatAmount, formatDateTime } from '../board/format';
import { sourceWords } from '../review/provenance-words';
import { sourceLabel } from '../source-label';

const FIELDS: Record<string, MessageKey> = {
  name: 'io_field_name',
  givenName: 'io_field_givenName',
  familyName: 'io_field_familyName',
  jobTitle: 'io_field_jobTitle',
  company: 'io_field_company',
  companyDomain: 'tl_field_domain',
  location: 'io_field_location',
  emails: 'io_field_email',
  phones: 'io_field_phone',
  urls: 'io_field_website',
  tags: 'io_field_tags',
  amount: 'tl_field_amount',
  currency: 'io_field_currency',
  expectedClose: 'tl_field_expectedClose',
  owner: 'io_field_owner',
  title: 'io_field_dealTitle',
  stageId: 'io_field_stage',
  lostReason: 'io_field_lostReason',
  probability: 'tl_field_probability',
  forecastCategory: 'tl_field_category',
  bant: 'detail_bant',
  'bant.budget': 'detail_bantBudget',
  'bant.authority': 'detail_bantAuthority',
  'bant.need': 'detail_bantNeed',
  'bant.timeline': 'detail_bantTimeline',
};
const LEVELS: MessageKey[] = ['popup_levelUnknown', 'popup_levelWeak', 'popup_levelPartial', 'popup_levelStrong'];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** A field's name as a rep reads it; a field we have no words for is not shown by its key. */
const fieldName = (f: string) => (FIELDS[f] ? t(FIELDS[f]!).toLowerCase() : '');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** One changed value as the rep would write it: money in its currency, dates as dates, "—" for nothing. */
function valueText(field: string, v: unknown, currency: string, stageName: (id: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field.startsWith('bant.') && typeof v === 'number') return t(LEVELS[v] ?? 'popup_levelUnknown');
  if (field === 'amount' && typeof v === 'number') return formatAmount(v, currency || 'USD');
  if (field === 'probability' && typeof v === 'number') return `${Math.round(v * 100)}%`;
  if (field === 'expectedClose' && typeof v === 'string') {
    return formatIsoDay(v);
  }
  if (field === 'stageId' && typeof v === 'string') return stageName(v);
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

type Person = { name?: unknown; email?: unknown };
const personName = (p: Person) => str(p.name) || str(p.email);
/** The newest messages of a logged thread shown in its entry (all of them are kept). */
const MESSAGES_SHOWN = 3;

/**
 * A logged email thread: "Email “Subject” of 8 Jan 2025, with Tom Becker, Priya Natarajan", then the newest
 * messages' first lines, each after its sender's name.
 */
function emailText(p: Activity['payload']): string[] {
  const people = Array.isArray(p.participants) ? (p.participants as Person[]) : [];
  const names = people.map(personName).filter(Boolean);
  const shownNames = names.length > 4 ? [...names.slice(0, 4), t('tl_andMore', names.length - 4)] : names;
  const subject = str(p.subject) || t('tl_noSubject');
  const head =
    typeof p.date === 'number'
      ? t('tl_emailOn', subject, formatDateTime(p.date), shownNames.join(', ') || '—')
      : t('tl_email', subject, shownNames.join(', ') || '—');
  const messages = Array.isArray(p.messages) ? (p.messages as (Person & { from?: Person; text?: unknown })[]) : [];
  const lines = messages
    .filter((m) => str(m.text))
    .slice(-MESSAGES_SHOWN)
    .map((m) => (m.from && personName(m.from) ? `${personName(m.from)}: ${str(m.text)}` : str(m.text)));
  return [head, ...lines];
}

/** The link back to a logged thread: only a web address (never javascript: or data:), else nothing. */
export function threadLink(a: Activity): string | undefined {
  const url = str(a.payload.url);
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
interface Change {
  field: string;
  from: unknown;
  to: unknown;
  /** Where a page's new value was read (a known person updated from a page): "from the email signature". */
  source?: string;
  detail?: string;
}
type Added = Omit<Change, 'from' | 'to'> & { values: unknown[] };

const whereFrom = (c: { source?: unknown; detail?: unknown }) =>
  typeof c.source === 'string' && c.source
    ? ` ${t('provenanceFrom', sourceWords(c.source, typeof c.detail === 'string' ? c.detail : ''))}`
    : '';

/** The sentences for one timeline entry, in the rep's language: what happened, never field keys or site ids. */
export function activityText(a: Activity, stageName: (id: string) => string): string[] {
  const p = a.payload;
  switch (a.type) {
    case 'captured':
    case 'imported': {
      const where = [sourceLabel(str(p.site) || 'web'), host(str(p.url))].filter(Boolean).join(' · ');
      return [t(a.type === 'captured' ? 'tl_captured' : 'tl_imported', where || str(p.file))];
    }
    case 'updated': {
      const changes = Array.isArray(p.changes) ? (p.changes as Change[]) : null;
      const added = Array.isArray(p.added) ? (p.added as Added[]) : [];
      if (changes?.length || added.length)
        return [
          ...(changes ?? [])
            .filter((c) => fieldName(c.field))
            .map(
              (c) =>
                t(
                  'tl_changed',
                  capitalised(fieldName(c.field)),
                  valueText(c.field, c.from, str(p.currency), stageName),
                  valueText(c.field, c.to, str(p.currency), stageName),
                ) + whereFrom(c),
            ),
          ...added
            .filter((c) => fieldName(c.field) && Array.isArray(c.values))
            .map((c) => t('tl_added', capitalised(fieldName(c.field)), c.values.map(String).join(', ')) + whereFrom(c)),
        ];
      const names = (Array.isArray(p.fields) ? p.fields.map(String) : []).map(fieldName).filter(Boolean);
      if (!names.length) return [t('detail_actUpdated')];
      return [
        t(
          p.byHand ? 'tl_editedByYou' : p.site === 'import' ? 'tl_updatedImport' : 'tl_updatedCapture',
          names.join(', '),
        ),
      ];
    }
    case 'stage-changed': {
      const moved = t('tl_moved', stageName(str(p.from)), stageName(str(p.to)));
      return [p.lostReason ? `${moved} (${str(p.lostReason)})` : moved];
    }
    case 'note':
      return [str(p.text)];
    case 'follow-up-set':
    case 'follow-up-done': {
      const when = typeof p.due === 'number' ? formatDateTime(p.due) : '';
      const said = t(a.type === 'follow-up-set' ? 'tl_followUpSet' : 'tl_followUpDone', when);
      return [str(p.note) ? `${said} — ${str(p.note)}` : said];
    }
    case 'merged':
      return [t('tl_merged', str(p.name))];
    case 'deleted':
      return [t('detail_actDeleted')];
    case 'restored':
      return [t('detail_actRestored')];
    case 'deal-started':
      return [t('tl_dealStarted', stageName(str(p.stageId)))];
    case 'email-logged':
      return emailText(p);
    default:
      return [];
  }
}
