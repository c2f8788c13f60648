import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  detectNumberStyle,
  isEmail,
  normaliseEmail,
  parseAmount,
  parseDate,
  splitList,
} from '@/lib/io/parse-values';

const noon = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);

describe('parseDate', () => {
  it('reads the date formats CRM exports and spreadsheets write, a calendar day at 12:00 UTC', () => {
    const day = { at: noon(2016, 10, 20), day: '2016-10-20' };
    for (const text of [
      '2016-10-20',
      '2016/10/20',
      '10/20/2016',
      '10-20-2016',
      '20 Oct 2016',
      '20-Oct-16',
      'Oct 20, 2016',
      'October 20th, 2016',
      '20 Okt 2016',
      'Thu, 20 Oct 2016',
      ' 2016-10-20 ',
    ]) {
      expect(parseDate(text, 'mdy'), text).toEqual({ ok: true, value: day });
    }
    expect(parseDate('20/10/2016', 'dmy')).toEqual({ ok: true, value: day });
    expect(parseDate('20.10.2016', 'dmy')).toEqual({ ok: true, value: day });
    expect(parseDate('03/04/2024', 'mdy')).toMatchObject({ value: { day: '2024-03-04' } });
    expect(parseDate('03/04/2024', 'dmy')).toMatchObject({ value: { day: '2024-04-03' } });
  });

  it('keeps the time when there is one: with a zone exactly, without one as local time', () => {
    expect(parseDate('2016-10-20T10:00:00Z')).toEqual({
      ok: true,
      value: { at: Date.UTC(2016, 9, 20, 10), day: '2016-10-20' },
    });
    expect(parseDate('2016-10-20T10:00:00+07:00')).toMatchObject({ value: { at: Date.UTC(2016, 9, 20, 3) } });
    expect(parseDate('2016-10-20 14:33')).toMatchObject({ value: { at: new Date(2016, 9, 20, 14, 33).getTime() } });
    expect(parseDate('10/20/2016 3:04 PM')).toMatchObject({ value: { at: new Date(2016, 9, 20, 15, 4).getTime() } });
    expect(parseDate('1476964800000')).toMatchObject({ value: { at: 1476964800000, day: '2016-10-20' } });
  });

  it('reports what it cannot read instead of guessing', () => {
    for (const text of [
      '2016-13-45',
      '2016-02-30',
      '31/31/2016',
      'soon',
      '1969-12-31',
      'Oct 2016',
      '10/20/2016 25:00',
    ]) {
      expect(parseDate(text, 'mdy'), text).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(parseDate('  ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('never throws, and a date it accepts is a valid day', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('mdy' as const, 'dmy' as const), (s, order) => {
        const r = parseDate(s, order);
        if (r.ok) {
          expect(r.value.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Number.isInteger(r.value.at) && r.value.at >= 0).toBe(true);
        }
      }),
    );
  });

  it('round-trips every calendar day from 1970 to 2100 in every numeric format', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
        (d) => {
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(parseDate(iso)).toMatchObject({ value: { day: iso, at: noon(y, m, day) } });
          expect(parseDate(`${m}/${day}/${y}`, 'mdy')).toMatchObject({ value: { day: iso } });
          expect(parseDate(`${day}.${m}.${y}`, 'dmy')).toMatchObject({ value: { day: iso } });
        },
      ),
    );
  });
});

describe('detectDateOrder', () => {
  it('decides from a part above 12, else falls back', () => {
    expect(detectDateOrder(['03/04/2024', '25/04/2024'], 'mdy')).toBe('dmy');
    expect(detectDateOrder(['03/04/2024', '04/25/2024'], 'dmy')).toBe('mdy');
    expect(detectDateOrder(['03/04/2024'], 'dmy')).toBe('dmy');
    expect(detectDateOrder(['25/04/2024', '04/25/2024'], 'mdy')).toBe('mdy');
  });
});

describe('parseAmount', () => {
  it('gives exact integer minor units of the currency', () => {
    expect(parseAmount('1054', 'USD')).toEqual({ ok: true, value: 105400 });
    expect(parseAmount('$1,054.07', 'USD')).toEqual({ ok: true, value: 105407 });
    expect(parseAmount('USD 4,514.50', 'USD')).toEqual({ ok: true, value: 451450 });
    expect(parseAmount('0.1', 'USD')).toEqual({ ok: true, value: 10 });
    expect(parseAmount('Rp 1.500.000', 'IDR')).toEqual({ ok: true, value: 150000000 });
    expect(parseAmount('1.234,56 €', 'EUR')).toEqual({ ok: true, value: 123456 });
    expect(parseAmount("1'000.50", 'CHF')).toEqual({ ok: true, value: 100050 });
    expect(parseAmount('12 500', 'EUR')).toEqual({ ok: true, value: 1250000 });
    expect(parseAmount('¥1,000', 'JPY')).toEqual({ ok: true, value: 1000 });
    expect(parseAmount('1.2345', 'KWD')).toEqual({ ok: true, value: 1235 });
    expect(parseAmount('0.005', 'USD')).toEqual({ ok: true, value: 1 });
  });

  it('reads a lone separator before three digits as the file’s style says', () => {
    expect(parseAmount('1,054', 'USD', 'dot')).toEqual({ ok: true, value: 105400 });
    expect(parseAmount('1.054', 'USD', 'comma')).toEqual({ ok: true, value: 105400 });
    expect(parseAmount('1.054', 'USD', 'dot')).toEqual({ ok: true, value: 105 });
    expect(parseAmount('12,5', 'EUR', 'dot')).toEqual({ ok: true, value: 1250 });
  });

  it('refuses negative, non-numeric and impossibly large amounts', () => {
    expect(parseAmount('-20', 'USD')).toEqual({ ok: false, reason: 'negative' });
    expect(parseAmount('(20.00)', 'USD')).toEqual({ ok: false, reason: 'negative' });
    expect(parseAmount('$-20', 'USD')).toEqual({ ok: false, reason: 'negative' });
    expect(parseAmount('lots', 'USD')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseAmount('1-000', 'USD')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseAmount('1.2.3,4,5', 'USD')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseAmount('99999999999999999999', 'USD')).toEqual({ ok: false, reason: 'too-large' });
    expect(parseAmount('', 'USD')).toEqual({ ok: false, reason: 'empty' });
  });

  it('never throws; an accepted amount is a safe non-negative integer; plain numbers round-trip', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('dot' as const, 'comma' as const), (s, style) => {
        const r = parseAmount(s, 'USD', style);
        if (r.ok) expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(parseAmount(text, 'USD')).toEqual({ ok: true, value: cents });
        expect(parseAmount(text.replace('.', ','), 'EUR', 'comma')).toEqual({ ok: true, value: cents });
      }),
    );
  });
});

describe('detectNumberStyle', () => {
  it('decides from values that can only be read one way', () => {
    expect(detectNumberStyle(['1.234,56', '12,5'])).toBe('comma');
    expect(detectNumberStyle(['1,234.56', '12.5'])).toBe('dot');
    expect(detectNumberStyle(['1.500.000'])).toBe('comma');
    expect(detectNumberStyle(['1,054'], 'dot')).toBe('dot');
  });
});

describe('isEmail', () => {
  it('accepts addresses and refuses the rest', () => {
    expect(isEmail('jane@acme.example')).toBe(true);
    expect(isEmail('jane.doe+crm@sub.acme.co.id')).toBe(true);
    for (const bad of ['jane', 'jane@', '@acme.com', 'jane@acme', 'ja ne@acme.com', 'a@b@c.com', 'jane@acme.com;']) {
      expect(isEmail(bad), bad).toBe(false);
    }
  });
});

describe('long cells', () => {
  /** The slowest of a few runs, in ms. */
  function slowest(run: () => unknown): number {
    let worst = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      run();
      worst = Math.max(worst, performance.now() - start);
    }
    return worst;
  }

  it('are refused or read in linear time, never seconds (100,000 characters)', () => {
    const n = 100_000;
    const cells = [
      `${'- '.repeat(n / 2)}x`,
      `${'a'.repeat(n)}1`,
      `1${' '.repeat(n)}-x`,
      `${'x.'.repeat(n / 2)}x@`,
      `a@${'x.'.repeat(n / 2)}`,
      `a@${'x.'.repeat(n / 2)}(`,
      `${'<'.repeat(n)}a@b.c`,
      `${' '.repeat(n)};`,
      `2024-01-01 ${' '.repeat(n)}Z`,
    ];
    for (const cell of cells) {
      const label = `${cell.slice(0, 12)}… (${cell.length})`;
      expect(
        slowest(() => parseAmount(cell, 'USD')),
        `amount ${label}`,
      ).toBeLessThan(200);
      expect(
        slowest(() => parseDate(cell)),
        `date ${label}`,
      ).toBeLessThan(200);
      expect(
        slowest(() => isEmail(normaliseEmail(cell))),
        `email ${label}`,
      ).toBeLessThan(200);
      expect(
        slowest(() => splitList(cell)),
        `list ${label}`,
      ).toBeLessThan(200);
      expect(isEmail(normaliseEmail(cell))).toBe(false);
    }
    expect(parseAmount(`${'1'.repeat(200)}`, 'USD')).toEqual({ ok: false, reason: 'invalid' });
    expect(splitList(' a ;  b;;c ')).toEqual(['a', 'b', 'c']);
    expect(normaliseEmail('Ann <Ann@X.com>')).toBe('ann@x.com');
    expect(normaliseEmail('mailto:Ann@X.com')).toBe('ann@x.com');
    expect(parseAmount('$ 1,234.50 -', 'USD')).toEqual({ ok: false, reason: 'negative' });
  });
});
