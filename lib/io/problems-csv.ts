import { t } from '../i18n';
import { toCsvWith } from './csv-export';
import { describeRowProblem, problemLine } from './row-problem';
import type { ProblemRow } from './run-import';

/**
 * The import's problem rows as a CSV the rep can open, fix and import again: the row number, the reason (in the
 * language the rep has chosen when they download it), then the row's own values under the file's own headers.
 */
export function problemsToCsv(problems: readonly ProblemRow[], header: readonly string[]): string {
  const fields = [t('io_reportRow'), t('io_reportProblem'), ...header];
  const rows = problems.map((p) => [String(problemLine(p)), describeRowProblem(p), ...(p.fields ?? [])]);
  return `${toCsvWith(fields, rows)}\r\n`;
}
