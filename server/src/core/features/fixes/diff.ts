/**
 * A unified diff of two texts, for `unitguard check --fix --dry-run` and `harden --dry-run`. The
 * lines both texts start and end with are walked over in place: only the changed middle and the
 * context around it are split into lines, so a fix at the end of a 10 MB unit does not copy every
 * line of both texts (that took some 80 MB).
 */

/** A text's lines, each with its line break (`\n`, `\r\n` or a lone `\r`). */
export function splitKeepingBreaks(text: string): string[] {
  const lines = text.match(/[^\r\n]*(\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
  return lines;
}

export interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

const LF = 10;
const CR = 13;

/** The end of the line that starts at `from`: after its line break (`\n`, `\r\n` or a lone `\r`), or the end of the text. */
function lineEnd(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) return k + 1;
    if (c === CR) return text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
  }
  return text.length;
}

/** Whether a line starts at `p` (0 < p): the character before ends a line. */
function startsLine(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1);
  return c === LF || (c === CR && text.charCodeAt(p) !== LF);
}

/** The start of the line that ends at `end` (a line's end, more than 0). */
function lineStart(text: string, end: number): number {
  for (let p = end - 1; p > 0; p--) if (startsLine(text, p)) return p;
  return 0;
}

/**
 * The lines both texts start with, and those they end with after those: where they end and begin
 * in each text, and how many lines start both. The same lines `splitKeepingBreaks` would give and
 * compare from either end, found without copying them.
 */
function commonEnds(a: string, b: string): { prefix: number; prefixLines: number; suffixA: number; suffixB: number } {
  const shorter = Math.min(a.length, b.length);
  let same = 0;
  while (same < shorter && a.charCodeAt(same) === b.charCodeAt(same)) same++;
  // A line of `a` within the characters both start with is a line of `b` too unless `b` goes on
  // with it (a `\r` there followed by `\n` in one of them, or the end of one text).
  let prefix = 0;
  let prefixLines = 0;
  for (;;) {
    const end = lineEnd(a, prefix);
    if (end === prefix || end > same || lineEnd(b, prefix) !== end) break;
    prefix = end;
    prefixLines++;
  }
  let sameEnd = 0;
  while (sameEnd < shorter - prefix && a.charCodeAt(a.length - 1 - sameEnd) === b.charCodeAt(b.length - 1 - sameEnd)) sameEnd++;
  let suffixA = a.length;
  let suffixB = b.length;
  while (suffixA > prefix && suffixB > prefix) {
    const startA = lineStart(a, suffixA);
    const startB = lineStart(b, suffixB);
    // Equal lines at the same distance from the ends: of the same length, within the characters both end with.
    if (startA < a.length - sameEnd || suffixA - startA !== suffixB - startB || startA < prefix || startB < prefix) break;
    suffixA = startA;
    suffixB = startB;
  }
  return { prefix, prefixLines, suffixA, suffixB };
}

/**
 * The lines of two texts in order, the common ones at either end stripped first and the changed
 * middle matched by longest common subsequence (small for fixes).
 */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  if (midA.length * midB.length > 4_000_000) {
    for (const line of midA) ops.push({ kind: '-', line });
    for (const line of midB) ops.push({ kind: '+', line });
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i] });
        i++;
        j++;
      } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: midA[i++] });
      // Removed lines come before the lines that replace them, as diff(1) writes them.
      else ops.push({ kind: '+', line: midB[j++] });
    }
  }
  for (let k = endA; k < a.length; k++) ops.push({ kind: ' ', line: a[k] });
  return ops;
}

/** A line of a hunk: with its own line break, so that `patch` and `git apply` match CRLF files. */
function show(line: string): string {
  if (line.endsWith('\n')) return line;
  // A lone \r ends a line for systemd but not for `patch`: the hunk line ends at a \n all the same.
  return line.endsWith('\r') ? `${line}\n` : `${line}\n\\ No newline at end of file\n`;
}

/** `--- a/path` / `+++ b/path` and hunks with three lines of context; empty when equal. */
export function unifiedDiff(before: string, after: string, path: string, context = 3): string {
  if (!Number.isInteger(context) || context < 0) throw new RangeError(`a diff's context is a whole number of lines, not ${context}`);
  if (before === after) return '';
  const { prefix, prefixLines, suffixA, suffixB } = commonEnds(before, after);
  // The lines around the middle that a hunk may show; those before them only count.
  const ahead: Op[] = [];
  let start = prefix;
  while (ahead.length < context && start > 0) {
    const from = lineStart(before, start);
    ahead.unshift({ kind: ' ', line: before.slice(from, start) });
    start = from;
  }
  const hidden = prefixLines - ahead.length;
  const ops = [...ahead, ...diffLines(splitKeepingBreaks(before.slice(prefix, suffixA)), splitKeepingBreaks(after.slice(prefix, suffixB)))];
  for (let k = 0, from = suffixA; k < context && from < before.length; k++) {
    const end = lineEnd(before, from);
    ops.push({ kind: ' ', line: before.slice(from, end) });
    from = end;
  }
  return writeHunks(ops, hidden, path, context);
}

/**
 * The diff of `ops`, the lines of both texts in order (the first `hidden` lines, the same in both,
 * left out), as `--- a/path`, `+++ b/path` and hunks with `context` lines around each change.
 */
export function writeHunks(ops: readonly Op[], hidden: number, path: string, context: number): string {
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let out = `--- a/${path.replace(/^\/+/, "")}\n+++ b/${path.replace(/^\/+/, "")}\n`;
  let index = 0;
  while (index < changed.length) {
    const first = changed[index];
    let last = first;
    while (index + 1 < changed.length && changed[index + 1] - last <= context * 2) last = changed[++index];
    index++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    let oldStart = 1 + hidden;
    let newStart = 1 + hidden;
    for (let k = 0; k < from; k++) {
      if (ops[k].kind !== '+') oldStart++;
      if (ops[k].kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@\n`;
    for (const op of hunk) out += op.kind + show(op.line);
  }
  return out;
}
