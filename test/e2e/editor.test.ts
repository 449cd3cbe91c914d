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
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cliDiagnostics } from './support/cliOracle';
import { startEditorSession, type EditorSession } from './support/session';
import { packagedVsix, repoRoot } from './support/tools';

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

/** Screenshots the README shows: step screenshot -> docs/screenshots/<name>.png. */
const readmeShots = new Map<string, string>();
function keepForReadme(shot: string, name: string): void {
  readmeShots.set(name, shot);
}

describe('UnitGuard in VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: EditorSession;

  before(async () => {
    session = await startEditorSession({
      suite: 'e2e',
      files: { 'nftables.service': example, 'malformed.service': malformed, 'typing.service': typing },
      extensions: [packagedVsix()],
      settings: { 'outline.collapseItems': 'alwaysExpand' },
    });
  }, { timeout: 180_000 });

  after(async () => {
    await session?.close();
    if (process.env.UNITGUARD_SCREENSHOTS === 'update' && readmeShots.size > 0) {
      const docs = path.join(repoRoot, 'docs', 'screenshots');
      mkdirSync(docs, { recursive: true });
      for (const [name, shot] of readmeShots) copyFileSync(shot, path.join(docs, `${name}.png`));
    }
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
});
