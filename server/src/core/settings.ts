import type { Severity } from './types';

/** What a rule is set to by the user: a severity, or `off` to drop its diagnostics. */
export type RuleLevel = Severity | 'off';

/**
 * Per-rule settings, keyed by rule id (`unknown-directive`, `recommends`) or by the id of one
 * hardening pair (`syscallarch-systemcallfilter`); a pair's own entry wins over its relation's.
 */
export type RuleOverrides = Readonly<Record<string, RuleLevel>>;

/** Options that change what the language service reports. */
export interface Settings {
  /** The systemd version the unit files are written for. */
  systemdVersion: number;
  /** Severity changes and switched-off rules; absent or empty means every rule at its default. */
  rules?: RuleOverrides;
  /**
   * A `systemd-analyze security --security-policy` file, already read: per-check weight and range
   * for the exposure score. Absent: systemd's own weights.
   */
  securityPolicy?: Readonly<Record<string, { weight?: number; range?: number }>>;
  /** A policy was named but cannot be used (why): units are then not scored rather than scored with other weights. */
  securityPolicyError?: string;
  /**
   * Restricted Mode: the workspace is not trusted, so nothing was read from disk for the unit
   * (no `.unitguardrc`, no policy, no drop-ins or unit file that are not open). The exposure lens
   * and report say so. Absent: files on disk were read as usual.
   */
  restrictedMode?: boolean;
}

/** The oldest and newest systemd versions a setting may name. */
export const SYSTEMD_VERSION_RANGE = { min: 200, max: 999 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ systemdVersion: 262 });
