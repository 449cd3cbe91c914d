/** Which documents the server parses, and that it counts their lines only when it must. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isCheckedSize, MAX_CHECKED_LENGTH, MAX_CHECKED_LINES, notCheckedNotice } from '../../server/src/lsp/documentLimits';

const uncounted = (): number => {
  throw new Error('the lines were counted');
};

describe('document limits', () => {
  test('a document shorter than the line limit in characters is checked without counting its lines', () => {
    assert.equal(isCheckedSize(MAX_CHECKED_LINES - 1, uncounted), true);
  });

  const cases: Array<[string, number, number, boolean]> = [
    ['long enough to have too many lines, and has not', MAX_CHECKED_LINES * 3, MAX_CHECKED_LINES, true],
    ['one line too many', MAX_CHECKED_LINES * 3, MAX_CHECKED_LINES + 1, false],
    ['longer than the length limit, of few lines', MAX_CHECKED_LENGTH + 1, 10, false],
  ];
  for (const [name, length, lines, checked] of cases) {
    test(name, () => assert.equal(isCheckedSize(length, () => lines), checked));
  }

  test('the notice of a document too long names its size without counting its lines', () => {
    assert.match(notCheckedNotice(MAX_CHECKED_LENGTH + 1, uncounted).message, /^Not checked: UnitGuard checks documents of up to 32\.0 MB, and this one is 32\.0 MB\./);
    assert.match(notCheckedNotice(5e6, uncounted, 2048).message, /needed more than the 2048 MB of memory/);
    assert.match(notCheckedNotice(6e6, () => 2_000_004).message, /of up to 2,000,000 lines, and this one has 2,000,004\./);
  });
});
