/**
 * `.unitguardrc` over real stdio against the built server: an open `.unitguardrc` gets its own
 * problems (a key it does not take, with the rule meant; a policy file that is missing) and is
 * never checked as a unit; saving one on disk (a file event) checks the open units below it again
 * and asks the client to draw its lenses again. Expectations come from the pure core.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument } from '../../server/src/core';
import { securityLens } from '../../server/src/core/features/securityLens';
import { checkRcText } from '../../server/src/core/config/rcDiagnostics';
import type { LspClient } from '../support/lspClient';
import { openDocument, repoRoot, startServer, type PublishDiagnosticsParams } from './harness';

const LENS_DIR = path.join(repoRoot, 'test', 'fixtures', 'security', 'lens');
const unitText = readFileSync(path.join(LENS_DIR, 'web.service'), 'utf8');
const RC_TEXT = 'recommend = off\nsecurity-policy = missing.json\n';

describe('.unitguardrc over stdio', () => {
  let client: LspClient;
  let workspace: string;
  let unitUri: string;
  let rcUri: string;
  const refreshes: number[] = [];
  const title = async (uri: string): Promise<string | undefined> =>
    (await client.request<Array<{ command?: { title: string } }> | null>('textDocument/codeLens', { textDocument: { uri } }))?.[0]?.command?.title;

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'unitguard-rc-'));
    copyFileSync(path.join(LENS_DIR, 'web.service'), path.join(workspace, 'web.service'));
    unitUri = pathToFileURL(path.join(workspace, 'web.service')).href;
    rcUri = pathToFileURL(path.join(workspace, '.unitguardrc')).href;
    client = startServer({
      onServerRequest: (method) => {
        if (method === 'workspace/codeLens/refresh') refreshes.push(Date.now());
        return null;
      },
    });
    await client.initialize({
      initializationOptions: { systemdVersion: 262 },
      capabilities: { workspace: { codeLens: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    client.notify('initialized', {});
  });
  after(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('an open .unitguardrc gets its own problems, not a unit file\'s', async () => {
    const published = await openDocument(client, rcUri, RC_TEXT, 1, 'unitguardrc');
    const expected = checkRcText(RC_TEXT, { policyProblem: () => 'missing' });
    assert.deepEqual(
      published.diagnostics.map((d) => [d.range, d.code, d.message.split(' (')[0]]),
      expected.map((d) => [d.range, d.code, d.message.split(' (')[0]]),
    );
    assert.match(published.diagnostics[0]?.message ?? '', /did you mean the rule 'recommends', under \[rules\]\?/);
    assert.match(published.diagnostics[1]?.message ?? '', /security policy cannot be used/);
    assert.equal(await title(rcUri), undefined);
  });

  test('completion and hover: its keys at the top, rule ids and levels under [rules]', async () => {
    const text = 'sys\n[rules]\nrecommends = war\n';
    const other = pathToFileURL(path.join(workspace, 'sub', '.unitguardrc')).href;
    await openDocument(client, other, text, 1, 'unitguardrc');
    type Item = { label: string; textEdit?: { newText: string } };
    const labels = async (line: number, character: number): Promise<string[]> =>
      ((await client.request<{ items: Item[] } | null>('textDocument/completion', { textDocument: { uri: other }, position: { line, character } }))?.items ?? []).map((i) => i.label);
    const top = await labels(0, 3);
    assert.ok(top.includes('systemd-version') && top.includes('security-policy') && top.includes('root'), top.join(', '));
    assert.ok(!top.includes('recommends'), 'rule ids belong under [rules]');
    const ids = await labels(2, 3);
    assert.ok(ids.includes('recommends') && ids.includes('breakage') && !ids.includes('systemd-version'), ids.slice(0, 10).join(', '));
    assert.deepEqual(await labels(2, 16), ['error', 'warning', 'information', 'hint', 'off']);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 2, character: 4 } });
    assert.match(hover?.contents.value ?? '', /^\*\*recommends\*\*: rule \(/);
    const none = await client.request<unknown>('textDocument/hover', { textDocument: { uri: other }, position: { line: 1, character: 2 } });
    assert.equal(none, null);
  });

  test('saving a .unitguardrc checks the units below it again and refreshes their lenses', async () => {
    await openDocument(client, unitUri, unitText, 1);
    assert.match((await title(unitUri)) ?? '', / · systemd 262$/);
    writeFileSync(path.join(workspace, '.unitguardrc'), 'systemd-version = 252\n');
    const seen = refreshes.length;
    const republished = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === unitUri);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
    await republished;
    const deadline = Date.now() + 10_000;
    while (refreshes.length <= seen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(refreshes.length > seen, 'no workspace/codeLens/refresh after the file event');
    assert.equal(await title(unitUri), securityLens(createUnitDocument(unitUri, unitText, 1), {}, { systemdVersion: 252 })?.title);
  });
});
