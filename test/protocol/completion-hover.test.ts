/**
 * Completion and hover over real stdio against the built server: the
 * capabilities it announces, the target version from initializationOptions
 * and from workspace/didChangeConfiguration (pushed or pulled), the items and
 * hovers it returns (the same the core computes), the docs of an item through
 * completionItem/resolve, workspace unit names, the editor-only re-trigger
 * command, and malformed requests. completion-resolve.test.ts covers the
 * light lists and resolve in more depth.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { complete, createUnitDocument } from '../../server/src/core';
import { LspResponseError, type LspClient } from '../support/lspClient';
import { openDocument, startServer } from './harness';

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit?: { range: unknown; newText: string };
  data?: unknown;
  sortText?: string;
  filterText?: string;
  tags?: number[];
  command?: { command: string };
}
interface List {
  isIncomplete: boolean;
  items: Item[];
}
interface HoverResult {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const LSP_PROPERTY = 10;
const DEPRECATED_TAG = 1;

function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

async function completion(client: LspClient, uri: string, position: { line: number; character: number }): Promise<Item[]> {
  const result = await client.request<List | Item[] | null>('textDocument/completion', { textDocument: { uri }, position });
  assert.ok(result, 'completion result');
  return Array.isArray(result) ? result : result.items;
}

/** Sends a request until `check` passes (settings pulled from the client arrive asynchronously). */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('completion and hover over stdio', () => {
  let client: LspClient;
  let pulled: unknown = [{ systemdVersion: 256 }];
  let workspace: string;
  const uri = 'file:///etc/systemd/system/web.service';
  const text = '[Unit]\nAfter=\n\n[Service]\nPrivateTmp=\nPriv';

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'unitguard-ws-'));
    mkdirSync(path.join(workspace, 'units', 'db.service.d'), { recursive: true });
    writeFileSync(path.join(workspace, 'units', 'db.service'), '[Service]\nExecStart=/bin/true\n');
    writeFileSync(path.join(workspace, 'units', 'db.service.d', 'override.conf'), '[Service]\n');
    writeFileSync(path.join(workspace, 'units', 'cache.socket'), '[Socket]\n');
    mkdirSync(path.join(workspace, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(workspace, 'node_modules', 'x', 'ignored.service'), '');
    client = startServer({ onServerRequest: (method) => (method === 'workspace/configuration' ? pulled : null) });
    const result = await client.initialize<{ capabilities: Record<string, unknown> }>({
      initializationOptions: { systemdVersion: 256 },
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    });
    const provider = result.capabilities.completionProvider as { triggerCharacters?: string[]; resolveProvider?: boolean } | undefined;
    assert.ok(provider, 'completionProvider');
    assert.equal(provider.resolveProvider, true, 'docs come through completionItem/resolve');
    for (const c of ['[', '=', '%', '~', '@', ' ', ':']) assert.ok(provider.triggerCharacters?.includes(c), `trigger character ${JSON.stringify(c)}`);
    assert.equal(result.capabilities.hoverProvider, true);
    await openDocument(client, uri, text, 1);
  });
  after(() => {
    client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('settings follow initializationOptions.systemdVersion (256)', async () => {
    const items = await completion(client, uri, endOf(text));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('PrivateTmp') && labels.includes('ProtectSystem'));
    assert.ok(!labels.includes('PrivateBPF'), 'PrivateBPF (258) is not offered for 256');
    const privateTmp = items.find((i) => i.label === 'PrivateTmp')!;
    assert.equal(privateTmp.kind, LSP_PROPERTY);
    assert.equal(privateTmp.textEdit?.newText, 'PrivateTmp=');
    assert.deepStrictEqual(privateTmp.textEdit?.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } });
    assert.equal(privateTmp.documentation, undefined, 'the list carries no docs');
    const resolved = await client.request<Item>('completionItem/resolve', privateTmp);
    assert.equal(resolved.documentation?.kind, 'markdown');
    assert.ok(resolved.documentation?.value.includes('systemd.exec.html#PrivateTmp='));
    assert.deepStrictEqual({ ...resolved, documentation: undefined }, { ...privateTmp, documentation: undefined }, 'resolve adds the docs and changes nothing else');
    assert.equal(privateTmp.command, undefined, 'clients that are not VS Code get no re-trigger command');
    assert.ok(items.find((i) => i.label === 'ReadWriteDirectories')?.tags?.includes(DEPRECATED_TAG), 'deprecated settings carry the tag');
  });

  test('the items are the ones the core computes', async () => {
    const items = await completion(client, uri, endOf(text));
    const core = complete(createUnitDocument(uri, text, 1), endOf(text), { systemdVersion: 256 });
    assert.deepStrictEqual(
      items.map((i) => [i.label, i.sortText, i.textEdit?.newText]),
      core.map((i) => [i.label, i.sortText, i.textEdit.newText]),
    );
  });

  test('values follow the version too: no PrivateTmp=disconnected for 256', async () => {
    const labels = (await completion(client, uri, { line: 4, character: 11 })).map((i) => i.label);
    assert.ok(labels.includes('yes') && !labels.includes('connected') && !labels.includes('disconnected'), labels.join(' '));
  });

  test('unit names from the workspace folders, not from node_modules or drop-in folders', async () => {
    const labels = (await completion(client, uri, { line: 1, character: 6 })).map((i) => i.label);
    assert.ok(labels.includes('db.service') && labels.includes('cache.socket'), labels.slice(0, 10).join(' '));
    assert.ok(!labels.includes('ignored.service') && !labels.includes('override.conf') && !labels.includes('web.service'));
    assert.ok(labels.includes('network-online.target'));
  });

  test('hover on a setting and on a value', async () => {
    const key = await client.request<HoverResult | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } });
    assert.ok(key);
    assert.equal(key.contents.kind, 'markdown');
    assert.ok(key.contents.value.startsWith('**PrivateTmp=** · [Service]'), key.contents.value.slice(0, 80));
    assert.deepStrictEqual(key.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } });
    const header = await client.request<HoverResult | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
    assert.ok(header?.contents.value.includes('**[Service]** section'));
    const nothing = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } });
    assert.equal(nothing, null);
  });

  test('workspace/didChangeConfiguration with settings switches to 262', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { unitguard: { systemdVersion: 262 } } });
    const labels = (await completion(client, uri, endOf(text))).map((i) => i.label);
    assert.ok(labels.includes('PrivateBPF'), 'PrivateBPF is offered for 262');
    const values = (await completion(client, uri, { line: 4, character: 11 })).map((i) => i.label);
    assert.ok(values.includes('disconnected'));
    const hover = await client.request<HoverResult>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } });
    assert.ok(!hover.contents.value.includes('**Needs'), 'PrivateTmp is fine for 262');
  });

  test('a bad version is ignored and logged', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { unitguard: { systemdVersion: 'latest' } } });
    const log = await client.waitForNotification<{ message: string }>('window/logMessage', (p) => p.message.includes('unitguard.systemdVersion'));
    assert.ok(log.message.includes('"latest"'));
    const labels = (await completion(client, uri, endOf(text))).map((i) => i.label);
    assert.ok(labels.includes('PrivateBPF'), 'still 262');
  });

  test('without settings in the notification, the server pulls workspace/configuration', async () => {
    pulled = [{ systemdVersion: 256 }];
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await eventually(
      () => completion(client, uri, endOf(text)),
      (items) => !items.some((i) => i.label === 'PrivateBPF'),
      'the pulled version 256',
    );
  });

  test('malformed requests get InvalidParams, unknown documents null', async () => {
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      for (const params of [{ textDocument: { uri } }, { position: { line: 0, character: 0 } }, { textDocument: { uri }, position: { line: -1, character: 'x' } }]) {
        await assert.rejects(client.request(method, params), (error: unknown) => error instanceof LspResponseError && error.error.code === -32602, `${method} ${JSON.stringify(params)}`);
      }
      assert.equal(await client.request(method, { textDocument: { uri: 'file:///not/open.service' }, position: { line: 0, character: 0 } }), null);
    }
    // The server still answers after the bad requests.
    assert.ok((await completion(client, uri, endOf(text))).length > 0);
  });
});

describe('completion in VS Code', () => {
  let client: LspClient;
  before(async () => {
    client = startServer();
    await client.initialize({ clientInfo: { name: 'Visual Studio Code', version: '1.95.0' } });
  });
  after(() => client.kill());

  test('inserting a setting re-opens the suggestions for its value', async () => {
    const uri = 'file:///etc/systemd/system/vs.service';
    const text = '[Service]\n';
    await openDocument(client, uri, text, 1);
    const items = await completion(client, uri, { line: 1, character: 0 });
    assert.equal(items.find((i) => i.label === 'ProtectSystem')?.command?.command, 'editor.action.triggerSuggest');
    assert.equal(items.find((i) => i.label === 'ExecStart')?.command, undefined, 'nothing to suggest for a command line');
    assert.ok(items.some((i) => i.label === 'PrivateBPF'), 'the default version is 262');
  });
});
