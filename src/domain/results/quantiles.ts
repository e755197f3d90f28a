// Where a value sits among similar respondents: the median and the quartiles of their values. Quantiles are
// interpolated between the two nearest values (Hyndman & Fan type 7, as spreadsheets' QUARTILE.INC and R's
// default compute them), so a spreadsheet of the same values gives the same numbers.

export type Spread = { n: number; min: number; q1: number; median: number; q3: number; max: number };

/** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending; null when there are none. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length || !(p >= 0 && p <= 1)) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** Count, extremes, quartiles and median of any values (sorted here; non-finite values are left out). */
export function spreadOf(values: readonly number[]): Spread | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return { n: sorted.length, min: sorted[0]!, q1: quantile(sorted, 0.25)!, median: quantile(sorted, 0.5)!, q3: quantile(sorted, 0.75)!, max: sorted.at(-1)! };
}

/** Which quarter of its peers a value falls in: 1 (lowest quarter, below Q1) … 4 (above Q3). */
export function quarterOf(value: number, spread: Spread): 1 | 2 | 3 | 4 {
  if (value < spread.q1) return 1;
  if (value < spread.median) return 2;
  if (value <= spread.q3) return 3;
  return 4;
}
