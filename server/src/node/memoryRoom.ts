/**
 * Whether a unit can be checked in the memory this process may use. A check keeps every line of
 * the unit as objects (its place in the tree, in the unit model, its findings), whatever the
 * length of the lines, and the commands that try fixes (`check --format json`, `sarif`, `--fix`,
 * `harden`) hold a second analysis while they do. A unit of millions of short lines would take
 * the process past its heap limit, and Node ends such a process with an abort and a stack dump
 * instead of an error. So a unit whose estimated cost is more than the room left is refused
 * before it is parsed, with a message that says how much it needs. The worst peak measured is
 * about 2 KB a line (`check --fix --dry-run` of a unit with a finding on every line, such as a
 * repeated `Nice=`, with the heap let grow as it will); JSON output of the same unit takes
 * 0.65 KB, a plain text check 0.35 KB. At this estimate, a unit of nine tenths of what it lets
 * into a heap of 256 MB is checked in every shape of the bench, by every command that tries
 * fixes.
 */
import { getHeapStatistics } from 'node:v8';

/** Memory a check may take per line: the worst measured, and two thirds as much again. */
export const BYTES_PER_LINE = 2560;

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
  return lines * BYTES_PER_LINE + bytes * BYTES_PER_BYTE;
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
