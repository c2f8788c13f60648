import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { problemsToCsv } from '@/lib/io/problems-csv';
import { describeRowProblem, problemLine } from '@/lib/io/row-problem';
import type { ImportReport as Report } from '@/lib/io/run-import';
import { download } from './download';
import { HistoryNote } from './ImportOptions';

const SHOWN = 200;

/** What an import did: counts, and every row that could not be imported, with its reason (downloadable). */
export function ImportReport(props: { report: Report; header: string[]; onAgain: () => void }) {
  const { report } = props;
  const c = report.counts;
  const stem = report.fileName.replace(/\.[^.]+$/, '');
  return (
    <div class="io-report" data-testid="import-report">
      <div role="status">
        <h3 data-testid="report-summary">
          {report.cancelled
            ? t('io_reportCancelled', formatNumber(report.rowsImported))
            : t('io_reportDone', formatNumber(report.rowsImported), formatNumber(report.rowsRead), report.fileName)}
        </h3>
      </div>
      {report.error && (
        <p class="error" role="alert" data-testid="import-error">
          {t('io_reportStopped', report.error)}
        </p>
      )}
      {(report.cancelled || report.error) && <p class="muted">{t('io_reportResume')}</p>}
      <dl class="io-counts">
        <dt>{t('io_countContactsCreated')}</dt>
        <dd data-testid="count-contacts-created">{formatNumber(c.contactsCreated)}</dd>
        <dt>{t('io_countContactsMerged')}</dt>
        <dd data-testid="count-contacts-merged">{formatNumber(c.contactsMerged)}</dd>
        <dt>{t('io_countContactsUnchanged')}</dt>
        <dd data-testid="count-contacts-unchanged">{formatNumber(c.contactsUnchanged)}</dd>
        <dt>{t('io_countDealsCreated')}</dt>
        <dd data-testid="count-deals-created">{formatNumber(c.dealsCreated)}</dd>
        <dt>{t('io_countDealsExisting')}</dt>
        <dd data-testid="count-deals-existing">{formatNumber(c.dealsExisting)}</dd>
        <dt>{t('io_countProblems')}</dt>
        <dd data-testid="count-problems">{formatNumber(report.problems.length)}</dd>
      </dl>
      {c.placeholders > 0 && <p class="muted">{t('io_reportPlaceholders', formatNumber(c.placeholders))}</p>}
      <HistoryNote report={report} />
      {report.problems.length > 0 && (
        <>
          <h4>{t('io_problemsTitle')}</h4>
          <button
            type="button"
            data-testid="download-problems"
            onClick={() =>
              download(['\uFEFF', problemsToCsv(report.problems, props.header)], `${stem}-problems.csv`, 'text/csv')
            }
          >
            {t('io_downloadProblems')}
          </button>
          <table class="io-table" data-testid="problem-table">
            <thead>
              <tr>
                <th scope="col">{t('io_reportRow')}</th>
                <th scope="col">{t('io_reportProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, SHOWN).map((p) => (
                <tr key={`${p.row}:${p.code}`} data-testid="problem-row">
                  <td>{problemLine(p)}</td>
                  <td>{describeRowProblem(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.problems.length > SHOWN && (
            <p class="muted">{t('io_moreProblems', formatNumber(report.problems.length - SHOWN))}</p>
          )}
        </>
      )}
      <button type="button" class="primary" data-testid="import-again" onClick={props.onAgain}>
        {t('io_importAnother')}
      </button>
    </div>
  );
}
