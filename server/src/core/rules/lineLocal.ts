/**
 * What a change within one line (a keystroke) leaves standing of two kinds of findings, so that
 * a keystroke in a long unit does not check every line again:
 * - a line check's findings about the other lines (see `LineCheck`): only the changed line is
 *   checked again;
 * - what repeated lines do (duplicates, empty resets): a line that kept its key and stayed
 *   non-empty changes nothing but what points at it, and only its own setting is looked at again.
 * The result is what a check of the whole unit finds, in the same order; when that cannot be
 * sure (a finding elsewhere points at the changed line), undefined: the whole check runs.
 */
import { MODEL_FACTS } from '../model/unitModel';
import { ownCopy } from '../syntax/ownCopy';
import type { Diagnostic } from '../types';
import type { LineCheck, RuleContext } from './context';
import type { EvidenceResult } from './evidence';
import { entryAt, findingTouches, replacedFindings, touches, touchingFindings, type LineChange } from './lineChange';
import { repeatsOf } from './structure/repeats';
import type { UnitDocument } from '../unitDocument';
import type { Entry } from '../syntax/syntaxTree';

/**
 * A finding made now, to be kept for later versions: its texts are its own, not views into this
 * version's text (which it would keep alive).
 */
function ownFinding(d: Diagnostic): Diagnostic {
  d.message = ownCopy(d.message);
  for (const related of d.related ?? []) related.message = ownCopy(related.message);
  for (const fix of d.fixes ?? []) {
    fix.title = ownCopy(fix.title);
    if (fix.mayBreak !== undefined) fix.mayBreak = ownCopy(fix.mayBreak);
    for (const edit of fix.edits) edit.newText = ownCopy(edit.newText);
  }
  return d;
}

/** A line check's findings after a one-line change, or undefined when it must run on every line. */
export function keptLineCheck(last: EvidenceResult | undefined, change: LineChange | undefined, context: RuleContext, check: LineCheck): EvidenceResult | undefined {
  if (!last || !change) return undefined;
  const touching = touchingFindings(last.found, change);
  // A finding about another line that points at the changed one may read otherwise now.
  for (const i of touching) if (!touches(last.found[i].range, change)) return undefined;
  const fresh: Diagnostic[] = [];
  const entry = change.after;
  const section = entry?.section;
  if (entry && section && !section.malformed) check({ ...context, report: (d) => void fresh.push(ownFinding(d)) }, section, entry);
  if (fresh.length === 0 && touching.length === 0) return last;
  // The changed line's findings go where its line is, between those of the lines around it.
  return { check: last.check, found: replacedFindings(last.found, touching, fresh), reads: last.reads };
}

/**
 * What repeated lines do after a one-line change, or undefined when it must be worked out for
 * every setting. `lastDocument` is the version the last findings are about.
 */
export function keptRepeats(last: EvidenceResult | undefined, change: LineChange | undefined, context: RuleContext, lastDocument: UnitDocument): EvidenceResult | undefined {
  // An empty line (or a bare ~) that came or went changes what every line after it does.
  if (!last || !change || change.settings.has(MODEL_FACTS.clearingLines)) return undefined;
  const names = new Set([...change.settings].filter((name) => !name.startsWith('\0')));
  const touching = touchingFindings(last.found, change);
  for (const i of touching) {
    // A finding that points at the changed line is worked out again, with its setting's lines.
    const on = entryAt(lastDocument.tree, last.found[i].range.start.line);
    if (on === undefined || on === 'header') return undefined;
    if (names.has(on.key)) continue;
    // A duplicate on the line next to it (its fix removes its line and the start of the next)
    // rests on its own setting's lines alone, which did not change: they are read again too.
    if (last.found[i].code !== 'duplicate-directive') return undefined;
    names.add(on.key);
  }
  // Only the findings that may touch the changed line are made, then those that do are kept:
  // those about an entry on the changed lines or next to them, or pointing at one on them. Told
  // by offsets: most entries of a long unit have no range built, and need none.
  const lines = context.document.tree.lines;
  const startOf = (line: number): number => (line < 0 ? -Infinity : line < lines.lineCount ? lines.lineStart(line) : Infinity);
  const [nextToFrom, nextToUntil] = [startOf(change.first - 1), startOf(change.last + 2)];
  const [onFrom, onUntil] = [startOf(change.first), startOf(change.last + 1)];
  const near = (about: Entry, pointsAt: readonly Entry[]): boolean =>
    (about.startOffset < nextToUntil && about.endOffset >= nextToFrom) || pointsAt.some((e) => e.startOffset < onUntil && e.endOffset >= onFrom);
  const fresh = repeatsOf(context, names, near)
    .filter((d) => findingTouches(d, change))
    .map(ownFinding);
  if (fresh.length === 0 && touching.length === 0) return last;
  return { check: last.check, found: replacedFindings(last.found, touching, fresh), reads: last.reads };
}
