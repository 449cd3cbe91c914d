/**
 * Restricted Mode over real stdio against the built server: a client that says the workspace is
 * not trusted (`initializationOptions.workspaceTrusted: false`) gets findings and lenses made of
 * open documents only: the drop-in next to the unit on disk, the `.unitguardrc` above it and the
 * unit a patch names are not read, and the lens and the report say Restricted Mode. Trust granted
 * (`unitguard/workspaceTrust`), the same documents are checked again with the files on disk, and
 * the client is asked to draw its lenses again. A client that says nothing reads them from the
 * start. Every expected title is computed by the pure core from the same texts.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, type Settings, type UnitFiles } from '../../server/src/core';
import { securityLens } from '../../server/src/core/features/securityLens';
import type { LspClient } from '../support/lspClient';
import { openDocument, repoRoot, startServer, type PublishDiagnosticsParams } from './harness';

interface Lens {
  command?: { title: string };
}

const LENS_DIR = path.join(repoRoot, 'test', 'fixtures', 'security', 'lens');
const unitText = readFileSync(path.join(LENS_DIR, 'web.service'), 'utf8');
const dropInText = readFileSync(path.join(LENS_DIR, 'web.service.d', '50-harden.conf'), 'utf8');
/** The editor's target release; the folder's `.unitguardrc` names another one. */
const EDITOR: Settings = { systemdVersion: 262 };
const RC: Settings = { systemdVersion: 252 };
/** A patch to a unit that is on disk and not open. */
const PATCH = ['--- a/api.service', '+++ b/api.service', '@@ -8,2 +8,3 @@', ' Restart=on-failure', '+ProtectSystem=strict', ' ', ''].join('\n');

/** A folder with a unit, its drop-in and a `.unitguardrc` on disk. */
function makeWorkspace(): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'unitguard-restricted-'));
  copyFileSync(path.join(LENS_DIR, 'web.service'), path.join(workspace, 'web.service'));
  copyFileSync(path.join(LENS_DIR, 'web.service'), path.join(workspace, 'api.service'));
  mkdirSync(path.join(workspace, 'web.service.d'));
  copyFileSync(path.join(LENS_DIR, 'web.service.d', '50-harden.conf'), path.join(workspace, 'web.service.d', '50-harden.conf'));
  writeFileSync(path.join(workspace, '.unitguardrc'), `systemd-version = ${RC.systemdVersion}\n`);
  return workspace;
}

describe('Restricted Mode over stdio', () => {
  let client: LspClient;
  let workspace: string;
  let unitUri: string;
  let dropInUri: string;
  let patchUri: string;
  const refreshes: number[] = [];

  const title = async (uri: string): Promise<string | undefined> => (await client.request<Lens[] | null>('textDocument/codeLens', { textDocument: { uri } }))?.[0]?.command?.title;
  const coreTitle = (files: UnitFiles, settings: Settings): string | undefined => securityLens(createUnitDocument(unitUri, unitText, 1), files, settings)?.title;
  const onDisk = (): UnitFiles => ({ dropIns: [createUnitDocument(dropInUri, dropInText)] });

  before(async () => {
    workspace = makeWorkspace();
    unitUri = pathToFileURL(path.join(workspace, 'web.service')).href;
    dropInUri = pathToFileURL(path.join(workspace, 'web.service.d', '50-harden.conf')).href;
    patchUri = pathToFileURL(path.join(workspace, 'harden.patch')).href;
    client = startServer({
      onServerRequest: (method) => {
        if (method === 'workspace/codeLens/refresh') refreshes.push(Date.now());
        return null;
      },
    });
    await client.initialize({
      initializationOptions: { ...EDITOR, workspaceTrusted: false },
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'units' }],
      capabilities: { workspace: { codeLens: { refreshSupport: true } } },
    });
  });
  after(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('untrusted: the drop-in and the .unitguardrc on disk are not read, and the lens says Restricted Mode', async () => {
    await openDocument(client, unitUri, unitText, 1);
    const expected = coreTitle({}, { ...EDITOR, restrictedMode: true });
    assert.match(expected ?? '', /^Exposure \d\.\d [A-Z]+ \S+ · systemd 262 · Restricted Mode$/u);
    assert.equal(await title(unitUri), expected);
    // Read, the drop-in would lower the score and the .unitguardrc would name 252.
    assert.notEqual(coreTitle(onDisk(), RC), expected?.replace(' · Restricted Mode', ''));
    const report = await client.request<{ markdown: string }>('unitguard/securityReport', { uri: unitUri });
    assert.match(report.markdown, /^# Exposure of web\.service: .* · systemd 262 · Restricted Mode$/m);
    assert.match(report.markdown, /^Restricted Mode: the workspace is not trusted/m);
  });

  test('untrusted: a patch to a unit that is not open is read from its hunks, not from the unit on disk', async () => {
    await openDocument(client, patchUri, PATCH, 1, 'diff');
    const lens = await title(patchUri);
    assert.match(lens ?? '', /^api\.service: exposure .* \(target 262\), from the hunks only$/);
  });

  test('trust granted: the files on disk are read, findings republished and lenses refreshed', async () => {
    const seen = refreshes.length;
    const republished = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === unitUri);
    client.notify('unitguard/workspaceTrust', { trusted: true });
    await republished;
    const deadline = Date.now() + 10_000;
    while (refreshes.length <= seen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(refreshes.length > seen, 'no workspace/codeLens/refresh after trust was granted');
    const expected = coreTitle(onDisk(), RC);
    assert.equal(expected, 'Exposure 3.5 OK 🙂 · systemd 252');
    assert.equal(await title(unitUri), expected);
    const report = await client.request<{ markdown: string }>('unitguard/securityReport', { uri: unitUri });
    assert.doesNotMatch(report.markdown, /Restricted Mode/);
    assert.match(report.markdown, /Merged from .*50-harden\.conf/);
    assert.match((await title(patchUri)) ?? '', /^api\.service: exposure \d\.\d → \d\.\d \(target 252\)$/);
  });

  test('a malformed trust notification changes nothing', async () => {
    const before = await title(unitUri);
    client.notify('unitguard/workspaceTrust', { trusted: 'no' });
    client.notify('unitguard/workspaceTrust', null);
    assert.equal(await title(unitUri), before);
  });
});

describe('a client that says nothing of trust', () => {
  let client: LspClient;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace();
    client = startServer();
    await client.initialize({ initializationOptions: EDITOR });
  });
  after(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('reads the drop-in and the .unitguardrc as before', async () => {
    const uri = pathToFileURL(path.join(workspace, 'web.service')).href;
    const dropIn = pathToFileURL(path.join(workspace, 'web.service.d', '50-harden.conf')).href;
    await openDocument(client, uri, unitText, 1);
    const got = (await client.request<Lens[] | null>('textDocument/codeLens', { textDocument: { uri } }))?.[0]?.command?.title;
    assert.equal(got, securityLens(createUnitDocument(uri, unitText, 1), { dropIns: [createUnitDocument(dropIn, dropInText)] }, RC)?.title);
    assert.doesNotMatch(got ?? '', /Restricted Mode/);
  });
});
