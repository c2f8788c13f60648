// Mozilla's add-on linter (web-ext lint) on the Firefox build, as addons.mozilla.org runs it: errors, warnings of
// ours, and known ones. A warning inside a library's
// code bundled into our files is reported as known, with why it is harmless, and only when the code around it is
// that library's (each signature below names text only that code contains): a new warning of ours fails.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintResult {
  errors: LintMessage[];
  ours: LintMessage[];
  known: { warning: LintMessage; why: string }[];
}

/** Library code in our bundles that the linter flags, recognised by text around the flagged place. */
const KNOWN: { code: string; signature: RegExp; why: string }[] = [
  {
    code: 'DANGEROUS_EVAL',
    signature: /jitless/,
    why: "zod's eval probe: never runs, zod is configured jitless before any schema (lib/zod-setup.ts)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    signature: /dangerouslySetInnerHTML[\s\S]*__html/,
    why: "Preact's dangerouslySetInnerHTML: Prospector never passes it (page text is rendered as text)",
  },
];

/** The text around a line and column of a file of the build (minified files are a few very long lines). */
function around(dir: string, m: LintMessage): string {
  if (!m.file || !m.line) return '';
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = m.column ?? 0;
  return line.slice(Math.max(0, at - 400), at + 400);
}

export async function lintFirefox(dir: string): Promise<LintResult> {
  const report = (await webExt.cmd.lint(
    { sourceDir: resolve(dir), output: 'none', boring: true, selfHosted: false },
    { shouldExitProgram: false },
  )) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const out: LintResult = { errors: report.errors, ours: [], known: [] };
  for (const w of report.warnings) {
    const text = around(dir, w);
    const known = KNOWN.find((k) => k.code === w.code && k.signature.test(text));
    if (known) out.known.push({ warning: w, why: known.why });
    else out.ours.push(w);
  }
  return out;
}
