/**
 * "Did you mean" suggestions: the distance is worked out in two rows with an early stop, and a
 * candidate whose letters differ too much is skipped before it. Both must give exactly what the
 * whole table of the distance gives, which the test keeps as its reference.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { directiveRows, syscallGroup, syscallGroupNames } from '../../server/src/core/kb';
import { editDistance, suggestions } from '../../server/src/core/rules/similarity';

/** The distance from the whole table: optimal string alignment, a change of case alone costing a quarter. */
function referenceDistance(a: string, b: string): number {
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

/** Suggestions as the whole table and every candidate give them. */
function referenceSuggestions(word: string, candidates: Iterable<string>, limit = 3): Array<{ value: string; distance: number }> {
  if (word.length > 64) return [];
  const allowed = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  const found: Array<{ value: string; distance: number }> = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    let distance = Math.abs(candidate.length - word.length) > allowed ? Infinity : referenceDistance(word, candidate);
    if (distance > allowed) {
      const c = candidate.toLowerCase();
      const stem = word.toLowerCase().replace(/^[@~]/, '');
      if (!(stem.length >= 4 && (c.endsWith(`-${stem}`) || c.startsWith(`${stem}-`) || c.includes(`-${stem}-`)))) continue;
      distance = allowed + 0.5;
    }
    found.push({ value: candidate, distance });
  }
  found.sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value));
  return found.slice(0, limit);
}

/** A small deterministic generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const syscalls = [...new Set(syscallGroupNames.flatMap((g) => syscallGroup(g)?.members ?? []))];
const directives = [...new Set(directiveRows.map((row) => row.name))];
const LISTS: Array<[string, readonly string[]]> = [
  ['system calls', syscalls],
  ['system call groups', syscallGroupNames],
  ['setting names', directives],
];

/** A word near one of `names`: a few edits, case changes, swaps, a dash part, or a character beyond ASCII. */
function nearWord(names: readonly string[], next: () => number): string {
  let word = names[Math.floor(next() * names.length)];
  const edits = Math.floor(next() * 4);
  const alphabet = 'abcdefgxyzABCXYZ_-@~0123é';
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * (word.length + 1));
    const kind = Math.floor(next() * 5);
    const c = alphabet[Math.floor(next() * alphabet.length)];
    if (kind === 0) word = word.slice(0, at) + c + word.slice(at);
    else if (kind === 1) word = word.slice(0, at) + word.slice(at + 1);
    else if (kind === 2) word = word.slice(0, at) + c + word.slice(at + 1);
    else if (kind === 3 && at + 1 < word.length) word = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    else word = word.slice(0, at) + word.slice(at, at + 1).toUpperCase() + word.slice(at + 1);
  }
  return next() < 0.1 ? word.split('-').slice(-1)[0] : word;
}

describe('edit distance', () => {
  const cases: Array<[string, string, number]> = [
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['Protectsystem', 'ProtectSystem', 0.25],
    ['ab', 'ba', 1],
    ['ca', 'abc', 3],
    ['chmod', 'chomd', 1],
    ['é', 'É', 0.25],
  ];
  for (const [a, b, expected] of cases) {
    test(`${JSON.stringify(a)} to ${JSON.stringify(b)} is ${expected}`, () => {
      assert.equal(editDistance(a, b), expected);
      assert.equal(referenceDistance(a, b), expected);
    });
  }

  test('equals the whole table on 20,000 random pairs, and stops early only past the bound', () => {
    const next = random(7);
    for (let k = 0; k < 20_000; k++) {
      const names = LISTS[k % LISTS.length][1];
      const a = nearWord(names, next);
      const b = next() < 0.5 ? nearWord(names, next) : names[Math.floor(next() * names.length)];
      const exact = referenceDistance(a, b);
      assert.equal(editDistance(a, b), exact, `${a} / ${b}`);
      const max = Math.floor(next() * 4);
      assert.equal(editDistance(a, b, max), exact > max ? Infinity : exact, `${a} / ${b} within ${max}`);
    }
  });
});

describe('suggestions', () => {
  for (const [name, names] of LISTS) {
    test(`are those of the whole table for 2,000 words near ${name}`, () => {
      const next = random(name.length);
      let some = 0;
      for (let k = 0; k < 2_000; k++) {
        const word = nearWord(names, next);
        const expected = referenceSuggestions(word, names);
        if (expected.length > 0) some++;
        assert.deepEqual(suggestions(word, names), expected, word);
      }
      assert.ok(some > 500, `words with a suggestion: ${some}`);
    });
  }

  test('a name that holds the word as a part is compared in lower case, which may be longer (U+0130)', () => {
    // 'xyz-İİİİİİ' is 10 code units, its lower case 16: longer than the word's (12).
    const expected = referenceSuggestions('İİİİİİ', ['xyz-İİİİİİ']);
    assert.deepEqual(expected, [{ value: 'xyz-İİİİİİ', distance: 2.5 }]);
    assert.deepEqual(suggestions('İİİİİİ', ['xyz-İİİİİİ']), expected);
  });

  test('a candidate given twice is suggested once', () => {
    assert.deepEqual(suggestions('chmdo', ['chmod', 'chmod', 'chown']), [{ value: 'chmod', distance: 1 }]);
  });
});
