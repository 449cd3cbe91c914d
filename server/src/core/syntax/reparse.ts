/**
 * A tree for an edited text without reading all of it again. A unit file's sections are read
 * independently, so only the sections an edit touches are parsed again: the sections before them
 * are the old tree's own nodes (the text there did not change), the sections after them are
 * copies moved by the edit's length. The result is the tree parse() gives for the edited text;
 * where that cannot be sure (a line break that systemd splits otherwise than an editor, such as
 * a lone `\r`; control characters; a problem of form that is not one line's own, or more of a
 * kind than are listed; a continuation that runs into the next section; an edit in the first
 * section of a text that starts with a byte order mark), the whole text is parsed instead. The
 * problems of form of the lines not read again are kept, moved with their lines.
 *
 * A tree from reparse() keeps the old one's text alive through the nodes it shares: a tree for a
 * short look (a fix tried on the text). revisedTree() makes one to keep in the old one's place
 * (the next version of an open document): its nodes keep no older text alive.
 */
import { changedSpan, offsetEdits, type OffsetEdit } from '../edits/apply';
import type { Diagnostic, TextEdit } from '../types';
import { attached } from '../memo/attached';
import { LineIndex } from './lineIndex';
import { endsWithEscape, isCommentLine, parse, parseLines } from './parser';
import { SplicedText, type TextSource } from './textSource';
import { CommentList } from './commentList';
import { commentListOf, ParsedTree } from './parsedTree';
import type { Entry, Section, SyntaxTree } from './syntaxTree';
import { EntryNode, SectionNode } from './treeNodes';
import { sharePlaces } from './keyPlaces';
import { trimBlanksEnd } from './blanks';
import { LISTED_PER_KIND, standsForUnlisted, type ParseProblemCode } from './parseProblems';

/** Characters that make parse() read a text otherwise than line by line: NUL, controls, BOM. */
const UNEVEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff]/;

/**
 * Line breaks that systemd and the editor split otherwise: a lone `\r`, and a `\n` followed by a
 * `\r` (one break for systemd, whose breaks may be either order of the two). A `\r\n` is one
 * break for both.
 */
const UNEVEN_BREAK = /\r(?!\n)|(?:^|[^\r])\n\r/;

const readable = attached<SyntaxTree, boolean>('parsed again in part');

/** Whether parts of the tree's text can be read again on their own. */
export function readableInParts(tree: SyntaxTree): boolean {
  let known = readable.get(tree);
  if (known === undefined) {
    known =
      tree.diagnostics.every(ownLineProblem) &&
      // The byte order mark that starts a text is no line's: systemd drops it, and so does parse().
      !UNEVEN.test(tree.hasBom ? tree.text.slice(1) : tree.text) &&
      !(tree.lines.hasCarriageReturns && UNEVEN_BREAK.test(tree.text)) &&
      tree.sections.every(readableSection) &&
      commentListOf(tree) !== undefined;
    readable.set(tree, known);
  }
  return known;
}

/**
 * The tree of `tree`'s text with `edits` applied (ranges in that text). Throws when edits overlap,
 * as applyEdits() does.
 *
 * With `placesUnread`, for a look that reads what the lines say and in which order, but no place
 * of any of them (a fix's trial that only counts what the evidence checks find, whose findings
 * name lines by number, which their identity leaves out): the sections after the edits are
 * `tree`'s own, at their places in `tree`'s text, with their lines as they are, where they would
 * otherwise be copies moved by the edits' length. On a long unit that is most of its lines, and
 * a copy of each line the checks read. Everything else in the tree is in the new text: the
 * sections before the edits and those read again are where they are in both.
 */
export function reparse(tree: SyntaxTree, edits: readonly TextEdit[], placesUnread = false): SyntaxTree {
  const resolved = offsetEdits(tree.lines, edits);
  // Read in parts: a fix tried on a large document joins no copy of it.
  const text = new SplicedText(tree.lines, resolved);
  return reparsedInPart(tree, resolved, text, false, false, placesUnread) ?? parse(text.toString());
}

/**
 * The tree of `text`, another text of `tree`'s document, for a short look (a fix tried on it with
 * the fixes that complete it): only the sections where the texts differ are read, the others are
 * `tree`'s own nodes, as in reparse().
 */
export function reparsedText(tree: SyntaxTree, text: string): SyntaxTree {
  const edit = changedSpan(tree.text, text);
  if (edit === undefined) return parse(text);
  // Every rule reads the trial: what moves is copied at once, with nothing kept to copy it from.
  return reparsedInPart(tree, [edit], text, false, true) ?? parse(text);
}

/**
 * The tree of `text`, a later version of `tree`'s text, to keep in the old tree's place: only the
 * sections the change touches are parsed again, and the new tree keeps no text but `text` and the
 * text `tree` was first parsed from alive. The nodes it shares with `tree` are mapped to the new
 * text (they read the same in both). `known`, when given, is the change from `tree`'s text to
 * `text`: a span of the old text and what replaces it (a span larger than what changed will do).
 */
export function revisedTree(tree: SyntaxTree, text: TextSource, known?: OffsetEdit): SyntaxTree {
  // The caller may know what changed (the edits an editor sent): the texts need not be compared.
  const edit = known ?? changedSpan(tree.text, text.toString());
  if (edit === undefined) return tree;
  const revised = reparsedInPart(tree, [edit], text, true) ?? parse(text.toString());
  revisions.set(revised, { from: tokenOf(tree), edit });
  return revised;
}

/**
 * For a tree made by revisedTree(), the tree it was made from (by its token: a version must not
 * keep the one before it alive) and the change between their texts.
 */
const revisions = attached<SyntaxTree, { from: object; edit: OffsetEdit }>('revised from');
const tokens = attached<SyntaxTree, object>('token');

function tokenOf(tree: SyntaxTree): object {
  let token = tokens.get(tree);
  if (token === undefined) tokens.set(tree, (token = {}));
  return token;
}

/** The change from `before`'s text to `after`'s (undefined when they are the same), known when `after` was revised from `before`. */
export function changeBetween(before: SyntaxTree, after: SyntaxTree): OffsetEdit | undefined {
  const known = revisions.get(after);
  return known !== undefined && known.from === tokens.get(before) ? known.edit : changedSpan(before.text, after.text);
}

/** Where a section's region begins: the start of its header's line. */
function regionStart(tree: SyntaxTree, section: Section): number {
  const lines = tree.lines;
  return lines.lineStart(lines.lineOf((section as SectionNode).headerOffset));
}

/** The first of `sections` whose region starts at or after `offset`. */
function firstRegionFrom(tree: SyntaxTree, sections: readonly Section[], offset: number): number {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (regionStart(tree, sections[mid]) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The edited tree when the edits touch only some sections and those read the same on their own;
 * undefined when the whole text must be parsed. With `keep`, the tree is made to be kept in the
 * old one's place (see revisedTree()). With `copyMoved`, the sections after the edits have their
 * assignments copied at once rather than when first read: for a tree every rule will read. With
 * `placesUnread`, they are the old tree's own, not moved (see reparse()).
 */
export function reparsedInPart(tree: SyntaxTree, edits: readonly OffsetEdit[], text: TextSource, keep = false, copyMoved = false, placesUnread = false): SyntaxTree | undefined {
  if (edits.length === 0 || !readableInParts(tree) || edits.some((e) => UNEVEN.test(e.text)) || breaksUnevenly(tree, edits, text)) return undefined;
  const inEntry = edits.length === 1 && !placesUnread ? reparsedInEntry(tree, edits[0], text, keep, copyMoved) : undefined;
  if (inEntry !== undefined) return inEntry;
  // Comments set by hand since the tree was read: the whole text is read again.
  const oldComments = commentListOf(tree);
  if (oldComments === undefined) return undefined;
  const oldLength = tree.lines.length;
  const sections = tree.sections;
  const lo = edits[0].start;
  const hi = edits[edits.length - 1].end;

  // Regions: [0, first header's line) and one per section, from its header's line to the next.
  // The span to read again runs from the region holding `lo` (the one before it when `lo` is
  // where a region starts: text inserted there ends the region before) to the end of the region
  // holding `hi`, where no edit reaches.
  const first = firstRegionFrom(tree, sections, lo);
  // The span starts with the region of sections[first - 1], or at 0 before the first header.
  const from = first > 0 ? first - 1 : -1;
  const spanStart = from >= 0 ? regionStart(tree, sections[from]) : 0;
  let after = first; // the first section whose region starts after hi
  while (after < sections.length && regionStart(tree, sections[after]) <= hi) after++;
  const spanEnd = after < sections.length ? regionStart(tree, sections[after]) : oldLength;
  // The first line after a byte order mark is read as parse() reads it only with the mark.
  if (tree.hasBom && spanStart === 0) return undefined;

  // A continuation on the line before the span joins it to the span's first line.
  if (spanStart > 0) {
    const line = tree.lines.lineOf(spanStart - 1);
    const before = tree.lines.slice(tree.lines.lineStart(line), tree.lines.lineEnd(line));
    if (endsWithEscape(before, 0, before.length)) return undefined;
  }

  const delta = text.length - oldLength;
  const index = LineIndex.spliced(tree.lines, text, lo, hi, hi + delta);
  const fromLine = index.lineOf(spanStart);
  const toLine = spanEnd + delta >= text.length ? index.lineCount : index.lineOf(spanEnd + delta);
  const read = parseLines(index, fromLine, toLine);
  if (read.open) return undefined;
  const diagnostics = problemsAround(tree, read.diagnostics, spanStart, spanEnd, fromLine, index.lineCount - tree.lines.lineCount);
  if (diagnostics === undefined) return undefined;
  // Lines before the first header of a later region would belong to the section before it, and
  // comments there would end that section further on (a header edited away; before the first
  // section, they belong to none).
  if (from >= 0 && read.orphans.length > 0) return undefined;
  if (from >= 0 && read.diagnostics.length > 0 && (read.sections.length === 0 || read.diagnostics[0].range.start.line + fromLine < index.lineOf((read.sections[0] as SectionNode).headerOffset))) return undefined;
  if (from > 0 && read.comments.length > 0 && (read.sections.length === 0 || read.comments.start(0) < (read.sections[0] as SectionNode).headerOffset)) return undefined;

  const kept = from >= 0 ? sections.slice(0, from) : [];
  const moved = placesUnread ? sections.slice(after) : sections.slice(after).map((s) => (s as SectionNode).shifted(index, delta, copyMoved, !keep));
  const orphans = from >= 0 ? tree.orphans : read.orphans;
  if (keep) {
    // Shared nodes map the new text; new ones own their strings rather than views into it.
    for (const section of kept) (section as SectionNode).rebase(index);
    for (const entry of orphans) if (from >= 0 && entry instanceof EntryNode) entry.rebase(index);
    for (const section of read.sections) (section as SectionNode).detach();
    for (const entry of orphans) if (from < 0 && entry instanceof EntryNode) entry.detach();
  }
  // The comments before the span stay where they were, those after it move; all are read in the new text.
  const comments = CommentList.joined(index, [
    { list: oldComments, from: 0, to: oldComments.firstFrom(spanStart), delta: 0 },
    { list: read.comments, from: 0, to: read.comments.length, delta: 0 },
    { list: oldComments, from: oldComments.firstFrom(spanEnd), to: oldComments.length, delta },
  ]);
  // Its text is joined into one string only when someone reads it whole (see LineIndex.spliced()).
  const result = new ParsedTree(index, [...kept, ...read.sections, ...moved], orphans, comments, diagnostics, tree.hasBom);
  // The old text had none of the characters that stop a reading in parts, nor have the edits;
  // what is new is known by its nodes: the new text need not be searched again.
  readable.set(result, read.sections.every(readableSection) && orphans.every((e) => e instanceof EntryNode));
  // Where each key's lines are holds as it was when the sections read again have the same keys.
  const firstReplaced = Math.max(from, 0);
  sharePlaces(tree, result, firstReplaced, after - firstReplaced, read.sections);
  return result;
}

/**
 * The edited tree when one edit within one line changes only the assignment whose lines hold it,
 * and leaves its key: only that assignment's lines are read again, and the rest of its section is
 * copied, moved by the edit's length after it. A keystroke in one of the 200,000 lines of a long
 * section then reads one line, not the section. Undefined when the edit may do more (a line break,
 * a line that is no assignment's, a key, a continuation or a comment that comes or goes, a problem
 * of form): the edited sections are then read again whole.
 */
export function reparsedInEntry(tree: SyntaxTree, edit: OffsetEdit, text: TextSource, keep: boolean, copyMoved: boolean): SyntaxTree | undefined {
  const lines = tree.lines;
  const { start: lo, end: hi } = edit;
  if (edit.text.includes('\n') || edit.text.includes('\r')) return undefined;
  const line = lines.lineOf(lo);
  if (hi > lines.lineEnd(line)) return undefined;
  const sections = tree.sections;
  // The section whose region holds the edit: the last one that starts on or before its line.
  const s = firstRegionFrom(tree, sections, lines.lineStart(line) + 1) - 1;
  if (s < 0) return undefined;
  const section = sections[s];
  if (!(section instanceof SectionNode) || section.malformed || lines.lineOf(section.headerOffset) === line) return undefined;
  // The assignment whose lines hold the edit: the last one that starts on or before its line.
  let low = 0;
  let high = section.entryCount;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines.lineOf((section.entryAt(mid) as Entry).startOffset) <= line) low = mid + 1;
    else high = mid;
  }
  const at = low - 1;
  if (at < 0) return undefined;
  const entry = section.entryAt(at) as Entry;
  const firstLine = lines.lineOf(entry.startOffset);
  const lastLine = lines.lineOf(entry.endOffset);
  if (line > lastLine || !(entry instanceof EntryNode)) return undefined;
  // A continuation before would join its line to the assignment's first line: comment lines
  // between them do not end it. After a long run of comments, the section is read whole.
  for (let k = firstLine - 1, comments = 0; k >= 0; k--) {
    const before = lines.slice(lines.lineStart(k), lines.lineEnd(k));
    if (isCommentLine(before, 0, before.length)) {
      if (++comments > COMMENTS_LOOKED_PAST) return undefined;
      continue;
    }
    if (endsWithEscape(before, 0, before.length)) return undefined;
    break;
  }
  const spanStart = lines.lineStart(firstLine);
  const spanEnd = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.length;
  const delta = text.length - lines.length;
  const index = LineIndex.spliced(lines, text, lo, hi, hi + delta);
  // Read on their own, the lines are an assignment outside any section: the one problem that makes.
  const read = parseLines(index, firstLine, lastLine + 1);
  if (read.open || read.sections.length !== 0 || read.orphans.length !== 1 || read.comments.length !== 0) return undefined;
  const fresh = read.orphans[0];
  if (!(fresh instanceof EntryNode) || fresh.key !== entry.key) return undefined;
  if (read.diagnostics.length !== 1 || read.diagnostics[0].code !== 'assignment-outside-section') return undefined;
  const diagnostics = problemsAround(tree, [], spanStart, spanEnd, firstLine, 0);
  if (diagnostics === undefined) return undefined;
  const oldComments = commentListOf(tree);
  if (oldComments === undefined) return undefined;

  // New nodes own their strings rather than views into the text they were read from.
  if (keep) fresh.detach();
  // The section's range ends with its last line of content: one of the assignment's when it ended there.
  const end = section.contentEnd <= spanEnd ? contentEndOf(index, firstLine, lastLine) : section.contentEnd + delta;
  const edited = section.withEntry(index, at, fresh, delta, end);
  const kept = sections.slice(0, s);
  const moved = sections.slice(s + 1).map((m) => (m as SectionNode).shifted(index, delta, copyMoved, !keep));
  if (keep) {
    for (const k of kept) (k as SectionNode).rebase(index);
    for (const orphan of tree.orphans) if (orphan instanceof EntryNode) orphan.rebase(index);
  }
  const comments = CommentList.joined(index, [
    { list: oldComments, from: 0, to: oldComments.firstFrom(spanStart), delta: 0 },
    { list: oldComments, from: oldComments.firstFrom(spanEnd), to: oldComments.length, delta },
  ]);
  const result = new ParsedTree(index, [...kept, edited, ...moved], tree.orphans, comments, diagnostics, tree.hasBom);
  readable.set(result, tree.orphans.every((e) => e instanceof EntryNode));
  sharePlaces(tree, result, s, 1, [edited]);
  return result;
}

/** Comment lines looked past for a continuation before an edited assignment. */
const COMMENTS_LOOKED_PAST = 64;

/** The end of the last of lines `[first, last]` that is not blank, without its trailing blanks, as the parser ends a section. */
function contentEndOf(index: LineIndex, first: number, last: number): number {
  for (let k = last; k >= first; k--) {
    const start = index.lineStart(k);
    const content = trimBlanksEnd(index.slice(start, index.lineEnd(k)));
    if (content.length > 0) return start + content.length;
  }
  return index.lineStart(first);
}

/**
 * Whether the edits leave a line break that systemd splits otherwise than the editor (see
 * UNEVEN_BREAK) where they join the text: each character of the edited text from the one before
 * an edit to the one after it is looked at, when the text or an edit holds a `\r`.
 */
function breaksUnevenly(tree: SyntaxTree, edits: readonly OffsetEdit[], text: TextSource): boolean {
  if (!tree.lines.hasCarriageReturns && !edits.some((e) => e.text.includes('\r'))) return false;
  let shift = 0;
  for (const edit of edits) {
    const start = edit.start + shift;
    const end = start + edit.text.length;
    // The characters [start - 1, end] with one more on each side, as far as the text goes.
    const from = Math.max(0, start - 2);
    const around = text.slice(from, Math.min(text.length, end + 2));
    for (let i = Math.max(0, start - 1 - from); i <= end - from && i < around.length; i++) {
      const c = around.charCodeAt(i);
      // A '\r' not followed by '\n' (at the text's end too: `around` then ends there).
      if (c === 13 && around.charCodeAt(i + 1) !== 10) return true;
      // A '\n' followed by a '\r' that is not the end of a '\r\n'.
      // (`i` is 0 only at the text's start, where nothing comes before.)
      if (c === 10 && around.charCodeAt(i + 1) === 13 && (i === 0 || around.charCodeAt(i - 1) !== 13)) return true;
    }
    shift += edit.text.length - (edit.end - edit.start);
  }
  return false;
}

/**
 * The problems of form that belong to the line they are on, whatever the lines around it: parse()
 * finds them there again when the lines before and after it are the same, under a header (lines
 * read again before the first header of a later section would belong to the section before it,
 * and make the whole text read). Binary data is a finding about the whole text; a NUL or a byte
 * order mark in it is never read in part.
 */
const OWN_LINE_PROBLEMS: ReadonlySet<string> = new Set<ParseProblemCode>([
  'invalid-section-header',
  'bad-section-name',
  'assignment-outside-section',
  'missing-equals',
  'missing-key',
  'continuation-in-key',
  'continuation-at-end',
  'invalid-utf8',
  'line-too-long',
]);

/** A problem of one line, not one that stands for those of its kind left out of the list. */
function ownLineProblem(d: Diagnostic): boolean {
  return OWN_LINE_PROBLEMS.has(d.code) && !standsForUnlisted(d);
}

/**
 * The problems of form of the edited text, as parse() lists them: those of the old tree before the
 * span read again, those read in it (`read`, at lines counted from the span's first line,
 * `fromLine`), and those after it, moved by the lines the edits added. Undefined when parse() would
 * list them otherwise: one that is not a line's own, or more of a kind than it lists (the lines
 * read again list as many at most, and leave out the rest without a word).
 */
function problemsAround(tree: SyntaxTree, read: readonly Diagnostic[], spanStart: number, spanEnd: number, fromLine: number, lineDelta: number): Diagnostic[] | undefined {
  const old = tree.diagnostics;
  if (old.length === 0 && read.length === 0) return [];
  const lines = tree.lines;
  const firstLine = lines.lineOf(spanStart);
  const endLine = spanEnd >= lines.length ? Infinity : lines.lineOf(spanEnd);
  const merged: Diagnostic[] = [];
  for (const d of old) if (d.range.start.line < firstLine) merged.push(d);
  const readCounts = new Map<string, number>();
  for (const d of read) {
    const count = (readCounts.get(d.code) ?? 0) + 1;
    // As many as the parser lists: it may have left more out.
    if (count >= LISTED_PER_KIND) return undefined;
    readCounts.set(d.code, count);
    merged.push(movedDown(d, fromLine));
  }
  for (const d of old) if (d.range.start.line >= endLine) merged.push(movedDown(d, lineDelta));
  const counts = new Map<string, number>();
  for (const d of merged) {
    const count = (counts.get(d.code) ?? 0) + 1;
    if (count > LISTED_PER_KIND || !ownLineProblem(d)) return undefined;
    counts.set(d.code, count);
  }
  return merged;
}

/** A problem of form `lines` further down (a new one: the old tree's stays as it was). */
function movedDown(d: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return d;
  const { start, end } = d.range;
  return { ...d, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

function readableSection(section: Section): boolean {
  return section instanceof SectionNode && section.entries.every((e) => e instanceof EntryNode);
}
