/** Raw candidates the page reader hands over at most (merged and capped again off the page). Import-free. */
export const MAX_FOUND = 3000;

/** Element visits one reading may spend at most, whatever the clock says (a deterministic bound for tests). */
export const MAX_VISITS = 2_000_000;

/** Visits between two readings of the clock (a visit is a few microseconds at most: the deadline slips < 1 ms). */
const CLOCK_EVERY = 64;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * The reader's allowance of work inside someone else's page (issue 15): a deadline and a count of element visits,
 * shared by every extractor and checked inside their loops, so a hostile page (thousands of nested links or
 * name-like headings) is read partly rather than frozen. `spend` is cheap enough to call per element.
 */
export class Budget {
  visits = 0;
  private readonly deadline: number;
  /** The clock is read once per CLOCK_EVERY visits: on a page of 100,000 nodes, reading it per visit cost more
   * than the work it guarded. */
  private nextClock = 0;
  private late = false;

  constructor(
    ms = Number.POSITIVE_INFINITY,
    private readonly maxVisits = MAX_VISITS,
  ) {
    this.deadline = now() + ms;
  }

  /** Counts `n` units of work; false once the time or the visits are used up (then the caller stops). */
  spend(n = 1): boolean {
    this.visits += n;
    if (this.visits >= this.nextClock) {
      this.nextClock = this.visits + CLOCK_EVERY;
      this.late = now() >= this.deadline;
    }
    return this.visits <= this.maxVisits && !this.late;
  }

  get spent(): boolean {
    this.late ||= now() >= this.deadline;
    return this.visits > this.maxVisits || this.late;
  }
}
