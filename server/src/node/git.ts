/**
 * Asking git about a repository: a git process with its arguments as an array (no shell), a time
 * limit, no pager and no prompt. A repository's own configuration can name commands that git runs
 * (a file-system monitor, filters, hooks, transports for objects a partial clone lacks); the
 * commands used here read stored objects and the index only, never the files of the working tree,
 * and the options below turn off what could still start a process, so that what a repository
 * says cannot run anything or wait for anyone.
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

/**
 * Settings given on git's command line, which take precedence over the repository's: no file-system
 * monitor (it runs whenever the index is read), no hooks, and no transport at all (a partial clone
 * fetches missing objects on its own, through commands its configuration may name).
 */
const NO_COMMANDS = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'protocol.allow=never',
  ...['ext', 'file', 'git', 'ssh', 'http', 'https'].map((name) => `protocol.${name}.allow=never`),
].flatMap((setting) => ['-c', setting]);

/** Output larger than this is refused (the files read are unit files and lists of them). */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Runs `git ARGS...` and gives its standard output; throws a GitError when it fails. */
export function runGit(args: readonly string[], options: GitOptions): Buffer {
  const result = spawnSync('git', ['--no-pager', '-c', 'core.quotepath=off', ...NO_COMMANDS, ...args], {
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: MAX_OUTPUT_BYTES,
    shell: false,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_PAGER: 'cat', LC_ALL: 'C' },
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
