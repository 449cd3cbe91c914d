/**
 * Whether a unit can be checked in the memory this process may use. A check keeps every line of
 * the unit as objects (its place in the tree, in the unit model, its findings), whatever the
 * length of the lines, and the commands that try fixes (`check --format json`, `sarif`, `--fix`,
 * `harden`) hold a second analysis while they do. A unit of millions of short lines would take
 * the process past its heap limit, and Node ends such a process with an abort and a stack dump
 * instead of an error. So a unit whose estimated cost is more than the room left is refused
 * before it is parsed, with a message that says how much it needs.
 *
 * What a check needs was measured as the smallest heap (`--max-old-space-size`) each shape of
 * unit was checked in, less three bytes for each byte of the file, over its lines:
 * - trying fixes, at most 1.3 KB a line (`check --fix --dry-run` of a unit with a finding on every
 *   line, such as a repeated `Nice=`; about 2 KB with the heap let grow as it will). The estimate,
 *   2.5 KB, is about twice that.
 * - only reporting, with a problem limit (`check` with text output), at most 480 bytes a line
 *   (200,000 lines of `SystemCallFilter=` with ten unknown names); 400 for 200,000 repeated
 *   `CapabilityBoundingSet=`, 320 for 10 MB of `Environment=` lines, 160 for the generated unit
 *   of the bench; `security`'s table, at most 150 bytes a line (200,000 repeated
 *   `CapabilityBoundingSet=`, 500,000 `PrivateTmp=yes`, a million empty sections). The
 *   estimate, 800 bytes, is the worst and two thirds as much again.
 * - keeping every problem (`--max-problems 0`), with or without fixes, the problems grow with the
 *   lines and their words: the ten-name lines above took 2.7 KB a line, lines of a hundred names
 *   4.6 KB a line (of 217 bytes). The estimate, 4 KB a line and 32 bytes a byte, is 1.9 and 2.1
 *   times what they took.
 * The commands that do not say what they do (`security --json`, `harden`, `review`, the language
 * server reading a unit's drop-ins) are estimated as trying fixes with a problem limit.
 */
import { getHeapStatistics } from 'node:v8';

/** Memory a check that tries fixes, with a problem limit, may take per line: about twice the worst measured. */
export const BYTES_PER_LINE = 2560;

/**
 * And per byte of the file: the bytes read, the decoded text (two bytes a character beyond ASCII),
 * and what the words of its lists and command lines keep (a place each in an array, and a string
 * when the words differ). The worst measured is 6 bytes a byte (1,903 lines of 5,000 one-letter
 * arguments); this is that and two thirds as much again.
 */
export const BYTES_PER_BYTE = 10;

/**
 * And per blank (space or tab) of the line with the most: while a line is read, each of its words
 * is an object of its own, for a moment. One line of 450,000 one-letter arguments of
 * `ExecStartPre=` took 150 bytes a word more than the lines after it; this is that and two thirds as
 * much again, rounded up. (A line of a mebibyte or more is not read: systemd refuses the file.)
 */
export const BYTES_PER_BLANK = 256;

/** Memory a check that only reports, with a problem limit, may take per line: the worst measured, and two thirds as much again. */
export const REPORT_BYTES_PER_LINE = 800;

/**
 * Memory per line and per byte of the file when every problem is kept (`--max-problems 0`): a
 * line may hold several problems, and a long one a problem or a name for each of its words.
 */
export const EVERY_PROBLEM_BYTES_PER_LINE = 4096;
export const EVERY_PROBLEM_BYTES_PER_BYTE = 32;

/** What a command does with the units it reads, as far as the memory of checking them goes. */
export interface CheckWork {
  /** It tries fixes (JSON, SARIF, `--fix`): it holds a second analysis while it does. */
  triesFixes: boolean;
  /** It keeps every problem, not only those it may show. */
  keepsEveryProblem: boolean;
}

/** What a line and a byte may cost in the command under way: by default, the most. */
let perLine = BYTES_PER_LINE;
let perByte = BYTES_PER_BYTE;

/**
 * Runs `run` with the units it reads estimated at what `work` costs: a check that only reports
 * needs far less for each line than one that tries fixes, and one that keeps every problem needs
 * more for each byte. Only for the length of the call; outside it, a unit is estimated at what
 * trying fixes costs with a problem limit (the language server, `security`, `harden`, `review`).
 */
export function estimatedFor<T>(work: CheckWork, run: () => T): T {
  const outerLine = perLine;
  const outerByte = perByte;
  perLine = work.keepsEveryProblem ? EVERY_PROBLEM_BYTES_PER_LINE : work.triesFixes ? BYTES_PER_LINE : REPORT_BYTES_PER_LINE;
  perByte = work.keepsEveryProblem ? EVERY_PROBLEM_BYTES_PER_BYTE : BYTES_PER_BYTE;
  try {
    return run();
  } finally {
    perLine = outerLine;
    perByte = outerByte;
  }
}

/** What the cost of checking a unit is worked out from. */
export interface UnitSize {
  bytes: number;
  /** Its lines (a last line without a newline counts). */
  lines: number;
  /** The spaces and tabs of its line with the most: at least one less than its words. */
  blanks: number;
}

/** The lines of a unit's bytes (a last line without a newline counts). */
export function lineCount(bytes: Uint8Array): number {
  return sizeOf(bytes).lines;
}

/** The size of a unit's bytes, as checkCost() takes it. */
export function sizeOf(bytes: Uint8Array): UnitSize {
  let lines = 1;
  let most = 0;
  let blanks = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      lines++;
      if (blanks > most) most = blanks;
      blanks = 0;
    } else if (b === 0x20 || b === 0x09) blanks++;
  }
  return { bytes: bytes.length, lines, blanks: Math.max(most, blanks) };
}

/** What checking a unit of this size may cost at most, in bytes of memory. */
export function checkCost(size: UnitSize): number {
  return size.lines * perLine + size.blanks * BYTES_PER_BLANK + size.bytes * perByte;
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
  let most = 0;
  let blanks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      if (blanks > most) most = blanks;
      blanks = 0;
    } else if (c === 32 || c === 9) blanks++;
  }
  return checkCost({ bytes: text.length, lines, blanks: Math.max(most, blanks) });
}

export function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-US')} MB`;
}

/** Why a unit of these bytes is not checked in `room` bytes of memory; undefined when it fits. */
export function tooLargeToCheck(bytes: Uint8Array, room: number = memoryRoom()): string | undefined {
  // Most units are a few kilobytes: not worth counting their lines and blanks (at most one more than bytes).
  if (checkCost({ bytes: bytes.length, lines: bytes.length + 1, blanks: bytes.length }) <= room) return undefined;
  const size = sizeOf(bytes);
  const cost = checkCost(size);
  if (cost <= room) return undefined;
  return `too large to check: its ${size.lines.toLocaleString('en-US')} lines may need up to ${megabytes(cost)} of memory, and this process has ${megabytes(room)} left (NODE_OPTIONS=--max-old-space-size=MB raises the limit)`;
}
