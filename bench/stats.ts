/** Percentiles and the one-line report format every benchmark prints. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

export interface Verdict {
  name: string;
  value: number;
  target: number;
}

export function verdictLine({ name, value, target }: Verdict): string {
  return `${value <= target ? 'PASS' : 'MISS'}  ${name}: ${ms(value)} (target < ${ms(target)})`;
}
