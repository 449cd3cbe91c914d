/**
 * The language contribution: every file suffix the manifest declares, drop-ins and templates
 * open as systemd-unit; look-alikes do not.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, repoRoot, workspaceFile } from './helpers';

interface Manifest {
  contributes: { languages: Array<{ id: string; aliases: string[]; extensions: string[] }> };
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const unitLanguage = manifest.contributes.languages.find((language) => language.id === 'systemd-unit');

/** [file in the workspace, languageId it must get (or `not:` an id it must not get)]. */
const cases: Array<[string, string]> = [
  ...(unitLanguage?.extensions ?? []).map((suffix): [string, string] => [`languages/example${suffix}`, 'systemd-unit']),
  ['languages/web.service.d/override.conf', 'systemd-unit'],
  ['languages/sockets.target.d/10-after.conf', 'systemd-unit'],
  ['languages/settings.conf', 'not:systemd-unit'],
  ['languages/notes.txt', 'not:systemd-unit'],
  ['languages/service.d/plain.conf', 'not:systemd-unit'],
];

suite('language', () => {
  suiteSetup(async () => {
    for (const [file] of cases) await vscode.workspace.fs.writeFile(workspaceFile(file), Buffer.from('[Unit]\nDescription=x\n'));
  });

  test('VS Code knows the systemd-unit language', async () => {
    assert.ok(unitLanguage, 'package.json contributes no systemd-unit language');
    assert.ok((await vscode.languages.getLanguages()).includes('systemd-unit'));
  });

  for (const [file, expected] of cases) {
    test(`${file} -> ${expected}`, async () => {
      const document = await vscode.workspace.openTextDocument(workspaceFile(file));
      if (expected.startsWith('not:')) assert.notEqual(document.languageId, expected.slice(4));
      else assert.equal(document.languageId, expected);
    });
  }

  test('opening a unit file activates the extension', async () => {
    await vscode.workspace.openTextDocument(workspaceFile('nftables.service'));
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
    // The extension under test is this checkout (--extensionDevelopmentPath), not an installed copy.
    assert.equal(path.resolve(extension.extensionPath), repoRoot);
  });
});
