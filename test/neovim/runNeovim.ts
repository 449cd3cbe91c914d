/**
 * Runs Neovim headless with test/neovim/init.lua against the built language
 * server and returns what its LSP client saw. Suites describe the run as a
 * list of steps (see init.lua); later checks add completion, hover or code
 * action requests as further steps.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const initLua = path.join(repoRoot, 'test', 'neovim', 'init.lua');
export const serverScript = path.join(repoRoot, 'bin', 'unitguard-language-server.js');

export type NeovimStep =
  | { name: string; kind: 'diagnostics' }
  | { name: string; kind: 'request'; method: string; params?: Record<string, unknown>; withDiagnostics?: boolean }
  | { name: string; kind: 'resolve'; from: string; label: string }
  | { name: string; kind: 'omni'; from: string; prefix: string }
  | { name: string; kind: 'edit'; start: number; end: number; lines: string[] }
  | { name: string; kind: 'stop' };

export interface NeovimRun {
  /** The nvim exit code (0 after qall, 1 after cquit 1). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The result file init.lua wrote (undefined when it wrote none). */
  results?: {
    ok: boolean;
    error?: string;
    filetype?: string;
    uri?: string;
    initializeResult?: Record<string, unknown>;
    steps: Record<string, unknown>;
  };
}

/** The nvim version line, or undefined when nvim is not installed. */
export function neovimVersion(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  return probe.stdout.split('\n')[0];
}

/**
 * Opens `fixture` (copied into a temp folder as `fileName`) in headless
 * Neovim and runs the steps. The run is bounded by `timeoutMs` inside Neovim
 * and by a kill a little later from here.
 */
export async function runNeovim(fixture: string, fileName: string, steps: NeovimStep[], timeoutMs = 20_000): Promise<NeovimRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitguard-nvim-'));
  try {
    const workspace = path.join(dir, 'workspace');
    const file = path.join(workspace, fileName);
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(fixture, file);
    const output = path.join(dir, 'results.json');
    const planPath = path.join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify({ cmd: [process.execPath, serverScript, '--stdio'], rootDir: workspace, output, timeoutMs, steps }));
    const env: NodeJS.ProcessEnv = { ...process.env, UNITGUARD_NVIM_PLAN: planPath };
    for (const name of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME']) env[name] = path.join(dir, name.toLowerCase());
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', initLua, file], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 10_000);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    clearTimeout(killer);
    const results = existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as NeovimRun['results']) : undefined;
    return { exitCode, stdout, stderr, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Neovim encodes an empty Lua table as {}: turn empty objects back into the
 * empty arrays they were (only use it on values made of arrays and non-empty
 * objects, such as symbol trees).
 */
export function emptyObjectsAsArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptyObjectsAsArrays);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [];
    return Object.fromEntries(entries.map(([k, v]) => [k, emptyObjectsAsArrays(v)]));
  }
  return value;
}
