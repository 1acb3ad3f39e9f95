/**
 * 95% intervals for the benchmark table: Wilson's score interval for a success rate, and
 * Student's t interval for a mean over episodes (CSR). Both are closed-form, so a table is the
 * same on every run and can be checked by hand.
 */

/** The 0.975 quantile of the standard normal. */
export const Z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/** Wilson score interval of `successes` out of `n` (95%); [0, 1] when n is 0. */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n successes the bound is exactly 0 or 1 (computed, it can be off by a rounding error).
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half) };
}

/** t(0.975, df) for df 1..30 (exact to 6 decimals). */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
  2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (a table to 30, then the Cornish-Fisher expansion, within 1e-5). */
export function t975(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  if (df <= 30) return T975[Math.round(df) - 1]!;
  const z = Z95;
  const [z3, z5, z7] = [z ** 3, z ** 5, z ** 7];
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Student's t interval (95%) of the mean of `values`, clipped to [lo, hi] (CSR lies in [0, 1]):
 * mean ± t(0.975, n-1) · s/√n with the sample standard deviation s. One value gives [lo, hi]
 * (no spread can be estimated); equal values give a zero-width interval.
 */
export function tInterval(values: readonly number[], lo = 0, hi = 1): Interval {
  const n = values.length;
  if (n < 2) return { low: lo, high: hi };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { low: Math.max(lo, mean - half), high: Math.min(hi, mean + half) };
}
