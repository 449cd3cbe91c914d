/**
 * Completion and hover on bad input: random texts built from the characters
 * that matter to unit files (and NUL, BOM, CR, lone surrogates), huge lines,
 * malformed positions. They must never throw, and every range they return
 * must lie inside the document. Resolving docs takes any value an editor
 * might send back as `data` without throwing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { complete, createUnitDocument, hover, resolveCompletion, type CompletionDocKind, type Position, type Range, type UnitDocument } from '../../server/src/core';
import { completionDetail } from '../../server/src/core/features/completion';

const PIECES = ['[', ']', '=', '~', '@', '%', '%%', ':', ' ', '\t', '\\', '\n', '\r\n', '\r', '#', ';', '\u0000', '\ufeff', '\ud800', '\udc00', 'é',
  'Service', 'Unit', 'Install', 'PrivateTmp', 'SystemCallFilter', 'CapabilityBoundingSet', 'After', 'RestartSec', 'yes', '5', 'CAP_SYS_ADMIN', '@mount', 'n'];

function inside(document: UnitDocument, range: Range, what: string): void {
  const lines = document.tree.lines.lines;
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line}`);
    const length = lines[p.line].end - lines[p.line].start;
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= length, `${what}: character ${p.character} of ${length}`);
  }
}

function check(document: UnitDocument, position: Position): void {
  for (const version of [230, 262]) {
    for (const item of complete(document, position, { systemdVersion: version }, { workspaceUnits: ['a.service'] })) inside(document, item.textEdit.range, `completion ${item.label}`);
    const result = hover(document, position, { systemdVersion: version });
    if (result) {
      inside(document, result.range, 'hover');
      assert.ok(result.contents.length > 0);
    }
  }
}

describe('completion and hover never fail', () => {
  test('random texts, every position', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.constantFrom('x.service', 'x.socket', 'x.timer', 'x.service.d/a.conf', 'untitled'), (pieces, name) => {
        const text = pieces.join('');
        const document = createUnitDocument(`file:///etc/${name}`, text, 1);
        for (let line = 0; line < document.tree.lines.lines.length; line++) {
          const { start, end } = document.tree.lines.lines[line];
          for (let character = 0; character <= end - start; character++) check(document, { line, character });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('malformed positions', () => {
    const document = createUnitDocument('file:///x.service', '[Service]\nPrivateTmp=yes\n', 1);
    const bad = [
      { line: -1, character: 0 },
      { line: 1, character: -5 },
      { line: 99, character: 99 },
      { line: 1, character: 1e9 },
      { line: Number.NaN, character: Number.NaN },
      { line: 1.5, character: 2.7 },
      { line: Number.POSITIVE_INFINITY, character: 0 },
      {} as Position,
    ];
    for (const position of bad) check(document, position);
  });

  test('a 10 MB line', () => {
    const long = 'a'.repeat(10 * 1024 * 1024);
    for (const text of [`[Service]\nExecStart=/bin/${long}`, `[Service]\nSystemCallFilter=${'@mount '.repeat(1024 * 1024)}`, `[Service]\n${long}`, `[${long}`]) {
      const document = createUnitDocument('file:///x.service', text, 1);
      const lastLine = document.tree.lines.lines.length - 1;
      const length = document.tree.lines.lines[lastLine].end - document.tree.lines.lines[lastLine].start;
      for (const character of [0, 1, 12, 20, Math.floor(length / 2), length]) check(document, { line: lastLine, character });
    }
  });
});

describe('resolving docs and details never fails', () => {
  const KINDS: CompletionDocKind[] = ['dir', 'sec', 'spec', 'val', 'nsval', 'cap', 'group', 'call', 'af', 'ns', 'sig', 'errno', 'unit', 'time', 'size', 'text', 'bool', 'kw', 'flag', 'ws'];
  const word = fc.oneof(fc.constantFrom(...PIECES, 'toString', '__proto__', 'constructor', '', 'n', '%', 'kill', '~', 'min', 'M', 'infinity', 'yes', 'none', 'AF_UNIX', 'CAP_SYS_ADMIN', '@privileged', 'Service', 'ProtectSystem'), fc.string());
  const resolved = (data: unknown) => {
    const docs = resolveCompletion(data, { systemdVersion: 262 });
    assert.ok(docs === undefined || (typeof docs === 'string' && docs.length > 0), JSON.stringify(data));
    const detail = completionDetail(data);
    assert.ok(detail === undefined || (typeof detail === 'string' && detail.length > 0), JSON.stringify(data));
  };

  test('any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), resolved), { numRuns: 2000 });
  });

  test('data of the right shape with names that may not exist', () => {
    fc.assert(
      fc.property(fc.constantFrom<unknown>(...KINDS, 'nope', 'hasOwnProperty'), word, fc.option(word, { nil: undefined }), fc.option(word, { nil: undefined }), fc.constantFrom<unknown>(undefined, 1, 0, true, '1'), (k, n, s, d, i) => resolved({ k, n, s, d, i })),
      { numRuns: 3000 },
    );
  });
});
