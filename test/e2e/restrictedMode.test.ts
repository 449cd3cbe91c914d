/**
 * Restricted Mode in real VS Code (code-server driven by Chromium, with workspace trust on): in a
 * folder not yet trusted the exposure lens is made of the open unit alone (its drop-in and the
 * `.unitguardrc` next to it are not read) and says Restricted Mode; trusting the folder from the
 * Workspace Trust editor brings the drop-in and the `.unitguardrc` in, without a restart.
 *
 * Run with `npm run test:e2e` (it packages unitguard.vsix first).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, DEFAULT_SETTINGS } from '../../server/src/core';
import { securityLens } from '../../server/src/core/features/securityLens';
import { startEditorSession, type EditorSession } from './support/session';
import { packagedVsix, repoRoot } from './support/tools';

const LENS_DIR = path.join(repoRoot, 'test', 'fixtures', 'security', 'lens');
const unitText = readFileSync(path.join(LENS_DIR, 'web.service'), 'utf8');
const dropInText = readFileSync(path.join(LENS_DIR, 'web.service.d', '50-harden.conf'), 'utf8');
const RC_VERSION = 252;

describe('Restricted Mode in VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: EditorSession;

  before(
    async () => {
      session = await startEditorSession({
        suite: 'e2e-restricted',
        files: { 'web.service': unitText, 'web.service.d/50-harden.conf': dropInText, '.unitguardrc': `systemd-version = ${RC_VERSION}\n` },
        extensions: [packagedVsix()],
        workspaceTrust: true,
        // The folder opens untrusted, without the dialog that asks.
        settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' },
      });
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  const lensTitle = async (): Promise<string | undefined> => (await session.workbench.codeLenses()).find((l) => l.text.startsWith('Exposure'))?.text;

  test('untrusted: the lens is the open unit alone, for the editor release, and says Restricted Mode', async () => {
    const { workbench } = session;
    const expected = securityLens(createUnitDocument('file:///web.service', unitText), {}, { ...DEFAULT_SETTINGS, restrictedMode: true })?.title;
    assert.ok(expected?.endsWith(' · Restricted Mode'), `core title: ${expected}`);
    await workbench.openFile('web.service');
    await workbench.goToLine(unitText.split('\n').indexOf('[Service]') + 1);
    await workbench.waitFor(`the lens "${expected}"`, async () => (await lensTitle()) === expected || undefined);
    await workbench.screenshot('restricted lens');
  });

  test('trusting the folder reads the drop-in and the .unitguardrc, and the lens follows', async () => {
    const { workbench, page, workspace } = session;
    const dropIn = createUnitDocument(pathToFileURL(path.join(workspace, 'web.service.d', '50-harden.conf')).href, dropInText);
    const expected = securityLens(createUnitDocument(pathToFileURL(path.join(workspace, 'web.service')).href, unitText), { dropIns: [dropIn] }, { systemdVersion: RC_VERSION })?.title;
    assert.ok(expected && !expected.includes('Restricted Mode'), `core title: ${expected}`);
    // The Restricted Mode item of the status bar opens the Workspace Trust editor.
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().click();
    const trust = page.getByRole('button', { name: 'Trust', exact: true }).first();
    await trust.waitFor({ state: 'visible', timeout: 20_000 });
    await trust.click();
    await workbench.openFile('web.service');
    await workbench.goToLine(unitText.split('\n').indexOf('[Service]') + 1);
    await workbench.waitFor(`the lens "${expected}"`, async () => (await lensTitle()) === expected || undefined);
    await workbench.screenshot('trusted lens');
  });
});
