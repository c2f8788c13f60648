import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { glanceShown, markFirstScreenPainted } from '@/lib/popup/ready-mark';

const doc = (app: string) => new JSDOM(`<body><div id="app">${app}</div></body>`).window.document;

afterEach(() => performance.clearMarks());

describe("the benchmark's end point, 'popup-ready'", () => {
  it('knows a page that came with a glance showing a stage and a score', () => {
    const glance =
      '<main data-glance><h1>Dewi</h1><strong data-glance-stage>Demo</strong><strong data-glance-score>50</strong></main>';
    expect(glanceShown(doc(glance))).toBe(true);
    expect(glanceShown(doc(''))).toBe(false);
    expect(glanceShown(doc('<main data-glance><h1>Dewi</h1></main>'))).toBe(false);
  });

  it('is marked once when the first screen is painted, and not then when a glance was (its paint is the mark)', () => {
    markFirstScreenPainted(true);
    expect(performance.getEntriesByName('popup-ready')).toHaveLength(0);
    markFirstScreenPainted(false);
    markFirstScreenPainted(false);
    expect(performance.getEntriesByName('popup-ready')).toHaveLength(1);
  });
});
