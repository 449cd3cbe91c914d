/** Timing, percentiles and the way figures are printed, shared by every part of the benchmark. */

export interface Options {
  /** Fewer runs and samples (never fewer than the minimum each figure names). */
  quick: boolean;
  /** Timed runs of the in-process measurements. */
  runs: number;
  /** The corpus folder given on the command line, if any. */
  corpusArg: string | undefined;
  /** Parts to run (all when empty). */
  only: string[];
}

export interface Summary {
  /** One row of the closing table: what was measured and its figure. */
  row(figure: string, value: string): void;
  /** Something measured crashed: the run ends with exit status 1 after printing everything. */
  failed(what: string, error: unknown): void;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds per run of `work`, after `warmup` untimed runs. */
export function timeRuns(warmup: number, runs: number, work: () => unknown): number[] {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    work();
    times.push(now() - start);
  }
  return times;
}

/** The value at quantile q (0..1) of the sorted values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A number at a sensible precision, with thousands separators from 1,000 up. */
export function num(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** `12.3 ms [10.1 .. 15.0]`: median and range of run times. */
export function msRange(times: readonly number[]): string {
  return `${num(median(times))} ms [${num(Math.min(...times))} .. ${num(Math.max(...times))}]`;
}

/** `p50 1.23 ms, p99 4.56 ms (n=200)`. */
export function msPercentiles(times: readonly number[]): string {
  return `p50 ${num(quantile(times, 0.5))} ms, p99 ${num(quantile(times, 0.99))} ms (n=${times.length})`;
}

/** A rate from run times in ms: `1,234 files/s [1,100 .. 1,300]` (median, slowest .. fastest run). */
export function rate(count: number, unit: string, times: readonly number[]): string {
  const per = (ms: number): number => (count * 1000) / ms;
  return `${num(per(median(times)))} ${unit} [${num(per(Math.max(...times)))} .. ${num(per(Math.min(...times)))}]`;
}

export function bytes(n: number): string {
  if (n >= 1e6) return `${num(n / 1e6)} MB`;
  if (n >= 1e3) return `${num(n / 1e3)} kB`;
  return `${n} B`;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
