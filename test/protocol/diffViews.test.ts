/**
 * Read-only views of other versions and the committed text, over real stdio against the built
 * server. A unit shown from `git:` (the HEAD side of a diff), `gitlens:`, or a pull request's
 * views keeps hover and the lens but gets no diagnostics, so the Problems panel lists the working
 * copy's problems once; a patch in such a view keeps its lens too. `unitguard/baseline` gives the
 * committed text of an open unit, and its lens then says what that text scored when it differs.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createUnitDocument } from '../../server/src/core';
import { formatExposure } from '../../server/src/core/security';
import { securityLens } from '../../server/src/core/features/securityLens';
import type { LspClient } from '../support/lspClient';
import { closeDocument, coreDiagnostics, openDocument, repoRoot, startServer, type PublishDiagnosticsParams } from './harness';

const REVIEW_DIR = path.join(repoRoot, 'test', 'fixtures', 'review');
const unitText = readFileSync(path.join(REVIEW_DIR, 'nftables.service'), 'utf8');
const hardenedText = readFileSync(path.join(REVIEW_DIR, 'nftables.hardened.service'), 'utf8');
const patchText = readFileSync(path.join(REVIEW_DIR, 'nftables-hardening.patch'), 'utf8');

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string };
}

const WORKING_COPY = 'file:///srv/repo/nftables.service';
/** The sides of a diff as VS Code's git extension, GitLens and GitHub Pull Requests name them. */
const VIEWS = [
  `git:/srv/repo/nftables.service?${encodeURIComponent(JSON.stringify({ path: '/srv/repo/nftables.service', ref: 'HEAD' }))}`,
  'gitlens://7a3f2c1/srv/repo/nftables.service?%7B%22ref%22%3A%227a3f2c1%22%7D',
  `review:/srv/repo/nftables.service?${encodeURIComponent(JSON.stringify({ path: 'nftables.service', commit: 'abc', base: true }))}`,
  `pr:/srv/repo/nftables.service?${encodeURIComponent(JSON.stringify({ fileName: 'nftables.service', isBase: true }))}`,
  'vscode-local-history:/srv/repo/nftables.service?x',
];

describe('read-only views of another version: hover and lens, no diagnostics', () => {
  let client: LspClient;

  before(async () => {
    client = startServer();
    await client.initialize();
  });
  after(() => client.kill());

  test('the working copy gets its problems; the views of other versions get none, opened, edited or closed', async () => {
    for (const view of VIEWS) client.notify('textDocument/didOpen', { textDocument: { uri: view, languageId: 'systemd-unit', version: 1, text: unitText } });
    // Published after the views were opened and handled: anything published for a view came before it.
    const working = await openDocument(client, WORKING_COPY, hardenedText);
    assert.deepEqual(
      working.diagnostics.map((d) => d.message),
      (coreDiagnostics(WORKING_COPY, hardenedText, 1) as Array<{ message: string }>).map((d) => d.message),
    );
    assert.ok((coreDiagnostics(VIEWS[0] as string, unitText, 1) as unknown[]).length > 0, 'the HEAD text has problems of its own');
    for (const view of VIEWS) client.notify('textDocument/didChange', { textDocument: { uri: view, version: 2 }, contentChanges: [{ text: `${unitText}\n` }] });
    for (const view of VIEWS) client.notify('textDocument/didClose', { textDocument: { uri: view } });
    await closeDocument(client, WORKING_COPY);
    const forViews = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && VIEWS.includes((n.params as PublishDiagnosticsParams).uri));
    assert.deepEqual(forViews, []);
  });

  test('a view keeps hover and the exposure lens', async () => {
    const view = VIEWS[0] as string;
    client.notify('textDocument/didOpen', { textDocument: { uri: view, languageId: 'systemd-unit', version: 1, text: unitText } });
    const line = unitText.split('\n').indexOf('ProtectSystem=full');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: view }, position: { line, character: 3 } });
    assert.match(hover?.contents.value ?? '', /\*\*ProtectSystem=\*\*/);
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: view } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]?.command.title, securityLens(createUnitDocument(view, unitText), {}, { systemdVersion: 262 })?.title);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: view }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } }), []);
  });

  test('a patch shown in a view keeps its lens and gets no diagnostics', async () => {
    const view = `git:/srv/repo/0001-harden.patch?${encodeURIComponent(JSON.stringify({ path: '/srv/repo/0001-harden.patch', ref: 'HEAD' }))}`;
    const working = 'file:///srv/repo/0001-harden.patch';
    client.notify('textDocument/didOpen', { textDocument: { uri: view, languageId: 'diff', version: 1, text: patchText } });
    const published = await openDocument(client, working, patchText, 1, 'diff');
    assert.equal(published.diagnostics.length, 2, 'the working copy of the patch has its findings');
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: view } });
    assert.match(lenses[0]?.command.title ?? '', /^nftables\.service: exposure/);
    assert.equal(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === view).length, 0);
  });
});

describe('unitguard/baseline: the committed text in the lens', () => {
  let client: LspClient;
  const refreshes: number[] = [];
  const uri = 'file:///srv/repo/nftables.service';
  const score = (text: string): number | undefined => securityLens(createUnitDocument(uri, text), {}, { systemdVersion: 262 })?.exposure;

  async function title(): Promise<string> {
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    return lenses[0]?.command.title ?? '';
  }

  before(async () => {
    client = startServer({
      onServerRequest: (method) => {
        if (method === 'workspace/codeLens/refresh') refreshes.push(Date.now());
        return null;
      },
    });
    await client.initialize({ capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
    await openDocument(client, uri, hardenedText);
  });
  after(() => client.kill());

  test('the lens says the HEAD score when the committed text scores differently', async () => {
    const plain = await title();
    assert.match(plain, /^Exposure \d\.\d \w+ \S+ · systemd 262$/u);
    const head = score(unitText);
    assert.ok(head !== undefined && head !== score(hardenedText));
    client.notify('unitguard/baseline', { uri, text: unitText });
    assert.equal(await title(), `${plain} (HEAD ${formatExposure(head)})`);
    assert.match(await title(), /^Exposure 2\.5 OK 🙂 · systemd 262 \(HEAD 9\.4\)$/u);
    // The client is asked to draw the lens again.
    const deadline = Date.now() + 5000;
    while (refreshes.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(refreshes.length > 0, 'workspace/codeLens/refresh after a baseline');
  });

  test('the same score at HEAD, no baseline, or a malformed one: the lens as it is', async () => {
    const plain = securityLens(createUnitDocument(uri, hardenedText, 1), {}, { systemdVersion: 262 })?.title;
    client.notify('unitguard/baseline', { uri, text: hardenedText.replace('[Unit]', '# committed\n[Unit]') });
    assert.equal(await title(), plain);
    client.notify('unitguard/baseline', { uri, text: unitText });
    assert.match(await title(), /\(HEAD 9\.4\)$/);
    client.notify('unitguard/baseline', { uri, text: null });
    assert.equal(await title(), plain);
    client.notify('unitguard/baseline', { uri, text: 42 });
    client.notify('unitguard/baseline', { text: unitText });
    assert.equal(await title(), plain);
  });

  test('an edit is scored against the same baseline; closing the document forgets it', async () => {
    client.notify('unitguard/baseline', { uri, text: unitText });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: unitText }] });
    assert.equal(await title(), securityLens(createUnitDocument(uri, unitText, 2), {}, { systemdVersion: 262 })?.title, 'back to the committed text: no HEAD score');
    await closeDocument(client, uri);
    await openDocument(client, uri, hardenedText, 3);
    assert.doesNotMatch(await title(), /HEAD/);
  });
});
