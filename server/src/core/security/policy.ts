import type { SecurityPolicy } from './assess';

/**
 * Reads the JSON of a `--security-policy` file: an object keyed by a check's JSON field name,
 * each an object that may set `weight` and `range` (unsigned integers; other keys, such as the
 * description texts, are accepted and not used). A field of the wrong type is ignored, as
 * systemd-analyze ignores it. Returns problems instead of throwing.
 */
export function readSecurityPolicy(value: unknown): { policy: SecurityPolicy; problems: string[] } {
  const problems: string[] = [];
  const policy: Record<string, { weight?: number; range?: number }> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { policy, problems: ['the policy is not a JSON object'] };
  }
  for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${field}: not an object, ignored`);
      continue;
    }
    const entry: { weight?: number; range?: number } = {};
    for (const key of ['weight', 'range'] as const) {
      const v = (item as Record<string, unknown>)[key];
      if (v === undefined) continue;
      if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && !(key === 'range' && v === 0)) entry[key] = v;
      else problems.push(`${field}.${key}: not ${key === 'range' ? 'a positive' : 'an unsigned'} integer, ignored`);
    }
    policy[field] = entry;
  }
  return { policy, problems };
}
