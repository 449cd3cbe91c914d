/**
 * `check` holds a long text with characters past U+00FF at one byte a character (see
 * node/compactText.ts); the formats that show fixes do not, as they read the text whole. Both must
 * find the same: the text report of such a unit is checked against its JSON report, finding by
 * finding (place, severity, code and message).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, runJson, tempFolder } from './cliHarness';

/** One service with characters past U+00FF in a comment, values (some quoted by findings), a key and a section's name. */
const BLOCK = [
  '# Service «n» — made for the test',
  '[Unit]',
  'Description=Service — «n» 中文',
  '[Service]',
  'ExecStart=/usr/bin/daemon --label "a — b" \\',
  '  --name 😀',
  'ProtectSystem=strict',
  'ProtectSystem=full',
  'Usér—=x',
  'PrivateTmp=yes',
  'ProtectHome=yés—',
  'Restart=alwa—ys',
  '[Sérvice—]',
  'Key=value',
  '',
].join('\n');

/** The same without what makes the text read otherwise than from the string that stands for it (see CompactText.standIn, parsedCompactly). */
const HELD_BLOCK = BLOCK.replace(' 😀', ' 中').replace('Usér—=x\n', '').replace('[Sérvice—]', '[X-Extra]');

/** Read from the string that stands for it, then parsed again from the text itself: a key past U+00FF. */
const KEY_BLOCK = HELD_BLOCK.replace('PrivateTmp=yes', 'PrivateTmp=yes\nUsér—=x');

describe('check of a long unit with characters past U+00FF', () => {
  const units: Record<string, string> = {
    'a character past U+FFFF: parsed from the text, then held compactly': BLOCK,
    'parsed from the string that stands for the text': HELD_BLOCK,
    'a key past U+00FF: parsed from the text after all': KEY_BLOCK,
  };
  for (const [name, block] of Object.entries(units)) {
    test(`the text report (text held compactly) and the JSON report (text held whole) find the same: ${name}`, () => {
      const folder = tempFolder('compact');
      try {
        const file = path.join(folder.dir, 'wide.service');
        // Past the 1 MiB from which the text is held compactly.
        const text = block.repeat(Math.ceil((1.2 * 2 ** 20) / block.length));
        writeFileSync(file, text);
        const report = runCli(['check', '--max-problems', '0', '--min-severity', 'hint', file]);
        assert.equal(report.status, 1, report.stderr);
        const { json } = runJson(['--max-problems', '0', file]);
        const fromJson = json.files[0].diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`);
        const fromText = report.stdout
          .split('\n')
          .filter((line) => line.startsWith(file + ':'))
          .map((line) => line.slice(file.length + 1));
        assert.ok(fromJson.length > 1000, `${fromJson.length} findings`);
        assert.deepEqual(fromText, fromJson);
      } finally {
        folder.remove();
      }
    });
  }

  test('a line over systemd\'s byte limit in UTF-8 is one, whether the text is held compactly or not', () => {
    const folder = tempFolder('compact');
    try {
      const file = path.join(folder.dir, 'long-line.service');
      // 349,600 characters of three bytes: 1,048,800 bytes, past the 1 MiB systemd reads.
      writeFileSync(file, `[Service]\nExecStart=/bin/true\nDescription=${'—'.repeat(349_600)}\n`);
      const report = runCli(['check', file]);
      assert.match(report.stdout, /:3:1: error: This line is 1048812 bytes long; .*\[line-too-long\]/);
      const { json } = runJson([file]);
      assert.ok(json.files[0].diagnostics.some((d) => d.code === 'line-too-long'));
    } finally {
      folder.remove();
    }
  });
});
