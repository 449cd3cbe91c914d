/**
 * The exposure lens through the language client: VS Code's code lens providers give the lens the
 * core computes on the `[Service]` header of a copy of examples/nftables.service; an edit and a
 * drop-in opened next to it change it; its command shows the report in a webview beside the unit,
 * the report is also a markdown document, and its links open the unit at a line.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createUnitDocument, DEFAULT_SETTINGS, type UnitFiles } from '../../../server/src/core';
import { securityLens } from '../../../server/src/core/features/securityLens';
import { activeExtension, openInEditor, waitFor, workspaceFile } from './helpers';

const folder = 'exposure-lens';
const unitName = 'lens-nftables.service';

/** The lens title the core gives for the document's current text. */
function coreTitle(document: vscode.TextDocument, files: UnitFiles = {}): string | undefined {
  return securityLens(createUnitDocument(document.uri.toString(), document.getText(), document.version), files, DEFAULT_SETTINGS)?.title;
}

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

/** Waits until the document's only lens has the title `title`, and returns it. */
async function lensTitled(uri: vscode.Uri, title: string): Promise<vscode.CodeLens> {
  let last = '';
  return waitFor(`the lens "${title}" (last: "${last}")`, async () => {
    const lenses = await lensesOf(uri);
    last = lenses.map((l) => l.command?.title ?? '').join(' | ');
    return lenses.length === 1 && lenses[0]?.command?.title === title ? lenses[0] : undefined;
  });
}

suite('exposure lens', () => {
  let unit: vscode.TextDocument;

  suiteSetup(async () => {
    await openInEditor('nftables.service');
    await activeExtension();
    const content = await vscode.workspace.fs.readFile(workspaceFile('nftables.service'));
    await vscode.workspace.fs.writeFile(workspaceFile(`${folder}/${unitName}`), content);
    unit = await openInEditor(`${folder}/${unitName}`);
  });

  test('the lens sits on [Service] and shows the score the core gives', async () => {
    const title = coreTitle(unit);
    assert.ok(title && title.startsWith('Exposure '), `core title: ${title}`);
    const lens = await lensTitled(unit.uri, title);
    assert.equal(lens.range.start.line, unit.getText().split(/\r?\n/).indexOf('[Service]'));
    assert.equal(lens.command?.command, 'unitguard.showSecurityReport');
    assert.deepEqual(lens.command?.arguments, [unit.uri.toString()]);
  });

  test('an edit that adds hardening changes the lens as the user types', async () => {
    const line = unit.getText().split(/\r?\n/).indexOf('[Service]') + 1;
    const before = coreTitle(unit);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(unit.uri, new vscode.Position(line, 0), 'IPAddressDeny=any\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = coreTitle(unit);
    assert.ok(after && after !== before, `the edit did not change the core's title (${before})`);
    await lensTitled(unit.uri, after);
  });

  test('a drop-in opened next to the unit is merged into its score', async () => {
    const dropInText = '[Service]\nPrivateNetwork=yes\n';
    await vscode.workspace.fs.writeFile(workspaceFile(`${folder}/${unitName}.d/50-network.conf`), new TextEncoder().encode(dropInText));
    const dropIn = await openInEditor(`${folder}/${unitName}.d/50-network.conf`);
    const files = { dropIns: [createUnitDocument(dropIn.uri.toString(), dropIn.getText(), dropIn.version)] };
    const merged = coreTitle(unit, files);
    assert.ok(merged && merged !== coreTitle(unit), 'the drop-in does not change the score');
    await lensTitled(unit.uri, merged);
    await lensTitled(dropIn.uri, merged);
  });

  test('the lens command shows the report beside the unit, in a webview of its own', async () => {
    await vscode.commands.executeCommand('unitguard.showSecurityReport', unit.uri.toString());
    const tab = await waitFor('the report tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('unitguard.securityReport')),
    );
    assert.equal(tab.label, `Exposure: ${unitName}`);
    const unitTab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === unit.uri.toString());
    assert.ok(unitTab && unitTab.group.viewColumn !== tab.group.viewColumn, 'the report is not beside the unit');
    // Asked again, the same report comes forward instead of a second one.
    await vscode.commands.executeCommand('unitguard.showSecurityReport', unit.uri.toString());
    const reports = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('unitguard.securityReport'));
    assert.equal(reports.length, 1);
  });

  test('the report is also a markdown document, with links to the lines of the unit', async () => {
    const uri = vscode.Uri.from({ scheme: 'unitguard-report', path: `/${unitName} exposure.md`, query: unit.uri.toString() });
    const report = await vscode.workspace.openTextDocument(uri);
    assert.match(report.getText(), new RegExp(`^# Exposure of ${unitName.replace(/\./g, '\\.')}: \\d+\\.\\d [A-Z]+ \\S+ · systemd \\d+$`, 'm'));
    assert.ok(report.getText().includes(`${unit.uri.toString()}#L`), 'the report links no line of the unit');
  });

  test('a report link opens the unit at its line', async () => {
    const line = unit.getText().split('\n').indexOf('[Service]') + 1;
    await vscode.commands.executeCommand('unitguard.openLine', unit.uri.toString(), line);
    const editor = await waitFor('the unit at the line', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === unit.uri.toString() && vscode.window.activeTextEditor.selection.active.line === line - 1 ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(editor.selection.active.character, 0);
    // Bad arguments do nothing.
    await vscode.commands.executeCommand('unitguard.openLine', 42, 'x');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), unit.uri.toString());
  });

  test("a report's quick fix link applies the code action of that title on its line, and nothing else", async () => {
    const uri = vscode.Uri.from({ scheme: 'unitguard-report', path: `/${unitName} exposure.md`, query: unit.uri.toString() });
    const report = (await vscode.workspace.openTextDocument(uri)).getText();
    const link = /\[((?:\\.|[^\]\\])+)\]\(<([^<>\s]+)#L(\d+)-fix>\)/.exec(report);
    assert.ok(link, `the report links no quick fix:\n${report}`);
    const title = (link[1] as string).replace(/\\(.)/g, '$1');
    const line = Number(link[3]);
    assert.equal(link[2], unit.uri.toString());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', unit.uri, unit.lineAt(line - 1).range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === title);
    assert.ok(action?.edit, `line ${line} offers no "${title}": ${JSON.stringify(actions.map((a) => a.title))}`);
    const [, edits] = action.edit.entries()[0] ?? [];
    const added = (edits ?? []).map((e) => e.newText.trim()).filter(Boolean);
    assert.ok(added.length > 0);

    // Refused: bad arguments, a title no code action has, a file no open report links to.
    const text = unit.getText();
    await vscode.commands.executeCommand('unitguard.applyReportFix', unit.uri.toString(), line, 42);
    await vscode.commands.executeCommand('unitguard.applyReportFix', unit.uri.toString(), line, 'Remove everything');
    await vscode.commands.executeCommand('unitguard.applyReportFix', workspaceFile(`${folder}/not-in-a-report.service`).toString(), line, title);
    assert.equal(unit.getText(), text);

    await vscode.commands.executeCommand('unitguard.applyReportFix', unit.uri.toString(), line, title);
    await waitFor(`the unit to hold ${added.join(', ')}`, () => added.every((a) => unit.getText().split(/\r?\n/).includes(a)) || undefined);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), unit.uri.toString());
  });
});
