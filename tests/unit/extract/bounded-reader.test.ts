import { describe, expect, it } from 'vitest';
import { Budget } from '@/lib/extract/limits';
import { personCards } from '@/lib/extract/sources/person-cards';
import { teamPage } from '@/lib/extract/sources/team-page';
import { visibleText } from '@/lib/extract/sources/visible-text';
import { docAt } from './run';

const URL_ = new URL('https://hostile.test/');

/** Wrappers three to a level whose every link goes to one shared address, a real person after them. */
function nestedDecoys(depth: number): string {
  const tree = (d: number): string =>
    d
      ? `<div class="member-name-wrap">${tree(d - 1)}${tree(d - 1)}${tree(d - 1)}</div>`
      : '<div class="member-name"><span class="name">Contact us</span> <a href="mailto:sales@x.example">Email</a></div>';
  return `${tree(depth)}<div class="person"><h3>Rosa Delgado</h3><p class="title">Head of Partnerships</p><a href="mailto:rosa@x.example">Email Rosa</a></div>`;
}

/** Cards that each hold a name-like heading, a line that is no title, and three cards like them. */
function nestedHeadings(depth: number): string {
  let n = 0;
  const name = () =>
    `Aa${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + (Math.floor(n++ / 26) % 26))} Baker`;
  const tree = (d: number): string =>
    `<div class="card speaker-role"><h3>${name()}</h3><p>Joined in spring</p>${d ? tree(d - 1) + tree(d - 1) + tree(d - 1) : ''}</div>`;
  return `${tree(depth)}<div><div class="c"><h3>Rosa Delgado</h3><p>Head of Partnerships</p></div><div class="c"><h3>Ivan Petrov</h3><p>Chief Financial Officer</p></div><div class="c"><h3>Sari Wulandari</h3><p>Kepala Divisi Penjualan</p></div></div>`;
}

/**
 * Issue 15: the reader's work inside a page is bounded (no timings here: jsdom is not a browser; the benchmark
 * measures the hostile pages' time in Chromium). Work is counted in element visits.
 */
describe('a bounded reader', { timeout: 60_000 }, () => {
  it('reads 2,187 links to one shared address in nested wrappers with work linear in the links, and finds the person after them', () => {
    const doc = docAt(nestedDecoys(7), URL_.href);
    const budget = new Budget();
    const found = personCards.extract!(doc, URL_, budget);
    expect(found.map((c) => c.name)).toEqual(['Rosa Delgado']);
    expect(found[0]).toMatchObject({ jobTitle: 'Head of Partnerships', emails: ['rosa@x.example'] });
    // Before: every wrapper's whole subtree was searched from every link (millions of visits).
    expect(budget.visits).toBeLessThan(20_000);
  });

  it('reads 1,093 name-like headings nested in repeated cards with bounded work per heading, keeping the real people', () => {
    const doc = docAt(nestedHeadings(6), URL_.href);
    const budget = new Budget();
    const found = teamPage.extract!(doc, URL_, budget);
    expect(found.map((c) => [c.name, c.jobTitle])).toEqual([
      ['Rosa Delgado', 'Head of Partnerships'],
      ['Ivan Petrov', 'Chief Financial Officer'],
      ['Sari Wulandari', 'Kepala Divisi Penjualan'],
    ]);
    // Cards are looked for from job titles (three here), not from every name-like heading.
    expect(budget.visits).toBeLessThan(20_000);
  });

  it('stops where the budget ends and returns what it has', () => {
    const doc = docAt(nestedDecoys(7), URL_.href);
    const budget = new Budget(Number.POSITIVE_INFINITY, 1_000);
    personCards.extract!(doc, URL_, budget);
    expect(budget.spent).toBe(true);
    // Each loop stops at its next check: never much beyond the allowance.
    expect(budget.visits).toBeLessThan(1_000 + 200);
  });

  it('never makes an address out of a headline like "CTO @ Example.io"', () => {
    const doc = docAt(
      '<ul><li><p>Jane Doe</p><p>CTO @ Example.io</p></li><li><p>Write to jane@example.io</p></li></ul>',
      URL_.href,
    );
    expect(visibleText.extract!(doc, URL_, new Budget()).flatMap((c) => c.emails)).toEqual(['jane@example.io']);
  });
});
