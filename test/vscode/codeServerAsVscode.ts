/**
 * Stands in for the VS Code executable that @vscode/test-electron's runTests() starts: it takes
 * the desktop command line (--extensionDevelopmentPath=, --extensionTestsPath=, a folder; other
 * flags are accepted and ignored), runs the extension tests in code-server (the same workbench
 * and Node extension host), and exits with the tests' exit code.
 *
 * How: code-server starts with the smoke-test driver enabled; Chromium opens the workbench with
 * a `payload` naming the extension under development and the tests as vscode-remote URIs; when
 * the extension host finishes the tests, the workbench calls window.codeAutomationExit(code).
 * The extension host's console (the test reporter's output) is echoed to stdout.
 *
 * scripts/code-server-as-vscode.mjs is the executable wrapper around this module.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../e2e/support/browser';
import { scratchDir, startCodeServer } from '../e2e/support/codeServer';
import { editorTools, testOutputDir } from '../e2e/support/tools';

export interface DesktopArgs {
  extensionDevelopmentPaths: string[];
  extensionTestsPath?: string;
  folder?: string;
  ignored: string[];
}

/** Flags of the desktop executable that take a separate value when not written as --flag=value. */
const flagsWithValue = new Set(['--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir', '--locale', '--log']);

export function parseDesktopArgs(argv: string[]): DesktopArgs {
  const result: DesktopArgs = { extensionDevelopmentPaths: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) {
      if (result.folder === undefined) result.folder = path.resolve(arg);
      else result.ignored.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    let value = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (value === undefined && flagsWithValue.has(name) && i + 1 < argv.length) value = argv[++i];
    if (name === '--extensionDevelopmentPath' && value) result.extensionDevelopmentPaths.push(path.resolve(value));
    else if (name === '--extensionTestsPath' && value) result.extensionTestsPath = path.resolve(value);
    else result.ignored.push(value === undefined ? arg : `${name}=${value}`);
  }
  return result;
}

/** Strips the %c styling the workbench puts into console messages. */
function plainConsoleText(text: string): string {
  return text.replace(/%c/g, '').replace(/\s*color: [^\s;]+;?/g, '').replace(/\s*font-weight: [^\s;]+;?/g, '');
}

/** Marks the test reporter's lines in the extension host's console (passed in the environment). */
const testLogTag = '\u241fUNITGUARD-TEST\u241f';

export async function runAsVscode(argv: string[]): Promise<number> {
  const args = parseDesktopArgs(argv);
  if (!args.extensionTestsPath || args.extensionDevelopmentPaths.length === 0) {
    process.stderr.write('usage: code-server-as-vscode --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER] [other VS Code flags, ignored]\n');
    return 2;
  }
  const timeoutMs = Number(process.env.UNITGUARD_VSCODE_TIMEOUT_MS || 300_000);
  const tools = editorTools();
  const outputDir = testOutputDir('vscode');
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), 'unitguard-vscode-'));
  const cleanups: Array<() => unknown> = [scratchDir(scratch)];
  const consoleLines: string[] = [];
  try {
    const folder = args.folder ?? path.join(scratch, 'workspace');
    mkdirSync(folder, { recursive: true });
    if (args.ignored.length > 0) process.stdout.write(`code-server-as-vscode: ignoring ${args.ignored.join(' ')}\n`);

    process.env.UNITGUARD_TEST_LOG_TAG = testLogTag; // inherited by code-server and its extension host
    const server = await startCodeServer({ tools, workspace: folder, args: ['--vscode-option', 'enable-smoke-test-driver'] });
    cleanups.push(() => server.stop());
    cleanups.push(() => writeFileSync(path.join(outputDir, 'code-server.log'), server.output()));
    const browser = await launchChromium(tools);
    cleanups.push(() => browser.close());
    cleanups.push(() => writeFileSync(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n') + '\n'));

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(Number(code)));
    // The workbench's log, which carries the extension host's console: the suite's reporter
    // lines start with the tag (see test/vscode/suite/index.ts) and go to stdout.
    await page.exposeFunction('codeAutomationLog', (level: string, parts: unknown) => {
      const first = Array.isArray(parts) ? parts[0] : undefined;
      if (typeof first === 'string' && first.startsWith(testLogTag)) process.stdout.write(`${first.slice(testLogTag.length)}\n`);
      else consoleLines.push(`[workbench ${level}] ${JSON.stringify(parts)}`);
    });
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${plainConsoleText(message.text())}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    page.on('crash', () => {
      process.stderr.write('code-server-as-vscode: the browser page crashed\n');
      finish(1);
    });

    const remote = (file: string): string => `vscode-remote://${server.authority}${file}`;
    const payload = [
      ...args.extensionDevelopmentPaths.map((dir) => ['extensionDevelopmentPath', remote(dir)]),
      ['extensionTestsPath', remote(args.extensionTestsPath)],
    ];
    const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
    await page.goto(`${server.url}/?${query.toString()}`, { timeout: 60_000 });

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      process.stderr.write(`code-server-as-vscode: the tests did not finish within ${timeoutMs} ms\n`);
      await page.screenshot({ path: path.join(outputDir, 'timeout.png') }).catch(() => undefined);
      return 1;
    }
    process.stdout.write(`code-server-as-vscode: the extension host exited with code ${outcome}\n`);
    return outcome;
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`code-server-as-vscode: cleanup failed: ${String(error)}\n`);
      }
    }
  }
}
