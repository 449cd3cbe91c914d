/**
 * Two generated 50,000-line units: a repeated realistic service (parse only,
 * and parse + diagnostics as a newly opened document gets them), and one of
 * ordering and dependency settings only (parse + diagnostics). Each figure is
 * taken in a fresh process (unitTiming.ts) that is stopped when it runs too
 * long; a unit too slow at 50,000 lines is then measured at 2,000 lines as
 * well, to show where it stands.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { TimingJob, TimingResult } from './unitTiming';
import { msRange, num, type Options, type Summary } from './stats';

const LINES = 50_000;
const FALLBACK_LINES = 2_000;

type Outcome = { result: TimingResult } | { timedOutAfterMs: number };

function timeInChild(job: TimingJob, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'unitTiming.js'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-5000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ timedOutAfterMs: timeoutMs });
      if (status !== 0) return reject(new Error(`the measurement ended with ${status ?? signal}: ${stderr.trim()}`));
      resolve({ result: JSON.parse(stdout) as TimingResult });
    });
  });
}

/** `123 ms [110 .. 130] (5 runs; cold 200 ms)`, or the cold run alone when the budget allowed no more. */
function describe(result: TimingResult): string {
  if (result.times.length === 0) return `${num(result.cold)} ms (one cold run; no time for more)`;
  const runs = result.times.length;
  return `${msRange(result.times)} (${runs} run${runs === 1 ? '' : 's'}; cold ${num(result.cold)} ms)`;
}

async function measure(summary: Summary, figure: string, job: TimingJob, timeoutMs: number, what: string): Promise<boolean> {
  try {
    const outcome = await timeInChild(job, timeoutMs);
    if ('timedOutAfterMs' in outcome) {
      console.log(`  ${what}: timed out after ${outcome.timedOutAfterMs / 1000} s`);
      summary.row(figure, `timed out (> ${outcome.timedOutAfterMs / 1000} s)`);
      return false;
    }
    const { result } = outcome;
    console.log(`  ${what}: ${describe(result)}; ${num(result.count, 0)} ${job.work === 'parse' ? 'sections' : 'diagnostics'}`);
    summary.row(figure, describe(result));
    return true;
  } catch (error) {
    summary.failed(figure, error);
    return true;
  }
}

export async function benchLargeUnits(options: Options, summary: Summary): Promise<void> {
  const runs = Math.min(options.runs, 5);
  const timeoutMs = options.quick ? 60_000 : 90_000;
  const base = { lines: LINES, warmup: 1, runs, budgetMs: timeoutMs / 2 };
  console.log(`\n## Generated ${num(LINES, 0)}-line units (a fresh process each; median [min .. max] of up to ${runs} runs after a cold run and 1 warm-up; stopped after ${timeoutMs / 1000} s)`);

  console.log('Service unit (generateUnit)');
  await measure(summary, '50k-line unit: parse only', { ...base, unit: 'service', work: 'parse' }, timeoutMs, 'parse only');
  await measure(summary, '50k-line unit: first diagnostics', { ...base, unit: 'service', work: 'diagnose' }, timeoutMs, 'first diagnostics (parse + diagnose)');

  console.log('Ordering/dependency unit (generateOrderingUnit: After=, Before=, Wants=, Requires=, BindsTo=, PartOf= over 5,000 names)');
  const finished = await measure(summary, '50k-line ordering/dependency unit: first diagnostics', { ...base, unit: 'ordering', work: 'diagnose' }, timeoutMs, 'first diagnostics (parse + diagnose)');
  if (!finished) {
    const small = { ...base, lines: FALLBACK_LINES, warmup: 0, runs: 1, budgetMs: 10_000 };
    await measure(summary, `${num(FALLBACK_LINES, 0)}-line ordering/dependency unit: first diagnostics`, { ...small, unit: 'ordering', work: 'diagnose' }, timeoutMs, `the same at ${num(FALLBACK_LINES, 0)} lines`);
  }
}
