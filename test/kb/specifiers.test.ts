import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specifier, specifiers } from '../../server/src/core/kb';
import { SPECIFIER_MEANINGS } from '../../server/src/core/kb/specifierMeanings';

describe('specifiers', () => {
  const documented = 'aAbBCdDEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%';

  it('has every documented letter and the deprecated %c %r %R', () => {
    assert.deepEqual(specifiers.filter((s) => !s.deprecated).map((s) => s.letter).sort(), [...documented].sort());
    assert.deepEqual(specifiers.filter((s) => s.deprecated).map((s) => s.letter), ['c', 'r', 'R']);
  });

  it('words every letter, and nothing else', () => {
    assert.deepEqual(Object.keys(SPECIFIER_MEANINGS).sort(), specifiers.map((s) => s.letter).sort());
    for (const s of specifiers) {
      assert.ok(s.meaning.length > 0 && s.meaning.length <= 60, `%${s.letter}: ${s.meaning}`);
      assert.ok(!/[.;]$/.test(s.meaning), `%${s.letter} is a noun phrase, not a sentence`);
    }
  });

  const cases: Array<[string, string]> = [
    ['n', 'full unit name'],
    ['N', 'unit name without type suffix'],
    ['i', 'instance name'],
    ['I', 'instance name, unescaped'],
    ['%', 'a literal percent sign'],
  ];
  for (const [letter, meaning] of cases) it(`%${letter} means ${meaning}`, () => assert.equal(specifier(letter)?.meaning, meaning));

  it('carries no version: the man page marks none for specifiers', () => {
    assert.deepEqual(specifiers.filter((s) => s.since !== undefined), []);
  });

  it('unknown letters give undefined', () => {
    assert.equal(specifier('x'), undefined);
    assert.equal(specifier('k'), undefined);
  });
});
