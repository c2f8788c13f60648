import { afterEach, beforeEach, vi } from 'vitest';
import type { CandidateInput } from '@/lib/model';

/**
 * The day the BANT-on-write tests write on: the suggestions' Timeline reads the calendar, so Date is faked (only
 * Date: IndexedDB keeps its timers). Call useWriteDay() at a test file's top level.
 */
export const now = new Date(2026, 4, 20, 10).getTime();
/** Saving as a rep with "start a deal for every capture" on. */
export const opts = { now, currency: 'USD', owner: 'rep', startDeal: true };
/** One BANT part as a suggestion (or a confirmed part) stores it. */
export const part = (level: number, confirmed = false) => ({ level, note: '', confirmed });
/** A person at Acme with a work email from their first name. */
export const person = (name: string, jobTitle: string): CandidateInput => ({
  name,
  jobTitle,
  company: 'Acme',
  emails: [`${name.split(' ')[0]!.toLowerCase()}@acme.test`],
});

export function useWriteDay(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
