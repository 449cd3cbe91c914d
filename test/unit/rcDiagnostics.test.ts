/** The problems of a `.unitguardrc` text, table-driven from test/fixtures/unitguardrc/checks.tsv. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkRcText } from '../../server/src/core/config/rcDiagnostics';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/unitguardrc/checks.tsv');
const rows = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .slice(1)
  .map((l) => l.split('\t'));

/** A policy file check as the language server makes it: here only missing.json is missing. */
const policyProblem = (value: string): string | undefined => (value === 'missing.json' ? `${value}: no such file` : undefined);

describe('.unitguardrc problems', () => {
  for (const [text = '', line, start, end, severity, message = ''] of rows) {
    const source = text.replace(/\\n/g, '\n').replace(/\\uFEFF/g, '\uFEFF');
    test(JSON.stringify(source), () => {
      const found = checkRcText(source, { policyProblem });
      if (line === '-') {
        assert.deepEqual(found, []);
        return;
      }
      assert.equal(found.length, 1, JSON.stringify(found));
      const [d] = found;
      assert.deepEqual(d?.range, { start: { line: Number(line), character: Number(start) }, end: { line: Number(line), character: Number(end) } });
      assert.equal(d?.severity, severity);
      assert.match(d?.message ?? '', new RegExp(message));
    });
  }

  test('bad input never throws: NUL, CR line ends, a long line', () => {
    assert.deepEqual(checkRcText('systemd-version = 252\r\n[rules]\r\nrecommends = off\r\n'), []);
    assert.equal(checkRcText('\0\0\0').length, 1);
    assert.equal(checkRcText(`x = ${'a'.repeat(1_000_000)}`).length, 1);
  });
});
