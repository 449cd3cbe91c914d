/**
 * The meaning of a `.unitguardrc` file, from the plain object an INI reader made of it:
 *
 *     systemd-version = 252
 *     security-policy = policy.json   ; weights for the exposure score, relative to this file
 *     root = true            ; do not look further up for more files
 *     [rules]
 *     recommends = off
 *     unknown-directive = warning
 *
 * Reading and finding the file is the node side's job; this only interprets the data.
 */
import { SYSTEMD_VERSION_RANGE, type RuleOverrides } from '../settings';
import { readRuleOverrides } from './overrides';
import { appendAll } from '../arrays';

export const RC_FILE_NAME = '.unitguardrc';

export interface RcConfig {
  systemdVersion?: number;
  /** `security-policy`: the policy file as written (the node side resolves it against the file's folder). */
  securityPolicy?: string;
  /** The folder a `security-policy` path must stay in: the one of the file that names it (set by the node side). */
  securityPolicyRoot?: string;
  /** The file could not be read at all (set by the node side): its settings are missing, not empty. */
  unreadable?: boolean;
  /**
   * The file holds a mistake: a key, value, level or rule id that does not exist (a retired rule
   * is only out of date). Command-line runs fail on it rather than check with other settings than
   * the author meant.
   */
  invalid?: boolean;
  rules: RuleOverrides;
  /** The file says it is the outermost one: files in folders above are not read. */
  root: boolean;
  problems: string[];
}

const VERSION_KEYS = ['systemd-version', 'systemdVersion', 'systemd_version'];

export function readRcConfig(parsed: unknown, isKnownRule: (id: string) => boolean = () => true): RcConfig {
  const config: RcConfig = { rules: {}, root: false, problems: [] };
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    config.problems.push('the file holds no settings');
    return config;
  }
  const mistake = (problem: string): void => {
    config.problems.push(problem);
    config.invalid = true;
  };
  const data = parsed as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (VERSION_KEYS.includes(key)) {
      const version = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value) ? Number(value) : NaN;
      if (Number.isInteger(version) && version >= SYSTEMD_VERSION_RANGE.min && version <= SYSTEMD_VERSION_RANGE.max) config.systemdVersion = version;
      else mistake(`${key}: '${String(value)}' is not a systemd version (${SYSTEMD_VERSION_RANGE.min}-${SYSTEMD_VERSION_RANGE.max})`);
    } else if (key === 'security-policy' || key === 'securityPolicy') {
      if (typeof value === 'string' && value.trim() !== '') config.securityPolicy = value.trim();
      else mistake(`${key}: give the path of a policy JSON file`);
    } else if (key === 'root') {
      config.root = value === true || (typeof value === 'string' && /^(true|yes|1|on)$/i.test(value.trim()));
    } else if (key === 'rules') {
      const { overrides, problems, invalid } = readRuleOverrides(value, isKnownRule);
      config.rules = overrides;
      appendAll(config.problems, problems);
      if (invalid) config.invalid = true;
    } else {
      mistake(`'${key}' is not a setting of ${RC_FILE_NAME}`);
    }
  }
  return config;
}

/**
 * Combines the files found walking up from a unit file, nearest first: a nearer file wins,
 * and a file marked `root` ends the walk.
 */
export function combineRcConfigs(nearestFirst: readonly RcConfig[]): RcConfig {
  const used: RcConfig[] = [];
  for (const config of nearestFirst) {
    used.push(config);
    if (config.root) break;
  }
  const result: RcConfig = { rules: {}, root: used.some((c) => c.root), problems: used.flatMap((c) => c.problems) };
  for (const config of [...used].reverse()) {
    if (config.systemdVersion !== undefined) result.systemdVersion = config.systemdVersion;
    if (config.securityPolicy !== undefined) {
      result.securityPolicy = config.securityPolicy;
      if (config.securityPolicyRoot !== undefined) result.securityPolicyRoot = config.securityPolicyRoot;
      else delete result.securityPolicyRoot;
    }
    if (config.unreadable) result.unreadable = true;
    if (config.invalid) result.invalid = true;
    result.rules = { ...result.rules, ...config.rules };
  }
  return result;
}
