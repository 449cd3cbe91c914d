import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heapAfterGc } from './heapAfterGc';
import { always, BoundedCache, LONG_KEYS_BUDGET, MAX_KEY_LENGTH } from '../../server/src/core/rules/values/boundedCache';
import { ownCopy } from '../../server/src/core/syntax/ownCopy';

/** A large text of two-byte characters (as a unit with one non-Latin-1 character is). */
function largeText(): string {
  return 'ExecStart=/usr/bin/bench --flag value — «x»\n'.repeat(200_000);
}

const TEXT_BYTES = 16e6;

describe('memos by text', () => {
  it('find what they computed again, under an equal key built another way', () => {
    const cache = new BoundedCache<string>(16);
    let computed = 0;
    const compute = (key: string) => (computed++, key.toUpperCase());
    const text = 'Service\0ExecStart\0/usr/bin/bench --flag';
    assert.equal(cache.get(text.slice(0), compute), 'SERVICE\0EXECSTART\0/USR/BIN/BENCH --FLAG');
    assert.equal(cache.get(['Service', 'ExecStart', '/usr/bin/bench --flag'].join('\0'), compute), 'SERVICE\0EXECSTART\0/USR/BIN/BENCH --FLAG');
    assert.equal(computed, 1);
  });

  it('keep no key longer than MAX_KEY_LENGTH, nor what was computed from it', () => {
    const cache = new BoundedCache<number[]>(16);
    let computed = 0;
    const words = (key: string) => (computed++, key.split(' ').map((w) => w.length));
    const short = 'net '.repeat(MAX_KEY_LENGTH / 4).trimEnd();
    assert.equal(short.length, MAX_KEY_LENGTH - 1);
    cache.get(short, words);
    cache.get(short, words);
    assert.equal(computed, 1, 'a key of the longest length kept is found again');
    const before = heapAfterGc();
    (() => {
      // Half a million words in a line of 2 MB: a copy of it and its words would be tens of megabytes.
      const long = 'net '.repeat(500_000);
      assert.equal(cache.get(long, words).length, 500_001);
      assert.equal(cache.get(long, words).length, 500_001);
    })();
    assert.equal(computed, 3, 'a longer key is computed each time it is asked for');
    assert.ok(heapAfterGc() - before < 1e6, 'nothing of the long key is kept');
  });

  it('a memo of small results keeps long keys too, once for all such memos, within a budget', () => {
    let computed = 0;
    const yes = new BoundedCache<boolean>(16, { keepsLong: always });
    const other = new BoundedCache<boolean>(16, { keepsLong: always });
    const picky = new BoundedCache<number>(16, { keepsLong: (n) => n < 10 });
    const line = (n: number) => `${n} `.repeat(300_000);
    const first = line(1);
    const test = (key: string) => (computed++, key.length > 0);
    yes.get(first, test);
    // The same text made again (an unchanged line read again after an edit) is found.
    yes.get(line(1), test);
    other.get(line(1), test);
    other.get(line(1), test);
    assert.equal(computed, 2, 'each memo computes a long text once');
    // A result the memo does not keep is computed each time.
    let counted = 0;
    picky.get(first, () => (counted++, 99));
    picky.get(first, () => (counted++, 99));
    picky.get(first, () => (counted++, 5));
    picky.get(first, () => (counted++, 5));
    assert.equal(counted, 3);
    // Past the budget, the long texts kept are let go.
    const filler = 'x'.repeat(LONG_KEYS_BUDGET / 2);
    yes.get(`${filler}a`, test);
    yes.get(`${filler}b`, test);
    computed = 0;
    yes.get(line(1), test);
    assert.equal(computed, 1, 'the first long text was let go');
  });

  it('ownCopy gives the same characters', () => {
    for (const text of ['', 'a', 'yes', 'a longer value of some words', 'two-byte — «quoted»', `${'x'.repeat(40)}${'y'.repeat(40)}`]) {
      assert.equal(ownCopy(text), text);
    }
  });

  it('keep no text alive that a key, or what was computed from it, was cut from', () => {
    // Control: a plain map keyed by a cut of the text keeps the whole text, so the measure can see it.
    const plain = new Map<string, boolean>();
    const baseline = heapAfterGc();
    (() => {
      const text = largeText();
      plain.set(`252\0Service\0${text.slice(1000, 1040)}`, true);
    })();
    assert.ok(heapAfterGc() - baseline > TEXT_BYTES, 'the plain map keeps the text');
    plain.clear();

    // A key joined from a cut of the text, and a result that is a cut of the key.
    const joined = new BoundedCache<boolean>(16);
    const cut = new BoundedCache<string>(16);
    const before = heapAfterGc();
    (() => {
      const text = largeText();
      joined.get(`252\0Service\0${text.slice(1000, 1040)}`, () => true);
      cut.get(text.slice(2000, 2040), (key) => key.slice(10, 30));
    })();
    assert.ok(heapAfterGc() - before < TEXT_BYTES / 4, 'the memos let the text go');
    // The entries are still there.
    let computed = 0;
    const text = largeText();
    joined.get(`252\0Service\0${text.slice(1000, 1040)}`, () => (computed++, false));
    cut.get(text.slice(2000, 2040), () => (computed++, ''));
    assert.equal(computed, 0);
  });
});
