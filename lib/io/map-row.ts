import { nameKey } from '../identity/keys';
import { Currency, MAX_TEXT, type Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';
import { guessStage, parseStatus, type StageValueMapping, stageValueKey } from './guess-stages';
import { type ColumnMapping, IMPORT_FIELDS, type ImportField, mapsDeals } from './import-fields';
import { ImportRow, type ImportRowInput } from './import-row';
import {
  type DateOrder,
  isEmail,
  type NumberStyle,
  normaliseEmail,
  type ParsedDate,
  parseAmount,
  parseDate,
  splitList,
} from './parse-values';
import { RowError, type RowProblem } from './row-problem';
import { digest } from './stable-id';

export interface RowMapContext {
  headers: readonly string[];
  mapping: ColumnMapping;
  stages: readonly Stage[];
  /** The file's stage values (stageValueKey) → our stage ids, as the rep confirmed them. */
  stageValues: StageValueMapping;
  /** The settings' currency: amounts without a currency column are in it. */
  currency: string;
  dateOrder: DateOrder;
  numberStyle: NumberStyle;
  /** Contact files: the stage of the deal made for a new contact (as a capture does); null makes none. */
  newContactStageId: string | null;
}

export type RowMapResult =
  | { kind: 'row'; row: ImportRow }
  | { kind: 'problem'; problem: RowProblem }
  | { kind: 'empty' };

/** A cell as written; Excel's guard apostrophe ('=1+2, '+62…) that our own export adds is taken off again. */
function cell(value: string | undefined): string {
  const v = (value ?? '').trim();
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

/** https:// in front of a bare domain ("acme.com/team"), so it classifies like any link. */
function asUrl(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  if (/^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(value)) return `https://${value}`;
  return value;
}

/**
 * Maps one CSV row to an import row, or says what is wrong with it (a problem code naming the column and the
 * value, put into words where the rep reads it). Rows that are entirely empty are skipped, not reported.
 */
export function mapCsvRow(fields: readonly string[], rowNumber: number, ctx: RowMapContext): RowMapResult {
  if (fields.every((f) => !f.trim())) return { kind: 'empty' };
  try {
    return { kind: 'row', row: buildRow(fields, rowNumber, ctx) };
  } catch (err) {
    if (err instanceof RowError) return { kind: 'problem', problem: { row: rowNumber, ...err.why } };
    throw err;
  }
}

function buildRow(fields: readonly string[], rowNumber: number, ctx: RowMapContext): ImportRow {
  const extra = fields.slice(ctx.headers.length).filter((f) => f.trim()).length;
  if (extra) throw new RowError('extraValues', fields.length, ctx.headers.length);

  const values = new Map<ImportField, { value: string; header: string }[]>();
  ctx.mapping.forEach((field, i) => {
    if (!field) return;
    const value = cell(fields[i]);
    if (!value) return;
    const header = ctx.headers[i] ?? '';
    if (field !== 'notes' && value.length > MAX_TEXT && !IMPORT_FIELDS[field].multi) {
      throw new RowError('tooLong', header, MAX_TEXT);
    }
    const list = values.get(field) ?? [];
    list.push({ value, header });
    values.set(field, list);
  });
  const one = (f: ImportField) => values.get(f)?.[0]?.value ?? '';
  const all = (f: ImportField) => values.get(f) ?? [];
  const text = (f: ImportField) => {
    const v = one(f);
    if (v.length > MAX_TEXT) throw new RowError('tooLong', all(f)[0]!.header, MAX_TEXT);
    return v;
  };

  // --- the person (or the account, when the row names no person)
  const emails: string[] = [];
  for (const { value, header } of all('email')) {
    for (const part of splitList(value, /[\s,;]+/)) {
      const email = normaliseEmail(part);
      if (!isEmail(email)) throw new RowError('email', header, part.slice(0, 100));
      if (!emails.includes(email)) emails.push(email);
    }
  }
  const phones = all('phone').flatMap(({ value }) => splitList(value.replace(/^tel:/i, ''), /[;|]/));
  const givenName = text('givenName');
  const familyName = text('familyName');
  const company = text('company');
  const personName = text('name') || [givenName, familyName].filter(Boolean).join(' ');
  const urls: string[] = [];
  let linkedinUrl = '';
  const linkedin = text('linkedin');
  if (linkedin) {
    if (/linkedin\.com\/in\//i.test(linkedin)) linkedinUrl = asUrl(linkedin);
    else if (/^[\w-]{3,100}$/.test(linkedin)) linkedinUrl = `https://www.linkedin.com/in/${linkedin}/`;
    else urls.push(asUrl(linkedin));
  }
  for (const { value } of all('website')) urls.push(...splitList(value).map(asUrl));
  const location = all('location')
    .map((v) => v.value)
    .join(', ')
    .slice(0, MAX_TEXT);
  const contact = {
    name: (personName || company).slice(0, MAX_TEXT),
    givenName,
    familyName,
    jobTitle: text('jobTitle'),
    company,
    emails,
    phones,
    urls,
    linkedinUrl,
    location,
    tags: all('tags').flatMap(({ value }) => splitList(value, /[;,]/)),
    notes: all('notes')
      .map((v) => v.value)
      .join('\n'),
  };

  // --- dates
  const dateOf = (f: ImportField): ParsedDate | null => {
    for (const { value, header } of all(f)) {
      const d = parseDate(value, ctx.dateOrder);
      if (d.ok) return d.value;
      throw new RowError('date', header, value);
    }
    return null;
  };
  const created = dateOf('createdDate');
  const closed = dateOf('closeDate');
  const expected = dateOf('expectedClose');

  // --- the deal
  const stages = sortStages(ctx.stages);
  const dealFile = mapsDeals(ctx.mapping);
  const hasDealValue = [...values.keys()].some((f) => IMPORT_FIELDS[f].deal);
  let deal: ImportRowInput['deal'] = null;
  if (dealFile ? hasDealValue : ctx.newContactStageId !== null) {
    const stage = stageFor(one('stage'), one('status'), stages, ctx, dealFile);
    const currency = currencyOf(all('currency')[0], ctx.currency);
    let amount: number | null = null;
    const amountCell = all('amount')[0];
    if (amountCell) {
      const parsed = parseAmount(amountCell.value, currency, ctx.numberStyle);
      if (!parsed.ok) {
        const code = parsed.reason === 'negative' ? 'negative' : 'amount';
        throw new RowError(code, amountCell.header, amountCell.value);
      }
      amount = parsed.value;
    }
    let closedAt: number | null = null;
    if (stage.kind !== 'open') {
      if (closed) closedAt = closed.at;
      else if (dealFile) throw new RowError('noCloseDate', stage.name);
      // A contact file's lifecycle stage ("Customer") has no close date: the prospect was won when first known.
      else closedAt = created?.at ?? null;
      if (closedAt !== null && created && closedAt < created.at) {
        throw new RowError('closeBeforeCreate', closed?.day ?? '', created.day);
      }
    }
    const dealId = text('dealId');
    const product = text('product');
    const who = company || personName;
    const title =
      text('dealTitle') ||
      [product, who].filter(Boolean).join(' — ') ||
      who ||
      emails[0] ||
      (dealId ? `#${dealId}` : '') ||
      stage.name;
    deal = {
      key: dealFile ? (dealId ? `id:${dealId}` : `row:${digest(JSON.stringify(fields))}`) : null,
      externalId: dealId,
      title: title.slice(0, MAX_TEXT),
      stageId: stage.id,
      amount,
      currency,
      owner: text('owner'),
      closedAt,
      expectedClose: stage.kind === 'open' ? (expected?.day ?? closed?.day ?? null) : (closed?.day ?? null),
      lostReason: stage.kind === 'lost' ? text('lostReason') : '',
    };
  }

  // --- someone to attach it to
  const identifiable =
    emails.length > 0 ||
    linkedinUrl !== '' ||
    nameKey(contact.name, company) !== '' ||
    (contact.name !== '' && phones.length > 0);
  if (!identifiable && !deal?.key) {
    throw new RowError(contact.name ? 'nameOnly' : 'noIdentity');
  }

  const parsed = ImportRow.safeParse({ row: rowNumber, contact, deal, createdAt: created?.at ?? null });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RowError('invalid', issue.path.join('.'), issue.message);
  }
  return parsed.data;
}

function stageFor(
  stageValue: string,
  statusValue: string,
  stages: Stage[],
  ctx: RowMapContext,
  dealFile: boolean,
): Stage {
  const status = parseStatus(statusValue);
  if (status === 'won' || status === 'lost') {
    const closed = stages.find((s) => s.kind === status);
    if (closed) return closed;
  }
  let id: string | undefined;
  if (stageValue) id = ctx.stageValues[stageValueKey(stageValue)] ?? guessStage(stageValue, stages).stageId;
  else if (!dealFile && ctx.newContactStageId) id = ctx.newContactStageId;
  const found = stages.find((s) => s.id === id) ?? stages.find((s) => s.kind === 'open');
  if (!found) throw new RowError('noStage');
  // A status of "open" wins over a closed stage value: the deal is still open, in the first open stage.
  if (status === 'open' && found.kind !== 'open') return stages.find((s) => s.kind === 'open') ?? found;
  return found;
}

function currencyOf(cellValue: { value: string; header: string } | undefined, fallback: string): string {
  if (!cellValue) return fallback;
  const code = cellValue.value.trim().toUpperCase();
  if (!Currency.safeParse(code).success) throw new RowError('currency', cellValue.header, cellValue.value);
  return code;
}
