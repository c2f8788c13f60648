import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glanceMarkup } from '@/lib/background/popup-glance';
import { type PopupOpenDeps, popupOpens } from '@/lib/background/popup-open';
import { prepareCapture } from '@/lib/capture/prepare';
import { RawPageCapture } from '@/lib/capture/raw';
import { scoreBant } from '@/lib/pipeline/bant';
import { saveCapture } from '@/lib/pipeline/capture';
import { escapeHtml, glanceHtml, glanceOf } from '@/lib/popup/glance';
import { freshDb } from '../helpers';

const URL = 'http://127.0.0.1/loop/person.html';
const WEIGHTS = { budget: 25, authority: 25, need: 25, timeline: 25 };
const dewi = {
  name: 'Dewi Lestari',
  jobTitle: 'Head of Procurement',
  emails: ['dewi.lestari@nusantara-logistics.test'],
  company: 'Nusantara Logistics',
};

/** The background's answer for a page showing `found`, with Dewi stored (with a deal, or as a lead). */
async function answerFor(found: object[], opts: { startDeal?: boolean; stored?: object } = {}) {
  const db = await freshDb();
  const capture = prepareCapture(RawPageCapture.parse({ url: URL, found: [opts.stored ?? dewi] }));
  await saveCapture(db, capture, { now: 1000, currency: 'USD', owner: '', startDeal: opts.startDeal ?? true });
  const deps: PopupOpenDeps = {
    tab: async (tabId) => ({ id: tabId ?? 7, url: URL }),
    reader: async () => [{ result: { url: URL, title: 'Dewi', found } }],
    recall: async () => [],
    now: () => 0,
  };
  const answer = await popupOpens(db, deps).open({ openId: 'a', tabId: 7 });
  return { db, answer: JSON.parse(JSON.stringify(answer)) as typeof answer };
}

describe("the popup's glance, drawn by the background into the popup's page", () => {
  it('shows the one known person, the stage of the deal the popup shows first and its score', async () => {
    const { db, answer } = await answerFor([dewi]);
    const [deal] = await db.deals.toArray();
    const stage = await db.stages.get(deal!.stageId);
    expect(glanceOf(answer.first, WEIGHTS)).toEqual({
      name: 'Dewi Lestari',
      role: 'Head of Procurement · Nusantara Logistics',
      stage: stage!.name,
      score: scoreBant(deal!.bant, WEIGHTS),
    });
    // The rep's weights, as the popup scores it.
    const weighted = { budget: 0, authority: 100, need: 0, timeline: 0 };
    expect(glanceOf(answer.first, weighted)?.score).toBe(scoreBant(deal!.bant, weighted));
  });

  it('shows nothing where the popup would show something else: several people, a lead, a name-only match', async () => {
    const budi = { name: 'Budi Santoso', emails: ['budi@nusantara-logistics.test'], company: 'Nusantara Logistics' };
    expect(glanceOf((await answerFor([dewi, budi])).answer.first, WEIGHTS)).toBeNull();
    expect(glanceOf((await answerFor([dewi], { startDeal: false })).answer.first, WEIGHTS)).toBeNull();
    // The page gives her name and company only: the popup asks whether it is the same person.
    const byName = await answerFor([{ name: 'Dewi Lestari', company: 'Nusantara Logistics' }]);
    expect(byName.answer.first.people[0]?.match).toBe('name');
    expect(glanceOf(byName.answer.first, WEIGHTS)).toBeNull();
    // Nobody known.
    expect(glanceOf((await answerFor([budi])).answer.first, WEIGHTS)).toBeNull();
  });

  it('writes names from pages as text, never as markup, and carries no style attribute', async () => {
    const hostile = { ...dewi, name: 'Dewi <img src=x onerror=alert(1)> Lestari', company: 'A&B <Co>' };
    const { answer } = await answerFor([hostile], { stored: hostile });
    const glance = glanceOf(answer.first, WEIGHTS)!;
    const html = glanceHtml(glance, { bant: 'BANT score' });
    expect(html).not.toContain('<img');
    expect(html).toContain('<h1>Dewi &#60;img src=x onerror=alert(1)&#62; Lestari</h1>');
    expect(html).toContain('A&#38;B &#60;Co&#62;');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toMatch(/data-glance-stage>[^<]+</);
    expect(html).toMatch(new RegExp(`data-glance-score>${glance.score}<`));
    expect(escapeHtml(`'"`)).toBe('&#39;&#34;');
  });

  it("is drawn only for the popup's own tab, and not at all when the answer is late", async () => {
    const { answer } = await answerFor([dewi]);
    const weights = Promise.resolve(WEIGHTS);
    // The tab the popup's URL names (tests, benchmarks) is the tab the answer is about: drawn.
    await expect(glanceMarkup(Promise.resolve(answer), 7, weights)).resolves.toContain('Dewi Lestari');
    // Another tab: not drawn.
    await expect(glanceMarkup(Promise.resolve(answer), 8, weights)).resolves.toBe('');
    // An answer later than the wait: the page is served without a glance, not held back.
    const never = new Promise<typeof answer>(() => undefined);
    await expect(glanceMarkup(never, 7, weights, 5)).resolves.toBe('');
  });

  it("without a tab named, is drawn only when the popup's own window shows the tab the answer is about", async () => {
    const { answer } = await answerFor([dewi]);
    const weights = Promise.resolve(WEIGHTS);
    const runtime = fakeBrowser.runtime as unknown as { getContexts?: () => Promise<{ windowId: number }[]> };
    // The popup's window (3) shows tab 9.
    const here = { id: 9, windowId: 3 };
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) =>
      q.active && q.windowId === here.windowId ? [{ id: here.id } as Browser.tabs.Tab] : [],
    );
    const glanced = (id: number) =>
      glanceMarkup(Promise.resolve({ ...answer, tab: { ...answer.tab, id } }), undefined, weights);
    // A browser that cannot say which window the popup is in: not drawn.
    await expect(glanced(here.id!)).resolves.toBe('');
    runtime.getContexts = async () => [{ windowId: here.windowId! }];
    await expect(glanced(here.id!)).resolves.toContain('Dewi Lestari');
    // The background's answer is about another tab than the one the popup's window shows.
    await expect(glanced(here.id! + 1)).resolves.toBe('');
    // Two popups open: which one is loading is not known.
    runtime.getContexts = async () => [{ windowId: here.windowId! }, { windowId: here.windowId! + 1 }];
    await expect(glanced(here.id!)).resolves.toBe('');
    delete runtime.getContexts;
  });
});
