import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { CsvEncodingError, CsvFileError, type CsvFormat, sniffCsv } from '@/lib/io/csv-read';
import { type DateCensus, dateCensus } from '@/lib/io/date-census';
import { sniffFile } from '@/lib/io/file-kind';
import { guessClosedStart } from '@/lib/io/guess-stages';
import {
  DEFAULT_HISTORY,
  type ImportHistory,
  type ImportRow,
  type OnMatch,
  type RowProblem,
} from '@/lib/io/import-row';
import { type ImportProgress, type ImportReport as Report, runCsvImport, runRowsImport } from '@/lib/io/run-import';
import { type CsvScan, scanCsv } from '@/lib/io/scan-csv';
import { mapVcards, VCARD_FIELD_SOURCES } from '@/lib/io/vcard-map';
import { readVcardFile } from '@/lib/io/vcard-read';
import { send } from '@/lib/messaging/client';
import type { Settings, Stage } from '@/lib/model';
import { sortedStages } from '@/lib/read/stages';
import { CsvSetup, type CsvStart } from './CsvSetup';
import { errorText } from './download';
import { EncodingChoice } from './EncodingChoice';
import { importRefusal } from './file-refusal';
import { HistoryChoice, MatchChoice, NewContactStage } from './ImportOptions';
import { ImportReport } from './ImportReport';
import { createStore, guardUnload } from './wizard-store';

type Step =
  | { kind: 'pick'; error?: string }
  | { kind: 'reading'; fileName: string; done: number; total: number }
  | { kind: 'csv'; file: File; scan: CsvScan }
  /** The file is not UTF-8 from `line` on: the rep says how it was saved. */
  | { kind: 'encoding'; file: File; line: number }
  | { kind: 'history'; file: File; scan: CsvScan; start: CsvStart; census: DateCensus }
  | { kind: 'vcard'; file: File; rows: ImportRow[]; problems: RowProblem[]; cards: number }
  | { kind: 'running'; fileName: string; progress: ImportProgress | null }
  | { kind: 'done'; report: Report; header: string[] };

/** The wizard's step and the running import's controller live outside the view (see wizard-store.ts). */
const wizard = createStore<Step>({ kind: 'pick' });
const running = { current: null as AbortController | null };

function setStep(step: Step): void {
  wizard.set(step);
  guardUnload(step.kind === 'running' || step.kind === 'reading');
}

const sendChunk = (chunk: Parameters<typeof send<'import.chunk'>>[1]) => send('import.chunk', chunk);

/**
 * The import: pick a file (CSV or vCard), set it up (columns, stage values, what to do with people already
 * stored) with a preview, then import with progress and cancel, and read the report. Reading and importing run
 * a chunk at a time; the background writes each chunk in one transaction.
 */
export function ImportWizard({ settings }: { settings: Settings }) {
  const step = wizard.use();
  const abort = running;
  const stages = useLiveQuery(sortedStages, []);
  const heading = useRef<HTMLHeadingElement>(null);
  // Each new step announces itself to screen readers and keyboard users: focus goes to the step's heading.
  useEffect(() => {
    if (step.kind !== 'pick') heading.current?.focus();
  }, [step.kind]);

  async function pick(file: File, encoding?: CsvFormat['encoding']) {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'reading', fileName: file.name, done: 0, total: file.size });
    try {
      // What the file is, from its first bytes, before any parsing: anything but CSV or vCard is refused in words.
      const kind = await sniffFile(file);
      if (kind.kind === 'refused' || kind.kind === 'backup') {
        setStep({ kind: 'pick', error: importRefusal(file.name, kind) });
        return;
      }
      if (kind.kind === 'vcard') {
        const cards = await readVcardFile(file, controller.signal);
        if (!cards.length) throw new Error(t('io_errorNoCards'));
        const open = stages?.find((s) => s.kind === 'open') ?? null;
        const { rows, problems } = mapVcards(cards, { newContactStage: open, currency: settings.currency });
        setStep({ kind: 'vcard', file, rows, problems, cards: cards.length });
        return;
      }
      const sniffed = await sniffCsv(file);
      const format = encoding ? { ...sniffed, encoding } : sniffed;
      const scan = await scanCsv(file, format, {
        signal: controller.signal,
        onProgress: (done) => setStep({ kind: 'reading', fileName: file.name, done, total: file.size }),
      });
      if (!scan.header.some(Boolean)) throw new CsvFileError(t('io_errorNoHeader'));
      setStep({ kind: 'csv', file, scan });
    } catch (err) {
      if (err instanceof CsvEncodingError) setStep({ kind: 'encoding', file, line: err.line });
      else setStep({ kind: 'pick', error: controller.signal.aborted ? undefined : errorText(err) });
    }
  }

  async function run(fileName: string, header: string[], go: (signal: AbortSignal) => Promise<Report>) {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'running', fileName, progress: null });
    try {
      const report = await go(controller.signal);
      setStep({ kind: 'done', report, header });
    } catch (err) {
      setStep({ kind: 'pick', error: errorText(err) });
    }
  }

  /**
   * Before a CSV import: one pass counts the deal rows without a date and finds the file's earliest date; if the
   * file leaves history open (undated rows, closed deals), the rep is asked what to do before anything is written.
   */
  async function checkCsv(file: File, scan: CsvScan, start: CsvStart) {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'reading', fileName: file.name, done: 0, total: file.size });
    try {
      const census = await dateCensus(file, scan.format, start.context, controller.signal);
      if (census.undated || census.closed) setStep({ kind: 'history', file, scan, start, census });
      else startCsv(file, scan, start, DEFAULT_HISTORY);
    } catch (err) {
      setStep({ kind: 'pick', error: controller.signal.aborted ? undefined : errorText(err) });
    }
  }
  function startCsv(file: File, scan: CsvScan, start: CsvStart, history: ImportHistory) {
    void run(file.name, scan.header, (signal) =>
      runCsvImport({
        file,
        format: scan.format,
        context: start.context,
        send: sendChunk,
        fileName: file.name,
        onMatch: start.onMatch,
        fieldSources: start.fieldSources,
        history,
        signal,
        onProgress: (progress) => setStep({ kind: 'running', fileName: file.name, progress }),
      }),
    );
  }

  function startVcard(file: File, rows: ImportRow[], problems: RowProblem[], onMatch: OnMatch) {
    void run(file.name, [], (signal) =>
      runRowsImport({
        rows,
        problems,
        totalBytes: file.size,
        send: sendChunk,
        fileName: file.name,
        onMatch,
        fieldSources: VCARD_FIELD_SOURCES,
        signal,
        onProgress: (progress) => setStep({ kind: 'running', fileName: file.name, progress }),
      }),
    );
  }

  if (!stages) return null;
  return (
    <div class="io-wizard">
      {step.kind === 'pick' && (
        <div>
          <label class="io-file">
            <span>{t('io_pickFile')}</span>
            <input
              type="file"
              data-testid="import-file"
              accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/plain,text/vcard,text/x-vcard"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void pick(file);
              }}
            />
          </label>
          <p class="muted">{t('io_pickHelp')}</p>
          {step.error && (
            <p class="error" role="alert" data-testid="import-error">
              {step.error}
            </p>
          )}
        </div>
      )}

      {step.kind === 'reading' && (
        <div>
          <h3 tabIndex={-1} ref={heading}>
            {t('io_reading', step.fileName)}
          </h3>
          <progress max={step.total || 1} value={step.done} aria-label={t('io_reading', step.fileName)} />{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('io_cancel')}
          </button>
        </div>
      )}

      {step.kind === 'encoding' && (
        <EncodingChoice
          heading={heading}
          line={step.line}
          onBack={() => setStep({ kind: 'pick' })}
          onRead={(encoding) => void pick(step.file, encoding)}
        />
      )}

      {step.kind === 'csv' && (
        <>
          <h3 tabIndex={-1} ref={heading}>
            {t('io_setupTitle')}
          </h3>
          <CsvSetup
            fileName={step.file.name}
            scan={step.scan}
            stages={stages}
            settings={settings}
            onBack={() => setStep({ kind: 'pick' })}
            onStart={(start) => void checkCsv(step.file, step.scan, start)}
          />
        </>
      )}
      {step.kind === 'history' && (
        <HistorySetup
          heading={heading}
          step={step}
          stages={stages}
          onBack={() => setStep({ kind: 'csv', file: step.file, scan: step.scan })}
          onStart={(history) => startCsv(step.file, step.scan, step.start, history)}
        />
      )}

      {step.kind === 'vcard' && (
        <VcardSetup
          heading={heading}
          step={step}
          stages={stages}
          onBack={() => setStep({ kind: 'pick' })}
          onStart={(rows, onMatch) => startVcard(step.file, rows, step.problems, onMatch)}
        />
      )}

      {step.kind === 'running' && (
        <div data-testid="import-running">
          <h3 tabIndex={-1} ref={heading}>
            {t('io_importing', step.fileName)}
          </h3>
          <progress
            max={step.progress?.totalBytes || 1}
            value={step.progress?.bytesRead ?? 0}
            aria-label={t('io_importing', step.fileName)}
            data-testid="import-progress"
          />
          <p role="status" class="muted">
            {step.progress
              ? t(
                  'io_progressRows',
                  formatNumber(step.progress.rowsRead),
                  formatNumber(step.progress.counts.dealsCreated + step.progress.counts.contactsCreated),
                  formatNumber(step.progress.problems),
                )
              : t('io_starting')}
          </p>
          <button type="button" data-testid="import-cancel" onClick={() => abort.current?.abort()}>
            {t('io_cancel')}
          </button>
        </div>
      )}

      {step.kind === 'done' && (
        <>
          <h3 tabIndex={-1} ref={heading} class="visually-hidden">
            {t('io_reportTitle')}
          </h3>
          <ImportReport report={step.report} header={step.header} onAgain={() => setStep({ kind: 'pick' })} />
        </>
      )}
    </div>
  );
}

function VcardSetup(props: {
  heading: { current: HTMLHeadingElement | null };
  step: Extract<Step, { kind: 'vcard' }>;
  stages: Stage[];
  onBack: () => void;
  onStart: (rows: ImportRow[], onMatch: OnMatch) => void;
}) {
  const { step, stages } = props;
  const [onMatch, setOnMatch] = useState<OnMatch>('merge');
  const [stageId, setStageId] = useState<string | null>(stages.find((s) => s.kind === 'open')?.id ?? null);
  // The rows were mapped with the first open stage; the rep's choice here replaces it (or drops the deal).
  const rows = step.rows.map((r) => (r.deal ? { ...r, deal: stageId ? { ...r.deal, stageId } : null } : r));
  return (
    <div class="io-setup" data-testid="vcard-setup">
      <h3 tabIndex={-1} ref={props.heading}>
        {t('io_setupTitle')}
      </h3>
      <p>
        <strong>{step.file.name}</strong> — {t('io_cardsInFile', formatNumber(step.cards))}
        {step.problems.length > 0 && <> · {t('io_cardsWithProblems', formatNumber(step.problems.length))}</>}
      </p>
      <NewContactStage stages={stages} value={stageId} onChange={setStageId} />
      <MatchChoice value={onMatch} onChange={setOnMatch} />
      <h4>{t('io_previewTitle')}</h4>
      <ul class="io-cards" data-testid="vcard-preview">
        {step.rows.slice(0, 10).map((r) => (
          <li key={r.row}>
            <strong>{r.contact.name || r.contact.emails[0]}</strong>{' '}
            <span class="muted">
              {[r.contact.jobTitle, r.contact.company, r.contact.emails[0], r.contact.phones[0]]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <div class="io-row">
        <button
          type="button"
          class="primary"
          data-testid="import-start"
          disabled={!rows.length && !step.problems.length}
          onClick={() => props.onStart(rows, onMatch)}
        >
          {t('io_importCards', formatNumber(rows.length))}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('io_chooseAnother')}
        </button>
      </div>
    </div>
  );
}

function HistorySetup(props: {
  heading: { current: HTMLHeadingElement | null };
  step: Extract<Step, { kind: 'history' }>;
  stages: Stage[];
  onBack: () => void;
  onStart: (history: ImportHistory) => void;
}) {
  const { step, stages } = props;
  const { context } = step.start;
  const dateColumn = context.mapping.indexOf('createdDate');
  const [history, setHistory] = useState<ImportHistory>(() => ({
    undated: 'today',
    earliest: step.census.earliest,
    closedFrom:
      guessClosedStart(context.headers[dateColumn], context.stageValues, stages) ??
      stages.find((s) => s.kind === 'open')?.id ??
      null,
  }));
  return (
    <div class="io-setup" data-testid="history-setup">
      <h3 tabIndex={-1} ref={props.heading}>
        {t('io_historyTitle')}
      </h3>
      <HistoryChoice census={step.census} stages={stages} value={history} onChange={setHistory} />
      <div class="io-row">
        <button type="button" class="primary" data-testid="history-start" onClick={() => props.onStart(history)}>
          {t('io_historyStart')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('io_back')}
        </button>
      </div>
    </div>
  );
}
