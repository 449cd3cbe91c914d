import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { filesArg, runCli, runJson, tempFolder } from './cliHarness';

/** Awkward bytes: each is diagnosed (or passes), never a crash, a hang or exit code 2. */
const inputs: Array<{ name: string; bytes: Buffer; status: 0 | 1; codes: string[] }> = [
  { name: 'empty.target', bytes: Buffer.alloc(0), status: 0, codes: [] },
  { name: 'bom-crlf.target', bytes: Buffer.from('\uFEFF[Unit]\r\nDescription=BOM and CRLF\r\n'), status: 0, codes: [] },
  { name: 'lone-cr.target', bytes: Buffer.from('[Unit]\rDescription=old Mac line ends\r'), status: 0, codes: [] },
  { name: 'invalid-utf8.target', bytes: Buffer.from([...Buffer.from('[Unit]\nDescription=bad '), 0xc3, 0x28, 0x0a]), status: 1, codes: ['invalid-utf8'] },
  // systemd ends the line at the NUL and reads `iption=x` as an assignment of an unknown key.
  { name: 'nul.target', bytes: Buffer.from('[Unit]\nDescr\0iption=x\n'), status: 1, codes: ['nul-byte', 'unknown-directive'] },
  { name: 'binary.target', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), status: 1, codes: ['binary-content'] },
  { name: 'long-line.target', bytes: Buffer.from(`[Unit]\nDescription=${'x'.repeat(10 * 1024 * 1024)}\n`), status: 1, codes: ['line-too-long'] },
];

describe('awkward input', () => {
  for (const input of inputs) {
    it(`${input.name}: exit ${input.status}${input.codes.length ? `, reports ${input.codes.join(', ')}` : ''}`, () => {
      const tmp = tempFolder('input');
      try {
        writeFileSync(path.join(tmp.dir, input.name), input.bytes);
        const { json, result } = runJson([input.name], { cwd: tmp.dir });
        assert.equal(result.status, input.status, result.stderr);
        assert.equal(result.stderr, '');
        const codes = json.files[0].diagnostics.map((d) => d.code);
        for (const code of input.codes) assert.ok(codes.includes(code), `${code} not in ${codes.join(', ')}`);
        if (input.codes.length === 0) assert.deepEqual(codes, []);
      } finally {
        tmp.remove();
      }
    });
  }
});

describe('standard input (-)', () => {
  it('is read and shown as <stdin>', () => {
    const result = runCli(['check', '-'], { input: '[Unit\n' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^<stdin>:1:1: error: .*\[invalid-section-header\]\n$/);
  });

  it('is named by --stdin-filename, and mixes with files in the given order', () => {
    const { json, result } = runJson(['--stdin-filename', 'web.service', `${filesArg}/warnings.target`, '-'], {
      input: Buffer.from([...Buffer.from('[Service]\nExecStart=/bin/true '), 0xff, 0x0a]),
    });
    assert.equal(result.status, 1);
    assert.deepEqual(json.files.map((f) => f.path), [`${filesArg}/warnings.target`, 'web.service']);
    assert.deepEqual(json.files[1].diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['invalid-utf8', 1, 20]]);
  });

  it('passes with a clean unit', () => {
    const result = runCli(['check', '-'], { input: '[Unit]\nDescription=From a pipe\n' });
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
  });
});
