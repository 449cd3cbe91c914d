/**
 * Reviewing a hardening change in real VS Code (code-server driven by Chromium), as a reviewer
 * sees it: a `.patch` mail keeps the Diff language, its `+` lines get the unit's hover and the
 * file gets a lens with the exposure before → after; in a git repository the Source Control
 * diff of a changed unit shows its lens with the HEAD score, and the HEAD side adds no group to
 * the Problems panel. With UNITGUARD_SCREENSHOTS=update the screenshots go to docs/screenshots/.
 *
 * Run with `npm run test:e2e` (it packages unitguard.vsix first).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createUnitDocument, DEFAULT_SETTINGS } from '../../server/src/core';
import { securityLens } from '../../server/src/core/features/securityLens';
import { formatExposure } from '../../server/src/core/security';
import { startEditorSession, type EditorSession } from './support/session';
import { packagedVsix, repoRoot, updateReadmeScreenshots } from './support/tools';

const REVIEW = path.join(repoRoot, 'test', 'fixtures', 'review');
const patchText = readFileSync(path.join(REVIEW, 'nftables-hardening.patch'), 'utf8');
const unitText = readFileSync(path.join(REVIEW, 'nftables.service'), 'utf8');
const hardenedText = readFileSync(path.join(REVIEW, 'nftables.hardened.service'), 'utf8');

/** The screenshots the README shows: step screenshot -> docs/screenshots/<name>.png. */
const readmeShots = new Map<string, string>();

function git(args: string[], cwd: string): void {
  const result = spawnSync('git', ['-c', 'user.name=UnitGuard Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
}

describe('reviewing a change in VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({
      suite: 'e2e-review',
      // The patch applies to nftables.service as shipped; upstream/nftables.service is committed as
      // shipped and carries the thread's hardening in the working copy.
      files: { 'nftables.service': unitText, 'upstream/nftables.service': unitText, '0001-nftables.service-harden-the-service.patch': patchText },
      prepare: (workspace) => {
        git(['init', '-q'], workspace);
        git(['add', 'nftables.service', 'upstream/nftables.service'], workspace);
        git(['commit', '-q', '-m', 'nftables.service as shipped'], workspace);
        writeFileSync(path.join(workspace, 'upstream', 'nftables.service'), hardenedText);
      },
      extensions: [packagedVsix()],
      // VS Code draws no lenses in diff editors unless asked to.
      settings: { 'git.enabled': true, 'security.workspace.trust.enabled': false, 'diffEditor.codeLens': true },
      viewport: { width: 1400, height: 860 },
    });
  }, { timeout: 180_000 });

  after(async () => {
    await session?.close();
    updateReadmeScreenshots(readmeShots);
  });

  test('a patch mail: Diff language, the lens with the exposure change, the unit docs on a + line', async () => {
    const { workbench } = session;
    const before = securityLens(createUnitDocument('file:///nftables.service', unitText), {}, DEFAULT_SETTINGS);
    const afterPatch = securityLens(createUnitDocument('file:///nftables.service', hardenedText), {}, DEFAULT_SETTINGS);
    assert.ok(before?.exposure !== undefined && afterPatch?.exposure !== undefined);
    await workbench.openFile('0001-nftables.service-harden-the-service.patch');
    await workbench.waitForLanguageMode('Diff');
    await workbench.goToLine(patchText.split('\n').indexOf('+ProtectSystem=strict') + 1);
    const lens = await workbench.waitFor('the patch lens', async () => (await workbench.codeLenses()).find((l) => l.text.startsWith('nftables.service: exposure')));
    // The old side is the workspace's file, not the hunks alone.
    assert.ok(lens.text.startsWith(`nftables.service: exposure ${formatExposure(before.exposure)} → ${formatExposure(afterPatch.exposure)}`), lens.text);
    assert.doesNotMatch(lens.text, /hunks only/);
    const hover = await workbench.hover('+ProtectSystem=strict', 'ProtectSystem');
    assert.match(hover, /ProtectSystem=/);
    readmeShots.set('review-patch', await workbench.screenshot('patch hover and lens'));
    await workbench.dismissHover();
  });

  test('the Source Control diff: the lens says the HEAD score, the HEAD side adds no problems', async () => {
    const { workbench } = session;
    const now = securityLens(createUnitDocument('file:///nftables.service', hardenedText), {}, DEFAULT_SETTINGS);
    const head = securityLens(createUnitDocument('file:///nftables.service', unitText), {}, DEFAULT_SETTINGS);
    assert.ok(now?.exposure !== undefined && head?.exposure !== undefined);
    // The folder first, then its unit (the row one level below the folder's).
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'upstream' }).first().click();
    await workbench.page.locator('.explorer-folders-view .monaco-list-row[aria-level="2"]', { hasText: 'nftables.service' }).first().click();
    await workbench.waitFor('the editor of upstream/nftables.service', async () => (await workbench.page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.startsWith('nftables.service') || undefined);
    // Two commands share the title "Git: Open Changes": the one that opens this file's diff is git.openChange.
    await workbench.page.keyboard.press('F1');
    await workbench.page.locator('.quick-input-widget input').fill('>Git: Open Changes');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'git.openChange' }).first().click();
    await workbench.waitFor('the diff editor', async () => (await workbench.page.locator('.monaco-diff-editor').count()) > 0 || undefined);
    const headScore = `(HEAD ${formatExposure(head.exposure)})`;
    const lens = await workbench.waitFor(
      `a lens with ${headScore}`,
      async () => (await workbench.page.locator('.monaco-diff-editor .codelens-decoration').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trim()).find((t) => t.endsWith(headScore)),
      90_000,
    );
    assert.equal(lens, `${now.title} ${headScore}`);
    await workbench.showProblems();
    const problems = await workbench.waitFor('the working copy in the Problems panel', async () => {
      const list = await workbench.problems();
      return list.length > 0 ? list : undefined;
    });
    // One group for the unit: the read-only HEAD side publishes nothing.
    const groups = await workbench.page.locator('.markers-panel .monaco-list-row[aria-level="1"] .label-name').allTextContents();
    assert.equal(groups.filter((g) => g.trim() === 'nftables.service').length, 1, `groups: ${groups.join(', ')}`);
    assert.ok(problems.length > 0);
    readmeShots.set('review-diff', await workbench.screenshot('source control diff with the HEAD score'));
  });
});
