/**
 * The results an EvidenceCache keeps are found by the values the evidence checks read. Those
 * values were the key itself, so on a long unit each result kept a copy of the lines read: on a
 * generated unit of 199,151 characters, a key of 93,894 for every fix tried (up to 256 of them,
 * in the editor for as long as the document is open). Now the key holds a fingerprint of them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, EvidenceCache, withFixes } from '../../server/src/core';
import { generateUnitOfSize } from '../bench/generate';

describe('the evidence cache on a long unit', () => {
  const { text } = generateUnitOfSize(200_000);
  const cache = new EvidenceCache();
  const analysis = analyze(createUnitDocument('file:///long.service', text), DEFAULT_SETTINGS, {}, cache);
  const withTried = withFixes(analysis);

  test('fixes were tried against the evidence', () => {
    assert.ok(withTried.some((d) => (d.fixes?.length ?? 0) > 0), 'some finding offers a fix');
    assert.ok(cache.results.size > 0, 'the cache holds results of fixes tried');
  });

  test('no key holds the values read: each is a few hundred characters at most', () => {
    const longest = Math.max(...[...cache.results.keys()].map((key) => key.length));
    assert.ok(longest < 1_000, `the longest key is ${longest} characters, of a unit of ${text.length}`);
  });
});
