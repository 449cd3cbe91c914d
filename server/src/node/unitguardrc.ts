/**
 * Finds and reads `.unitguardrc` files: from a unit file's folder up to the file system root (or
 * a file marked `root = true`), nearest first. The INI text is read with the `ini` package; what
 * it means is decided by the pure core (`readRcConfig`).
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseIni } from 'ini';
import { RC_FILE_NAME, combineRcConfigs, isConfigurableId, readRcConfig, type RcConfig } from '../core';
import type { SecurityPolicy } from '../core/security';
import { readFileLimited, SETTINGS_FILE_MAX_BYTES } from './readFileLimited';
import { readSecurityPolicyFile } from './securityInput';

export interface FoundRcConfig extends RcConfig {
  /** The files read, nearest first. */
  files: string[];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
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

/** The combined settings of every `.unitguardrc` above a file (or folder). */
export function findRcConfig(fileOrFolder: string, isFolder = false): FoundRcConfig {
  const found: RcConfig[] = [];
  const files: string[] = [];
  let dir = resolve(isFolder ? fileOrFolder : dirname(fileOrFolder));
  for (;;) {
    const candidate = join(dir, RC_FILE_NAME);
    if (isFile(candidate)) {
      const config = readCached(candidate);
      found.push(config);
      files.push(candidate);
      if (config.root) break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { ...combineRcConfigs(found), files };
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
