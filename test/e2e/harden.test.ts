/**
 * Hardening a service in real VS Code (code-server driven by Chromium): "UnitGuard: Harden this
 * service…" asks for a level, lists the plan's settings with checkboxes and what each may break,
 * and writes the settings left checked into the unit under a comment; the saved file is the one
 * the core plans for those settings.
 *
 * Run with `npm run test:e2e` (it packages unitguard.vsix first).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createUnitDocument, DEFAULT_SETTINGS, planHardening, settingKey } from '../../server/src/core';
import { startEditorSession, type EditorSession } from './support/session';
import { packagedVsix, repoRoot } from './support/tools';

const example = readFileSync(path.join(repoRoot, 'examples', 'nftables.service'), 'utf8');

describe('hardening a service in VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({ suite: 'e2e-harden', files: { 'harden.service': example }, extensions: [packagedVsix()] });
  }, { timeout: 180_000 });

  after(async () => {
    await session?.close();
  });

  test('the command lists the plan with checkboxes and writes the settings left checked', async () => {
    const { workbench, page } = session;
    const plan = planHardening(createUnitDocument('file:///harden.service', example), DEFAULT_SETTINGS, [], { level: 'standard' });
    assert.ok(plan.settings.length > 2, 'the core plans too little for the example');
    const dropped = plan.settings[1];
    assert.ok(dropped);
    const kept = plan.settings.filter((s) => s !== dropped).map(settingKey);
    const expected = planHardening(createUnitDocument('file:///harden.service', example), DEFAULT_SETTINGS, [], { level: 'standard', only: kept }).after;

    await workbench.openFile('harden.service');
    await workbench.runCommand('UnitGuard: Harden this service…');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    // The level: standard comes first.
    await workbench.waitFor('the level pick', async () => (await rows.filter({ hasText: 'standard' }).count()) > 0 || undefined);
    await page.keyboard.press('Enter');
    // The settings, every one checked, each with what it may break.
    const labels = await workbench.waitFor('the settings with checkboxes', async () => {
      const texts = await rows.allTextContents();
      return texts.some((t) => t.includes(settingKey(dropped))) ? texts : undefined;
    });
    assert.ok(labels.some((t) => t.includes('May break:')), labels.join(' | '));
    const title = await page.locator('.quick-input-title').textContent();
    assert.match(title ?? '', /^Harden \(standard\): exposure [0-9]+\.[0-9] → [0-9]+\.[0-9]$/);
    await workbench.screenshot('harden settings');
    // Uncheck the second setting from the keyboard, then accept with OK.
    assert.equal(labels.findIndex((t) => t.includes(settingKey(dropped))), 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await workbench.waitFor(`the focus on ${settingKey(dropped)}`, async () => (await rows.filter({ hasText: settingKey(dropped) }).and(page.locator('.focused')).count()) > 0 || undefined);
    await page.keyboard.press('Space');
    const count = `${plan.settings.length - 1} Selected`;
    await workbench.waitFor(`"${count}"`, async () => (await page.locator('.quick-input-count').textContent())?.includes(count) || undefined);
    await page.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).click();
    // Where: into the unit comes first.
    await workbench.waitFor('the place pick', async () => (await rows.filter({ hasText: 'Into the unit' }).count()) > 0 || undefined);
    await page.keyboard.press('Enter');
    await workbench.waitFor('the comment in the editor', async () => (await workbench.visibleEditorLines()).some((l) => l.startsWith('# Hardening (unitguard harden --level standard)')) || undefined);
    const message = await workbench.waitFor('the message', async () => (await workbench.notifications()).find((m) => m.includes('settings written')));
    assert.match(message, new RegExp(`^UnitGuard: ${kept.length} settings written, exposure `));
    await workbench.screenshot('harden written');
    await page.keyboard.press('Control+S');
    const file = path.join(session.workspace, 'harden.service');
    const saved = await workbench.savedText(file, example, '# Hardening (unitguard harden --level standard)');
    assert.equal(saved, expected);
    assert.ok(!saved.includes(`\n${settingKey(dropped)}\n`), `${settingKey(dropped)} was unchecked`);
  });
});
