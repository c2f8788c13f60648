import { describe, expect, it } from 'vitest';
import { parseMailDate } from '@/lib/pipeline/mail-date';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe("a mail client's date", () => {
  it("reads Gmail's and Outlook's English forms", () => {
    expect(parseMailDate('Wed, Jan 8, 2025, 2:41 PM')).toBe(at(2025, 1, 8, 14, 41));
    expect(parseMailDate('Thu 1/9/2025 4:27 PM')).toBe(at(2025, 1, 9, 16, 27));
  });

  it('reads the Indonesian forms, day before month', () => {
    expect(parseMailDate('Rab, 8 Jan 2025, 14.41', 'id')).toBe(at(2025, 1, 8, 14, 41));
    expect(parseMailDate('Sen, 6 Agu 2025, 09.15', 'id')).toBe(at(2025, 8, 6, 9, 15));
    expect(parseMailDate('Kam 09/01/2025 16.27', 'id')).toBe(at(2025, 1, 9, 16, 27));
    expect(parseMailDate('Jum, 5 Des 2025', 'id')).toBe(at(2025, 12, 5));
  });

  it('gives null for what it cannot read, so the text is kept instead', () => {
    expect(parseMailDate('')).toBeNull();
    expect(parseMailDate('kemarin')).toBeNull();
    expect(parseMailDate('x'.repeat(100_000))).toBeNull();
  });
});
