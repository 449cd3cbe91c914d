/**
 * `check --max-problems`: a file with more problems than the limit shows that many, the most
 * severe first in line order, after a note that says how many of how many (as the editor does);
 * the exit status and the counts on standard error count them all.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, runJson } from './cliHarness';

const FILE = 'test/fixtures/cli/limits/repeated.service';
const NOTE = /^test\/fixtures\/cli\/limits\/repeated\.service:1:1: information: Showing ([\d,]+) of 1,501 problems in this file, the most severe first \(--max-problems N shows more, 0 all\)\. \[too-many-problems\]$/;

/** The finding lines of a text report, without the note. */
function findings(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line !== '' && !line.includes('[too-many-problems]'));
}

describe('check --max-problems', () => {
  const cases: { args: string[]; shown: number; note: boolean }[] = [
    { args: [], shown: 1000, note: true },
    { args: ['--max-problems', '10'], shown: 10, note: true },
    { args: ['--max-problems', '1'], shown: 1, note: true },
    { args: ['--max-problems', '1501'], shown: 1501, note: false },
    { args: ['--max-problems', '0'], shown: 1501, note: false },
  ];
  for (const { args, shown, note } of cases) {
    test(`${args.join(' ') || 'by default'}: ${shown} shown${note ? ' after the note' : ', no note'}`, () => {
      const run = runCli(['check', ...args, FILE]);
      assert.equal(run.status, 1, 'the unit has errors');
      const lines = run.stdout.split('\n').filter((line) => line !== '');
      const listed = findings(run.stdout);
      assert.equal(listed.length, shown);
      if (note) {
        assert.match(lines[0], NOTE);
        assert.equal(NOTE.exec(lines[0])?.[1], shown.toLocaleString('en-US'));
      } else assert.ok(!run.stdout.includes('[too-many-problems]'));
      // The errors come first whatever the limit, and what is shown is in line order.
      const errors = listed.filter((line) => line.includes(': error: '));
      assert.equal(errors.length, Math.min(2, shown));
      const numbers = listed.map((line) => Number(line.split(':')[1]));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    });
  }

  test('the first lines shown are those of the full list, most severe first', () => {
    const all = findings(runCli(['check', '--max-problems', '0', FILE]).stdout);
    const limited = findings(runCli(['check', '--max-problems', '300', FILE]).stdout);
    const expected = [...all.filter((line) => line.includes(': error: ')), ...all.filter((line) => !line.includes(': error: ')).slice(0, 298)];
    assert.deepEqual(new Set(limited), new Set(expected));
  });

  test('the counts below --min-severity are those of every problem', () => {
    const run = runCli(['check', '--min-severity', 'error', FILE]);
    assert.equal(run.status, 1);
    // Two errors fit: no note; the 1,499 warnings are counted as left out.
    assert.equal(findings(run.stdout).length, 2);
    assert.ok(!run.stdout.includes('[too-many-problems]'));
    assert.match(run.stderr, /1499 diagnostics below error not shown/);
  });

  test('JSON output has the note first and at most the limit', () => {
    const { result, json } = runJson(['--max-problems', '5', FILE]);
    assert.equal(result.status, 1);
    const diagnostics = json.files[0].diagnostics;
    assert.equal(diagnostics.length, 6);
    assert.equal(diagnostics[0].code, 'too-many-problems');
    assert.equal(diagnostics[0].severity, 'information');
    assert.match(diagnostics[0].message, /^Showing 5 of 1,501 problems/);
    // The two errors are among the five, in line order.
    assert.deepEqual(diagnostics.slice(1).filter((d) => d.severity === 'error').map((d) => d.code), ['unknown-directive', 'invalid-value']);
    // The fixes of what is shown are tried: a duplicate line's removal.
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-directive');
    assert.ok(duplicate?.fixes.some((f) => /^Remove this Nice= line/.test(f.title)));
  });

  test('SARIF output lists the note as a result of a rule that says what it is', () => {
    const run = runCli(['check', '--format', 'sarif', '--max-problems', '3', FILE]);
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; fullDescription?: { text: string } }> } }; results: Array<{ ruleId: string; level: string }> }> };
    const results = log.runs[0].results;
    assert.equal(results.length, 4);
    assert.equal(results[0].ruleId, 'too-many-problems');
    assert.equal(results[0].level, 'note');
    const rule = log.runs[0].tool.driver.rules.find((r) => r.id === 'too-many-problems');
    assert.match(rule?.fullDescription?.text ?? '', /Not a finding/);
  });

  for (const bad of ['-1', 'ten', '1.5', '']) {
    test(`--max-problems '${bad}' is a usage error`, () => {
      const run = runCli(['check', '--max-problems', bad, FILE]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--max-problems takes a whole number/);
    });
  }
});
