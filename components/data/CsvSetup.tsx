import { useEffect, useMemo, useState } from 'preact/hooks';
import { getLocale, t } from '@/lib/i18n';
import { formatMoney, formatNumber } from '@/lib/i18n/money';
import { detectFormat, guessMapping } from '@/lib/io/guess-columns';
import { guessStage, type StageValueMapping, stageValueKey } from '@/lib/io/guess-stages';
import { type ColumnMapping, IMPORT_FIELD_IDS, type ImportField, mapsDeals, withField } from '@/lib/io/import-fields';
import type { OnMatch } from '@/lib/io/import-row';
import { mapCsvRow, type RowMapContext } from '@/lib/io/map-row';
import type { DateOrder, NumberStyle } from '@/lib/io/parse-values';
import { describeRowProblem } from '@/lib/io/row-problem';
import type { CsvScan } from '@/lib/io/scan-csv';
import type { Settings, Stage } from '@/lib/model';
import { type ContactLookup, findContacts } from '@/lib/pipeline/find-contact';
import { readNow } from '@/lib/read/watch';
import { fieldLabel, formatLabel } from './field-labels';
import { MatchChoice, NewContactStage } from './ImportOptions';

export interface CsvStart {
  context: RowMapContext;
  onMatch: OnMatch;
  fieldSources: Record<string, string>;
}

const DATE_FIELDS: ImportField[] = ['createdDate', 'closeDate', 'expectedClose'];

function columnsOf(mapping: ColumnMapping, field: ImportField): number[] {
  return mapping.flatMap((f, i) => (f === field ? [i] : []));
}

/** Date order from the scan's evidence in the mapped date columns, else the rep's language's habit. */
function dateOrderOf(scan: CsvScan, mapping: ColumnMapping): DateOrder {
  const cols = DATE_FIELDS.flatMap((f) => columnsOf(mapping, f));
  const dayFirst = cols.some((c) => scan.dayFirst[c]);
  const monthFirst = cols.some((c) => scan.monthFirst[c]);
  if (dayFirst !== monthFirst) return dayFirst ? 'dmy' : 'mdy';
  return getLocale() === 'id' ? 'dmy' : 'mdy';
}

function numberStyleOf(scan: CsvScan, mapping: ColumnMapping): NumberStyle {
  const cols = columnsOf(mapping, 'amount');
  const comma = cols.reduce((n, c) => n + (scan.decimalComma[c] ?? 0), 0);
  const dot = cols.reduce((n, c) => n + (scan.decimalDot[c] ?? 0), 0);
  return comma > dot ? 'comma' : 'dot';
}

/**
 * The CSV import's set-up: what each column is (guessed from its header), how the file writes dates and
 * numbers, which of our stages each of the file's stage values means, what to do with people already stored,
 * and a preview of the first rows as they will be imported.
 */
export function CsvSetup(props: {
  fileName: string;
  scan: CsvScan;
  stages: Stage[];
  settings: Settings;
  onStart: (start: CsvStart) => void;
  onBack: () => void;
}) {
  const { scan, stages, settings } = props;
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessMapping(scan.header));
  const [dateOrder, setDateOrder] = useState<DateOrder>(() => dateOrderOf(scan, guessMapping(scan.header)));
  const [numberStyle, setNumberStyle] = useState<NumberStyle>(() => numberStyleOf(scan, guessMapping(scan.header)));
  const [onMatch, setOnMatch] = useState<OnMatch>('merge');
  const firstOpen = stages.find((s) => s.kind === 'open');
  const [newStage, setNewStage] = useState<string | null>(firstOpen?.id ?? null);
  const stageCol = mapping.indexOf('stage');
  const stageValues = useMemo(
    () => (stageCol >= 0 ? [...scan.distinct[stageCol]!.entries()].sort((a, b) => b[1] - a[1]) : []),
    [scan, stageCol],
  );
  const [stageMap, setStageMap] = useState<StageValueMapping>({});
  const guesses = useMemo(() => {
    const out: Record<string, { stageId: string; sure: boolean }> = {};
    for (const [value] of stageValues) out[stageValueKey(value)] = guessStage(value, stages);
    return out;
  }, [stageValues, stages]);
  const stageValueMapping: StageValueMapping = useMemo(() => {
    const out: StageValueMapping = {};
    for (const [key, g] of Object.entries(guesses)) out[key] = stageMap[key] ?? g.stageId;
    return out;
  }, [guesses, stageMap]);

  const dealFile = mapsDeals(mapping);
  const context: RowMapContext = {
    headers: scan.header,
    mapping,
    stages,
    stageValues: stageValueMapping,
    currency: settings.currency,
    dateOrder,
    numberStyle,
    newContactStageId: dealFile ? null : newStage,
  };
  const preview = scan.sample.map((r) => ({ rec: r, result: mapCsvRow(r.fields, r.row, context) }));
  const matches = usePreviewMatches(preview.map((p) => (p.result.kind === 'row' ? p.result.row.contact : null)));
  const format = detectFormat(scan.header);
  const fieldSources: Record<string, string> = {};
  const provenanceKey: Partial<Record<ImportField, string>> = {
    name: 'name',
    givenName: 'givenName',
    familyName: 'familyName',
    jobTitle: 'jobTitle',
    company: 'company',
    email: 'emails',
    phone: 'phones',
    website: 'urls',
    linkedin: 'urls',
    location: 'location',
  };
  mapping.forEach((f, i) => {
    const key = f && provenanceKey[f];
    if (key) fieldSources[key] ??= scan.header[i] ?? '';
  });
  // The name came from the first and last name columns, or is the account's when the file names no person.
  fieldSources.name ??= fieldSources.givenName ?? fieldSources.company ?? '';

  const setColumn = (i: number, value: string) => {
    const next = withField(mapping, i, value ? (value as ImportField) : null);
    setMapping(next);
    setDateOrder(dateOrderOf(scan, next));
    setNumberStyle(numberStyleOf(scan, next));
  };

  return (
    <div class="io-setup" data-testid="csv-setup">
      <p>
        <strong>{props.fileName}</strong> — <span data-testid="csv-format">{formatLabel(format)}</span>,{' '}
        {scan.records === 1 ? t('io_rowsInFileOne') : t('io_rowsInFile', formatNumber(scan.records))}
      </p>

      <fieldset>
        <legend>{t('io_mappingTitle')}</legend>
        <p class="muted">{t('io_mappingHelp')}</p>
        <table class="io-table">
          <thead>
            <tr>
              <th scope="col">{t('io_column')}</th>
              <th scope="col">{t('io_examples')}</th>
              <th scope="col">{t('io_importAs')}</th>
            </tr>
          </thead>
          <tbody>
            {scan.header.map((h, i) => (
              <tr key={i}>
                <th scope="row" id={`io-col-${i}`}>
                  {h || t('io_unnamedColumn', i + 1)}
                </th>
                <td class="muted io-examples">
                  {[...scan.distinct[i]!.keys()]
                    .slice(0, 3)
                    .map((v) => (v.length > 40 ? `${v.slice(0, 40)}…` : v))
                    .join(' · ')}
                </td>
                <td>
                  <select
                    aria-labelledby={`io-col-${i}`}
                    data-testid={`map-${i}`}
                    value={mapping[i] ?? ''}
                    onChange={(e) => setColumn(i, e.currentTarget.value)}
                  >
                    <option value="">{t('io_ignoreColumn')}</option>
                    {IMPORT_FIELD_IDS.map((f) => (
                      <option key={f} value={f}>
                        {fieldLabel(f)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="io-row">
          <label>
            {t('io_dateOrder')}{' '}
            <select
              data-testid="date-order"
              value={dateOrder}
              onChange={(e) => setDateOrder(e.currentTarget.value as DateOrder)}
            >
              <option value="mdy">{t('io_dateOrderMdy')}</option>
              <option value="dmy">{t('io_dateOrderDmy')}</option>
            </select>
          </label>
          <label>
            {t('io_numberStyle')}{' '}
            <select
              data-testid="number-style"
              value={numberStyle}
              onChange={(e) => setNumberStyle(e.currentTarget.value as NumberStyle)}
            >
              <option value="dot">{t('io_numberStyleDot')}</option>
              <option value="comma">{t('io_numberStyleComma')}</option>
            </select>
          </label>
        </div>
      </fieldset>

      {stageValues.length > 0 && (
        <fieldset data-testid="stage-mapping">
          <legend>{t('io_stageMappingTitle')}</legend>
          <p class="muted">{t('io_stageMappingHelp')}</p>
          <table class="io-table">
            <thead>
              <tr>
                <th scope="col">{t('io_fileValue')}</th>
                <th scope="col">{t('io_rowsCount')}</th>
                <th scope="col">{t('io_ourStage')}</th>
              </tr>
            </thead>
            <tbody>
              {stageValues.map(([value, count], i) => {
                const key = stageValueKey(value);
                const guess = guesses[key];
                return (
                  <tr key={key}>
                    <th scope="row" id={`io-stage-${i}`}>
                      {value}
                    </th>
                    <td>{formatNumber(count)}</td>
                    <td>
                      <select
                        aria-labelledby={`io-stage-${i}`}
                        data-testid={`stage-map-${key}`}
                        value={stageValueMapping[key]}
                        onChange={(e) => setStageMap({ ...stageMap, [key]: e.currentTarget.value })}
                      >
                        {stages.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>{' '}
                      {!guess?.sure && stageMap[key] === undefined && <span class="io-check">{t('io_checkThis')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {scan.overflow[stageCol] && <p class="muted">{t('io_stageOverflow')}</p>}
        </fieldset>
      )}

      {!dealFile && <NewContactStage stages={stages} value={newStage} onChange={setNewStage} />}
      <MatchChoice value={onMatch} onChange={setOnMatch} />

      <h3>{t('io_previewTitle')}</h3>
      <table class="io-table io-preview" data-testid="csv-preview">
        <thead>
          <tr>
            <th scope="col">{t('io_reportRow')}</th>
            <th scope="col">{t('io_field_name')}</th>
            <th scope="col">{t('io_field_company')}</th>
            <th scope="col">{t('io_previewDeal')}</th>
            <th scope="col">{t('io_previewStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.map(({ rec, result }, i) => (
            <tr key={rec.row}>
              <td>{rec.row}</td>
              {result.kind === 'row' ? (
                <>
                  <td>{result.row.contact.name || result.row.contact.emails[0]}</td>
                  <td>{result.row.contact.company}</td>
                  <td>
                    {result.row.deal
                      ? [
                          result.row.deal.title,
                          stages.find((s) => s.id === result.row.deal!.stageId)?.name,
                          result.row.deal.amount !== null
                            ? formatMoney(result.row.deal.amount, result.row.deal.currency)
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : '—'}
                  </td>
                  <td>{matches[i] ? t('io_previewMatches', matches[i]!) : t('io_previewNew')}</td>
                </>
              ) : (
                <td colSpan={4} class="error">
                  {result.kind === 'problem' ? describeRowProblem(result.problem) : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      <div class="io-row">
        <button
          type="button"
          class="primary"
          data-testid="import-start"
          onClick={() => props.onStart({ context, onMatch, fieldSources })}
        >
          {scan.records === 1 ? t('io_importRowsOne') : t('io_importRows', formatNumber(scan.records))}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('io_chooseAnother')}
        </button>
      </div>
    </div>
  );
}

/** For the preview: who each row already is in Prospector (read-only look-ups, as captures find people). */
function usePreviewMatches(contacts: (ContactLookup | null)[]) {
  const [names, setNames] = useState<(string | null)[]>([]);
  const key = JSON.stringify(contacts);
  useEffect(() => {
    let live = true;
    Promise.all(
      contacts.map(async (c) => {
        if (!c) return null;
        // The whole row (its phones and links too): the preview names whom the import will match.
        const [found] = await readNow((db) => findContacts(db, c));
        return found ? found.name || found.emails[0] || found.company : null;
      }),
    ).then((r) => live && setNames(r));
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
