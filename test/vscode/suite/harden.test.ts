/**
 * Hardening through the language client: the refactor action on `[Service]` of a copy of
 * examples/nftables.service carries the title and text of the core's standard plan, and the
 * "Harden this service…" command is registered.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createUnitDocument, DEFAULT_SETTINGS, planHardening } from '../../../server/src/core';
import { formatExposure } from '../../../server/src/core/security';
import { activeExtension, openInEditor, waitFor, workspaceFile } from './helpers';

suite('harden', () => {
  let unit: vscode.TextDocument;

  suiteSetup(async () => {
    await openInEditor('nftables.service');
    await activeExtension();
    const content = await vscode.workspace.fs.readFile(workspaceFile('nftables.service'));
    await vscode.workspace.fs.writeFile(workspaceFile('harden/harden-nftables.service'), content);
    unit = await openInEditor('harden/harden-nftables.service');
  });

  test('the action on [Service] writes the standard plan the core makes', async () => {
    const plan = planHardening(createUnitDocument(unit.uri.toString(), unit.getText(), unit.version), DEFAULT_SETTINGS, [], { level: 'standard' });
    assert.ok(plan.settings.length > 0 && plan.exposureBefore !== undefined && plan.exposureAfter !== undefined);
    const title = `Harden this service (standard): exposure ${formatExposure(plan.exposureBefore)} → ${formatExposure(plan.exposureAfter)}`;
    const line = unit.getText().split(/\r?\n/).indexOf('[Service]');
    const action = await waitFor(`the action "${title}"`, async () => {
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', unit.uri, new vscode.Range(line, 0, line, 0))) ?? [];
      return actions.find((a) => a.title === title);
    });
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)));
    assert.equal(unit.getText(), plan.after);
  });

  test('"UnitGuard: Harden this service…" is a command', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('unitguard.hardenService'));
  });
});
