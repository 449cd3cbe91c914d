/**
 * A real LSP client: Neovim's built-in one (Debian 12 ships 0.7.2), started
 * headless with test/neovim/init.lua against the built server. Run
 * `npm run build` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertMatches, fixturesDir } from '../protocol/harness';
import { emptyObjectsAsArrays, neovimVersion, runNeovim, type NeovimRun, type NeovimStep } from './runNeovim';

interface FixtureCase {
  file: string;
  diagnostics: Array<{ code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
  symbols: unknown[];
  foldingRanges: unknown[];
}

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code?: string;
  source?: string;
}

const fixture = (JSON.parse(readFileSync(path.join(fixturesDir, 'cases.json'), 'utf8')) as FixtureCase[]).find((c) => c.file === 'backup.service');
/** The line the edit turns into a valid assignment. */
const MALFORMED_LINE = 10;

const steps: NeovimStep[] = [
  { name: 'diagnostics', kind: 'diagnostics' },
  { name: 'symbols', kind: 'request', method: 'textDocument/documentSymbol' },
  { name: 'folding', kind: 'request', method: 'textDocument/foldingRange' },
  { name: 'edit', kind: 'edit', start: MALFORMED_LINE, end: MALFORMED_LINE + 1, lines: ['Nice=5'] },
  { name: 'diagnosticsAfterEdit', kind: 'diagnostics' },
  { name: 'symbolsAfterEdit', kind: 'request', method: 'textDocument/documentSymbol' },
  { name: 'stop', kind: 'stop' },
];

const version = neovimVersion();

test('Neovim shows our diagnostics and outline, and edits reach the server', { skip: version ? false : 'nvim not installed' }, async () => {
  assert.ok(fixture, 'cases.json has the backup.service case');
  const run = await runNeovim(path.join(fixturesDir, fixture.file), fixture.file, steps);
  const details = `nvim exit ${run.exitCode}\nresults: ${JSON.stringify(run.results)?.slice(0, 3000)}\nstderr: ${run.stderr.slice(-3000)}`;
  assert.equal(run.exitCode, 0, details);
  const results = run.results;
  assert.ok(results?.ok, details);
  assert.equal(results.filetype, 'systemd', 'the BufRead autocmd set the filetype');
  assert.deepEqual((results.initializeResult as { serverInfo?: { name: string } } | undefined)?.serverInfo?.name, 'unitguard-language-server');

  // Diagnostics as Neovim holds them: code, line and columns of each.
  const diagnostics = step<{ diagnostics: unknown }>(run, 'diagnostics');
  const seen = (emptyObjectsAsArrays(diagnostics.diagnostics) as NeovimDiagnostic[])
    .filter((d) => fixture.diagnostics.some((e) => e.code === d.code))
    .map((d) => ({ code: d.code, source: d.source, line: d.lnum, col: d.col, endLine: d.end_lnum, endCol: d.end_col }))
    .sort((a, b) => a.line - b.line);
  assert.deepStrictEqual(
    seen,
    fixture.diagnostics.map((e) => ({ code: e.code, source: 'unitguard', line: e.range.start.line, col: e.range.start.character, endLine: e.range.end.line, endCol: e.range.end.character })),
  );

  const symbols = step<{ result: unknown }>(run, 'symbols');
  assertMatches(emptyObjectsAsArrays(symbols.result), fixture.symbols, 'documentSymbol through buf_request_sync');
  const folding = step<{ result: unknown }>(run, 'folding');
  assert.deepStrictEqual(folding.result, fixture.foldingRanges, 'foldingRange through buf_request_sync');

  // Neovim sends the edit as an incremental didChange; the server re-checks.
  const after = step<{ version: number; diagnostics: unknown }>(run, 'diagnosticsAfterEdit');
  assert.ok(after.version > step<{ version: number }>(run, 'diagnostics').version, 'diagnostics for a newer version');
  const codesAfter = (emptyObjectsAsArrays(after.diagnostics) as NeovimDiagnostic[]).map((d) => `${d.code}@${d.lnum}`);
  assert.ok(!codesAfter.includes(`missing-equals@${MALFORMED_LINE}`), `the fixed line is no longer reported: ${codesAfter.join(', ')}`);
  assert.ok(codesAfter.includes('invalid-section-header@13'), `the other problem stays: ${codesAfter.join(', ')}`);
  const service = (emptyObjectsAsArrays(step<{ result: unknown }>(run, 'symbolsAfterEdit').result) as Array<{ name: string; children: Array<{ name: string; range: unknown }> }>).find(
    (s) => s.name === '[Service]',
  );
  assert.deepStrictEqual(
    service?.children.find((c) => c.name === 'Nice')?.range,
    { start: { line: MALFORMED_LINE, character: 0 }, end: { line: MALFORMED_LINE, character: 6 } },
    'the outline shows the new assignment',
  );

  assert.deepEqual(step(run, 'stop'), { code: 0, signal: 0 }, 'the server exits with 0 when Neovim stops it');
});

if (!version) {
  test('nvim is installed where CI runs', () => {
    console.log('SKIPPED: nvim not installed (the Neovim LSP client test did not run)');
    assert.notEqual(process.env.CI, 'true', 'nvim must be installed when CI=true');
  });
}

function step<T = unknown>(run: NeovimRun, name: string): T {
  const value = run.results?.steps[name];
  assert.ok(value !== undefined, `step ${name} has a result`);
  return value as T;
}
