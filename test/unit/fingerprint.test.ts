/** Fingerprints stand for texts in sets that must not keep megabytes of each text they saw. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../../server/src/core/memo/fingerprint';

describe('fingerprint', () => {
  test('the same text gives the same fingerprint, built anew or not', () => {
    const text = '[Service]\nExecStart=/bin/true\n'.repeat(50);
    assert.equal(fingerprint(text), fingerprint(['[Service]\nExecStart=/bin/true\n'.repeat(25), '[Service]\nExecStart=/bin/true\n'.repeat(25)].join('')));
  });

  const cases: Array<[string, string, string]> = [
    ['one character changed', '[Service]\nNice=5\n', '[Service]\nNice=6\n'],
    ['two characters swapped', '[Service]\nNice=56\n', '[Service]\nNice=65\n'],
    ['a line removed', '[Service]\nNice=5\nNice=5\n', '[Service]\nNice=5\n'],
    ['CRLF and LF', '[Service]\r\nNice=5\r\n', '[Service]\nNice=5\n\n'],
    ['a surrogate pair and its halves swapped', 'a\ud83d\ude00b', 'a\ude00\ud83db'],
    ['empty and a NUL', '', '\0'],
  ];
  for (const [name, a, b] of cases) {
    test(`texts that differ differ: ${name}`, () => assert.notEqual(fingerprint(a), fingerprint(b)));
  }

  test('no two of 20,000 units that differ by one line share a fingerprint', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(fingerprint(`[Service]\nExecStart=/bin/true\nNice=${i % 40}\nEnvironment=N=${i}\n`));
    assert.equal(seen.size, 20_000);
  });

  test('is short, whatever the length of the text', () => {
    assert.ok(fingerprint('x'.repeat(5_000_000)).length < 30);
  });
});
