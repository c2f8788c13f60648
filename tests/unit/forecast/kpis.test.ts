// Each KPI on a few deals worked out by hand (the opportunity file test covers them together).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodsCovering } from '@/lib/forecast/calendar';
import { dealTable } from '@/lib/forecast/deal-table';
import { findBottleneck } from '@/lib/forecast/kpi/bottleneck';
import { capturesPerWeek } from '@/lib/forecast/kpi/captures-per-week';
import { firstDealOfContact, newProspectsBySource } from '@/lib/forecast/kpi/new-prospects';
import { salesCycle } from '@/lib/forecast/kpi/sales-cycle';
import { openDealsAt, salesVelocity } from '@/lib/forecast/kpi/sales-velocity';
import { stageDwell } from '@/lib/forecast/kpi/stage-dwell';
import { stageFunnel } from '@/lib/forecast/kpi/stage-funnel';
import { winRate } from '@/lib/forecast/kpi/win-rate';
import { averageWonDealSize } from '@/lib/forecast/kpi/won-deal-size';
import { DAY, deal, STAGES } from './factory';

const JAN = Date.UTC(2026, 0, 1);
const FEB = Date.UTC(2026, 1, 1);
const january = { start: JAN, end: FEB };

describe('win rate, deal size, cycle and velocity', () => {
  const t = dealTable(
    [
      deal(
        'w1',
        [
          ['prospecting', JAN - 10 * DAY],
          ['won', JAN],
        ],
        { amount: 1_000 },
      ), // 10 days; first instant: in
      deal(
        'w2',
        [
          ['prospecting', JAN],
          ['won', JAN + 20 * DAY],
        ],
        { amount: 3_000 },
      ), // 20 days
      deal('w3', [
        ['prospecting', JAN],
        ['won', JAN + 6 * DAY],
      ]), // 6 days, no amount
      deal(
        'w4',
        [
          ['prospecting', JAN],
          ['won', JAN + 30 * DAY],
        ],
        { amount: 500, currency: 'EUR' },
      ), // 30 days
      deal('l1', [
        ['prospecting', JAN],
        ['lost', JAN + 3 * DAY],
      ]),
      deal(
        'w-out',
        [
          ['prospecting', JAN],
          ['won', FEB],
        ],
        { amount: 9_999 },
      ), // end is exclusive: out
      deal('open', [['demo', JAN]]),
    ],
    STAGES,
  );

  it('are computed over the deals closed in the range', () => {
    expect(winRate(t, january)).toEqual({ won: 4, lost: 1, rate: 0.8 });
    expect(averageWonDealSize(t, january, 'USD')).toEqual({
      count: 2,
      total: 4_000,
      average: 2_000,
      unknownAmount: 1,
      otherCurrency: 1,
    });
    // Days 10, 20, 6, 30 → median (10 + 20) / 2 = 15, mean 66 / 4 = 16.5.
    expect(salesCycle(t, january)).toEqual({ count: 4, medianDays: 15, meanDays: 16.5 });
    expect(winRate(t, { start: FEB, end: FEB + DAY })).toEqual({ won: 1, lost: 0, rate: 1 });
    expect(winRate(t, { start: FEB + DAY, end: FEB + 2 * DAY }).rate).toBeNull();
  });

  it('velocity = open deals × win rate × average won ÷ average cycle, unknown when a part is', () => {
    // Open at the end of January: 'open' and 'w-out' (won on Feb 1) → 2.
    expect(openDealsAt(t, FEB - 1)).toBe(2);
    // 2 × 0.8 × 2000 ÷ 16.5 = 193.9393…
    expect(salesVelocity({ openDeals: 2, winRate: 0.8, averageWonSize: 2_000, averageCycleDays: 16.5 })).toBeCloseTo(
      3_200 / 16.5,
      10,
    );
    expect(salesVelocity({ openDeals: 2, winRate: null, averageWonSize: 2_000, averageCycleDays: 16.5 })).toBeNull();
    expect(salesVelocity({ openDeals: 2, winRate: 0.5, averageWonSize: 2_000, averageCycleDays: 0 })).toBeNull();
  });
});

describe('stage conversion, time in stage and the bottleneck', () => {
  const at = (d: number) => JAN + d * DAY;
  // prospecting → initial_contact → qualification → demo → proposal → closing → won
  const deals = [
    // Skips qualification (and, won from demo, proposal and closing): skipped, not passed.
    deal('a', [
      ['prospecting', at(0)],
      ['initial_contact', at(2)],
      ['demo', at(12)],
      ['won', at(20)],
    ]),
    deal('b', [
      ['prospecting', at(1)],
      ['initial_contact', at(3)],
      ['lost', at(5)],
    ]),
    deal('c', [
      ['prospecting', at(1)],
      ['lost', at(4)],
    ]),
    deal('d', [
      ['initial_contact', at(2)],
      ['qualification', at(4)],
    ]), // open, created in initial contact
    deal('e', [['prospecting', at(3)]]), // open
    deal('old', [
      ['prospecting', JAN - 40 * DAY],
      ['won', at(1)],
    ]), // created before the range: not in the cohort
  ];
  const t = dealTable(deals, STAGES);

  it('follows the cohort created in the range through the stages', () => {
    const f = stageFunnel(t, january);
    expect(f.cohort).toBe(5);
    expect(f.won).toBe(1);
    // entered: a prospecting, initial_contact, demo (won); b prospecting, initial_contact; c prospecting;
    // d initial_contact, qualification (open); e prospecting (open)
    expect(f.rows.map((r) => [r.stageId, r.reached, r.skipped, r.nextReached, r.won])).toEqual([
      ['prospecting', 4, 1, 2, 1], // d started past it; a and b went on
      ['initial_contact', 3, 0, 2, 1], // a and d went on
      ['qualification', 1, 1, 0, 0], // a skipped it
      ['demo', 1, 0, 1, 1],
      ['proposal', 0, 1, 0, 0],
      ['closing', 0, 1, 0, 0],
    ]);
    expect(f.rows[0]!.toNext).toBe(0.5);
    expect(f.rows[1]!.wonShare).toBeCloseTo(1 / 3, 12);
    expect(f.rows[4]!.toNext).toBeNull();
  });

  it('takes the median of finished stays only', () => {
    const d = stageDwell(t, january);
    // prospecting stays: a 2, b 2, c 3 (e still there) → 2. initial_contact: a 10, b 2, d 2 → 2. demo: a 8.
    expect(d.find((x) => x.stageId === 'prospecting')).toEqual({ stageId: 'prospecting', sample: 3, medianDays: 2 });
    expect(d.find((x) => x.stageId === 'initial_contact')).toMatchObject({ sample: 3, medianDays: 2 });
    expect(d.find((x) => x.stageId === 'demo')).toMatchObject({ sample: 1, medianDays: 8 });
    expect(d.find((x) => x.stageId === 'qualification')).toMatchObject({ sample: 0, medianDays: null });
  });

  it('flags the stage that stands out most against the others’ median, with its longest-sitting deals', () => {
    const slow = dealTable(
      [
        // Six through qualification, which keeps them 38 days; six around it in 6 days. All won.
        ...Array.from({ length: 6 }, (_, i) =>
          deal(`q${i}`, [
            ['prospecting', at(0)],
            ['qualification', at(2)],
            ['won', at(40)],
          ]),
        ),
        ...Array.from({ length: 6 }, (_, i) =>
          deal(`i${i}`, [
            ['prospecting', at(0)],
            ['initial_contact', at(3)],
            ['won', at(6)],
          ]),
        ),
        // Sitting in qualification now; created before the range, so outside its cohort.
        deal('stuck-b', [
          ['prospecting', JAN - 20 * DAY],
          ['qualification', at(10)],
        ]),
        deal('stuck-a', [
          ['prospecting', JAN - 20 * DAY],
          ['qualification', at(5)],
        ]),
      ],
      STAGES,
    );
    const range = { start: JAN, end: at(60) };
    const funnel = stageFunnel(slow, range);
    // Conversion does not stand out: every stage entered passes all its deals on.
    expect(funnel.rows.filter((r) => r.reached > 0).every((r) => r.toNext === 1)).toBe(true);
    // Median stays: prospecting 2.5 (six of 2 days, six of 3), initial contact 3, qualification 38.
    // Qualification: 38 ÷ median(2.5, 3) = 38 ÷ 2.75 ≈ 13.8 times the others; the others are below 1.
    const b = findBottleneck(funnel.rows, stageDwell(slow, range), slow, at(50), { minSample: 5 });
    expect(b).toMatchObject({ stageId: 'qualification', reason: 'dwell', medianDays: 38, othersMedianDays: 2.75 });
    expect(b!.severity).toBeCloseTo(38 / 2.75, 10);
    expect(b!.stuck.map((d) => [d.dealId, d.days])).toEqual([
      ['stuck-a', 45],
      ['stuck-b', 40],
    ]);
  });

  it('flags nothing when fewer than two stages have enough deals to compare', () => {
    const funnel = stageFunnel(t, january);
    expect(findBottleneck(funnel.rows, stageDwell(t, january), t, at(30), { minSample: 5 })).toBeNull();
  });
});

describe('new prospects and captures', () => {
  const t = dealTable(
    [
      deal('1', [['prospecting', Date.UTC(2026, 0, 5)]], { source: 'linkedin' }),
      deal('2', [['prospecting', Date.UTC(2026, 0, 6)]], { source: 'import' }),
      deal('3', [['prospecting', Date.UTC(2026, 0, 12)]], { source: 'linkedin' }),
      deal('4', [['prospecting', Date.UTC(2026, 1, 2)]], { source: '' }),
      deal('5', [['prospecting', Date.UTC(2026, 1, 3)]], { source: 'gmail', deletedAt: Date.UTC(2026, 1, 4) }),
      deal('6', [['prospecting', Date.UTC(2025, 11, 31)]], { source: 'gmail' }),
      // A second deal with contact 1 (made in the popup): not a new prospect, not a capture.
      deal('7', [['prospecting', Date.UTC(2026, 0, 20)]], { source: 'linkedin', contactId: 'c-1' }),
    ],
    STAGES,
  );
  const range = { start: JAN, end: Date.UTC(2026, 2, 1) };

  it('counts contacts first seen per month by source (deleted deals left out, no source shown as unknown)', () => {
    const p = newProspectsBySource(t, range, periodsCovering('2026-01-01', '2026-02-28', 'month', 'utc'));
    expect(p.sources).toEqual(['linkedin', 'import', 'unknown']);
    expect(p.rows).toEqual([
      { key: '2026-01', total: 3, bySource: { linkedin: 2, import: 1 } },
      { key: '2026-02', total: 1, bySource: { unknown: 1 } },
    ]);
    expect(p.total).toBe(4);
  });

  it('counts captures (not imports) per Monday-first week', () => {
    const weeks = periodsCovering('2026-01-01', '2026-02-28', 'week', 'utc');
    const c = capturesPerWeek(t, range, weeks);
    expect(c.slice(0, 3)).toEqual([
      { key: '2025-12-29', count: 0 }, // deal 6 is from Dec 31: before the range
      { key: '2026-01-05', count: 1 }, // deal 2 was imported
      { key: '2026-01-12', count: 1 },
    ]);
    expect(c.find((w) => w.key === '2026-02-02')).toEqual({ key: '2026-02-02', count: 1 });
    expect(c.reduce((n, w) => n + w.count, 0)).toBe(3);
  });
});

describe("a contact's first deal", () => {
  it('is the earliest of its deals (first row on a tie), for any ids, as a plain grouping says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }),
        (rows) => {
          const t = dealTable(
            rows.map(([contact, day], i) =>
              deal(`d${i}`, [['prospecting', JAN + day * DAY]], { contactId: `c${contact}` }),
            ),
            STAGES,
          );
          const earliest = new Map<string, number>();
          rows.forEach(([contact, day], i) => {
            const j = earliest.get(contact);
            if (j === undefined || day < rows[j]![1]) earliest.set(contact, i);
          });
          const expected = new Uint8Array(rows.length);
          for (const i of earliest.values()) expected[i] = 1;
          expect(firstDealOfContact(t)).toEqual(expected);
        },
      ),
    );
  });
});
