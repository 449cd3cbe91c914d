/**
 * Asking git about a repository: a git process with its arguments as an array (no shell), a time
 * limit, no pager, no prompt and no external diff or text conversion, so that what a repository's
 * configuration says cannot run anything or wait for anyone.
 */
import { spawnSync } from 'node:child_process';

/** A git command that failed: the message says which and why. */
export class GitError extends Error {}

export interface GitOptions {
  /** The folder git runs in. */
  cwd: string;
  /** Milliseconds before the process is stopped (default 30 s). */
  timeoutMs?: number;
}

/** Output larger than this is refused (the files read are unit files and lists of them). */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Runs `git ARGS...` and gives its standard output; throws a GitError when it fails. */
export function runGit(args: readonly string[], options: GitOptions): Buffer {
  const result = spawnSync('git', ['--no-pager', '-c', 'core.quotepath=off', ...args], {
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: MAX_OUTPUT_BYTES,
    shell: false,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
  });
  const command = `git ${args.join(' ')}`;
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    if (code === 'ETIMEDOUT') throw new GitError(`${command} took too long and was stopped`);
    throw new GitError(`${command} failed: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const said = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new GitError(`${command} failed${said ? `: ${said}` : ''}`);
  }
  return result.stdout;
}

/** A revision as the user wrote it, refused when git could read it as an option. */
export function checkRevision(revision: string): string {
  if (revision === '' || revision.startsWith('-') || /[\s\0]/.test(revision)) throw new GitError(`'${revision}' is not a revision`);
  return revision;
}
