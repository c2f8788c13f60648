/** Raw candidates the page reader hands over at most (merged and capped again off the page). Import-free. */
export const MAX_FOUND = 3000;

/** Element visits one reading may spend at most, whatever the clock says (a deterministic bound for tests). */
export const MAX_VISITS = 2_000_000;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * The reader's allowance of work inside someone else's page (issue 15): a deadline and a count of element visits,
 * shared by every extractor and checked inside their loops, so a hostile page (thousands of nested links or
 * name-like headings) is read partly rather than frozen. `spend` is cheap enough to call per element.
 */
export class Budget {
  visits = 0;
  private readonly deadline: number;

  constructor(
    ms = Number.POSITIVE_INFINITY,
    private readonly maxVisits = MAX_VISITS,
  ) {
    this.deadline = now() + ms;
  }

  /** Counts `n` units of work; false once the time or the visits are used up (then the caller stops). */
  spend(n = 1): boolean {
    this.visits += n;
    return this.visits <= this.maxVisits && now() < this.deadline;
  }

  get spent(): boolean {
    return this.visits > this.maxVisits || now() >= this.deadline;
  }
}
