/** A unified diff of two texts, for `unitguard check --fix --dry-run`. */

function splitKeepingBreaks(text: string): string[] {
  const lines = text.match(/[^\r\n]*(\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
  return lines;
}

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

/** Lines of the changed middle, by longest common subsequence (the middle is small for fixes). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
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
  if (before === after) return '';
  const ops = diffLines(splitKeepingBreaks(before), splitKeepingBreaks(after));
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
    let oldStart = 1;
    let newStart = 1;
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
