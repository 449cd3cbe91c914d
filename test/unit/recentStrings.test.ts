import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heapAfterGc } from './heapAfterGc';
import { RecentStrings } from '../../server/src/core/memo/recentStrings';

describe('recent strings', () => {
  it('give back the same characters, whatever the table held before', () => {
    const recent = new RecentStrings();
    // Strings of the same length, first and last character fall in one slot: each must still come back as itself.
    const cases = ['', 'a', 'echo', 'ecko', 'echo', '/bin/echo', '/bin/ech0', 'x'.repeat(32), 'x'.repeat(33), 'two-byte — «x»', '\uD83D\uDE00', 'a\0b'];
    for (let round = 0; round < 3; round++) for (const text of cases) assert.equal(recent.share(text), text);
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from({ length: next() % 40 }, () => String.fromCharCode(97 + (next() % 3))).join('');
      assert.equal(recent.share(text), text);
    }
  });

  it('keep no text alive that a string was cut from', () => {
    const recent = new RecentStrings();
    const before = heapAfterGc();
    (() => {
      const text = `${'ExecStart=/usr/bin/bench --flag value — «x»\n'.repeat(200_000)}`;
      for (let i = 0; i < 50; i++) recent.share(text.slice(1000 + i, 1020 + i));
    })();
    assert.ok(heapAfterGc() - before < 2e6, 'the table let the text go');
  });
});
