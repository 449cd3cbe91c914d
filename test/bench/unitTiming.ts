/**
 * Times one in-process measurement of a generated unit in a process of its
 * own, so that the benchmark can stop it when it runs too long:
 *
 *   node unitTiming.js '{"unit":"service","lines":50000,"work":"diagnose","warmup":1,"runs":5,"budgetMs":60000}'
 *
 * prints {"times":[ms, ...],"cold":ms,"count":n} on stdout. The first run is
 * the cold one; warm-up and timed runs follow while the budget lasts, so a
 * slow unit gives fewer runs rather than a run that never ends.
 */
import { createUnitDocument, diagnose } from '../../server/src/core';
import { generateOrderingUnit, generateUnit } from './generate';
import { now } from './stats';

export interface TimingJob {
  unit: 'service' | 'ordering';
  lines: number;
  work: 'parse' | 'diagnose';
  warmup: number;
  runs: number;
  budgetMs: number;
}

export interface TimingResult {
  /** Timed runs after the cold one and the warm-up (maybe fewer than asked, or none, when the budget ran out). */
  times: number[];
  /** The first run in a fresh process. */
  cold: number;
  /** Diagnostics (or sections, for parse) of the last run. */
  count: number;
}

function run(job: TimingJob): TimingResult {
  const text = job.unit === 'service' ? generateUnit(job.lines) : generateOrderingUnit(job.lines);
  const uri = `file:///bench/${job.unit}.service`;
  const work = job.work === 'parse' ? () => createUnitDocument(uri, text).tree.sections.length : () => diagnose(createUnitDocument(uri, text)).length;
  const started = now();
  let count = work();
  const cold = now() - started;
  const times: number[] = [];
  for (let i = 0; i < job.warmup + job.runs && now() - started < job.budgetMs; i++) {
    const start = now();
    count = work();
    if (i >= job.warmup) times.push(now() - start);
  }
  return { times, cold, count };
}

if (require.main === module) {
  const job = JSON.parse(process.argv[2]) as TimingJob;
  process.stdout.write(`${JSON.stringify(run(job))}\n`);
}
