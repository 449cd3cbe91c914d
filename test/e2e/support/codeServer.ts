/**
 * Starts and stops code-server (the VS Code workbench served to a browser) for a test run:
 * fresh user-data and extensions folders, seeded user settings, XDG folders kept out of $HOME,
 * its own process group so that stopping it ends every process it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import type { EditorTools } from './tools';

/** User settings for a quiet first start: no welcome page, no AI features, no telemetry, no updates. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  // No fade-ins: screenshots show widgets fully drawn.
  'workbench.reduceMotion': 'on',
};

export interface CodeServerOptions {
  tools: EditorTools;
  /** The folder the workbench opens. */
  workspace?: string;
  /** Settings merged over quietSettings. */
  settings?: Record<string, unknown>;
  /** Extra code-server flags, e.g. ['--vscode-option', 'enable-smoke-test-driver']. */
  args?: string[];
  /** Workspace trust as VS Code has it (the folder starts untrusted); by default it is switched off. */
  workspaceTrust?: boolean;
  /** The .vsix files to install before starting. */
  extensions?: string[];
  startTimeoutMs?: number;
}

export interface CodeServer {
  /** The base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** host:port, as vscode-remote:// URIs name it. */
  authority: string;
  userDataDir: string;
  extensionsDir: string;
  /** Everything code-server printed so far. */
  output(): string;
  /** Ends the process group and removes the temp folders; safe to call twice. */
  stop(): Promise<void>;
}

/** Running code-servers: process group id -> temp folder. */
const live = new Map<number, string>();
/** Other temp folders to remove should the process end on a signal. */
const scratchDirs = new Set<string>();

/** Registers a temp folder for removal if the run is interrupted; returns a function that removes it now. */
export function scratchDir(dir: string): () => void {
  scratchDirs.add(dir);
  installExitHook();
  return () => {
    scratchDirs.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  };
}
let exitHookInstalled = false;

/** Kills the leftover process groups when the test process itself ends early. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const [pgid, root] of live) {
      killGroup(pgid, 'SIGKILL');
      if (!process.env.UNITGUARD_KEEP_TEMP) rmSync(root, { recursive: true, force: true });
    }
    if (!process.env.UNITGUARD_KEEP_TEMP) for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killAll);
  // A signal ends Node without 'exit' handlers: clean up, then end as the signal would.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (constants.signals[signal] ?? 1));
    });
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function toolEnv(tools: EditorTools, root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
    // The extension hosts put their IPC sockets in the temp folder: keep them inside root.
    TMPDIR: path.join(root, 'tmp'),
  };
}

/** Installs a packaged extension the way a user does: `code-server --install-extension x.vsix`. */
export function installExtension(tools: EditorTools, root: string, extensionsDir: string, vsix: string): string {
  const result = spawnSync(tools.node, [tools.codeServer, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: toolEnv(tools, root),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (status ${result.status}, ${result.error?.message ?? 'no spawn error'}):\n${output}`);
  }
  return output;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { tools } = options;
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const root = mkdtempSync(path.join(tmpdir(), 'unitguard-code-server-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...options.settings }, null, 2),
  );
  for (const vsix of options.extensions ?? []) installExtension(tools, root, extensionsDir, vsix);

  const args = [
    tools.codeServer,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.args ?? []),
    ...(options.workspace ? [options.workspace] : []),
  ];
  // detached: the child calls setsid(), so its pid is the id of a new process group.
  const child: ChildProcess = spawn(tools.node, args, {
    env: toolEnv(tools, root),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `code-server exited (${code ?? signal})`));
  child.on('error', (error) => (exited = `code-server did not start: ${error.message}`));
  const pgid = child.pid;
  if (pgid !== undefined) live.set(pgid, root);
  installExitHook();

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (pgid !== undefined) {
      killGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + 5_000;
      while (exited === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      killGroup(pgid, 'SIGKILL'); // whatever is left of the group (extension hosts, language servers)
      live.delete(pgid);
    }
    if (!process.env.UNITGUARD_KEEP_TEMP) rmSync(root, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + timeoutMs;
    let url: string | undefined;
    while (Date.now() < deadline && exited === undefined) {
      url ??= /HTTP server listening on (http:\/\/[^\s/]+)/.exec(output)?.[1];
      if (url && (await healthy(url))) {
        return { url, authority: new URL(url).host, userDataDir, extensionsDir, output: () => output, stop };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${exited ?? `code-server not healthy after ${timeoutMs} ms`}; output:\n${output}`);
  } catch (error) {
    await stop();
    throw error;
  }
}
