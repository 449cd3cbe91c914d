/**
 * Patches in the editor, over real stdio against the built server: a `git format-patch` mail that
 * hardens nftables.service, opened as the `diff` language (and as a `.eml` mail, and as a `.patch`
 * the editor calls a unit). Hover on `+`, `-` and context lines gives the unit's hover; the
 * change's new findings land on the `+` lines that bring them; a lens above the file's part gives
 * the exposure before and after and opens the review report; nothing of the patch is checked as a
 * unit. With the file in a workspace folder the old text is that file (an open document first,
 * with the hunks found where they are in it), else the hunks alone, and the lens says so; a path
 * that leads out of the workspace folder is not read.
 * Run `npm run build` first: it spawns bin/unitguard-language-server.js.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, parsePatch, patchDiagnostics, patchLenses, reviewPatchDocument, type Diagnostic } from '../../server/src/core';
import type { LspClient } from '../support/lspClient';
import { LSP_SEVERITY, openDocument, repoRoot, startServer, type PublishDiagnosticsParams } from './harness';

const REVIEW_DIR = path.join(repoRoot, 'test', 'fixtures', 'review');
const patchText = readFileSync(path.join(REVIEW_DIR, 'nftables-hardening.patch'), 'utf8');
const unitText = readFileSync(path.join(REVIEW_DIR, 'nftables.service'), 'utf8');
const hardenedText = readFileSync(path.join(REVIEW_DIR, 'nftables.hardened.service'), 'utf8');
const patchLines = patchText.split('\n');

interface Lens {
  range: { start: { line: number; character: number } };
  command: { title: string; command: string; arguments: unknown[] };
}

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The 0-based patch line that is exactly `text`. */
function lineOf(text: string): number {
  const line = patchLines.indexOf(text);
  assert.ok(line >= 0, `the patch has no line ${text}`);
  return line;
}

/** What the core says the patch's diagnostics and lenses are, with these texts at hand. */
function expected(texts: ReadonlyMap<string, string>, uriOf: (p: string) => string): { diagnostics: unknown[]; titles: string[] } {
  const review = reviewPatchDocument(parsePatch(patchText), { texts, uriOf, settingsOf: () => DEFAULT_SETTINGS });
  const project = (d: Diagnostic) => ({ range: d.range, severity: LSP_SEVERITY[d.severity], code: d.code, message: d.message });
  return { diagnostics: patchDiagnostics(review).map(project), titles: patchLenses(review).map((l) => l.title) };
}

function project(diagnostics: PublishDiagnosticsParams['diagnostics']): unknown[] {
  return diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
}

/** The diagnostic on a patch line, asserting there is one. */
function onLine(diagnostics: PublishDiagnosticsParams['diagnostics'], line: number): PublishDiagnosticsParams['diagnostics'][number] {
  const found = diagnostics.find((d) => (d.range as { start: { line: number } }).start.line === line);
  assert.ok(found, `no diagnostic on patch line ${line + 1} (${patchLines[line]}): ${JSON.stringify(diagnostics.map((d) => d.range))}`);
  return found;
}

function startAt(d: PublishDiagnosticsParams['diagnostics'][number]): { line: number; character: number } {
  return (d.range as { start: { line: number; character: number } }).start;
}

describe('a patch whose unit is not in the workspace: read from the hunks alone', () => {
  let client: LspClient;
  let folder: string;
  let uri: string;
  let published: PublishDiagnosticsParams;

  before(async () => {
    // The workspace holds the patch but not nftables.service.
    folder = mkdtempSync(path.join(os.tmpdir(), 'unitguard-patch-'));
    uri = pathToFileURL(path.join(folder, '0001-harden.patch')).href;
    client = startServer();
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'patches' }] });
    published = await openDocument(client, uri, patchText, 1, 'diff');
  });
  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the new findings, on the + lines that bring them, naming the unit file and its line; nothing from the patch text as a unit', () => {
    assert.deepEqual(project(published.diagnostics), expected(new Map(), (p) => `unitguard-patch:///${p}`).diagnostics);
    assert.equal(published.diagnostics.length, 2, JSON.stringify(published.diagnostics.map((d) => d.message)));
    const service = onLine(published.diagnostics, lineOf('+SystemCallFilter=@service'));
    assert.equal(service.code, 'invalid-value');
    assert.equal(service.severity, LSP_SEVERITY.error);
    assert.match(service.message, /^nftables\.service:23: Unknown system call group "@service"/);
    assert.ok(patchLines[startAt(service).line].slice(startAt(service).character).startsWith('@service'), 'the range starts at @service');
    const tmp = onLine(published.diagnostics, lineOf('+PrivateTmp=isolate'));
    assert.ok(patchLines[startAt(tmp).line].slice(startAt(tmp).character).startsWith('isolate'));
  });

  test('a change that keeps the version number is reviewed anew', async () => {
    const other = pathToFileURL(path.join(folder, '0002-same-version.patch')).href;
    const opened = await openDocument(client, other, patchText, 4, 'diff');
    assert.equal(opened.diagnostics.length, 2);
    const line = lineOf('+SystemCallFilter=@service');
    const fixed = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === other && p.diagnostics.length === 1);
    client.notify('textDocument/didChange', {
      textDocument: { uri: other, version: 4 },
      contentChanges: [{ range: { start: { line, character: 18 }, end: { line, character: 26 } }, text: '@system-service' }],
    });
    const after = patchText.replace('+SystemCallFilter=@service', '+SystemCallFilter=@system-service');
    const review = reviewPatchDocument(parsePatch(after), { texts: new Map(), uriOf: (p) => `unitguard-patch:///${p}`, settingsOf: () => DEFAULT_SETTINGS });
    assert.deepEqual((await fixed).diagnostics.map((d) => d.message), patchDiagnostics(review).map((d) => d.message));
  });

  test('a lens above the file part with the exposure before and after, "from the hunks only", opening the review report', async () => {
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    const [lens] = lenses as [Lens];
    assert.equal(lens.range.start.line, lineOf('diff --git a/nftables.service b/nftables.service'));
    assert.deepEqual([lens.command.title], expected(new Map(), (p) => `unitguard-patch:///${p}`).titles);
    assert.match(lens.command.title, /^nftables\.service: exposure \d+\.\d → \d+\.\d \(target 262\), from the hunks only$/);
    assert.deepEqual([lens.command.command, lens.command.arguments], ['unitguard.showReviewReport', [uri, 'nftables.service']]);
    const report = await client.request<{ markdown: string }>('unitguard/reviewReport', { uri, unit: 'nftables.service' });
    assert.match(report.markdown, /^### nftables\.service: exposure 9\.4 UNSAFE 😨 → \d\.\d \w+ \S+ \(−\d\.\d\)/u);
    assert.match(report.markdown, /From the hunks only/);
    assert.match(report.markdown, /#### New findings \(2\)/);
  });

  test('hover on a + line gives the setting\'s docs, its range on the patch line', async () => {
    const line = lineOf('+ProtectSystem=strict');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
    assert.match(hover.contents.value, /\*\*ProtectSystem=\*\*/);
    assert.deepEqual(hover.range, { start: { line, character: 1 }, end: { line, character: 14 } });
  });

  test('hover on a - line reads the old text, on a context line the new one', async () => {
    const removed = lineOf('-ProtectSystem=full');
    const value = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: removed, character: 17 } });
    assert.match(value.contents.value, /`ProtectSystem=full`/);
    assert.deepEqual(value.range, { start: { line: removed, character: 15 }, end: { line: removed, character: 19 } });
    const context = lineOf(' ProtectHome=true');
    const key = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: context, character: 2 } });
    assert.match(key.contents.value, /\*\*ProtectHome=\*\*/);
  });

  test('no hover on the mail, the headers and the prefix column; no unit completion, outline or folding', async () => {
    const hover = (line: number, character: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.equal(await hover(lineOf('Subject: [PATCH] nftables.service: harden the service'), 3), null);
    assert.equal(await hover(lineOf('+++ b/nftables.service'), 6), null);
    assert.equal(await hover(lineOf('+ProtectSystem=strict'), 0), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: lineOf('+ProtectSystem=strict'), character: 5 } }), null);
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
    assert.equal(await client.request('textDocument/foldingRange', { textDocument: { uri } }), null);
  });

  test('a .eml mail (plain text to the editor) and a .patch the editor calls a unit are read as patches', async () => {
    for (const [name, languageId] of [['harden.eml', 'plaintext'], ['harden.patch', 'systemd-unit']] as const) {
      const other = pathToFileURL(path.join(folder, name)).href;
      const diagnostics = await openDocument(client, other, patchText, 1, languageId);
      assert.deepEqual(project(diagnostics.diagnostics), project(published.diagnostics), name);
    }
  });

  test('the exposure report of a patch is refused: it is not a unit', async () => {
    const response = await client.requestRaw('unitguard/securityReport', { uri });
    assert.equal(response.error?.code, -32602);
  });
});

describe('a patch whose unit is in a workspace folder: applied to that file', () => {
  let client: LspClient;
  let root: string;
  let workspace: string;
  let uri: string;
  let unitUri: string;
  let published: PublishDiagnosticsParams;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'unitguard-patch-ws-'));
    workspace = path.join(root, 'repo');
    mkdirSync(path.join(workspace, 'patches'), { recursive: true });
    writeFileSync(path.join(workspace, 'nftables.service'), unitText);
    // A copy outside the workspace folder, which a patch path with .. must not reach.
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', 'nftables.service'), unitText);
    uri = pathToFileURL(path.join(workspace, 'patches', '0001-harden.patch')).href;
    unitUri = pathToFileURL(path.join(workspace, 'nftables.service')).href;
    client = startServer();
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'repo' }] });
    published = await openDocument(client, uri, patchText, 1, 'diff');
  });
  after(() => {
    client.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test('the lens has the score of the whole file, without "from the hunks only"', async () => {
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    const want = expected(new Map([['nftables.service', unitText]]), () => unitUri);
    assert.deepEqual(lenses.map((l) => l.command.title), want.titles);
    assert.match(lenses[0]?.command.title ?? '', /^nftables\.service: exposure 9\.4 → \d\.\d \(target 262\)$/);
    const report = await client.request<{ markdown: string }>('unitguard/reviewReport', { uri });
    assert.doesNotMatch(report.markdown, /hunks only/);
  });

  test('findings that rest on lines the hunks do not show are found too, on the + lines', () => {
    const want = expected(new Map([['nftables.service', unitText]]), () => unitUri);
    assert.deepEqual(project(published.diagnostics), want.diagnostics);
    assert.ok(published.diagnostics.length > 2, 'more than the hunks alone give');
    const strict = onLine(published.diagnostics, lineOf('+ProtectSystem=strict'));
    assert.equal(strict.code, 'recommends');
    assert.match(strict.message, /^nftables\.service:14: ProtectSystem=strict/);
  });

  test('hover on a + line is the hover of the patched unit at that line', async () => {
    // The patched unit, opened outside the workspace folder.
    const elsewhere = pathToFileURL(path.join(root, 'outside', 'copy', 'nftables.service')).href;
    await openDocument(client, elsewhere, hardenedText);
    const patchLine = lineOf('+CapabilityBoundingSet=CAP_NET_ADMIN');
    const unitLine = hardenedText.split('\n').indexOf('CapabilityBoundingSet=CAP_NET_ADMIN');
    for (const character of [3, 25]) {
      const inPatch = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: patchLine, character } });
      const inUnit = await client.request<Hover>('textDocument/hover', { textDocument: { uri: elsewhere }, position: { line: unitLine, character: character - 1 } });
      assert.equal(inPatch.contents.value, inUnit.contents.value);
      assert.deepEqual(inPatch.range, {
        start: { line: patchLine, character: inUnit.range.start.character + 1 },
        end: { line: patchLine, character: inUnit.range.end.character + 1 },
      });
    }
  });

  test('an open copy of the file is read rather than the disk, with the hunks found where they are in it', async () => {
    // Two lines more at the top: every hunk is two lines further down than its header says.
    const shifted = `# local copy\n# of the unit\n${unitText}`;
    const republished = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await openDocument(client, unitUri, shifted);
    const diagnostics = (await republished).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => startAt(d).line),
      published.diagnostics.map((d) => startAt(d).line),
      'the same + lines',
    );
    assert.match(onLine(diagnostics, lineOf('+SystemCallFilter=@service')).message, /^nftables\.service:25: /);
  });

  test('a file that already holds the change is reviewed against the text the patch takes out', async () => {
    const republished = client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    client.notify('textDocument/didChange', { textDocument: { uri: unitUri, version: 2 }, contentChanges: [{ text: hardenedText }] });
    const diagnostics = (await republished).diagnostics;
    assert.deepEqual(project(diagnostics), project(published.diagnostics));
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.doesNotMatch(lenses[0]?.command.title ?? '', /hunks only/);
  });

  test('a patch path that leads out of the workspace folder is not read', async () => {
    const escaping = patchText.replace(/\b[ab]\/nftables\.service/g, (m) => `${m.slice(0, 2)}../outside/nftables.service`);
    const other = pathToFileURL(path.join(workspace, 'patches', 'escape.patch')).href;
    await openDocument(client, other, escaping, 1, 'diff');
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: other } });
    assert.equal(lenses.length, 1);
    assert.match(lenses[0]?.command.title ?? '', /from the hunks only$/);
  });
});

describe('a workspace folder added after initialize: its units are read for the patches open', () => {
  let client: LspClient;
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'unitguard-patch-folders-'));
    mkdirSync(path.join(root, 'patches'));
    mkdirSync(path.join(root, 'repo'));
    writeFileSync(path.join(root, 'repo', 'nftables.service'), unitText);
    client = startServer();
  });
  after(() => {
    client.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test('the lens of a patch goes from "from the hunks only" to the folder\'s file, and back when it is removed', async () => {
    const patches = { uri: pathToFileURL(path.join(root, 'patches')).href, name: 'patches' };
    const repo = { uri: pathToFileURL(path.join(root, 'repo')).href, name: 'repo' };
    const init = await client.initialize<{ capabilities: { workspace?: { workspaceFolders?: { supported?: boolean; changeNotifications?: boolean } } } }>({ workspaceFolders: [patches] });
    assert.deepEqual(init.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const uri = pathToFileURL(path.join(root, 'patches', '0001-harden.patch')).href;
    await openDocument(client, uri, patchText, 1, 'diff');
    const title = async (): Promise<string> => (await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } }))[0]?.command.title ?? '';
    assert.match(await title(), /from the hunks only$/);

    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [repo], removed: [] } });
    const unitUri = pathToFileURL(path.join(root, 'repo', 'nftables.service')).href;
    const [want] = expected(new Map([['nftables.service', unitText]]), () => unitUri).titles;
    assert.equal(await title(), want);
    assert.doesNotMatch(want ?? '', /hunks only/);

    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [repo] } });
    assert.match(await title(), /from the hunks only$/);
    // Malformed events change nothing and the server keeps answering.
    for (const params of [{}, { event: null }, { event: { added: 'x', removed: [{ uri: 7 }] } }]) client.notify('workspace/didChangeWorkspaceFolders', params);
    assert.match(await title(), /from the hunks only$/);
  });
});
