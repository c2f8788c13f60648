import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** One import of a file: what it names, where that resolves (a repo path, or a package name), how it loads. */
export interface Edge {
  from: string;
  specifier: string;
  /** Repo-relative path of the imported file, or the package's name for a bare specifier. */
  to: string;
  /** `import('…')`: loaded when the code runs, not with the importing module. */
  lazy: boolean;
  /** `import type`: erased by TypeScript, loads nothing (but still a dependency between folders). */
  typeOnly: boolean;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx', ''];

function resolveSpecifier(from: string, spec: string): string {
  let base: string | null = null;
  if (spec.startsWith('@/') || spec.startsWith('~/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(ROOT, dirname(from), spec);
  if (base === null) {
    // A package: its name without the subpath ('wxt/browser' → 'wxt', '@scope/x/y' → '@scope/x').
    const parts = spec.split('/');
    return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  for (const ext of EXTENSIONS) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return relative(ROOT, path);
  }
  return relative(ROOT, base);
}

/** Whether an import declaration is erased by TypeScript (it brings in types only). */
function typeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const named = node.exportClause;
    return (
      !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const named = clause.namedBindings;
  return !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

const cache = new Map<string, Edge[]>();

/** The imports of one repo file, type-only ones marked. */
export function importsOf(file: string): Edge[] {
  const known = cache.get(file);
  if (known) return known;
  const path = join(ROOT, file);
  const edges: Edge[] = [];
  if (/\.(?:m?ts|tsx|m?js)$/.test(file) && existsSync(path)) {
    const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
        const spec = (node.moduleSpecifier as ts.StringLiteral).text;
        edges.push({
          from: file,
          specifier: spec,
          to: resolveSpecifier(file, spec),
          lazy: false,
          typeOnly: typeOnly(node),
        });
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        const spec = node.arguments[0].text;
        edges.push({ from: file, specifier: spec, to: resolveSpecifier(file, spec), lazy: true, typeOnly: false });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
        // new URL('./x.worker.ts', import.meta.url): a worker, loaded when the code runs.
        const arg = node.arguments?.[0];
        if (arg && ts.isStringLiteralLike(arg) && arg.text.startsWith('.'))
          edges.push({
            from: file,
            specifier: arg.text,
            to: resolveSpecifier(file, arg.text),
            lazy: true,
            typeOnly: false,
          });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  cache.set(file, edges);
  return edges;
}

/**
 * Every module loaded with `entry`, with the chain of imports that brought each in (for the failure message).
 * `lazy: false` follows static imports only (what loads before the entry's code runs).
 */
export function closure(entry: string, opts: { lazy: boolean }): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const e of importsOf(file)) {
      if (e.typeOnly || (e.lazy && !opts.lazy) || chains.has(e.to)) continue;
      chains.set(e.to, [...chains.get(file)!, e.to]);
      if (e.to.includes('/') || e.to.endsWith('.ts')) queue.push(e.to);
    }
  }
  return chains;
}

/** Every .ts/.tsx file under a repo folder. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d))) {
      const rel = join(d, name);
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.(?:m?ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The order ES modules are evaluated in when `root` loads, leaving out those already evaluated (`done`): each
 * module after the modules it imports, in the order it imports them. Packages are leaves.
 */
export function evaluationOrder(root: string, done: ReadonlySet<string> = new Set()): string[] {
  const order: string[] = [];
  const seen = new Set(done);
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.includes('/') || file.endsWith('.ts'))
      for (const e of importsOf(file)) if (!e.lazy && !e.typeOnly) visit(e.to);
    order.push(file);
  };
  visit(root);
  return order;
}
