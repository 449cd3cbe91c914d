/**
 * The texts a patch stands between: built from the hunks alone (only what they show, each line at
 * its own line number), or by applying the hunks to the full text of the file.
 */
import type { Range } from '../../types';
import { hunkHeaderText, type FilePatch, type PatchHunk, type PatchLine } from './patch';
import { appendAll } from '../../arrays';

export type PatchSide = 'old' | 'new';

/** One side of a file as far as the hunks show it. */
export interface HunkText {
  /**
   * Every line the hunks show at its own 0-based line number; the lines between them are empty,
   * but for the section header `lineBefore` may put just above a hunk.
   */
  text: string;
  /** The 0-based lines that hold what the hunks show. */
  shown: ReadonlySet<number>;
  /** The hunks show the whole file: a new or deleted file. */
  whole: boolean;
}

export interface HunkTextOptions {
  /**
   * A line to put on the empty line just above a hunk (a `[Section]` header, so that the hunk's
   * lines are read in the section they belong to); undefined for none.
   */
  lineBefore?: (file: FilePatch, hunk: number, side: PatchSide) => string | undefined;
}

/** The lines of one side of a hunk: context and removed lines (old), or context and added lines (new). */
export function sideLines(hunk: PatchHunk, side: PatchSide): PatchLine[] {
  return hunk.lines.filter((l) => l.kind === ' ' || l.kind === (side === 'old' ? '-' : '+'));
}

function lineOn(line: PatchLine, side: PatchSide): number | undefined {
  return side === 'old' ? line.oldLine : line.newLine;
}

/**
 * The old and new text of a file from its hunks only; undefined for a side the file does not
 * exist on (a new file has no old text). What the hunks do not show is not guessed.
 */
export function textsFromHunks(file: FilePatch, options: HunkTextOptions = {}): { old: HunkText | undefined; new: HunkText | undefined } {
  return {
    old: file.change === 'added' ? undefined : sideText(file, 'old', options),
    new: file.change === 'deleted' ? undefined : sideText(file, 'new', options),
  };
}

function sideText(file: FilePatch, side: PatchSide, options: HunkTextOptions): HunkText {
  const whole = file.change === (side === 'old' ? 'deleted' : 'added');
  const lines: string[] = [];
  const shown = new Set<number>();
  let noNewlineAtEnd = false;
  file.hunks.forEach((hunk, index) => {
    const own = sideLines(hunk, side);
    const first = own.length > 0 ? lineOn(own[0], side) : undefined;
    if (first !== undefined && first > 0 && !shown.has(first - 1) && options.lineBefore) {
      const header = options.lineBefore(file, index, side);
      if (header !== undefined) lines[first - 1] = header;
    }
    for (const line of own) {
      const at = lineOn(line, side);
      if (at === undefined) continue;
      lines[at] = line.text;
      shown.add(at);
    }
    noNewlineAtEnd = side === 'old' ? hunk.oldNoNewlineAtEnd : hunk.newNoNewlineAtEnd;
  });
  const filled = Array.from({ length: lines.length }, (_, i) => lines[i] ?? '');
  const text = filled.join('\n') + (filled.length > 0 && !(whole && noNewlineAtEnd) ? '\n' : '');
  return { text, shown, whole };
}

/** The result of applying a file's hunks to a full text. */
export type PatchApplication =
  | { ok: true; text: string; /** Per hunk, how many lines away from where its header says it was found (as patch(1) reports it). */ offsets: number[] }
  | { ok: false; /** 0-based index of the hunk that does not apply. */ hunk: number; message: string };

interface TextLine {
  text: string;
  eol: string;
}

function textLines(text: string): TextLine[] {
  const found = text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
  return found.map((l) => {
    const eol = /\r\n$|\n$|\r$/.exec(l)?.[0] ?? '';
    return { text: l.slice(0, l.length - eol.length), eol };
  });
}

/** The break most lines of a text end with (`\n` for a text without any). */
function usualBreak(lines: readonly TextLine[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.eol) counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1);
  let best = '\n';
  let most = 0;
  for (const [eol, n] of counts) if (n > most) (best = eol), (most = n);
  return best;
}

/**
 * Applies a file's hunks to its full text: `forward` turns the old text into the new one,
 * `reverse` the new text back into the old one (for a file the patch has been applied to). A hunk
 * whose lines are not where its header says is looked for above and below, as `patch` does,
 * without fuzz: every context line must match. Line breaks of the text are kept.
 */
export function applyFilePatch(text: string, file: FilePatch, direction: 'forward' | 'reverse' = 'forward'): PatchApplication {
  const from: PatchSide = direction === 'forward' ? 'old' : 'new';
  const to: PatchSide = direction === 'forward' ? 'new' : 'old';
  const lines = textLines(text);
  const eol = usualBreak(lines);
  const out: TextLine[] = [];
  const offsets: number[] = [];
  let copied = 0;
  let shift = 0;
  for (const [index, hunk] of file.hunks.entries()) {
    const expected = sideLines(hunk, from).map((l) => l.text);
    const start = from === 'old' ? hunk.oldStart : hunk.newStart;
    const count = from === 'old' ? hunk.oldCount : hunk.newCount;
    const header = count === 0 ? start : start - 1;
    // A hunk is looked for first where the one before it was found to have moved to.
    const stated = header + shift;
    const at = findLines(lines, expected, stated, copied);
    if (at === undefined) return { ok: false, hunk: index, message: mismatch(lines, expected, Math.max(stated, copied), hunk, index) };
    offsets.push(at - header);
    shift = at - header;
    appendAll(out, lines.slice(copied, at));
    // Context lines keep the text's own breaks; new lines get the break the text mostly uses.
    let k = at;
    for (const line of hunk.lines) {
      if (line.kind === ' ') out.push(lines[k++]);
      else if (line.kind === (from === 'old' ? '-' : '+')) k++;
      else out.push({ text: line.text, eol });
    }
    copied = k;
    const atEnd = copied >= lines.length;
    const noNewline = to === 'old' ? hunk.oldNoNewlineAtEnd : hunk.newNoNewlineAtEnd;
    const last = out[out.length - 1];
    if (atEnd && last) out[out.length - 1] = { text: last.text, eol: noNewline ? '' : last.eol || eol };
  }
  appendAll(out, lines.slice(copied));
  return { ok: true, text: out.map((l) => l.text + l.eol).join(''), offsets };
}

/** Where the lines are, at `stated` or the nearest place around it not before `min`. */
function findLines(lines: readonly TextLine[], expected: readonly string[], stated: number, min: number): number | undefined {
  const matches = (at: number) => at >= min && at + expected.length <= lines.length && expected.every((t, i) => lines[at + i].text === t);
  for (let distance = 0; distance <= lines.length; distance++) {
    if (matches(stated - distance)) return stated - distance;
    if (distance > 0 && matches(stated + distance)) return stated + distance;
  }
  return undefined;
}

function mismatch(lines: readonly TextLine[], expected: readonly string[], at: number, hunk: PatchHunk, index: number): string {
  const where = `hunk ${index + 1} (${hunkHeaderText(hunk)})`;
  if (at + expected.length > lines.length) return `${where} does not apply: the file has ${lines.length} lines, the hunk needs ${expected.length} from line ${at + 1}`;
  const i = expected.findIndex((t, k) => lines[at + k].text !== t);
  if (i < 0) return `${where} does not apply`;
  return `${where} does not apply: line ${at + i + 1} is "${lines[at + i].text}", the hunk expects "${expected[i]}", and the hunk's lines are nowhere else in the file`;
}

/** For each 0-based line of a side of the file that the patch shows, the patch line that shows it. */
export function shownLines(file: FilePatch, side: PatchSide): ReadonlyMap<number, PatchLine> {
  const map = new Map<number, PatchLine>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      const at = lineOn(line, side);
      if (at !== undefined) map.set(at, line);
    }
  }
  return map;
}

/**
 * A range in a side of the file as a range in the patch document (the file's text starts at
 * character 1 of a patch line); undefined when the patch does not show the range's first line.
 */
export function rangeInPatch(file: FilePatch, side: PatchSide, range: Range): Range | undefined {
  const lines = shownLines(file, side);
  const start = lines.get(range.start.line);
  if (!start) return undefined;
  const end = lines.get(range.end.line);
  return {
    start: { line: start.patchLine, character: range.start.character + 1 },
    end: end ? { line: end.patchLine, character: range.end.character + 1 } : { line: start.patchLine, character: start.text.length + 1 },
  };
}

/** Where a position of the patch document is in a file: an added or context line in the new text, a removed line in the old. */
export interface FilePosition {
  file: FilePatch;
  side: PatchSide;
  /** 0-based line and character in that side's text. */
  line: number;
  character: number;
  kind: PatchLine['kind'];
}

/**
 * The file position a patch position shows (for hover on a `+ProtectSystem=strict` line):
 * undefined on headers, hunk headers, mail text and the one-character prefix of a line.
 */
export function filePositionAt(files: readonly FilePatch[], position: { line: number; character: number }): FilePosition | undefined {
  if (position.character < 1) return undefined;
  for (const file of files) {
    if (position.line < file.headerLine || position.line > file.endLine) continue;
    for (const hunk of file.hunks) {
      const line = hunk.lines.find((l) => l.patchLine === position.line);
      if (!line) continue;
      const side: PatchSide = line.kind === '-' ? 'old' : 'new';
      const at = side === 'old' ? line.oldLine : line.newLine;
      if (at === undefined) return undefined;
      return { file, side, line: at, character: Math.min(position.character - 1, line.text.length), kind: line.kind };
    }
  }
  return undefined;
}
