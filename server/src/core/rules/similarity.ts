/** "Did you mean" suggestions: close names by edit distance. */

/** Rows of the distance reused from call to call (grown as needed): two rows back, one back, this one. */
let older = new Float64Array(16);
let previous = new Float64Array(16);
let current = new Float64Array(16);

/** Whether two UTF-16 code units differ in letter case alone (as String.prototype.toLowerCase says). */
function sameButCase(a: number, b: number): boolean {
  if (a < 128 && b < 128) return (a | 32) === (b | 32) && (a | 32) >= 97 && (a | 32) <= 122;
  return String.fromCharCode(a).toLowerCase() === String.fromCharCode(b).toLowerCase();
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours).
 * A difference in letter case alone costs a fraction, so `Protectsystem` prefers `ProtectSystem`.
 * With `max`, a distance past it comes back as Infinity as soon as it is certain: no row of the
 * table has a smaller least value than the row before it.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m > max ? Infinity : m;
  if (m === 0) return n > max ? Infinity : n;
  if (current.length <= m) {
    older = new Float64Array(m + 1);
    previous = new Float64Array(m + 1);
    current = new Float64Array(m + 1);
  }
  let rowOlder = older;
  let rowPrevious = previous;
  let row = current;
  for (let j = 0; j <= m; j++) rowPrevious[j] = j;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    row[0] = i;
    let least = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : sameButCase(ca, cb) ? 0.25 : 1;
      let best = Math.min(rowPrevious[j] + 1, row[j - 1] + 1, rowPrevious[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb) best = Math.min(best, rowOlder[j - 2] + 1);
      row[j] = best;
      if (best < least) least = best;
    }
    if (least > max) return Infinity;
    const spare = rowOlder;
    rowOlder = rowPrevious;
    rowPrevious = row;
    row = spare;
  }
  const distance = rowPrevious[m];
  return distance > max ? Infinity : distance;
}

const MAX_WORD = 64;

/** How many times each character of an ASCII word comes in it, letters in lower case; undefined for another word. */
function foldedLetters(word: string): Int32Array | undefined {
  const counts = new Int32Array(128);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return undefined;
    counts[c >= 65 && c <= 90 ? c | 32 : c]++;
  }
  return counts;
}

/** What lettersApart() counts down, refilled from a word's counts for each candidate. */
const left = new Int32Array(128);

/**
 * The characters (letters in either case alike) in one word and not the other, both ways; 0
 * when either is not ASCII. An insertion or deletion changes this by one, a substitution by at
 * most two, a swap of neighbours or a change of case not at all: the distance is at least half of it.
 */
function lettersApart(letters: Int32Array | undefined, length: number, other: string): number {
  if (letters === undefined) return 0;
  left.set(letters);
  let extra = 0;
  for (let i = 0; i < other.length; i++) {
    let c = other.charCodeAt(i);
    if (c >= 128) return 0;
    if (c >= 65 && c <= 90) c |= 32;
    if (left[c] > 0) left[c]--;
    else extra++;
  }
  // The word's characters not matched: all of them less those the other word matched.
  return extra + (length - (other.length - extra));
}

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
  const allowed = allowance(word);
  // A candidate farther than allowed may still be close as a dash-separated part of a longer name.
  const stem = word.toLowerCase().replace(/^[@~]/, '');
  const byPart = stem.length >= 4;
  const letters = foldedLetters(word);
  for (const candidate of candidates) {
    if (candidate === word || found.some((f) => f.value === candidate)) continue;
    // The distance is at least the difference in length, and half the letters the two do not
    // share: skip the work when either is too much.
    let distance =
      Math.abs(candidate.length - word.length) > allowed || lettersApart(letters, word.length, candidate) > 2 * allowed ? Infinity : editDistance(word, candidate, allowed);
    if (distance > allowed) {
      if (!byPart) continue;
      // Lower case may be longer than the word (U+0130 becomes two code units): compare after it.
      const c = candidate.toLowerCase();
      if (c.length <= stem.length) continue;
      const partOf = c.endsWith(`-${stem}`) || c.startsWith(`${stem}-`) || c.includes(`-${stem}-`);
      if (!partOf) continue;
      distance = allowed + 0.5;
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
