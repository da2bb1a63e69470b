/** Small number helpers shared by the benchmarks. */

/** The p-th percentile (0–100) of the values, nearest rank; the values need not be sorted. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Progress for the person running the bench, on stderr (stdout holds only the table and the JSON line). */
export function note(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
