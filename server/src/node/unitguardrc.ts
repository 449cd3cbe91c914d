/**
 * Finds and reads `.unitguardrc` files: from a unit file's folder up to the file system root (or
 * a file marked `root = true`), nearest first. The INI text is read with the `ini` package; what
 * it means is decided by the pure core (`readRcConfig`).
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseIni } from 'ini';
import { RC_FILE_NAME, combineRcConfigs, readRcConfig, type RcConfig } from '../core/config/rcFile';
import { isConfigurableId } from '../core/rules/registry';
import type { SecurityPolicy } from '../core/security';
import { readFileLimited, SETTINGS_FILE_MAX_BYTES } from './readFileLimited';
import { readSecurityPolicyFile } from './securityInput';

export interface FoundRcConfig extends RcConfig {
  /** The files read, nearest first. */
  files: string[];
}

/**
 * Most folders hold no `.unitguardrc`: a missing file is answered without an exception, which
 * costs far more than the stat itself when every folder up to the root is asked for every unit.
 */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Reads one `.unitguardrc`; problems (bad INI, unknown keys) are reported, never thrown. */
export function readRcFile(path: string): RcConfig {
  let text: string;
  try {
    text = readFileLimited(path, SETTINGS_FILE_MAX_BYTES).toString('utf8');
  } catch (error) {
    return { rules: {}, root: false, problems: [`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`] };
  }
  let parsed: unknown;
  try {
    parsed = parseIni(text);
  } catch (error) {
    return { rules: {}, root: false, problems: [`${path}: not an INI file (${error instanceof Error ? error.message : String(error)})`] };
  }
  const config = readRcConfig(parsed, isConfigurableId);
  const securityPolicy = config.securityPolicy !== undefined ? resolve(dirname(path), config.securityPolicy) : undefined;
  return { ...config, ...(securityPolicy ? { securityPolicy } : {}), problems: config.problems.map((p) => `${path}: ${p}`) };
}

const cache = new Map<string, { mtimeMs: number; config: RcConfig }>();

function readCached(path: string): RcConfig {
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    // read below reports it
  }
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
  const own = isFile(candidate) ? readCached(candidate) : undefined;
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

const policyCache = new Map<string, { mtimeMs: number; policy: SecurityPolicy | undefined; problems: string[] }>();

/**
 * The policy file a `.unitguardrc` names, read and checked (cached while the file is unchanged).
 * A missing or broken file gives no policy and says why.
 */
export function readPolicyCached(path: string): { policy: SecurityPolicy | undefined; problems: string[] } {
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    // reported below
  }
  const hit = policyCache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  let entry: { mtimeMs: number; policy: SecurityPolicy | undefined; problems: string[] };
  try {
    const { policy, problems } = readSecurityPolicyFile(path);
    entry = { mtimeMs, policy, problems };
  } catch (error) {
    entry = { mtimeMs, policy: undefined, problems: [`security policy ${path}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  policyCache.set(path, entry);
  return entry;
}
