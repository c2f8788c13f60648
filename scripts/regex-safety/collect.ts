import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One pattern written in the source: a regex literal, or `new RegExp('…', '…')` / `RegExp('…')` with literal text. */
export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** A `new RegExp(x)` whose pattern is not literal text: it cannot be checked, so it is reported as such. */
export interface DynamicRegex {
  file: string;
  line: number;
  /** The constant it is assigned to (`const EMAIL_IN_TEXT = new RegExp(…)`), '' when it is not. */
  name: string;
  text: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function literalText(node: ts.Node | undefined): string | null {
  if (!node) return '';
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

/** Every regex in the TypeScript files under `dirs` (relative to `root`), found by walking the syntax tree. */
export function collectRegexes(
  root: string,
  dirs: readonly string[],
): { found: FoundRegex[]; dynamic: DynamicRegex[] } {
  const found: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = relative(root, file);
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf('/');
        found.push({ file: rel, line: lineOf(node), source: lit.slice(1, end), flags: lit.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        const source = literalText(pattern);
        const flagText = literalText(flags);
        if (source !== null && flagText !== null)
          found.push({ file: rel, line: lineOf(node), source, flags: flagText });
        else {
          // `const w = (words) => new RegExp(…)`: named by the helper that builds it.
          const decl = ts.isArrowFunction(node.parent) ? node.parent.parent : node.parent;
          const name = ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) ? decl.name.text : '';
          dynamic.push({ file: rel, line: lineOf(node), name, text: node.getText(sf).slice(0, 120) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}
