/** The middle value (mean of the two middle ones for an even count); null for no values. Leaves `values` alone. */
export function median(values: readonly number[]): number | null {
  return medianInPlace(Float64Array.from(values));
}

/** The k-th smallest value (0-based), moving the values around (quickselect: linear time, no full sort). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const swap = a[i]!;
        a[i++] = a[j]!;
        a[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** The median of a typed array whose order does not matter (it is reordered); null when empty. */
export function medianInPlace(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const mid = n >> 1;
  const upper = select(values, mid);
  if (n % 2) return upper;
  // After selecting `mid`, everything before it is ≤ it: the largest of those is the other middle value.
  let lower = values[0]!;
  for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** a ÷ b, or null when b is 0 (a rate of nothing is unknown, not zero). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
