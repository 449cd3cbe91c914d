import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { parseProblems } from '../../server/src/core';
import { filesArg, packageVersion, repoRoot, runCli, runJson, tempFolder } from './cliHarness';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }>;
    }>;
  }>;
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function runSarif(args: readonly string[], cwd?: string): { status: number | null; log: SarifLog; stderr: string } {
  const result = runCli(['check', '--format', 'sarif', ...args], { cwd });
  return { status: result.status, log: JSON.parse(result.stdout) as SarifLog, stderr: result.stderr };
}

describe('check --format sarif', () => {
  it('is a SARIF 2.1.0 log with one run, the tool described and UTF-16 columns', () => {
    const { log, status } = runSarif([filesArg]);
    assert.equal(status, 1);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'UnitGuard');
    assert.equal(run.tool.driver.version, packageVersion());
    // A page about the tool only where package.json names one (its homepage or repository).
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { homepage?: string; repository?: unknown };
    if (manifest.homepage !== undefined || manifest.repository !== undefined) assert.match(run.tool.driver.informationUri, /^https:\/\//);
    else assert.equal(run.tool.driver.informationUri, undefined);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(repoRoot).href}/`);
    assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('declares every parse problem as a rule, with its default level', () => {
    const rules = runSarif([`${filesArg}/clean.target`]).log.runs[0].tool.driver.rules;
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
    for (const [code, problem] of Object.entries(parseProblems)) {
      const rule = rules.find((r) => r.id === code);
      assert.ok(rule, `rule ${code} is missing`);
      assert.equal(rule.defaultConfiguration.level, LEVEL[problem.severity], code);
      assert.ok(rule.shortDescription.text.length > 0, code);
    }
  });

  it('has one result per diagnostic, at the JSON range plus one, with rule, level and relative path', () => {
    const { log } = runSarif([filesArg]);
    const { json } = runJson([filesArg]);
    const [run] = log.runs;
    const expected = json.files.flatMap((f) => f.diagnostics.map((d) => ({ path: f.path, d })));
    assert.ok(expected.length > 0);
    assert.equal(run.results.length, expected.length);
    run.results.forEach((result, i) => {
      const { path: file, d } = expected[i];
      assert.equal(result.ruleId, d.code);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, d.code);
      assert.equal(result.level, LEVEL[d.severity]);
      assert.equal(result.message.text, d.message);
      assert.equal(result.locations.length, 1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: file, uriBaseId: '%SRCROOT%' });
      assert.deepEqual(region, {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      });
    });
  });

  it('counts columns in UTF-16 code units', () => {
    const { log } = runSarif([`${filesArg}/encoding.target`]);
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'invalid-utf8');
    // The replacement character follows "Description=Café 😀 " (20 UTF-16 code units).
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 21, endLine: 2, endColumn: 22 });
  });

  it('percent-encodes file names into relative URIs, and uses file URIs outside the folder it runs in', () => {
    const tmp = tempFolder('sarif');
    try {
      const names = ['system-foo\\x2dbar.slice', 'a b#1%.target', 'wörker@.service'];
      mkdirSync(path.join(tmp.dir, 'project/sub dir'), { recursive: true });
      for (const name of names) writeFileSync(path.join(tmp.dir, 'project/sub dir', name), '[Unit\n');
      const inside = runSarif(['.'], path.join(tmp.dir, 'project')).log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
      assert.deepEqual(
        inside.map((l) => l.uri),
        ['sub%20dir/a%20b%231%25.target', 'sub%20dir/system-foo%5Cx2dbar.slice', 'sub%20dir/w%C3%B6rker@.service'],
      );
      assert.ok(inside.every((l) => l.uriBaseId === '%SRCROOT%'));
      assert.deepEqual(inside.map((l) => decodeURIComponent(l.uri)).sort(), names.map((n) => `sub dir/${n}`).sort());

      const elsewhere = path.join(tmp.dir, 'elsewhere');
      mkdirSync(elsewhere);
      const outside = runSarif([path.join(tmp.dir, 'project')], elsewhere).log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
      assert.equal(outside.uriBaseId, undefined);
      assert.equal(outside.uri, pathToFileURL(path.join(tmp.dir, 'project/sub dir/a b#1%.target')).href);
    } finally {
      tmp.remove();
    }
  });

  it('records unreadable paths as failed execution, and still reports the readable ones', () => {
    const { log, status } = runSarif(['test/fixtures/cli/no-such.target', `${filesArg}/warnings.target`]);
    assert.equal(status, 2);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 1);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /no-such\.target/);
    assert.ok(log.runs[0].results.length > 0);
  });
});
