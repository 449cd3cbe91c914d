/**
 * The exposure lens over real stdio against the built server: the capability, the lens on the
 * `[Service]` header with the report command, the `unitguard/securityReport` request, a drop-in
 * opened next to its unit (merged into the unit's score, and scored with the unit itself), the
 * refresh request a client that supports it receives, the lens after an edit, and bad requests.
 * Every expectation is computed by the pure core from the same texts.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, type UnitFiles } from '../../server/src/core';
import { securityLens, securityReportMarkdown } from '../../server/src/core/features/securityLens';
import { readSecurityPolicyFile } from '../../server/src/node/securityInput';
import { LspResponseError, type LspClient } from '../support/lspClient';
import { openDocument, repoRoot, startServer } from './harness';

interface Lens {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

const LENS_DIR = path.join(repoRoot, 'test', 'fixtures', 'security', 'lens');
const SETTINGS = { systemdVersion: 252 };
const unitText = readFileSync(path.join(LENS_DIR, 'web.service'), 'utf8');
const dropInText = readFileSync(path.join(LENS_DIR, 'web.service.d', '50-harden.conf'), 'utf8');

describe('exposure lens over stdio', () => {
  let client: LspClient;
  let workspace: string;
  let unitUri: string;
  let dropInUri: string;
  const refreshes: number[] = [];

  /** The lens the core computes for a text, with the unit's other files. */
  function expected(uri: string, text: string, version: number, files: UnitFiles): Lens[] {
    const lens = securityLens(createUnitDocument(uri, text, version), files, SETTINGS);
    return lens ? [{ range: lens.range, command: { title: lens.title, command: 'unitguard.showSecurityReport', arguments: [uri] } }] : [];
  }

  async function lenses(uri: string): Promise<Lens[] | null> {
    return client.request<Lens[] | null>('textDocument/codeLens', { textDocument: { uri } });
  }

  /** Waits until the server has asked for a refresh more than `seen` times. */
  async function refreshAfter(seen: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (refreshes.length <= seen) {
      if (Date.now() > deadline) assert.fail('no workspace/codeLens/refresh request');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  before(async () => {
    // Only the unit is on disk: the drop-in exists only as an open document.
    workspace = mkdtempSync(path.join(os.tmpdir(), 'unitguard-lens-'));
    copyFileSync(path.join(LENS_DIR, 'web.service'), path.join(workspace, 'web.service'));
    unitUri = pathToFileURL(path.join(workspace, 'web.service')).href;
    dropInUri = pathToFileURL(path.join(workspace, 'web.service.d', '50-harden.conf')).href;
    client = startServer({
      onServerRequest: (method) => {
        if (method === 'workspace/codeLens/refresh') refreshes.push(Date.now());
        return null;
      },
    });
    const result = await client.initialize<{ capabilities: Record<string, unknown> }>({
      initializationOptions: SETTINGS,
      capabilities: { workspace: { codeLens: { refreshSupport: true } } },
    });
    assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
  });
  after(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a unit alone: one lens on [Service] with its score, level and the report command', async () => {
    await openDocument(client, unitUri, unitText, 1);
    const got = await lenses(unitUri);
    assert.deepEqual(got, expected(unitUri, unitText, 1, {}));
    assert.equal(got?.[0]?.command?.title, 'Exposure 9.6 UNSAFE 😨 · systemd 252');
    assert.equal(got?.[0]?.range.start.line, unitText.split('\n').indexOf('[Service]'));
  });

  test('the report request returns the core report', async () => {
    const report = await client.request<{ markdown: string }>('unitguard/securityReport', { uri: unitUri });
    assert.equal(report.markdown, securityReportMarkdown(createUnitDocument(unitUri, unitText, 1), {}, SETTINGS));
    assert.match(report.markdown, /^# Exposure of web\.service: 9\.6 UNSAFE 😨 · systemd 252$/m);
    assert.ok(report.markdown.includes(`(<${unitUri}#L`), 'no link to a line of the unit');
  });

  test('an open drop-in is merged into the unit, scores as the unit does, and a refresh is asked for', async () => {
    const seen = refreshes.length;
    await openDocument(client, dropInUri, dropInText, 1);
    await refreshAfter(seen);
    const dropIn = createUnitDocument(dropInUri, dropInText, 1);
    const unitLens = await lenses(unitUri);
    assert.deepEqual(unitLens, expected(unitUri, unitText, 1, { dropIns: [dropIn] }));
    assert.equal(unitLens?.[0]?.command?.title, 'Exposure 3.5 OK 🙂 · systemd 252');
    const dropInLens = await lenses(dropInUri);
    assert.equal(dropInLens?.[0]?.command?.title, 'Exposure 3.5 OK 🙂 · systemd 252');
    assert.deepEqual(dropInLens?.[0]?.command?.arguments, [dropInUri]);
    assert.equal(dropInLens?.[0]?.range.start.line, 0);
    const report = await client.request<{ markdown: string }>('unitguard/securityReport', { uri: unitUri });
    assert.ok(report.markdown.includes(`(<${dropInUri}#L`), 'the report links no drop-in line');
  });

  test('an edit that adds hardening lowers the score on the next request', async () => {
    const before = await lenses(unitUri);
    const line = unitText.split('\n').indexOf('[Service]') + 1;
    const seen = refreshes.length;
    client.notify('textDocument/didChange', {
      textDocument: { uri: unitUri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'PrivateNetwork=yes\nIPAddressDeny=any\n' }],
    });
    const edited = unitText.split('\n');
    edited.splice(line, 0, 'PrivateNetwork=yes', 'IPAddressDeny=any');
    const after = await lenses(unitUri);
    assert.deepEqual(after, expected(unitUri, edited.join('\n'), 2, { dropIns: [createUnitDocument(dropInUri, dropInText, 1)] }));
    assert.notEqual(after?.[0]?.command?.title, before?.[0]?.command?.title);
    // The drop-in's lens depends on the unit: its editor is asked to refresh.
    await refreshAfter(seen);
    const dropInLens = await lenses(dropInUri);
    assert.equal(dropInLens?.[0]?.command?.title, after?.[0]?.command?.title);
  });

  test('closing the drop-in takes it out of the unit score', async () => {
    client.notify('textDocument/didClose', { textDocument: { uri: dropInUri } });
    const edited = unitText.split('\n');
    edited.splice(unitText.split('\n').indexOf('[Service]') + 1, 0, 'PrivateNetwork=yes', 'IPAddressDeny=any');
    const deadline = Date.now() + 10_000;
    const want = expected(unitUri, edited.join('\n'), 2, {});
    for (;;) {
      const got = await lenses(unitUri);
      if (JSON.stringify(got) === JSON.stringify(want)) break;
      if (Date.now() > deadline) assert.deepEqual(got, want);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  test('documents that are not services get no lens; documents not open get null', async () => {
    const socketUri = pathToFileURL(path.join(workspace, 'plain.socket')).href;
    await openDocument(client, socketUri, '[Socket]\nListenStream=80\n', 1);
    assert.deepEqual(await lenses(socketUri), []);
    assert.equal(await lenses(pathToFileURL(path.join(workspace, 'missing.service')).href), null);
  });

  test('a unit in a systemd/user/ folder is scored for the per-user manager', async () => {
    const agentText = readFileSync(path.join(LENS_DIR, 'systemd', 'user', 'agent.service'), 'utf8');
    const userUri = pathToFileURL(path.join(workspace, 'home', '.config', 'systemd', 'user', 'agent.service')).href;
    const systemUri = pathToFileURL(path.join(workspace, 'agent.service')).href;
    await openDocument(client, userUri, agentText, 1);
    await openDocument(client, systemUri, agentText, 1);
    // systemd-analyze 252: 9.4 with --user, 9.4 without; both follow the core.
    assert.deepEqual(await lenses(userUri), expected(userUri, agentText, 1, {}));
    assert.deepEqual(await lenses(systemUri), expected(systemUri, agentText, 1, {}));
    const report = await client.request<{ markdown: string }>('unitguard/securityReport', { uri: userUri });
    assert.match(report.markdown, /systemd-analyze security --user --offline=yes/);
  });

  test('the security policy a .unitguardrc names weights the lens', async () => {
    const folder = path.join(workspace, 'weighted');
    mkdirSync(folder);
    copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'security', 'policy.json'), path.join(folder, 'policy.json'));
    writeFileSync(path.join(folder, '.unitguardrc'), 'security-policy = policy.json\n');
    const uri = pathToFileURL(path.join(folder, 'web.service')).href;
    await openDocument(client, uri, unitText, 1);
    const policy = readSecurityPolicyFile(path.join(folder, 'policy.json')).policy;
    const lens = securityLens(createUnitDocument(uri, unitText, 1), {}, { ...SETTINGS, securityPolicy: policy });
    const got = await lenses(uri);
    assert.equal(got?.[0]?.command?.title, lens?.title);
    assert.notEqual(got?.[0]?.command?.title, (await lenses(unitUri))?.[0]?.command?.title);
  });

  test("each quick fix the report links to is a code action the server offers on the link's line, by the same title", async () => {
    const uri = pathToFileURL(path.join(workspace, 'filter.service')).href;
    const text = '[Service]\nExecStart=/usr/bin/filter\nSystemCallFilter=@system-service\n';
    await openDocument(client, uri, text, 1);
    const report = await client.request<{ markdown: string }>('unitguard/securityReport', { uri });
    const links = [...report.markdown.matchAll(/\[((?:\\.|[^\]\\])+)\]\(<([^<>\s]+)#L(\d+)-fix>\)/g)].map((m) => ({
      title: (m[1] as string).replace(/\\(.)/g, '$1'),
      uri: m[2],
      line: Number(m[3]) - 1,
    }));
    assert.ok(links.some((l) => l.title.startsWith('Add SystemCallArchitectures=native')), `no fix link in:\n${report.markdown}`);
    for (const link of links) {
      assert.equal(link.uri, uri);
      const range = { start: { line: link.line, character: 0 }, end: { line: link.line, character: text.split('\n')[link.line]?.length ?? 0 } };
      const actions = await client.request<Array<{ title: string; edit?: unknown }>>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
      assert.ok(actions.some((a) => a.title === link.title && a.edit), `line ${link.line + 1} offers no "${link.title}": ${JSON.stringify(actions.map((a) => a.title))}`);
    }
  });

  test('malformed requests are answered with InvalidParams, and the server stays up', async () => {
    for (const [method, params] of [
      ['textDocument/codeLens', {}],
      ['textDocument/codeLens', { textDocument: { uri: 42 } }],
      ['unitguard/securityReport', {}],
      ['unitguard/securityReport', { uri: null }],
      ['unitguard/securityReport', { uri: 'file:///not/open.service' }],
    ] as const) {
      await assert.rejects(client.request(method, params), (error: unknown) => error instanceof LspResponseError && error.error.code === -32602, `${method} ${JSON.stringify(params)}`);
    }
    assert.equal((await lenses(unitUri))?.length, 1);
  });
});
