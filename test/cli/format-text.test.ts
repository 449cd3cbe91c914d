import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { readUnitFile } from '../../server/src/node/readUnitFile';
import { expectedOutput, filesArg, lines, repoRoot, runCli, TEXT_LINE } from './cliHarness';

describe('check --format text', () => {
  it('prints the fixture folder exactly as expected (compiler style, 1-based)', () => {
    const result = runCli(['check', filesArg]);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, expectedOutput('files.txt', result.stdout));
  });

  it('is the default format', () => {
    assert.equal(runCli(['check', filesArg]).stdout, runCli(['check', '--format', 'text', filesArg]).stdout);
    assert.equal(runCli(['check', filesArg]).stdout, runCli(['check', `--format=text`, filesArg]).stdout);
  });

  const fixtureNames = readdirSync(path.join(repoRoot, filesArg)).sort();
  for (const name of fixtureNames) {
    it(`prints what the core reports for ${name}, one line per diagnostic`, () => {
      const arg = `${filesArg}/${name}`;
      const absolute = path.join(repoRoot, arg);
      const diagnostics = diagnose(createUnitDocument(pathToFileURL(absolute).href, readUnitFile(absolute)));
      const printed = lines(runCli(['check', arg]).stdout);
      assert.equal(printed.length, diagnostics.length);
      printed.forEach((line, i) => {
        const match = TEXT_LINE.exec(line);
        assert.ok(match, `not in compiler format: ${line}`);
        const d = diagnostics[i];
        assert.deepEqual(match.slice(1), [arg, String(d.range.start.line + 1), String(d.range.start.character + 1), d.severity, d.message, d.code]);
      });
    });
  }

  it('prints nothing for a file without diagnostics', () => {
    const result = runCli(['check', `${filesArg}/clean.target`]);
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
  });

  it('counts columns in UTF-16 code units, after an emoji and an accented letter', () => {
    // "Description=Café 😀 " is 20 UTF-16 code units (23 bytes); the invalid byte follows.
    const [line] = lines(runCli(['check', `${filesArg}/encoding.target`]).stdout);
    assert.match(line, /^test\/fixtures\/cli\/files\/encoding\.target:2:21: error: .* \[invalid-utf8\]$/);
  });
});
