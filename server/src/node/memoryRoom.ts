/**
 * Whether a unit can be checked in the memory this process may use. A check keeps every line of
 * the unit as objects (its place in the tree, in the unit model, its findings), whatever the
 * length of the lines, and the commands that try fixes (`check --format json`, `sarif`, `--fix`,
 * `harden`) hold a second analysis while they do. A unit of millions of short lines would take
 * the process past its heap limit, and Node ends such a process with an abort and a stack dump
 * instead of an error. So a unit whose estimated cost is more than the room left is refused
 * before it is parsed, with a message that says how much it needs.
 *
 * The cost per line depends on what the command does with the unit. Trying fixes, the worst peak
 * measured is about 2 KB a line with the heap let grow as it will, and 1.2 KB in the smallest
 * heap it ran in (`check --fix --dry-run` of a unit with a finding on every line, such as a
 * repeated `Nice=`). Only reporting (`check` with text output, `security`) needs far less: the
 * smallest heap each shape was checked in, less three bytes for each byte of the file, was at
 * most 400 bytes a line (a million empty sections, every problem listed with `--max-problems 0`);
 * 300 for 10 MB of `Environment=` lines, 250 for sections of one line, 150 for the generated unit
 * of the bench. Each estimate is the worst, and two thirds as much again. Every other command
 * (`review` too) is estimated as one that tries fixes.
 */
import { getHeapStatistics } from 'node:v8';

/** Memory a check that tries fixes may take per line: the worst measured, and two thirds as much again. */
export const BYTES_PER_LINE = 2560;

/** Memory a check that only reports may take per line: the worst measured, and two thirds as much again (rounded up). */
export const REPORT_BYTES_PER_LINE = 672;

/** What each line may cost in the command under way. */
let lineCost = BYTES_PER_LINE;

/**
 * Runs `run` as a command that tries no fixes: the units it reads are estimated at what a report
 * costs (see REPORT_BYTES_PER_LINE), so that a large unit the report fits is not refused for what
 * fixes would need. Only for the length of the call.
 */
export function reportingOnly<T>(run: () => T): T {
  const outer = lineCost;
  lineCost = REPORT_BYTES_PER_LINE;
  try {
    return run();
  } finally {
    lineCost = outer;
  }
}

/** And per byte of the file: the bytes read, the decoded text (two bytes a character beyond ASCII). */
export const BYTES_PER_BYTE = 3;

/** The lines of a unit's bytes (a last line without a newline counts). */
export function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
}

/** What checking a unit of this many lines and bytes may cost at most, in bytes of memory. */
export function checkCost(lines: number, bytes: number): number {
  return lines * lineCost + bytes * BYTES_PER_BYTE;
}

/** What the process kept before its first unit was read: its code and what it has loaded so far. */
let baseline: number | undefined;

/**
 * The heap a check may take, in bytes: the limit less what the process kept before its first
 * check. What the check of an earlier file left is garbage by the time the next file is read
 * (each is checked in a call of its own), collected or not yet: the engine collects it before it
 * gives up, so counting it would refuse files that fit.
 */
export function memoryRoom(): number {
  const heap = getHeapStatistics();
  baseline ??= heap.used_heap_size;
  return heap.heap_size_limit - baseline;
}

/** What checking an already decoded text may cost at most (its UTF-16 length stands for its bytes). */
export function textCheckCost(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return checkCost(lines, text.length);
}

export function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-US')} MB`;
}

/** Why a unit of these bytes is not checked in `room` bytes of memory; undefined when it fits. */
export function tooLargeToCheck(bytes: Uint8Array, room: number = memoryRoom()): string | undefined {
  // Most units are a few kilobytes: not worth counting their lines (at most one more than bytes).
  if (checkCost(bytes.length + 1, bytes.length) <= room) return undefined;
  const lines = lineCount(bytes);
  const cost = checkCost(lines, bytes.length);
  if (cost <= room) return undefined;
  return `too large to check: its ${lines.toLocaleString('en-US')} lines may need up to ${megabytes(cost)} of memory, and this process has ${megabytes(room)} left (NODE_OPTIONS=--max-old-space-size=MB raises the limit)`;
}
