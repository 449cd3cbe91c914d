/**
 * `.unitguardrc` in real VS Code (code-server driven by Chromium): it opens in its own language,
 * its problems stand on their lines in the Problems panel, and hover says what a key means. With
 * UNITGUARD_SCREENSHOTS=update the screenshot goes to docs/screenshots/.
 *
 * Run with `npm run test:e2e` (it packages unitguard.vsix first).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRcText } from '../../server/src/core/config/rcDiagnostics';
import { startEditorSession, type EditorSession } from './support/session';
import { packagedVsix, updateReadmeScreenshots } from './support/tools';

const RC = '# Settings for the units below this folder\nsystemd-version = 252\nrecommend = off\n\n[rules]\nbreakage = error\npath-blocked = loud\n';
const readmeShots = new Map<string, string>();

describe('.unitguardrc in VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({ suite: 'e2e-settings', files: { '.unitguardrc': RC, 'web.service': '[Service]\nExecStart=/usr/bin/web\n' }, extensions: [packagedVsix()] });
  }, { timeout: 180_000 });

  after(async () => {
    await session?.close();
    updateReadmeScreenshots(readmeShots);
  });

  test('its own language, its problems on their lines, hover on a key', async () => {
    const { workbench } = session;
    await workbench.clickInExplorer('.unitguardrc');
    await workbench.waitForLanguageMode('UnitGuard settings');
    await workbench.showProblems();
    const expected = checkRcText(RC);
    assert.equal(expected.length, 2, 'the core finds the typo and the bad level');
    const problems = await workbench.waitFor('the .unitguardrc problems', async () => {
      const list = (await workbench.problems()).filter((p) => p.file === '.unitguardrc');
      return list.length === expected.length ? list : undefined;
    });
    // The panel lists errors before warnings.
    const byLine = (a: [number, string], b: [number, string]): number => a[0] - b[0];
    assert.deepEqual(
      problems.map((p): [number, string] => [p.line, p.message]).sort(byLine),
      expected.map((d): [number, string] => [d.range.start.line + 1, d.message]).sort(byLine),
    );
    const hover = await workbench.hover('systemd-version = 252', 'systemd-version');
    assert.match(hover, /the systemd release the units target/);
    readmeShots.set('unitguardrc', await workbench.screenshot('unitguardrc problems and hover'));
  });
});
