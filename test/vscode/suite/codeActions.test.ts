/**
 * Quick fixes through the language client: the hardening pair on SystemCallFilter= offers to add
 * SystemCallArchitectures=native as a review fix, applying it puts the line in [Service] and the
 * diagnostic goes away; source.fixAll.unitguard gives the text the core's fixAll gives: the safe
 * fixes only, so the review fix is left in place.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, fixAll } from '../../../server/src/core';
import { activeExtension, openInEditor, waitFor, workspaceFile } from './helpers';

const fixture = 'syscall-filter.service';
const filterLine = 'SystemCallFilter=@system-service';
const addedLine = 'SystemCallArchitectures=native';
const fixTitle = `Add ${addedLine}`;
const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('unitguard');

/** The recommends diagnostic of the pair: it names the missing setting. */
function isArchitecturePair(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.message.includes(addedLine) && diagnostic.source === 'unitguard';
}

/** The lines of the section `name` (header excluded), up to the next header. */
function sectionLines(text: string, name: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf(`[${name}]`);
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && /^\[.+\]\s*$/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * A fresh copy of the fixture under a name of its own, opened in an editor. The tests edit it, and
 * VS Code in the browser saves edits after a delay, so no test sees another one's edits.
 */
async function freshCopy(name: string, from = fixture): Promise<vscode.TextDocument> {
  const content = await vscode.workspace.fs.readFile(workspaceFile(from));
  const relative = `code-actions/${name}-${from}`;
  await vscode.workspace.fs.writeFile(workspaceFile(relative), content);
  return openInEditor(relative);
}

suite('code actions', () => {
  suiteSetup(async () => {
    await openInEditor('nftables.service');
    await activeExtension();
  });

  test(`${fixture}: the quick fix adds ${addedLine} to [Service] and the diagnostic goes away`, async () => {
    const document = await freshCopy('quick-fix');
    assert.ok(!document.getText().includes('SystemCallArchitectures'), `${fixture} already sets SystemCallArchitectures=`);
    const lineIndex = document.getText().split(/\r?\n/).indexOf(filterLine);
    assert.ok(lineIndex >= 0, `${fixture} has no line ${filterLine}`);

    const diagnostic = await waitFor('the SystemCallFilter=/SystemCallArchitectures= pair diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).find(isArchitecturePair),
    );
    assert.equal(diagnostic.range.start.line, lineIndex);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      document.lineAt(lineIndex).range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = actions.find((candidate) => candidate.title.startsWith(fixTitle));
    assert.ok(action, `no "${fixTitle}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.match(action.title, / \(−[0-9]+\.[0-9]\) — review$/, 'the title says how much the fix lowers the exposure score, and that it needs a review');
    assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `kind ${action.kind?.value}`);
    assert.notEqual(action.isPreferred, true, 'a fix that takes a permission away must not be the preferred one (auto fix applies it)');
    // vscode.executeCodeActionProvider hands back title, kind, edit and isPreferred, not the
    // diagnostics an action fixes; the end-to-end suite sees the fix offered on the squiggle.
    assert.ok(action.edit, 'the fix has no edit');

    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    const service = sectionLines(document.getText(), 'Service');
    assert.ok(service.includes(addedLine), `[Service] after the fix: ${JSON.stringify(service)}`);
    assert.ok(!sectionLines(document.getText(), 'Install').includes(addedLine), 'the line landed in [Install]');
    assert.equal(document.getText().split(addedLine).length - 1, 1, 'the line was added more than once');
    await waitFor('the pair diagnostic to go away', () => !vscode.languages.getDiagnostics(document.uri).some(isArchitecturePair));
  });

  test('notify.service: source.fixAll.unitguard gives the text the core\'s fixAll gives: the safe fix applied, the review fix left', async () => {
    const document = await freshCopy('fix-all', 'notify.service');
    const isBreakage = (d: vscode.Diagnostic): boolean => d.source === 'unitguard' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'notify-socket-blocked';
    await waitFor('the breakage warning', () => vscode.languages.getDiagnostics(document.uri).find(isBreakage));
    const expected = fixAll(document.uri.toString(), document.getText(), DEFAULT_SETTINGS).text;
    assert.notEqual(expected, document.getText(), 'the core finds nothing safe to fix in the fixture');

    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, fixAllKind.value);
    const action = actions.find((candidate) => candidate.kind?.value === fixAllKind.value);
    assert.ok(action?.edit, `no ${fixAllKind.value} action among ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value]))}`);
    assert.match(action.title, /^Fix all UnitGuard problems: 1 safe fix; [0-9]+ left for review$/);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    assert.equal(document.getText(), expected);
    assert.ok(sectionLines(document.getText(), 'Unit').includes('StartLimitBurst=5'), 'the safe fix (the setting moved to the section that reads it now) is applied');
    assert.ok(sectionLines(document.getText(), 'Service').includes('RestrictAddressFamilies=AF_INET AF_INET6'), 'fix-all applied a review fix');
    await waitFor('the breakage warning to stay', () => vscode.languages.getDiagnostics(document.uri).some(isBreakage));
  });
});
