/**
 * One end-to-end session: a workspace folder in a temp dir, a fresh code-server with the
 * packaged extension installed, Chromium showing the workbench on that folder. close() saves
 * code-server's output and the browser console next to the screenshots and ends everything.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { scratchDir, startCodeServer, type CodeServer } from './codeServer';
import { editorTools, testOutputDir } from './tools';
import { Workbench } from './workbench';

export interface SessionOptions {
  /** Names the output folder .test-output/<suite>/ (emptied first). */
  suite: string;
  /** The workspace folder's name, shown at the top of the Explorer (default "services"). */
  workspaceName?: string;
  /** Workspace files: relative path -> content. */
  files: Record<string, string>;
  /** Packaged extensions to install with --install-extension. */
  extensions: string[];
  settings?: Record<string, unknown>;
  /** Workspace trust as VS Code has it (the folder starts untrusted); by default it is switched off. */
  workspaceTrust?: boolean;
  viewport?: { width: number; height: number };
  /** Runs on the workspace folder once its files are written, before the editor starts (e.g. `git init`). */
  prepare?: (workspace: string) => void;
}

export interface EditorSession {
  server: CodeServer;
  browser: Browser;
  page: Page;
  workbench: Workbench;
  workspace: string;
  outputDir: string;
  close(): Promise<void>;
}

export async function startEditorSession(options: SessionOptions): Promise<EditorSession> {
  const tools = editorTools();
  const outputDir = testOutputDir(options.suite);
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const workspaceRoot = mkdtempSync(path.join(tmpdir(), 'unitguard-workspace-'));
  const workspace = path.join(workspaceRoot, options.workspaceName ?? 'services');
  for (const [relative, content] of Object.entries(options.files)) {
    mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
    writeFileSync(path.join(workspace, relative), content);
  }
  options.prepare?.(workspace);

  const cleanups: Array<() => Promise<void> | void> = [scratchDir(workspaceRoot)];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`cleanup failed: ${String(error)}\n`);
      }
    }
  };

  try {
    const server = await startCodeServer({ tools, workspace, extensions: options.extensions, settings: options.settings, workspaceTrust: options.workspaceTrust });
    cleanups.push(() => server.stop());
    cleanups.push(() => writeFileSync(path.join(outputDir, 'code-server.log'), server.output()));
    const browser = await launchChromium(tools);
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    cleanups.push(() => writeFileSync(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n') + '\n'));
    const workbench = await Workbench.open(page, server.url, workspace, outputDir);
    return { server, browser, page, workbench, workspace, outputDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
