/**
 * Finds and reads `.unitguardrc` files: from a unit file's folder up to the file system root (or
 * a file marked `root = true`), nearest first. The INI text is read with the `ini` package; what
 * it means is decided by the pure core (`readRcConfig`).
 */
import { dirname, join, resolve } from 'node:path';
import { parse as parseIni } from 'ini';
import { RC_FILE_NAME, combineRcConfigs, readRcConfig, type RcConfig } from '../core/config/rcFile';
import { isConfigurableId } from '../core/rules/registry';
import type { SecurityPolicy } from '../core/security';
import { describeError, isInside, lstatOrUndefined, modifiedMs, readGuarded, Scope, SETTINGS_FILE_MAX_BYTES } from './guardedFs';
import { readSecurityPolicyFile } from './securityInput';

export interface FoundRcConfig extends RcConfig {
  /** The files read, nearest first. */
  files: string[];
}

/**
 * Most folders hold no `.unitguardrc`: a missing file is answered without an exception, which
 * costs far more than the lstat itself when every folder up to the root is asked for every unit.
 */
function isCandidate(path: string): boolean {
  const stat = lstatOrUndefined(path);
  return stat !== undefined && (stat.isFile() || stat.isSymbolicLink());
}

/**
 * Reads one `.unitguardrc` (a regular file, through links that stay in its folder); problems
 * (bad INI, unknown keys) are reported, never thrown. A `security-policy` it names must stay in
 * its folder too.
 */
export function readRcFile(path: string): RcConfig {
  const folder = dirname(path);
  let text: string;
  try {
    text = readGuarded(path, SETTINGS_FILE_MAX_BYTES, Scope.within([folder])).toString('utf8');
  } catch (error) {
    return { rules: {}, root: false, unreadable: true, problems: [`${path}: cannot be read (${describeError(error)})`] };
  }
  let parsed: unknown;
  try {
    parsed = parseIni(text);
  } catch {
    return { rules: {}, root: false, unreadable: true, problems: [`${path}: not an INI file`] };
  }
  const config = readRcConfig(parsed, isConfigurableId);
  const securityPolicy = config.securityPolicy !== undefined ? resolve(folder, config.securityPolicy) : undefined;
  return {
    ...config,
    ...(securityPolicy ? { securityPolicy, securityPolicyRoot: folder } : {}),
    problems: config.problems.map((p) => `${path}: ${p}`),
  };
}

const cache = new Map<string, { mtimeMs: number; config: RcConfig }>();

function readCached(path: string): RcConfig {
  const mtimeMs = modifiedMs(path);
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.config;
  const config = readRcFile(path);
  cache.set(path, { mtimeMs, config });
  return config;
}

/** The `.unitguardrc` files that count for a folder, nearest first, with their paths. */
interface RcChain {
  configs: readonly RcConfig[];
  files: readonly string[];
}

const NO_RC: RcChain = { configs: [], files: [] };

/**
 * The files from `dir` up to the file system root, or to the first file marked `root = true`.
 * With `memo`, each folder is asked once: units of one folder, and folders of one tree, share
 * what lies above them.
 */
function rcChain(dir: string, memo: Map<string, RcChain> | undefined): RcChain {
  const known = memo?.get(dir);
  if (known) return known;
  const candidate = join(dir, RC_FILE_NAME);
  const own = isCandidate(candidate) ? readCached(candidate) : undefined;
  const parent = dirname(dir);
  const above = own?.root || parent === dir ? NO_RC : rcChain(parent, memo);
  const chain = own ? { configs: [own, ...above.configs], files: [candidate, ...above.files] } : above;
  memo?.set(dir, chain);
  return chain;
}

function combined(chain: RcChain): FoundRcConfig {
  return { ...combineRcConfigs(chain.configs), files: [...chain.files] };
}

/** The combined settings of every `.unitguardrc` above a file (or folder). */
export function findRcConfig(fileOrFolder: string, isFolder = false): FoundRcConfig {
  return combined(rcChain(resolve(isFolder ? fileOrFolder : dirname(fileOrFolder)), undefined));
}

/**
 * findRcConfig for the many files of one command-line run: a folder's files are looked for once,
 * taking them to stay as they are while the run lasts.
 */
export function rcConfigFinder(): (file: string) => FoundRcConfig {
  const memo = new Map<string, RcChain>();
  return (file) => combined(rcChain(resolve(dirname(file)), memo));
}

export interface PolicyRead {
  policy: SecurityPolicy | undefined;
  problems: string[];
}

const policyCache = new Map<string, { mtimeMs: number; read: PolicyRead }>();

/**
 * The policy file a `.unitguardrc` names, read and checked (cached while the file is unchanged).
 * With `root` (the folder of the `.unitguardrc`), a path outside that folder's tree, or a link
 * leading out of it, is refused: only the command line may name a policy elsewhere. A missing or
 * broken file gives no policy and says why, without quoting the file.
 */
export function readPolicyCached(path: string, root?: string): PolicyRead {
  const key = `${root ?? ''}\0${path}`;
  const mtimeMs = modifiedMs(path);
  const hit = policyCache.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.read;
  let read: PolicyRead;
  if (root !== undefined && !isInside(path, root)) {
    read = { policy: undefined, problems: [`security policy ${path}: outside the folder of the .unitguardrc that names it (${root}); name it with --security-policy`] };
  } else {
    try {
      read = readSecurityPolicyFile(path, root !== undefined ? Scope.within([root]) : Scope.anywhere());
    } catch (error) {
      read = { policy: undefined, problems: [`security policy ${path}: ${describeError(error)}`] };
    }
  }
  policyCache.set(key, { mtimeMs, read });
  return read;
}
