/**
 * What an edit changed, when it changed the text of one line and nothing else: the lines of the
 * entry it touched, and the settings those lines assign before and after (with the settings an
 * empty assignment of them may clear). A keystroke is such an edit. Rules whose findings do not
 * rest on those settings or lines find the same on the new text, so their findings on the older
 * version can be kept (see `rules/index.ts`).
 */
import { directiveRow } from '../kb';
import { attached } from '../memo/attached';
import { declaredReach } from '../edits/lazyFix';
import { fixesMaybe } from './fixesWhenRead';
import { changeBetween } from '../syntax/reparse';
import { clearsLines, MODEL_FACTS, type UnitModel } from '../model/unitModel';
import { hasSetting } from './pairings/effects';
import type { Entry, SyntaxTree } from '../syntax/syntaxTree';
import { comparePositions, type Diagnostic, type Range } from '../types';
import type { UnitDocument } from '../unitDocument';

export interface LineChange {
  /** The first and last (0-based) lines the edit touched, whole entries included. */
  readonly first: number;
  readonly last: number;
  /** The settings the touched lines assign, before and after the edit (and the facts about all lines it changed, see `withFacts`). */
  readonly settings: ReadonlySet<string>;
  /** The entry on the touched lines before and after the edit, if any. */
  readonly before: Entry | undefined;
  readonly after: Entry | undefined;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** The entry whose lines hold `line`, or undefined; 'header' when a section header is on it. */
export function entryAt(tree: SyntaxTree, line: number): Entry | 'header' | undefined {
  const lines = tree.lines;
  for (const entry of tree.orphans) if (lines.lineOf(entry.startOffset) <= line && line <= lines.lineOf(entry.endOffset)) return entry;
  // The section whose lines hold it: the last one whose header is on or before the line.
  const sections = tree.sections;
  let low = 0;
  let high = sections.length - 1;
  let at = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid].headerRange.start.line <= line) {
      at = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (at < 0) return undefined;
  const section = sections[at];
  if (section.headerRange.start.line === line) return 'header';
  // Entries are in document order: find the last one that starts on or before the line.
  const entries = section.entries;
  low = 0;
  high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (lines.lineOf(entries[mid].startOffset) <= line) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 && lines.lineOf(entries[found].endOffset) >= line ? entries[found] : undefined;
}

function isBlank(tree: SyntaxTree, line: number): boolean {
  return tree.lines.slice(tree.lines.lineStart(line), tree.lines.lineEnd(line)).trim() === '';
}

function span(tree: SyntaxTree, entry: Entry | undefined, line: number): [number, number] {
  return entry ? [tree.lines.lineOf(entry.startOffset), tree.lines.lineOf(entry.endOffset)] : [line, line];
}

/** The settings a line of `key` may change: itself, and those an empty assignment of it clears. */
function affected(key: string, section: string | undefined, into: Set<string>): void {
  into.add(key);
  const semantics = section === undefined ? undefined : directiveRow(key, section)?.assignment;
  if (semantics?.kind === 'list') for (const name of semantics.resetShares ?? []) into.add(name);
}

/**
 * The change from `before` to `after` when the edit stayed within one line of text and left every
 * section header alone; undefined when the texts differ in any other way (lines added or removed,
 * line breaks changed, a header edited) or are the same.
 */
export function lineChange(before: UnitDocument, after: UnitDocument): LineChange | undefined {
  if (before.tree.lines.lineCount !== after.tree.lines.lineCount || before.tree.hasBom !== after.tree.hasBom) return undefined;
  const edit = changeBetween(before.tree, after.tree);
  if (edit === undefined) return undefined;
  // No line break came or went (text typed between a \r and its \n splits a line: the counts differ).
  const replaced = before.tree.lines.slice(edit.start, edit.end);
  if (hasLineBreak(replaced, 0, replaced.length) || hasLineBreak(edit.text, 0, edit.text.length)) return undefined;
  const line = after.tree.lines.lineOf(edit.start);
  const old = entryAt(before.tree, line);
  const now = entryAt(after.tree, line);
  if (old === 'header' || now === 'header') return undefined;
  const [oldFirst, oldLast] = span(before.tree, old, line);
  const [first, last] = span(after.tree, now, line);
  // A continuation added or removed changes which lines belong to which entry.
  if (oldFirst !== first || oldLast !== last) return undefined;
  // Where fixes put new lines rests on which lines hold entries, and of which setting (the last
  // entry of a section, the last line of a setting): an entry that came, went or changed its key
  // moves them, as does a blank line that became a comment.
  if (old && now ? old.key !== now.key : old !== now || isBlank(before.tree, line) !== isBlank(after.tree, line)) return undefined;
  const settings = new Set<string>();
  if (old) affected(old.key, old.section?.name, settings);
  if (now) affected(now.key, now.section?.name, settings);
  return { first, last, settings, before: old, after: now };
}

function clears(entry: Entry | undefined): boolean {
  return entry !== undefined && clearsLines(entry);
}

/**
 * The change with the facts about all lines (see `MODEL_FACTS`) that it alters between the unit's
 * model before and after it. Which settings are in force can change only for the settings the
 * changed lines may change (a setting is resolved from its own lines and those sharing its list),
 * so only those are looked at.
 */
export function withFacts(change: LineChange, before: UnitModel, after: UnitModel): LineChange {
  const settings = new Set(change.settings);
  const clearing = clears(change.before) || clears(change.after);
  if (clearing) settings.add(MODEL_FACTS.clearingLines);
  // A line that clears nothing before or after and that systemd takes in (or not) in both
  // versions leaves every setting in force or not as it was: the same lines count, with the same
  // resets. Only otherwise are the settings worked out in both versions (a long unit has
  // thousands of lines of some).
  // lineChange() gives an entry before and after, or neither.
  const same = !clearing && (change.before === undefined || change.after === undefined || before.takesLine(change.before) === after.takesLine(change.after));
  if (!same) {
    for (const name of change.settings) {
      if (hasSetting(before, name) !== hasSetting(after, name)) {
        settings.add(MODEL_FACTS.settingsInForce);
        break;
      }
    }
  }
  return { ...change, settings };
}

/** Whether a range reaches into the changed lines. */
export function touches(range: Range, change: LineChange): boolean {
  return range.start.line <= change.last && range.end.line >= change.first;
}

/**
 * Appends to `into` the lines a finding points at, as pairs of first and last line: its range, its
 * related lines in the same document, and where the edits of its fixes may go. Fixes not yet
 * sorted out count with all they may be (reading them would sort them out now); a lazy fix that
 * says where its edits go is not made to know.
 */
function addLinesPointedAt(d: Diagnostic, into: number[]): void {
  const from = into.length;
  into.push(d.range.start.line, d.range.end.line);
  const related = d.related;
  if (related !== undefined) {
    for (let i = 0; i < related.length; i++) if (related[i].uri === undefined) addSpan(into, from, related[i].range.start.line, related[i].range.end.line);
  }
  const fixes = fixesMaybe(d);
  if (fixes === undefined) return;
  for (let i = 0; i < fixes.length; i++) {
    const reach = declaredReach(fixes[i]);
    if (reach) addSpan(into, from, reach.first, reach.last);
    else for (const edit of fixes[i].edits) addSpan(into, from, edit.range.start.line, edit.range.end.line);
  }
}

/** Appends a span to a finding's pairs (from `from` on), unless one of them holds it: most findings point at one line several times. */
function addSpan(into: number[], from: number, first: number, last: number): void {
  for (let i = from; i < into.length; i += 2) if (into[i] <= first && last <= into[i + 1]) return;
  into.push(first, last);
}

/** The lines a finding points at, as pairs (see `addLinesPointedAt`). */
function linesPointedAt(d: Diagnostic): number[] {
  const lines: number[] = [];
  addLinesPointedAt(d, lines);
  return lines;
}

/**
 * Whether a finding points anywhere near the changed lines: its range, its related lines in the
 * same document, or an edit of its fixes. Such a finding may read differently on the new text.
 */
export function findingTouches(d: Diagnostic, change: LineChange): boolean {
  const lines = linesPointedAt(d);
  for (let i = 0; i < lines.length; i += 2) if (lines[i] <= change.last && lines[i + 1] >= change.first) return true;
  return false;
}

/**
 * Where the findings of a list point (see `linesPointedAt`), packed: the pairs of finding `i` are
 * `lines[starts[i]]` up to `lines[starts[i + 1]]`. Kept with the list: a keystroke in a long unit
 * looks at lists of thousands of findings, and reading each finding costs far more than reading
 * these. A list is kept only across changes within one line, which move no line; sorting out
 * its findings' fixes later only takes some away.
 */
interface PointedLines {
  readonly starts: Int32Array;
  readonly lines: Int32Array;
}

const pointedLines = attached<readonly Diagnostic[], PointedLines>('lines its findings point at');

function pointedLinesOf(list: readonly Diagnostic[]): PointedLines {
  let known = pointedLines.get(list);
  if (known === undefined) {
    const starts = new Int32Array(list.length + 1);
    const all: number[] = [];
    for (let i = 0; i < list.length; i++) {
      addLinesPointedAt(list[i], all);
      starts[i + 1] = all.length;
    }
    known = { starts, lines: Int32Array.from(all) };
    pointedLines.set(list, known);
  }
  return known;
}

/** The places in `list` of the findings that point anywhere near the changed lines (see `findingTouches`), in order; with `firstOnly`, at most one. */
export function touchingFindings(list: readonly Diagnostic[], change: LineChange, firstOnly = false): number[] {
  const { starts, lines } = pointedLinesOf(list);
  const touching: number[] = [];
  const { first, last } = change;
  for (let i = 0; i < list.length; i++) {
    for (let k = starts[i]; k < starts[i + 1]; k += 2) {
      if (lines[k] <= last && lines[k + 1] >= first) {
        touching.push(i);
        if (firstOnly) return touching;
        break;
      }
    }
  }
  return touching;
}

/** Whether any finding of `list` points anywhere near the changed lines. */
export function anyTouching(list: readonly Diagnostic[], change: LineChange): boolean {
  return touchingFindings(list, change, true).length > 0;
}

/** How many of the packed numbers of a list's `count` findings belong to those not `dropped`. */
function keptLineCount(known: PointedLines, count: number, dropped: readonly number[]): number {
  let kept = known.starts[count];
  for (const i of dropped) kept -= known.starts[i + 1] - known.starts[i];
  return kept;
}

/**
 * `list` (in document order) without the findings at the places `dropped` (in order), with
 * `fresh` (in document order, or all at one place) merged in: each goes after every finding of
 * `list` that starts where it does or before. Where the findings point is carried over to the
 * new list when it was known for `list`.
 */
export function replacedFindings(list: readonly Diagnostic[], dropped: readonly number[], fresh: readonly Diagnostic[]): Diagnostic[] {
  const out = new Array<Diagnostic>(list.length - dropped.length + fresh.length);
  let at = 0;
  const known = pointedLines.get(list);
  const freshLines = known === undefined ? [] : fresh.map(linesPointedAt);
  const starts = new Int32Array(known === undefined ? 0 : out.length + 1);
  const lines = new Int32Array(known === undefined ? 0 : keptLineCount(known, list.length, dropped) + freshLines.reduce((n, l) => n + l.length, 0));
  let filled = 0;
  let next = 0;
  let skip = 0;
  const takeUntil = (end: number): void => {
    for (; next < end; next++) {
      if (skip < dropped.length && dropped[skip] === next) {
        skip++;
        continue;
      }
      out[at++] = list[next];
      if (known === undefined) continue;
      const to = known.starts[next + 1];
      for (let k = known.starts[next]; k < to; k++) lines[filled++] = known.lines[k];
      starts[at] = filled;
    }
  };
  for (let f = 0; f < fresh.length; f++) {
    const d = fresh[f];
    let low = next;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (comparePositions(list[mid].range.start, d.range.start) <= 0) low = mid + 1;
      else high = mid;
    }
    takeUntil(low);
    out[at++] = d;
    if (known === undefined) continue;
    lines.set(freshLines[f], filled);
    filled += freshLines[f].length;
    starts[at] = filled;
  }
  takeUntil(list.length);
  if (known !== undefined) pointedLines.set(out, { starts, lines });
  return out;
}
