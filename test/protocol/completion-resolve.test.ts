/**
 * Light completion lists and completionItem/resolve over real stdio against
 * the built server: a client that applies CompletionList.itemDefaults (as
 * VS Code's does) gets the edit range, insert text format and common `data`
 * once per list; one that does not gets whole items. A client that resolves
 * `detail` (VS Code) gets it on resolve only; the others get it in the list.
 * All get no docs in the list and the docs the core gives when they resolve
 * an item, for the target release in force (the document's `.unitguardrc`
 * one included). Bad resolve params get InvalidParams, and the server keeps
 * answering.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { complete, createUnitDocument, resolveCompletion, type Position } from '../../server/src/core';
import { completionDetail } from '../../server/src/core/features/completion';
import { LspResponseError, type LspClient } from '../support/lspClient';
import { openDocument, startServer } from './harness';

interface Range {
  start: Position;
  end: Position;
}
interface Item {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit?: { range: Range; newText: string };
  textEditText?: string;
  insertTextFormat?: number;
  sortText?: string;
  filterText?: string;
  command?: { command: string };
  data?: unknown;
}
interface List {
  isIncomplete: boolean;
  itemDefaults?: { editRange?: Range; insertTextFormat?: number; data?: unknown };
  items: Item[];
}

/** What VS Code 1.95 announces for completion. */
const VSCODE_COMPLETION = {
  dynamicRegistration: true,
  contextSupport: true,
  completionItem: {
    snippetSupport: true,
    commitCharactersSupport: true,
    documentationFormat: ['markdown', 'plaintext'],
    deprecatedSupport: true,
    preselectSupport: true,
    tagSupport: { valueSet: [1] },
    insertReplaceSupport: true,
    resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
    insertTextModeSupport: { valueSet: [1, 2] },
    labelDetailsSupport: true,
  },
  insertTextMode: 2,
  completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
};

function capabilities(completion?: unknown): Record<string, unknown> {
  return {
    textDocument: { synchronization: { dynamicRegistration: false, didSave: true }, ...(completion ? { completion } : {}) },
    workspace: { configuration: false },
  };
}

function endOf(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Each item as the client uses it: the list's defaults filled in. */
function applyDefaults(list: List): Item[] {
  const defaults = list.itemDefaults ?? {};
  return list.items.map((item) => ({
    ...item,
    ...(item.textEdit === undefined && defaults.editRange ? { textEdit: { range: defaults.editRange, newText: item.textEditText ?? item.label } } : {}),
    ...(item.data === undefined && defaults.data !== undefined ? { data: defaults.data } : {}),
    ...(item.insertTextFormat === undefined && defaults.insertTextFormat !== undefined ? { insertTextFormat: defaults.insertTextFormat } : {}),
  }));
}

const SERVICE_URI = 'file:///etc/systemd/system/light.service';
const FILTER_URI = 'file:///etc/systemd/system/filter.service';
const SERVICE_TEXT = '[Unit]\nDescription=x\n\n[Service]\n';
const FILTER_TEXT = '[Service]\nSystemCallFilter=';

interface ClientCase {
  name: string;
  initialize: Record<string, unknown>;
  defaults: boolean;
  /** The detail waits for resolve. */
  resolvesDetail: boolean;
  /** The byte budgets of the two lists (an empty line in [Service], after SystemCallFilter=). */
  budget: { service: number; filter: number };
}

const CLIENTS: ClientCase[] = [
  {
    name: 'VS Code (itemDefaults, detail on resolve, re-trigger command)',
    initialize: { clientInfo: { name: 'Visual Studio Code', version: '1.95.0' }, capabilities: capabilities(VSCODE_COMPLETION) },
    defaults: true,
    resolvesDetail: true,
    budget: { service: 38_000, filter: 30_000 },
  },
  {
    name: 'a client without itemDefaults that resolves the detail',
    initialize: { capabilities: capabilities({ completionItem: { documentationFormat: ['markdown'], resolveSupport: { properties: ['documentation', 'detail'] } } }) },
    defaults: false,
    resolvesDetail: true,
    budget: { service: 60_000, filter: 108_000 },
  },
  {
    name: 'a client without itemDefaults or lazy detail (as Neovim 0.7 and Eglot)',
    initialize: { capabilities: capabilities({ completionItem: { documentationFormat: ['markdown'] } }) },
    defaults: false,
    resolvesDetail: false,
    budget: { service: 71_000, filter: 122_000 },
  },
];

for (const c of CLIENTS) {
  describe(`completion and resolve over stdio: ${c.name}`, () => {
    let client: LspClient;
    const sizes: string[] = [];
    before(async () => {
      client = startServer();
      const result = await client.initialize<{ capabilities: { completionProvider?: { resolveProvider?: boolean } } }>({ initializationOptions: { systemdVersion: 262 }, ...c.initialize });
      assert.equal(result.capabilities.completionProvider?.resolveProvider, true);
      await openDocument(client, SERVICE_URI, SERVICE_TEXT, 1);
      await openDocument(client, FILTER_URI, FILTER_TEXT, 1);
    });
    after(() => {
      client.kill();
      if (sizes.length > 0) console.log(`# ${c.name}: ${sizes.join(', ')}`);
    });

    const completion = (uri: string, position: Position) => client.request<List>('textDocument/completion', { textDocument: { uri }, position });
    const resolve = (item: Item) => client.request<Item>('completionItem/resolve', item);

    for (const [what, uri, text, budget] of [
      ['an empty line in [Service]', SERVICE_URI, SERVICE_TEXT, c.budget.service],
      ['after SystemCallFilter=', FILTER_URI, FILTER_TEXT, c.budget.filter],
    ] as const) {
      test(`${what}: no docs, at most ${budget} bytes, the items the core computes`, async () => {
        const list = await completion(uri, endOf(text));
        const size = Buffer.byteLength(JSON.stringify(list), 'utf8');
        sizes.push(`${what} ${list.items.length} items ${size} bytes`);
        assert.ok(size <= budget, `${size} bytes, budget ${budget}`);
        assert.ok(list.items.every((i) => i.documentation === undefined), 'no docs in the list');
        assert.equal(list.itemDefaults !== undefined, c.defaults, 'itemDefaults only for clients that apply them');
        if (c.defaults) assert.ok(list.items.every((i) => i.textEdit === undefined && i.insertTextFormat === undefined), 'items leave the defaults to the list');
        else assert.ok(list.items.every((i) => i.textEdit !== undefined && i.data !== undefined), 'whole items');
        const core = complete(createUnitDocument(uri, text, 1), endOf(text), { systemdVersion: 262 });
        const seen = applyDefaults(list);
        assert.deepStrictEqual(
          seen.map((i) => [i.label, i.sortText, i.filterText ?? i.label, i.textEdit]),
          core.map((i) => [i.label, i.sortText, i.filterText, i.textEdit]),
        );
        assert.ok(list.items.every((i) => i.sortText !== undefined && i.sortText.length <= 2), 'short sort texts');
        assert.deepStrictEqual(
          list.items.map((i) => i.detail),
          core.map((i) => (c.resolvesDetail ? undefined : completionDetail(i.data))),
          c.resolvesDetail ? 'the detail waits for resolve' : 'the detail is in the list',
        );
      });
    }

    const RESOLVE_CASES: { name: string; uri: string; position: Position; label: string; contains: string }[] = [
      { name: 'a setting', uri: SERVICE_URI, position: endOf(SERVICE_TEXT), label: 'ProtectSystem', contains: 'systemd.exec.html#ProtectSystem=' },
      { name: 'a section offered on an empty line', uri: SERVICE_URI, position: endOf(SERVICE_TEXT), label: '[Install]', contains: 'systemd.unit(5)' },
      { name: 'a system call group', uri: FILTER_URI, position: endOf(FILTER_TEXT), label: '@privileged', contains: '**Includes:**' },
      { name: 'a system call', uri: FILTER_URI, position: endOf(FILTER_TEXT), label: 'reboot', contains: '`reboot` · system call' },
      { name: 'the deny-list operator', uri: FILTER_URI, position: endOf(FILTER_TEXT), label: '~', contains: 'inverted list' },
    ];
    for (const r of RESOLVE_CASES) {
      test(`completion, then completionItem/resolve: ${r.name}`, async () => {
        const item = applyDefaults(await completion(r.uri, r.position)).find((i) => i.label === r.label);
        assert.ok(item, r.label);
        const resolved = await resolve(item);
        assert.equal(resolved.documentation?.kind, 'markdown');
        assert.ok(resolved.documentation?.value.includes(r.contains), resolved.documentation?.value);
        const core = complete(createUnitDocument(r.uri, r.uri === SERVICE_URI ? SERVICE_TEXT : FILTER_TEXT, 1), r.position, { systemdVersion: 262 }).find((i) => i.label === r.label);
        assert.equal(resolved.documentation?.value, resolveCompletion(core?.data, { systemdVersion: 262 }), 'the docs the core gives');
        assert.ok(resolved.detail, 'a detail');
        assert.equal(resolved.detail, completionDetail(core?.data), 'the detail the core gives');
        assert.deepStrictEqual({ ...resolved, documentation: undefined, detail: undefined }, { ...item, documentation: undefined, detail: undefined }, 'nothing else changes');
      });
    }

    test('values and specifiers resolve after an edit', async () => {
      const uri = 'file:///etc/systemd/system/values.service';
      const text = '[Service]\nProtectSystem=\nExecStart=/bin/echo %';
      await openDocument(client, uri, text, 1);
      const strict = applyDefaults(await completion(uri, { line: 1, character: 14 })).find((i) => i.label === 'strict');
      assert.ok(strict);
      assert.ok((await resolve(strict)).documentation?.value.includes('read-only'));
      const specifier = applyDefaults(await completion(uri, endOf(text))).find((i) => i.label === '%n');
      assert.ok(specifier);
      assert.ok((await resolve(specifier)).documentation?.value.length);
    });

    test('the docs follow the target release in force when resolving', async () => {
      const uri = 'file:///etc/systemd/system/early.service';
      const text = '[Unit]\nDefault';
      await openDocument(client, uri, text, 1);
      const item = applyDefaults(await completion(uri, endOf(text))).find((i) => i.label === 'DefaultDependencies');
      assert.ok(item);
      const at262 = await resolve(item);
      assert.ok(at262.documentation?.value.includes('silently becomes a disconnected tmpfs'), at262.documentation?.value);
      client.notify('workspace/didChangeConfiguration', { settings: { unitguard: { systemdVersion: 256 } } });
      // The notification and the request travel in order on the same stream.
      const at256 = await resolve(item);
      assert.ok(at256.documentation?.value.includes('before /tmp and /var/tmp are mounted'), at256.documentation?.value);
      client.notify('workspace/didChangeConfiguration', { settings: { unitguard: { systemdVersion: 262 } } });
    });

    test('a .unitguardrc target release applies to the list and to its docs', async () => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'unitguard-rc-'));
      try {
        writeFileSync(path.join(folder, '.unitguardrc'), 'systemd-version = 256\n');
        const uri = pathToFileURL(path.join(folder, 'rc.service')).href;
        const text = '[Unit]\nDefault\n[Service]\n';
        await openDocument(client, uri, text, 1);
        const services = applyDefaults(await completion(uri, endOf(text))).map((i) => i.label);
        assert.ok(services.includes('PrivateTmp') && !services.includes('PrivateBPF'), 'PrivateBPF (258) is not offered under a 256 .unitguardrc');
        const item = applyDefaults(await completion(uri, { line: 1, character: 7 })).find((i) => i.label === 'DefaultDependencies');
        assert.ok(item);
        const resolved = await resolve(item);
        assert.ok(resolved.documentation?.value.includes('before /tmp and /var/tmp are mounted'), resolved.documentation?.value);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test('bad resolve params: InvalidParams for what is no item, unchanged items for unknown data', async () => {
      for (const params of [null, 'ProtectSystem', {}, { label: 7 }, { data: { k: 'dir', n: 'ProtectSystem', s: 'Service' } }]) {
        await assert.rejects(
          client.request('completionItem/resolve', params),
          (error: unknown) => error instanceof LspResponseError && error.error.code === -32602 && /completion ?item/i.test(error.error.message),
          JSON.stringify(params),
        );
      }
      // Params by position are turned down before they reach the handler.
      await assert.rejects(client.request('completionItem/resolve', [{ label: 'x' }]), (error: unknown) => error instanceof LspResponseError && error.error.code === -32602);
      for (const item of [{ label: 'x' }, { label: 'x', data: 0 }, { label: 'x', data: { k: 'dir', n: 'Nope', s: 'Service' } }, { label: 'x', data: { k: '__proto__' } }, { label: 'x', data: 'z'.repeat(100_000) }]) {
        assert.deepStrictEqual(await client.request('completionItem/resolve', item), item);
      }
      const list = await completion(SERVICE_URI, endOf(SERVICE_TEXT));
      assert.ok(list.items.length > 0, 'the server still answers');
    });
  });
}
