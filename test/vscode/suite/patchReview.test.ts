/**
 * Reviewing a hardening change in VS Code: a `.patch` file keeps the built-in Diff language and
 * gets hover on its `+` lines, the change's new findings and a lens with the exposure before and
 * after; in a git repository the lens of a changed unit says what it scored at HEAD (through the
 * git extension), and the HEAD side of the Source Control diff adds nothing to the Problems panel.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { createUnitDocument, DEFAULT_SETTINGS, parsePatch, patchLenses, reviewPatchDocument } from '../../../server/src/core';
import { formatExposure } from '../../../server/src/core/security';
import { securityLens } from '../../../server/src/core/features/securityLens';
import { activeExtension, openInEditor, repoRoot, waitFor, workspaceFile, workspaceFolder } from './helpers';

const REVIEW_DIR = path.join(repoRoot, 'test', 'fixtures', 'review');
/** The thread's patch, for a unit kept elsewhere (not in the workspace). */
const patchText = readFileSync(path.join(REVIEW_DIR, 'nftables-hardening.patch'), 'utf8').replace(/\b([ab])\/nftables\.service/g, '$1/elsewhere/nftables.service');
const unitText = readFileSync(path.join(REVIEW_DIR, 'nftables.service'), 'utf8');
const hardenedText = readFileSync(path.join(REVIEW_DIR, 'nftables.hardened.service'), 'utf8');

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** git for the test's own repository, with an identity of its own. */
function git(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('git', ['-c', 'user.name=UnitGuard Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

suite('reviewing a change', () => {
  suiteSetup(async () => {
    await openInEditor('nftables.service');
    await activeExtension();
  });

  test('a .patch file: Diff language, hover on a + line, the new findings on their lines, the lens with the exposure change', async () => {
    const uri = workspaceFile('review/0001-harden.patch');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(patchText));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'diff');
    const lines = patchText.split('\n');

    const review = reviewPatchDocument(parsePatch(patchText), { uriOf: (p) => `unitguard-patch:///${p}`, settingsOf: () => DEFAULT_SETTINGS });
    const [title] = patchLenses(review).map((l) => l.title);
    assert.match(title ?? '', /from the hunks only$/);
    await waitFor(`the lens "${title}"`, async () => (await lensTitles(uri)).includes(title as string));

    const strict = lines.indexOf('+ProtectSystem=strict');
    const hovers = await waitFor('hover on +ProtectSystem=strict', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(strict, 3));
      return found && found.length > 0 ? found : undefined;
    });
    assert.match(hoverText(hovers), /\*\*ProtectSystem=\*\*/);

    const service = lines.indexOf('+SystemCallFilter=@service');
    const diagnostic = await waitFor('the @service error on its + line', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === service && d.source === 'unitguard'),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /^nftables\.service:23: /);
    // Nothing of the patch text is checked as a unit: only the change's two new findings.
    assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'unitguard').length, 2);
  });

  test('in a git repository: the lens says the HEAD score, and the HEAD side of the diff adds no problems', async function () {
    this.timeout(120_000);
    const gitExtension = vscode.extensions.getExtension('vscode.git');
    if (!gitExtension || git(['--version'], repoRoot).status !== 0 || !vscode.workspace.isTrusted) {
      this.skip();
      return;
    }
    // The test workbench starts with git switched off; the client waits for it to come on.
    const gitSettings = vscode.workspace.getConfiguration('git');
    const wasEnabled = gitSettings.inspect<boolean>('enabled')?.globalValue;
    await gitSettings.update('enabled', true, vscode.ConfigurationTarget.Global);
    try {
      await headScoreAndView(gitExtension);
    } finally {
      await gitSettings.update('enabled', wasEnabled, vscode.ConfigurationTarget.Global);
    }
  });
});

/** The body of the repository test, once git is on. */
async function headScoreAndView(gitExtension: vscode.Extension<unknown>): Promise<void> {
  const folder = path.join(workspaceFolder().fsPath, 'headrepo');
  const file = vscode.Uri.file(path.join(folder, 'nftables.service'));
  await vscode.workspace.fs.writeFile(file, Buffer.from(unitText));
  for (const args of [['init', '-q'], ['add', 'nftables.service'], ['commit', '-q', '-m', 'the unit as shipped']]) {
    const result = git(args, folder);
    assert.equal(result.status, 0, result.stderr);
  }
  await vscode.workspace.fs.writeFile(file, Buffer.from(hardenedText));
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);

  const now = securityLens(createUnitDocument(document.uri.toString(), hardenedText), {}, DEFAULT_SETTINGS);
  const head = securityLens(createUnitDocument(document.uri.toString(), unitText), {}, DEFAULT_SETTINGS);
  assert.ok(now?.exposure !== undefined && head?.exposure !== undefined);
  const title = `${now.title} (HEAD ${formatExposure(head.exposure)})`;
  await waitFor(`the lens "${title}"`, async () => (await lensTitles(document.uri)).includes(title), 90_000);

  // The HEAD side, as the Source Control view opens it (the extension is enabled by now: the lens needed it).
  const api = (gitExtension.exports as { getAPI(v: 1): { toGitUri(uri: vscode.Uri, ref: string): vscode.Uri } }).getAPI(1);
  const headUri = api.toGitUri(document.uri, 'HEAD');
  const headDocument = await vscode.workspace.openTextDocument(headUri);
  assert.equal(headDocument.languageId, 'systemd-unit');
  assert.equal(headDocument.getText(), unitText);
  // The server has the HEAD side once it answers for it: hover and the lens work there.
  await waitFor('the lens of the HEAD side', async () => (await lensTitles(headUri)).length === 1);
  await waitFor('the working copy to have its problems', () => vscode.languages.getDiagnostics(document.uri).length > 0);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const fromViews = vscode.languages.getDiagnostics().filter(([uri, list]) => uri.scheme === 'git' && list.length > 0);
  assert.deepEqual(fromViews.map(([uri]) => uri.toString()), []);
}
