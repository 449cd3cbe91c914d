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
    const result = runCli(['check', '--min-severity', 'hint', filesArg]);
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
      const printed = lines(runCli(['check', '--min-severity=hint', arg]).stdout);
      assert.equal(printed.length, diagnostics.length);
      printed.forEach((line, i) => {
        const match = TEXT_LINE.exec(line);
        assert.ok(match, `not in compiler format: ${line}`);
        const d = diagnostics[i];
        assert.deepEqual(match.slice(1), [arg, String(d.range.start.line + 1), String(d.range.start.character + 1), d.severity, d.message, d.code]);
      });
    });
  }

  // Hints publish nothing unless asked for: this folder's .unitguardrc asks for two hint rules;
  // the unit also has a warning (sd_notify without AF_UNIX) and information.
  const example = 'test/fixtures/cli/hints/web.service';

  it('leaves out hints by default and says how many on standard error', () => {
    const all = lines(runCli(['check', '--min-severity', 'hint', example]).stdout);
    const result = runCli(['check', example]);
    const hints = all.filter((l) => TEXT_LINE.exec(l)?.[4] === 'hint');
    assert.ok(hints.length > 0, 'the example has no hints to leave out');
    assert.deepEqual(lines(result.stdout), all.filter((l) => TEXT_LINE.exec(l)?.[4] !== 'hint'));
    assert.equal(result.stderr, `unitguard: ${hints.length} diagnostics below information not shown (--min-severity hint shows all)\n`);
    assert.equal(result.status, 0);
  });

  it('--min-severity keeps what is at or above the level; the exit status still counts errors', () => {
    const all = lines(runCli(['check', '--min-severity', 'hint', example]).stdout);
    const warnings = runCli(['check', '--min-severity', 'warning', example]);
    assert.deepEqual(lines(warnings.stdout), all.filter((l) => ['error', 'warning'].includes(TEXT_LINE.exec(l)?.[4] ?? '')));
    assert.ok(lines(warnings.stdout).length > 0);
    const errorsOnly = runCli(['check', '--min-severity', 'error', filesArg]);
    assert.ok(lines(errorsOnly.stdout).every((l) => TEXT_LINE.exec(l)?.[4] === 'error'));
    assert.equal(errorsOnly.status, 1);
    const json = JSON.parse(runCli(['check', '--format', 'json', example]).stdout) as { files: { diagnostics: { severity: string }[] }[] };
    assert.ok(json.files.some((f) => f.diagnostics.some((d) => d.severity === 'hint')), 'json keeps hints by default');
    assert.ok(!lines(runCli(['check', '--min-severity', 'hint', 'examples/nftables.service']).stdout).some((l) => TEXT_LINE.exec(l)?.[4] === 'hint'), 'no hint is published unless asked for');
    const bad = runCli(['check', '--min-severity', 'loud', example]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--min-severity takes error, warning, information or hint/);
  });

  it('--explain adds what the settings imply as notes after the findings; they are never findings', () => {
    const result = runCli(['check', '--explain', example]);
    const printed = lines(result.stdout);
    const notes = printed.filter((l) => / note: .* \[implies\]$/.test(l));
    assert.ok(notes.includes(`${example}:6:1: note: DynamicUser=yes implies RemoveIPC=yes. [implies]`), printed.join('\n'));
    assert.deepEqual(printed.slice(0, printed.length - notes.length), lines(runCli(['check', example]).stdout), 'the findings come first, unchanged');
    assert.ok(!lines(runCli(['check', '--min-severity', 'hint', example]).stdout).some((l) => l.includes('[implies]')));
    assert.equal(runCli(['check', '--explain', '--format', 'json', example]).status, 2, '--explain goes with the text format');
  });

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
