/**
 * Whether a unit can be checked in the memory this process may use. A check keeps every line of
 * the unit as objects (its place in the tree, in the unit model, its findings), whatever the
 * length of the lines, and the commands that try fixes (`check --format json`, `sarif`, `--fix`,
 * `harden`) hold a second analysis while they do. A unit of millions of short lines would take
 * the process past its heap limit, and Node ends such a process with an abort and a stack dump
 * instead of an error. So a unit whose estimated cost is more than the room left is refused
 * before it is parsed, with a message that says how much it needs.
 *
 * The estimate (checkCost) is a sum: a share for each line, byte, word, and problem kept, each
 * fitted to what the command does (CheckWork), with keeping every problem as its ceiling. What a
 * check needs was measured as the smallest heap (`--max-old-space-size`) each shape of unit was
 * checked in, with the estimate turned off:
 * - only reporting (`check` with text output, `security`): at most 480 bytes a line over
 *   three a byte (200,000 lines of `SystemCallFilter=` with ten unknown names); 400 for 200,000
 *   repeated `CapabilityBoundingSet=`, 160 for the generated unit of the bench. Lines of many
 *   different words keep a name for each: 15,000 lines of a hundred `Environment=` variables
 *   took 211 MB for 17 MB. The estimate of these is 1.3 to 9 times what they took.
 * - trying fixes with a problem limit (`check --format json`): the generated 10 MB unit took 128
 *   MB against 80 for the report; the other shapes about what their report took.
 * - keeping every problem (`--max-problems 0` or a limit above the unit's problems, `--fix`,
 *   `harden`; `review` twice): the ten-name lines took 2.6 KB a line to report, 3.1 KB to fix and
 *   3.8 KB to harden; lines of a hundred names 4.6 KB a line (of 217 bytes). The estimate of these
 *   is 1.5 to 4 times what they took.
 * `review` holds and checks two versions of a unit, every problem kept: twice that. The language
 * server reading a unit's drop-ins, which does not say what it does, is estimated as trying fixes
 * with the default problem limit.
 */
import { getHeapStatistics } from 'node:v8';
import { DEFAULT_MAX_PROBLEMS } from '../core/features/problemLimit';

/** Memory a check that tries fixes may take per line, besides the problems it keeps: about twice the worst measured. */
export const BYTES_PER_LINE = 2560;

/** Memory a check that only reports may take per line, besides the problems it keeps: the worst measured, and two thirds as much again. */
export const REPORT_BYTES_PER_LINE = 800;

/**
 * And per byte of the file: the bytes read, the decoded text (two bytes a character beyond ASCII),
 * and what the words of its lists and command lines keep (a place each in an array, and a string
 * when the words differ). The worst measured is 6 bytes a byte (1,903 lines of 5,000 one-letter
 * arguments); this is that and two thirds as much again.
 */
export const BYTES_PER_BYTE = 10;

/**
 * And per blank (space or tab) of the whole file, which stands for a word after the first of a
 * line: a name that the unit's model keeps, such as each variable of `Environment=` (15,000 lines
 * of a hundred different names took 211 MB, 98 bytes a name over three a byte), or the fix tried
 * for each unknown word. This is two thirds of what a variable took: the bytes of a word count as
 * well, at least twenty bytes for a variable with its blank.
 */
export const BYTES_PER_WORD = 64;

/**
 * And per `=` of a line after its first: each may be a variable of `Environment=`, which the unit's
 * environment keeps with its name, value and line. 100,000 variables of three letters (512 KB)
 * took 22 MB, about 200 bytes each; with the bytes and the blank of such a variable (114 bytes)
 * this counts 306 bytes for each, half as much again.
 */
export const BYTES_PER_VARIABLE = 192;

/**
 * And per blank of the (logical) line with the most: while a line is read, each of its words is an
 * object of its own, for a moment; a line continued with `\` is read as one. One line of 450,000
 * one-letter arguments of `ExecStartPre=` took 150 bytes a word more than the lines after it; this
 * is that and two thirds as much again, rounded up. (A line of a mebibyte or more is not read:
 * systemd refuses the file.)
 */
export const BYTES_PER_BLANK = 256;

/**
 * And per problem kept, up to the command's problem limit: a problem with its range, message and
 * data took about 210 bytes (200,000 lines of ten unknown system calls, every problem kept); this
 * is five times that, as a problem's fixes and related lines come with it.
 */
export const BYTES_PER_PROBLEM = 1024;

/**
 * Memory per line and per byte of the file when every problem is kept (`--max-problems 0`,
 * `--fix`, `harden`): a line may hold several problems, and a long one a problem or a name for each
 * of its words. The estimate of a command with a problem limit never goes past this.
 */
export const EVERY_PROBLEM_BYTES_PER_LINE = 4096;
export const EVERY_PROBLEM_BYTES_PER_BYTE = 32;

/** What a command does with the units it reads, as far as the memory of checking them goes. */
export interface CheckWork {
  /** It tries fixes (JSON, SARIF, `--fix`, `harden`): it holds a second analysis while it does. */
  triesFixes: boolean;
  /** The most problems of a unit it keeps: Infinity when it keeps every one (`--max-problems 0`, `--fix`, `harden`). */
  problemLimit: number;
  /** How many versions of a unit it holds at once, each checked (`review`: two); one by default. */
  versions?: number;
}

/**
 * What a command that does not say what it does is estimated at: fixes tried, with the problem
 * limit's default (the language server reading a unit's drop-ins).
 */
export const DEFAULT_WORK: Readonly<CheckWork> = { triesFixes: true, problemLimit: DEFAULT_MAX_PROBLEMS };

let work: Readonly<CheckWork> = DEFAULT_WORK;

/**
 * Runs `run` with the units it reads estimated at what `work` costs: a check that only reports
 * needs far less for each line than one that tries fixes, and one that keeps every problem needs
 * more for each line and byte. Only for the length of the call; outside it, DEFAULT_WORK.
 */
export function estimatedFor<T>(what: CheckWork, run: () => T): T {
  const outer = work;
  work = what;
  try {
    return run();
  } finally {
    work = outer;
  }
}

/** What the cost of checking a unit is worked out from. */
export interface UnitSize {
  /** Its bytes (of a decoded text, the bytes of its UTF-8). */
  bytes: number;
  /** Its lines (a last line without a newline counts). */
  lines: number;
  /** The spaces and tabs of its logical line with the most (continued lines as one): at least one less than its words. */
  blanks: number;
  /** Its spaces and tabs in all. */
  allBlanks: number;
  /** The `=` of its lines after the first of each. */
  extraEquals: number;
}

/**
 * Counts a unit's size one character code at a time: `code(i)` of `length` codes, and the UTF-8
 * bytes of each (`width`).
 */
function measure(length: number, code: (i: number) => number, width: (c: number) => number): UnitSize {
  let bytes = 0;
  let lines = 1;
  let most = 0;
  let blanks = 0;
  let allBlanks = 0;
  let extraEquals = 0;
  let equals = 0;
  let last = 0;
  for (let i = 0; i < length; i++) {
    const c = code(i);
    bytes += width(c);
    if (c === 0x0a) {
      lines++;
      if (equals > 1) extraEquals += equals - 1;
      equals = 0;
      // A line continued with a backslash (before a carriage return or not) is read with the next.
      const continued = last === 0x5c || (last === 0x0d && i >= 2 && code(i - 2) === 0x5c);
      if (!continued) {
        if (blanks > most) most = blanks;
        blanks = 0;
      }
    } else if (c === 0x20 || c === 0x09) {
      blanks++;
      allBlanks++;
    } else if (c === 0x3d) equals++;
    last = c;
  }
  if (equals > 1) extraEquals += equals - 1;
  return { bytes, lines, blanks: Math.max(most, blanks), allBlanks, extraEquals };
}

/** The size of two units' files checked together: their sums, and the longest line of either. */
export function combinedSize(a: UnitSize, b: UnitSize): UnitSize {
  return {
    bytes: a.bytes + b.bytes,
    lines: a.lines + b.lines,
    blanks: Math.max(a.blanks, b.blanks),
    allBlanks: a.allBlanks + b.allBlanks,
    extraEquals: a.extraEquals + b.extraEquals,
  };
}

/** The size of a unit's bytes, as checkCost() takes it. */
export function sizeOf(bytes: Uint8Array): UnitSize {
  return measure(bytes.length, (i) => bytes[i], () => 1);
}

/** The size of an already decoded text: its characters' UTF-8 bytes (a surrogate pair is four). */
export function textSizeOf(text: string): UnitSize {
  return measure(text.length, (i) => text.charCodeAt(i), (c) => (c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3));
}

/** What checking a unit of this size may cost at most, in bytes of memory, in the command under way. */
export function checkCost(size: UnitSize): number {
  const words = size.blanks * BYTES_PER_BLANK + size.allBlanks * BYTES_PER_WORD + size.extraEquals * BYTES_PER_VARIABLE;
  const every = size.lines * EVERY_PROBLEM_BYTES_PER_LINE + size.bytes * EVERY_PROBLEM_BYTES_PER_BYTE + words;
  const base = size.lines * (work.triesFixes ? BYTES_PER_LINE : REPORT_BYTES_PER_LINE) + size.bytes * BYTES_PER_BYTE + words;
  const one = work.problemLimit === Infinity ? every : Math.min(every, base + work.problemLimit * BYTES_PER_PROBLEM);
  return one * (work.versions ?? 1);
}

/** What the process kept before its first unit was read: its code and what it has loaded so far. */
let baseline: number | undefined;

/**
 * The young generation's part of the heap limit (two semi-spaces and its large objects, 48 MiB
 * for a 64-bit Node whatever `--max-old-space-size` says). What a check keeps lives past a
 * collection or two and moves to the old generation, whose limit is where Node aborts: 400 MB of
 * heap by the limit is 352 MB of room.
 */
export const YOUNG_GENERATION_BYTES = 48 * 1024 * 1024;

/**
 * The heap a check may take, in bytes: the old generation's limit less what the process kept
 * before its first check. What the check of an earlier file left is garbage by the time the next
 * file is read (each is checked in a call of its own), collected or not yet: the engine collects
 * it before it gives up, so counting it would refuse files that fit.
 */
export function memoryRoom(): number {
  const heap = getHeapStatistics();
  baseline ??= heap.used_heap_size;
  return Math.max(0, heap.heap_size_limit - YOUNG_GENERATION_BYTES - baseline);
}

/** What checking an already decoded text may cost at most. */
export function textCheckCost(text: string): number {
  return checkCost(textSizeOf(text));
}

export function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-US')} MB`;
}

/** Why a unit of these bytes is not checked in `room` bytes of memory; undefined when it fits. */
export function tooLargeToCheck(bytes: Uint8Array, room: number = memoryRoom()): string | undefined {
  // Most units are a few kilobytes: not worth counting their lines and blanks (at most one more than bytes).
  if (checkCost({ bytes: bytes.length, lines: bytes.length + 1, blanks: bytes.length, allBlanks: bytes.length, extraEquals: bytes.length }) <= room) return undefined;
  const size = sizeOf(bytes);
  const cost = checkCost(size);
  if (cost <= room) return undefined;
  return `too large to check: its ${size.lines.toLocaleString('en-US')} lines may need up to ${megabytes(cost)} of memory, and this process has ${megabytes(room)} left (NODE_OPTIONS=--max-old-space-size=MB raises the limit)`;
}
