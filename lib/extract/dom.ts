import type { Budget } from './limits';
import { cleanText } from './text';

/**
 * Reading a page without disturbing it: textContent and attributes only, never innerText, layout or style
 * queries (they force a synchronous layout in someone else's page), and iterative walks (a hostile page may nest
 * elements thousands deep).
 */

/** A short, stable description of an element for provenance: `h1.top-card-layout__title`, `a#contact`. */
export function describe(el: Element | null | undefined): string {
  if (!el) return '';
  const tag = el.localName;
  if (el.id && el.id.length <= 40) return `${tag}#${el.id}`;
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return (cls.length ? `${tag}.${cls.join('.')}` : tag).slice(0, 120);
}

/** First element matching any of the selectors, tried in order (the first selector is the preferred layout). */
export function pick(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas']);

/** Elements whose content the reader never sees: scripts, styles, and anything the page marks hidden. */
export function isSkipped(el: Element): boolean {
  if (SKIP.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.localName);
}

/** Marks blockText puts on a line of their own where an element matching `marks` starts. */
export interface BlockTextOptions {
  /** Selector → marker line emitted when the walk enters a matching element. */
  marks?: readonly [selector: string, marker: string][];
  maxChars?: number;
}

/**
 * The text of `root` as lines, the way a reader sees it: line breaks at block elements and `<br>`, hidden
 * elements and scripts left out. Iterative (no recursion), bounded by `maxChars`.
 */
export function blockText(root: Element, opts: BlockTextOptions = {}): string[] {
  const max = opts.maxChars ?? 200_000;
  const marks = opts.marks ?? [];
  const parts: string[] = [];
  let size = 0;
  const stack: (Node | string)[] = [root];
  while (stack.length && size < max) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data);
      size += data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el !== root && isSkipped(el)) continue;
    if (el.localName === 'br') {
      parts.push('\n');
      continue;
    }
    const block = isBlock(el);
    if (block) parts.push('\n');
    // Marked elements carry a class or an id: skip the selector match for the plain ones (most of a page).
    if (marks.length && (el.id || el.hasAttribute('class'))) {
      for (const [selector, marker] of marks) {
        if (el.matches(selector)) {
          parts.push(`\n${marker}\n`);
          break;
        }
      }
    }
    if (block) stack.push('\n');
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[\s\u00A0]+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * The text of `el` up to `max` characters (one more when there is more, so callers can tell "too long"), read by
 * walking its text nodes: unlike textContent, the cost does not grow with the subtree (issue 15: a wrapper's
 * textContent is the whole page's). Scripts, styles and hidden elements are left out.
 */
export function textUpTo(el: Element, max: number, budget?: Budget): string {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length && out.length <= max) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += (node as Text).data.slice(0, max + 1 - out.length);
      continue;
    }
    if (node.nodeType !== 1 || (node !== el && isSkipped(node as Element))) continue;
    if (budget && !budget.spend()) break;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/**
 * The elements under `root` (not itself) in document order, or null when there are more than `max`: a card is
 * small, and a wrapper too big to be one is not walked further (bounded work however large the page).
 */
export function elementsWithin(root: Element, max: number, budget?: Budget): Element[] | null {
  const out: Element[] = [];
  let el = root.firstElementChild;
  while (el) {
    if (out.length >= max || (budget && !budget.spend())) return null;
    out.push(el);
    if (el.firstElementChild && !SKIP.has(el.localName)) el = el.firstElementChild;
    else {
      while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
      el = el && el !== root ? el.nextElementSibling : null;
    }
  }
  return out;
}

/** Inline formatting inside one line of text ("<strong>Sales</strong> Director" is one line). */
const INLINE = new Set(['b', 'strong', 'em', 'i', 'mark', 'u', 'small', 'abbr', 'sup', 'sub', 'wbr']);

/**
 * An element's text as separate lines, in order: a line ends at every element but inline formatting, scripts and
 * hidden elements are skipped, and a line repeated right after itself (LinkedIn's screen-reader copy) counts once.
 */
export function textLines(card: Element, budget?: Budget, max = 40): { text: string; el: Element }[] {
  const out: { text: string; el: Element }[] = [];
  let buf = '';
  let owner: Element = card;
  const flush = () => {
    const t = cleanText(buf, 300);
    buf = '';
    if (t && out[out.length - 1]?.text !== t) out.push({ text: t, el: owner });
  };
  const stack: (Node | null)[] = [card];
  while (stack.length && out.length < max) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      if (!buf) owner = node.parentElement ?? card;
      buf += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1 || (budget && !budget.spend())) continue;
    const el = node as Element;
    if (el !== card && isSkipped(el)) continue;
    const inline = INLINE.has(el.localName);
    if (!inline) {
      flush();
      stack.push(null);
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return out;
}
