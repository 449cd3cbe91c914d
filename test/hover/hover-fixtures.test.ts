/**
 * Table-driven hover tests: every case in test/fixtures/hover/*.txt runs
 * `hover` at the `|` cursor and checks the Markdown and the range.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, hover } from '../../server/src/core';
import { readCases } from '../completion/fixtureCases';

const cases = readCases('hover');

describe('hover fixtures', () => {
  test('there are fixture cases', () => {
    assert.ok(cases.length >= 30, `found ${cases.length} cases`);
  });

  for (const c of cases) {
    test(c.title, () => {
      const document = createUnitDocument(c.uri, c.text, 1);
      const result = hover(document, c.cursor, { systemdVersion: c.systemdVersion });
      for (const { key, value, line } of c.expectations) {
        const at = `line ${line}`;
        switch (key) {
          case 'none':
            assert.equal(result, undefined, `${at}: expected no hover, got:\n${result?.contents}`);
            break;
          case 'contains':
            assert.ok(result, `${at}: no hover`);
            assert.ok(result.contents.includes(value), `${at}: the hover lacks "${value}":\n${result.contents}`);
            break;
          case 'excludes':
            assert.ok(result, `${at}: no hover`);
            assert.ok(!result.contents.includes(value), `${at}: the hover should not contain "${value}":\n${result.contents}`);
            break;
          case 'starts':
            assert.ok(result, `${at}: no hover`);
            assert.ok(result.contents.startsWith(value), `${at}: the hover starts:\n${result.contents.slice(0, 200)}`);
            break;
          case 'range':
            assert.ok(result, `${at}: no hover`);
            assert.equal(document.tree.lines.textAt(result.range), value, `${at}: text under the hover range`);
            break;
          case 'max-length':
            assert.ok(result, `${at}: no hover`);
            assert.ok(result.contents.length <= Number(value), `${at}: ${result.contents.length} characters, expected at most ${value}`);
            break;
          default:
            assert.fail(`${at}: unknown expectation "${key}"`);
        }
      }
    });
  }
});
