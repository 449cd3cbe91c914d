/**
 * The packaged extension in real VS Code (code-server driven by Chromium), checked by what a
 * user sees: the language mode in the status bar, syntax colours, the Outline and the Problems
 * panel. Each step saves a screenshot in .test-output/e2e/; with UNITGUARD_SCREENSHOTS=update
 * the ones the README shows are copied to docs/screenshots/.
 *
 * Run with `npm run test:e2e` (it packages unitguard.vsix first). Needs the editor tools:
 * scripts/editor-tools.sh.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, createUnitDocument, diagnoseWithFixes, DEFAULT_SETTINGS } from '../../server/src/core';
import { exposureText, scoreOf, securityLens, securityModel } from '../../server/src/core/features/securityLens';
import { formatExposure } from '../../server/src/core/security';
import { directiveRow } from '../../server/src/core/kb';
import { directiveDoc } from '../../server/src/core/kb/docs';
import { cliDiagnostics } from './support/cliOracle';
import { startEditorSession, type EditorSession } from './support/session';
import { packagedVsix, repoRoot, updateReadmeScreenshots } from './support/tools';

interface Manifest {
  publisher: string;
  name: string;
  version: string;
  contributes: { languages: Array<{ id: string; aliases: string[] }> };
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const unitLanguage = manifest.contributes.languages.find((language) => language.id === 'systemd-unit');
const example = readFileSync(path.join(repoRoot, 'examples', 'nftables.service'), 'utf8');
const malformedFixture = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'malformed.service');
const malformed = readFileSync(malformedFixture, 'utf8');
/** A unit being written: the last line is the start of a key. */
const typing = '[Unit]\nDescription=Half-written unit\n\n[Service]\nExec';

const fixtures = path.join(repoRoot, 'test', 'e2e', 'fixtures');
/** A [Service] to harden: the fixture ends in a half-typed key, which the test types itself. */
const hardening = readFileSync(path.join(fixtures, 'completion-directive.service'), 'utf8').replace(/^Prot\n/m, '');
/** SystemCallFilter= without SystemCallArchitectures=: a hardening pair with a quick fix. */
const syscallFilter = readFileSync(path.join(fixtures, 'syscall-filter.service'), 'utf8');
/** A notify service whose hardening patch left AF_UNIX out, with an old setting name besides. */
const notify = readFileSync(path.join(fixtures, 'notify.service'), 'utf8');
const protectSystemDoc = directiveDoc('ProtectSystem');
const protectSystemUrl = directiveRow('ProtectSystem', 'Service')?.url;

/** Screenshots the README shows: step screenshot -> docs/screenshots/<name>.png. */
const readmeShots = new Map<string, string>();
function keepForReadme(shot: string, name: string): void {
  readmeShots.set(name, shot);
}

/**
 * What the exposure report must show for the example, from the core: SystemCallFilter= without
 * SystemCallArchitectures= fails that check, and the hardening pair's quick fix lowers it.
 */
function exposureExpectations() {
  const document = createUnitDocument('file:///nftables.service', example);
  const model = securityModel(document);
  const score = model && scoreOf(model, DEFAULT_SETTINGS);
  assert.ok(score?.ok, 'the core does not score the example');
  const checkId = 'SystemCallArchitectures=';
  const check = score.tests.find((candidate) => candidate.id === checkId);
  assert.ok(check?.scored && (check.badness ?? 0) > 0 && check.exposure > 0, `${checkId} does not fail for the example`);
  const fix = diagnoseWithFixes(document, DEFAULT_SETTINGS).flatMap((d) => d.fixes ?? []).find((candidate) => candidate.title.startsWith('Add SystemCallArchitectures=native'));
  assert.ok(fix, 'the core offers no fix that adds SystemCallArchitectures=native');
  const failing = score.tests.filter((t) => t.scored && (t.badness ?? 0) > 0).length;
  return { check, checkId, fix, failing, serviceLine: example.split('\n').indexOf('[Service]') + 1 };
}

describe('UnitGuard in VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({
      suite: 'e2e',
      files: {
        'nftables.service': example,
        'malformed.service': malformed,
        'typing.service': typing,
        'hardening.service': hardening,
        'syscall-filter.service': syscallFilter,
        'notify.service': notify,
      },
      extensions: [packagedVsix()],
      settings: { 'outline.collapseItems': 'alwaysExpand' },
    });
  }, { timeout: 180_000 });

  after(async () => {
    await session?.close();
    updateReadmeScreenshots(readmeShots);
  });

  test('the packaged extension is installed in the extensions folder', () => {
    const installed = path.join(session.server.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    assert.ok(existsSync(path.join(installed, 'package.json')), `${installed} missing`);
    assert.ok(existsSync(path.join(installed, 'dist', 'server.js')), 'the bundled server is not installed');
  });

  test('a .service file opens in the systemd unit language mode', async () => {
    assert.ok(unitLanguage, 'package.json contributes no systemd-unit language');
    const alias = unitLanguage.aliases[0];
    assert.equal(alias, 'systemd Unit');
    await session.workbench.clickInExplorer('nftables.service');
    const mode = await session.workbench.waitForLanguageMode(alias);
    assert.equal(mode, alias);
    await session.workbench.screenshot('language mode');
  });

  test('a section header, a key and a comment get their own colours', async () => {
    const { workbench } = session;
    const plain = { color: await workbench.editorForeground() };
    // Tokenizing runs after the first paint: wait until the key no longer shows in plain colour.
    const key = await workbench.waitFor('the grammar to colour the keys', async () => {
      const style = await workbench.tokenStyle('Description=nftables', 'Description');
      return style.color !== plain.color ? style : undefined;
    });
    const sectionName = await workbench.tokenStyle('[Service]', 'Service');
    const comment = await workbench.tokenStyle('# Hardening proposed for nftables.service', 'Hardening');
    const shot = await workbench.screenshot('syntax colours');
    keepForReadme(shot, 'syntax-colours');

    const cases: Array<[string, string, string]> = [
      ['section name', sectionName.color, plain.color],
      ['key', key.color, plain.color],
      ['comment', comment.color, plain.color],
      ['section name vs key', sectionName.color, key.color],
      ['comment vs key', comment.color, key.color],
    ];
    for (const [what, a, b] of cases) assert.notEqual(a, b, `${what}: both ${a}`);
  });

  test('the Outline lists the sections in file order', async () => {
    const { workbench } = session;
    const headers = example.split('\n').filter((line) => /^\[[^\]]+\]\s*$/.test(line)).map((line) => line.trim());
    assert.ok(headers.length >= 3, 'the example has fewer sections than expected');
    // Give the Outline the whole side bar; the settings make its tree come up expanded.
    await workbench.setExplorerFoldersExpanded(false);
    const expanded = await workbench.showOutline((items) => items.some((item) => item.level === 2));
    const unit = expanded.findIndex((item) => item.level === 1 && item.label === headers[0]);
    assert.ok(unit >= 0, `no ${headers[0]} in ${JSON.stringify(expanded)}`);
    const firstKey = expanded[unit + 1];
    assert.deepEqual([firstKey?.label, firstKey?.level], ['Description', 2], 'the first key of [Unit] is not listed under it');
    keepForReadme(await workbench.screenshot('outline'), 'outline');

    const top = await workbench.outlineTopLevel((items) => items.length === headers.length);
    assert.deepEqual(top.map((item) => item.label), headers);
  });

  test('the malformed line shows in the Problems panel with its message', async () => {
    const { workbench } = session;
    const expected = cliDiagnostics(repoRoot, malformedFixture);
    const missingEquals = expected.find((diagnostic) => diagnostic.code === 'missing-equals');
    assert.ok(missingEquals, `the CLI reports no missing-equals for the fixture: ${JSON.stringify(expected)}`);
    assert.equal(missingEquals.range.start.line, malformed.split('\n').indexOf('Nice 10'));

    await workbench.openFile('malformed.service');
    await workbench.showProblems();
    const problems = await workbench.waitFor('the Problems panel to list the malformed line', async () => {
      const listed = (await workbench.problems()).filter((problem) => problem.file === 'malformed.service');
      return listed.length >= expected.length ? listed : undefined;
    });
    await workbench.screenshot('problems');

    const shown = problems.find((problem) => problem.message === missingEquals.message);
    assert.ok(shown, `no problem with the message "${missingEquals.message}" in ${JSON.stringify(problems)}`);
    assert.equal(shown.severity, missingEquals.severity);
    assert.equal(shown.source, 'unitguard');
    assert.match(shown.code, new RegExp(`\\b${missingEquals.code}\\b`));
    assert.equal(shown.line, missingEquals.range.start.line + 1);
    assert.equal(shown.column, missingEquals.range.start.character + 1);
    assert.deepEqual(
      problems.map((problem) => problem.message).sort(),
      expected.map((diagnostic) => diagnostic.message).sort(),
      'the Problems panel lists other problems than the CLI',
    );
  });

  test('hovering the squiggle of the malformed line shows its message', async () => {
    const { workbench } = session;
    const [missingEquals] = cliDiagnostics(repoRoot, malformedFixture).filter((diagnostic) => diagnostic.code === 'missing-equals');
    assert.ok(missingEquals);
    const text = await workbench.hover('Nice 10', 'Nice');
    keepForReadme(await workbench.screenshot('hover on the malformed line'), 'problems');
    assert.ok(text.includes(missingEquals.message), `the hover shows: ${text}`);
  });

  test('Ctrl+Space at the start of a key offers the keys of its section from the server', async () => {
    const { workbench } = session;
    await workbench.openFile('typing.service');
    const lines = typing.split('\n');
    const labels = await workbench.triggerSuggest(lines.length);
    keepForReadme(await workbench.screenshot('suggestions'), 'suggestions');
    // Word-based suggestions could only offer words of the file; ExecStart is not one of them.
    assert.ok(!typing.includes('ExecStart'));
    assert.ok(labels.includes('ExecStart'), `suggestions: ${labels.join(', ')}`);
  });

  test('typing Prot in [Service] pops up ProtectSystem with its docs, and accepting it offers the values', async () => {
    const { workbench } = session;
    assert.ok(protectSystemDoc && protectSystemUrl, 'the knowledge base has no ProtectSystem docs');
    assert.ok(!hardening.includes('ProtectSystem'), 'the file already mentions ProtectSystem');
    await workbench.openFile('hardening.service');
    const lines = hardening.split('\n');
    await workbench.goToLine(lines.findIndex((line) => line.startsWith('ExecStart=')) + 1);
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Enter');
    await workbench.typeInEditor('Prot');

    // No Ctrl+Space: the widget must open from the keystrokes alone.
    await workbench.waitForSuggestions('ProtectSystem', (offered) => offered.includes('ProtectSystem'));
    const details = await workbench.suggestionDetails('ProtectSystem');
    keepForReadme(await workbench.screenshot('completion'), 'completion');
    assert.ok(details.includes(protectSystemDoc.summary), `the details of ProtectSystem show: ${details}`);

    await workbench.page.keyboard.press('Enter');
    const values = await workbench.waitForSuggestions('the values of ProtectSystem=', (offered) => offered.includes('strict'));
    await workbench.screenshot('value completion');
    assert.ok((await workbench.visibleEditorLines()).includes('ProtectSystem='), 'the accepted item did not write ProtectSystem=');
    for (const value of ['yes', 'full', 'strict']) assert.ok(values.includes(value), `values offered: ${values.join(', ')}`);
    await workbench.page.keyboard.press('Escape');
  });

  test('hovering ProtectSystem shows its docs and the man page link', async () => {
    const { workbench } = session;
    assert.ok(protectSystemDoc && protectSystemUrl, 'the knowledge base has no ProtectSystem docs');
    await workbench.openFile('nftables.service');
    const text = await workbench.hover('ProtectSystem=strict', 'ProtectSystem');
    const links = await workbench.hoverLinks();
    keepForReadme(await workbench.screenshot('hover'), 'hover');
    assert.ok(text.includes(protectSystemDoc.summary), `the hover shows: ${text}`);
    assert.ok(text.includes('systemd.exec(5)'), `the hover names no man page: ${text}`);
    assert.ok(links.includes(protectSystemUrl), `hover links: ${JSON.stringify(links)}`);
    await workbench.dismissHover();
  });

  test('the light bulb on SystemCallFilter= offers to add SystemCallArchitectures=native, and choosing it adds the line', async () => {
    const { workbench } = session;
    const wanted = 'Add SystemCallArchitectures=native';
    const original = syscallFilter.split('\n');
    const filterLine = original.findIndex((line) => line.startsWith('SystemCallFilter='));
    assert.ok(filterLine >= 0 && !syscallFilter.includes('SystemCallArchitectures'));
    // What the file must read afterwards: the core's own fix, applied to the text.
    const pair = diagnoseWithFixes(createUnitDocument('file:///syscall-filter.service', syscallFilter), DEFAULT_SETTINGS).find((d) => d.fixes?.some((fix) => fix.title.startsWith(wanted)));
    const fix = pair?.fixes?.find((candidate) => candidate.title.startsWith(wanted));
    assert.ok(pair && fix, `the core offers no "${wanted}" for the fixture`);
    // The title says how much the fix lowers the exposure score: "Add ... (−0.2)".
    const title = fix.title;
    assert.match(title, / \(−[0-9]+\.[0-9]\)$/);
    const expected = applyEdits(syscallFilter, fix.edits);

    await workbench.openFile('syscall-filter.service');
    // The panel draws only the rows in view: show this file's problems alone.
    await workbench.showProblems('syscall-filter.service');
    await workbench.waitFor('the pair in the Problems panel', async () =>
      (await workbench.problems()).some((problem) => problem.file === 'syscall-filter.service' && problem.message === pair.message),
    );
    await workbench.goToLine(filterLine + 1);
    const bulb = await workbench.waitFor('the light bulb on the SystemCallFilter= line', () => workbench.lightBulb());
    // The fix takes a permission away (32-bit calls), so it is a review fix: never the auto-fix one, and its title says so.
    assert.equal(bulb.autoFix, false, 'a review fix must not be the preferred (auto-fix) one');
    assert.equal(fix.risk, 'review');
    const titles = await workbench.quickFixMenu(`${title} — review`, 'light bulb');
    keepForReadme(await workbench.screenshot('quick fix'), 'quick-fix');
    assert.ok(titles.includes(`${title} — review`), `the menu lists: ${titles.join(' | ')}`);

    await workbench.chooseQuickFix(`${title} — review`);
    const shown = await workbench.waitFor('the editor to show the added line', async () => {
      const lines = await workbench.visibleEditorLines();
      return lines.includes('SystemCallArchitectures=native') ? lines : undefined;
    });
    const service = shown.indexOf('[Service]');
    const added = shown.indexOf('SystemCallArchitectures=native');
    const install = shown.indexOf('[Install]');
    assert.ok(service >= 0 && service < added && added < install, `the line is not in [Service]: ${JSON.stringify(shown)}`);
    await workbench.screenshot('quick fix applied');

    await workbench.page.keyboard.press('Control+S');
    const file = path.join(session.workspace, 'syscall-filter.service');
    const saved = await workbench.savedText(file, syscallFilter, 'SystemCallArchitectures=native');
    assert.equal(saved, expected);
    await workbench.waitFor('the pair to leave the Problems panel', async () =>
      !(await workbench.problems()).some((problem) => problem.file === 'syscall-filter.service' && problem.message === pair.message),
    );
  });

  test('a notify service without AF_UNIX shows a breakage warning naming its evidence; Fix All applies the safe fix, leaves the review fix and says so', async () => {
    const { workbench } = session;
    const found = diagnoseWithFixes(createUnitDocument('file:///notify.service', notify), DEFAULT_SETTINGS);
    const breakage = found.find((d) => d.code === 'notify-socket-blocked');
    assert.ok(breakage, `the core finds no breakage in the fixture: ${found.map((d) => d.code).join(', ')}`);
    assert.equal(breakage.severity, 'warning');
    assert.match(breakage.message, /Type=notify \(line 5\)/);
    assert.deepEqual(breakage.fixes?.map((f) => f.risk), ['review']);
    const safe = found.flatMap((d) => (d.fixes ?? []).filter((f) => f.risk === 'safe'));
    assert.deepEqual(safe.map((f) => f.title), ['Move StartLimitBurst= to [Unit]'], 'the fixture has one safe fix');
    const left = found.filter((d) => d.fixes?.some((f) => f.risk === 'review')).length;

    await workbench.openFile('notify.service');
    await workbench.showProblems('notify.service');
    const shown = await workbench.waitFor('the breakage warning in the Problems panel', async () =>
      (await workbench.problems()).find((problem) => problem.file === 'notify.service' && problem.message === breakage.message),
    );
    assert.equal(shown.severity, 'warning');
    assert.match(shown.code, /notify-socket-blocked/);
    assert.equal(shown.line, breakage.range.start.line + 1);
    keepForReadme(await workbench.screenshot('breakage warning'), 'breakage-warning');

    await workbench.runCommand('Fix All');
    const message = `UnitGuard: 1 safe fix applied, ${left} left for review (they change what the service may do; see the light bulb on their lines).`;
    await workbench.waitFor('the fix-all notification', async () => (await workbench.notifications()).includes(message) || undefined);
    const lines = await workbench.waitFor('the safe fix in the editor', async () => {
      const visible = await workbench.visibleEditorLines();
      return visible.indexOf('StartLimitBurst=5') === 2 ? visible : undefined;
    });
    keepForReadme(await workbench.screenshot('fix all'), 'fix-all');
    assert.ok(lines.includes('RestrictAddressFamilies=AF_INET AF_INET6'), 'the review fix (allow AF_UNIX) must be left for the reviewer');
    // The warning stays (its message now names Type=notify on its new line).
    await workbench.waitFor('the breakage warning to stay', async () =>
      (await workbench.problems()).some((problem) => problem.file === 'notify.service' && /notify-socket-blocked/.test(problem.code) && problem.message.startsWith('RestrictAddressFamilies=AF_INET AF_INET6 (line 8) leaves out AF_UNIX')) || undefined,
    );
    await workbench.page.keyboard.press('Control+S');
    // The toast would cover the next screenshots.
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.waitFor('the notifications to go', async () => (await workbench.notifications()).length === 0 || undefined);
  });

  test('the exposure score shows as a lens above [Service]', async () => {
    const { workbench } = session;
    const expected = securityLens(createUnitDocument('file:///nftables.service', example), {}, DEFAULT_SETTINGS);
    assert.ok(expected, 'the core gives the example no lens');
    await workbench.openFile('nftables.service');
    await workbench.goToLine(example.split('\n').indexOf('[Service]') + 1);
    const lens = await workbench.waitFor('the exposure lens', async () => (await workbench.codeLenses()).find((l) => l.text.startsWith('Exposure')));
    const header = await workbench.tokenStyle('[Service]', 'Service');
    keepForReadme(await workbench.screenshot('exposure lens'), 'exposure-lens');
    assert.equal(lens.text, expected.title);
    // A lens is drawn in the line's space above the text: just above the header, not a line higher.
    assert.ok(lens.y < header.box.y && header.box.y - lens.y < 2 * header.box.height, `lens at y=${lens.y}, [Service] at y=${header.box.y}`);
  });

  test('the exposure report opens beside the unit', async () => {
    const { workbench } = session;
    const { check, checkId, fix, failing } = exposureExpectations();

    await workbench.openFile('nftables.service');
    // The top of the unit in view, with the lens on [Service].
    await workbench.goToLine(1);
    const lens = await workbench.waitFor('the exposure lens', async () => (await workbench.codeLenses()).find((l) => l.text.startsWith('Exposure ')));
    // `Exposure 9.6 UNSAFE 😨 · systemd 262`: the score, then the release it is for.
    const shownTitle = lens.text.slice('Exposure '.length);
    const shownScore = shownTitle.split(' · ')[0] ?? shownTitle;
    // The unit and its report share the page half and half: the side bar and the Problems panel
    // make room, and the report gets a half-width editor of about 640 px.
    await workbench.page.setViewportSize({ width: 1280, height: 860 });
    await workbench.hidePanel();
    await workbench.hideSideBar();
    await workbench.runCommand('UnitGuard: Show Exposure Report');
    // The report opens as its own tab, beside the unit.
    const tab = await workbench.waitFor('the report tab', async () => {
      const labels = await workbench.page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
      return labels.find((label) => label.startsWith('Exposure: nftables.service'));
    });
    assert.match(tab, /^Exposure: nftables\.service/);
    assert.equal(await workbench.page.locator('.editor-group-container').count(), 2, 'the report did not open in an editor group of its own');
    await workbench.splitEditorGroups(0.5);
    await workbench.movePointerAway();

    // The report is a webview: wait until its content is rendered, shown and painted.
    const heading = `Exposure of nftables.service: ${shownTitle}`;
    const frame = await workbench.webviewShowing('the rendered exposure report', heading);
    const report = await workbench.renderedMarkdown(frame);
    const layout = await workbench.webviewLayout(frame, checkId);
    keepForReadme(await workbench.screenshot('exposure report'), 'exposure-report');

    // Half a window wide, nothing is off-screen: the rows are cards (the check and its exposure,
    // its description, then where and the quick fix under their names), and the failing checks
    // come first, the first one in view.
    assert.ok(layout.width > 450 && layout.width < 720, `the report is ${layout.width} px wide`);
    assert.ok(layout.scrollWidth <= layout.width, `the report scrolls sideways: ${layout.scrollWidth} px in ${layout.width}`);
    assert.deepEqual(layout.overflowing, [], 'cells reach past the right edge');
    assert.deepEqual(layout.labels, ['Exposure: ', 'Where: ', 'Quick fix: ']);
    assert.ok(layout.firstRowTop < layout.height / 2, `the first failing check starts at y=${layout.firstRowTop}, in the lower half of the ${layout.height} px page`);

    // The score is the lens's, with the target release, at the top and on the last line.
    assert.equal(report.heading, heading);
    assert.ok(report.paragraphs.includes(`Overall exposure level for nftables.service: ${shownScore}`), `paragraphs: ${JSON.stringify(report.paragraphs)}`);
    assert.ok(report.paragraphs.some((p) => p.startsWith(`${failing} failing, `)), `paragraphs: ${JSON.stringify(report.paragraphs)}`);
    assert.equal(report.rows.filter((row) => row.cells[0] === '✗').length, failing, 'the table lists another number of failing checks');
    // The failing check's row: what it is, its share of the score and the fix that lowers it.
    const row = report.rows.find((candidate) => candidate.cells[1] === checkId);
    assert.ok(row, `no ${checkId} row in ${JSON.stringify(report.rows.map((r) => r.cells[1]))}`);
    // Named as the light bulb names it: a review fix says so.
    const fixTitle = fix.risk === 'review' ? `${fix.title} — review` : fix.title;
    assert.deepEqual([...row.cells.slice(0, 4), row.cells[5]], ['✗', checkId, check.description, formatExposure(check.exposure), fixTitle]);
  });

  test('a failing check in the report links to the line where its setting goes', async () => {
    const { workbench } = session;
    const { checkId, serviceLine, fix } = exposureExpectations();
    const fixTitle = fix.risk === 'review' ? `${fix.title} — review` : fix.title;
    // The report the test before opened stays beside the unit; the cursor goes away from [Service]
    // so that following the link is seen to move it there.
    await workbench.goToLine(1);
    const frame = await workbench.webviewShowing('the rendered exposure report', checkId);
    const row = (await workbench.renderedMarkdown(frame)).rows.find((candidate) => candidate.cells[1] === checkId);
    assert.ok(row, `no ${checkId} row in the report`);
    const where = `[Service] at nftables.service:${serviceLine}`;
    assert.equal(row.cells[4], `not set: ${where}`);
    assert.deepEqual(row.links.map((link) => link.text), [where, fixTitle]);
    // The link runs the command that opens the unit at that line.
    const prefix = 'command:unitguard.openLine?';
    assert.ok(row.links[0].href.startsWith(prefix), row.links[0].href);
    const [target, line] = JSON.parse(decodeURIComponent(row.links[0].href.slice(prefix.length))) as [string, number];
    assert.match(target, /\/nftables\.service$/);
    assert.equal(line, serviceLine);

    // Following the link shows the unit with the cursor on the [Service] line.
    await workbench.clickWebviewLink(checkId, where);
    await workbench.waitFor(`the cursor on line ${serviceLine} of nftables.service`, async () => {
      const active = await workbench.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label', { timeout: 1_000 });
      const status = await workbench.statusText('status.editor.selection');
      return (active?.startsWith('nftables.service') && status?.startsWith(`Ln ${serviceLine},`)) || undefined;
    });
  });

  test("a failing check's quick fix in the report applies the language server's fix to the unit", async () => {
    const { workbench } = session;
    const { checkId, fix } = exposureExpectations();
    const fixTitle = fix.risk === 'review' ? `${fix.title} — review` : fix.title;
    const fixed = createUnitDocument('file:///nftables.service', applyEdits(example, fix.edits));
    const after = securityLens(fixed, {}, DEFAULT_SETTINGS);
    assert.ok(after?.exposure !== undefined, 'the core does not score the fixed example');
    const frame = await workbench.webviewShowing('the rendered exposure report', checkId);
    const row = (await workbench.renderedMarkdown(frame)).rows.find((candidate) => candidate.cells[1] === checkId);
    const link = row?.links.find((l) => l.text === fixTitle);
    assert.ok(link?.href.startsWith('command:unitguard.applyReportFix?'), `the quick fix is no link: ${JSON.stringify(row?.links)}`);

    await workbench.clickWebviewLink(checkId, fixTitle);
    // The unit holds the line the fix adds, and the report is redrawn with the lower score.
    const added = fix.edits.map((edit) => edit.newText.trim()).filter(Boolean);
    await workbench.waitFor(`the unit to hold ${added.join(', ')}`, async () => {
      const lines = await workbench.visibleEditorLines();
      return added.every((text) => lines.some((line) => line.trim() === text)) || undefined;
    });
    const heading = `Exposure of nftables.service: ${exposureText(after.exposure)} · systemd ${DEFAULT_SETTINGS.systemdVersion}`;
    await workbench.webviewShowing('the report with the fixed score', heading);
  });
});
