/** Raw candidates the page reader hands over at most (merged and capped again off the page). Import-free. */
export const MAX_FOUND = 3000;
