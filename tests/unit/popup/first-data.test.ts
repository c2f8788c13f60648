import { describe, expect, it } from 'vitest';
import type { PopupOpened } from '@/lib/background/popup-open';
import { FIRST_DATA_ID, type FirstData, firstDataBlock, readFirstData } from '@/lib/popup/first-data';

const opened = (tabId: number): PopupOpened => ({
  tab: { id: tabId, url: 'https://example.test/team' },
  first: { stages: [], read: undefined, view: null, remembered: [], people: [] } as unknown as PopupOpened['first'],
  at: { tab: 1, store: 2 },
});

const data = (over: Partial<FirstData> = {}): FirstData => ({
  tabId: 7,
  opened: opened(7),
  read: { state: 'failed' },
  settings: { locale: 'id' },
  ...over,
});

/** The popup's page as the browser would parse the block: its text content, as the element holds it. */
function pageWith(block: string) {
  const match = new RegExp(`^<script type="application/json" id="${FIRST_DATA_ID}">(.*)</script>$`, 's').exec(block);
  return { getElementById: (id: string) => (id === FIRST_DATA_ID && match ? { textContent: match[1]! } : null) };
}

describe("the popup's first screen written into its page", () => {
  it('round-trips through the page for the tab the popup is about', () => {
    const written = data();
    expect(readFirstData(pageWith(firstDataBlock(written)), 7)).toEqual(written);
    // The active tab's popup (no ?tabId): written for no named tab either.
    const active = data({ tabId: undefined });
    expect(readFirstData(pageWith(firstDataBlock(active)), undefined)).toEqual(active);
  });

  it('cannot be closed or broken by what the page read: every < is escaped', () => {
    const hostile = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>';
    const written = data({ settings: { note: hostile }, read: { state: 'failed' } });
    const block = firstDataBlock(written);
    // One element, whole: the only "</script" is the block's own end.
    expect(block.match(/<\/script/gi)).toHaveLength(1);
    expect(block.endsWith('</script>')).toBe(true);
    expect(block.slice(0, -'</script>'.length)).not.toContain('<!--');
    expect(readFirstData(pageWith(block), 7)?.settings).toEqual({ note: hostile });
  });

  it("is not used for another tab, when missing or when it is not the background's answer", () => {
    expect(readFirstData(pageWith(firstDataBlock(data())), 8)).toBeUndefined();
    expect(readFirstData(pageWith(firstDataBlock(data({ tabId: undefined }))), 7)).toBeUndefined();
    // Written for tab 7 but answering about another tab.
    expect(readFirstData(pageWith(firstDataBlock(data({ opened: opened(9) }))), 7)).toBeUndefined();
    expect(readFirstData({ getElementById: () => null }, 7)).toBeUndefined();
    expect(readFirstData({ getElementById: () => ({ textContent: '{"tabId":7' }) }, 7)).toBeUndefined();
    expect(readFirstData({ getElementById: () => ({ textContent: 'null' }) }, 7)).toBeUndefined();
    expect(readFirstData({ getElementById: () => ({ textContent: '{"tabId":7,"read":{}}' }) }, 7)).toBeUndefined();
  });
});
