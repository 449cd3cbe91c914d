import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTsv, parseTsvRows } from './tsv';

const rows: Array<{ name: string; text: string; rows: string[][] }> = [
  { name: 'plain', text: 'a\tb\n1\t2\n', rows: [['a', 'b'], ['1', '2']] },
  { name: 'no final line break', text: 'a\tb\n1\t2', rows: [['a', 'b'], ['1', '2']] },
  { name: 'CRLF', text: 'a\tb\r\n1\t2\r\n', rows: [['a', 'b'], ['1', '2']] },
  { name: 'empty fields', text: '\t\tx\n', rows: [['', '', 'x']] },
  { name: 'backslashes are data', text: 'system-systemd\\x2dcryptsetup.slice\tc:\\t\n', rows: [['system-systemd\\x2dcryptsetup.slice', 'c:\\t']] },
  { name: 'quoted tab, line break and quote', text: '"a\tb"\t"line\none"\t"say ""hi"""\n', rows: [['a\tb', 'line\none', 'say "hi"']] },
  { name: 'a quote inside a field is data', text: 'ab"c\td\n', rows: [['ab"c', 'd']] },
];

describe('TSV reader', () => {
  for (const c of rows) {
    it(c.name, () => assert.deepEqual(parseTsvRows(c.text), c.rows));
  }

  it('keys records by the header and rejects ragged records', () => {
    assert.deepEqual(parseTsv('path\tkind\nx.service\tunit\n'), [{ path: 'x.service', kind: 'unit' }]);
    assert.throws(() => parseTsv('path\tkind\nx.service\n'), /record 2 has 1 fields/);
  });
});
