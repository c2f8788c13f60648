// npm run lint:firefox [-- <dir>]: Mozilla's add-on linter on the Firefox build (npm run build:firefox first).
// Fails on any error and on any warning of ours; library code's known warnings are listed with why they are
// harmless (scripts/support/firefox-lint.ts).
import { type LintMessage, lintFirefox } from './support/firefox-lint';

const where = (m: LintMessage) => `${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;

const dir = process.argv.slice(2).find((a) => a !== '--') ?? '.output/firefox-mv2';
const result = await lintFirefox(dir);
for (const { warning, why } of result.known) console.log(`known  ${warning.code} ${where(warning)}: ${why}`);
for (const m of [...result.errors, ...result.ours]) console.error(`✗ ${m.code} ${where(m)}: ${m.message}`);
console.log(`web-ext lint ${dir}: ${result.errors.length} errors, ${result.ours.length} warnings of ours`);
process.exitCode = result.errors.length || result.ours.length ? 1 : 0;
