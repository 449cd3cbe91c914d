/**
 * A document with thousands of problems (a generated unit, a file pasted many times) would bury
 * the reader, in the Problems panel and in a CI log alike, and hold them all in memory. The editor
 * and the CLI show at most a set number of problems per document, the most severe first, in
 * document order, and say so in a note before them. The note's words are the same in both; each
 * names its own way to raise the limit.
 */
import type { Severity } from '../types';
import { groupedDigits } from '../digits';

/** The default of `unitguard.maxProblems` and of `check --max-problems`. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** The code of the note that says problems were left out. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

/**
 * Said of a rule setting for the note: it is not a finding, and a setting that hid it would hide
 * that the list is cut.
 */
export const NOTE_IS_NOT_A_RULE = `'${TOO_MANY_PROBLEMS}' is the note that some problems are not listed, not a rule; to list them all, run check with --max-problems 0; in the editor, unitguard.maxProblems shows more`;

/** The severities from the most severe (1) to the least (4), as the protocol numbers them. */
export const SEVERITY_LEVEL: Readonly<Record<Severity, number>> = { error: 1, warning: 2, information: 3, hint: 4 };

/**
 * At most `max` of the items, the most severe first (1 = error, up to 4), in their own order:
 * every item more severe than the last severity that fits, and the first of that one.
 */
export function mostSevere<T>(items: readonly T[], max: number, severity: (item: T) => number): T[] {
  const counts = [0, 0, 0, 0, 0];
  for (const item of items) counts[clampLevel(severity(item))]++;
  let cut = 1;
  let room = max;
  while (cut < 4 && counts[cut] <= room) room -= counts[cut++];
  const picked: T[] = [];
  for (const item of items) {
    const level = clampLevel(severity(item));
    if (level < cut) picked.push(item);
    else if (level === cut && room > 0) {
      picked.push(item);
      room--;
    }
  }
  return picked;
}

/** A severity that is not a whole number from 1 to 4 counts as the nearest one; one that is not a number, as the least severe. */
export function clampLevel(severity: number): number {
  return Number.isFinite(severity) ? Math.min(4, Math.max(1, Math.trunc(severity))) : 4;
}

export { groupedDigits } from '../digits';

/** The note's message: how many of how many are shown, and (in parentheses) how to see more. */
export function leftOutMessage(shown: number, total: number, raise: string): string {
  return `Showing ${groupedDigits(shown)} of ${groupedDigits(total)} problems in this file, the most severe first (${raise}).`;
}
