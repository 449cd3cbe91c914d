/** "Did you mean" suggestions: close names by edit distance. */

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours).
 * A difference in letter case alone costs a fraction, so `Protectsystem` prefers `ProtectSystem`.
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const rows: number[][] = [];
  for (let i = 0; i <= n; i++) rows.push(new Array<number>(m + 1).fill(0));
  for (let i = 0; i <= n; i++) rows[i][0] = i;
  for (let j = 0; j <= m; j++) rows[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const ca = a[i - 1];
      const cb = b[j - 1];
      const cost = ca === cb ? 0 : ca.toLowerCase() === cb.toLowerCase() ? 0.25 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[n][m];
}

const MAX_WORD = 64;

/** How far a name may be from a candidate to be suggested. */
function allowance(word: string): number {
  return word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
}

export interface Suggestion {
  value: string;
  distance: number;
}

/**
 * Candidates close to `word`, best first (at most `limit`). Words of a few letters get few
 * suggestions; a candidate that contains the word, or is contained in it, counts as close
 * when the difference is a dash-separated part (`@service` for `@system-service`).
 */
export function suggestions(word: string, candidates: Iterable<string>, limit = 3): Suggestion[] {
  // Nothing worth suggesting is that long, and the distance costs length times length.
  if (word.length > MAX_WORD) return [];
  const found: Suggestion[] = [];
  const lower = word.toLowerCase();
  const allowed = allowance(word);
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    // The distance is at least the difference in length: skip the work when that is too much.
    let distance = Math.abs(candidate.length - word.length) > allowed ? Infinity : editDistance(word, candidate);
    if (distance > allowed) {
      const c = candidate.toLowerCase();
      const stem = lower.replace(/^[@~]/, '');
      const partOf = stem.length >= 4 && (c.endsWith(`-${stem}`) || c.startsWith(`${stem}-`) || c.includes(`-${stem}-`));
      if (!partOf) continue;
      distance = allowance(word) + 0.5;
    }
    found.push({ value: candidate, distance });
  }
  found.sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value));
  return found.slice(0, limit);
}

/** The one suggestion safe to apply without asking: clearly closer than any other. */
export function bestSuggestion(found: readonly Suggestion[]): Suggestion | undefined {
  const [first, second] = found;
  if (!first || first.distance > 2) return undefined;
  if (second && second.distance - first.distance < 1) return undefined;
  return first;
}
