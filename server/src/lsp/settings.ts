import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SYSTEMD_VERSION_RANGE, isConfigurableId, readRuleOverrides, type Settings } from '../core';
import { isObject } from './params';
import { DEFAULT_MAX_PROBLEMS } from './problemLimit';

type Listener = (settings: Settings) => void;

/** `{ trusted: boolean }`: the client's workspace became trusted (or not); initializationOptions.workspaceTrusted says it at start. */
export const WORKSPACE_TRUST_NOTIFICATION = 'unitguard/workspaceTrust';

/**
 * The settings the language service runs with, as the client gives them:
 * `initializationOptions.systemdVersion` at start, then
 * workspace/didChangeConfiguration (`{ unitguard: { systemdVersion } }`,
 * or, when the notification carries no settings, a workspace/configuration
 * pull of the `unitguard` section). Bad values are ignored and logged;
 * features read `get()` and may listen for changes. Whether the workspace is
 * trusted comes from the client alone (`initializationOptions.workspaceTrusted`,
 * then unitguard/workspaceTrust), never from the settings: a client that says
 * nothing is trusted, and `workspaceTrusted: false` is Restricted Mode.
 */
export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private readonly listeners: Listener[] = [];
  private canPull = false;
  private clientName = '';
  private maxProblemsValue = DEFAULT_MAX_PROBLEMS;
  private log: (message: string) => void = () => undefined;

  get(): Settings {
    return this.current;
  }

  /** `unitguard.maxProblems`: the most diagnostics published for one document. */
  get maxProblems(): number {
    return this.maxProblemsValue;
  }

  /** The client's name from initialize (`clientInfo.name`), '' when it sent none. */
  get client(): string {
    return this.clientName;
  }

  /** Runs after the settings changed. */
  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Reads what initialize carries; call it from the initialize handler. */
  initialize(params: unknown): void {
    if (!isObject(params)) return;
    if (isObject(params.clientInfo) && typeof params.clientInfo.name === 'string') this.clientName = params.clientInfo.name;
    const capabilities = isObject(params.capabilities) ? params.capabilities : {};
    this.canPull = isObject(capabilities.workspace) && capabilities.workspace.configuration === true;
    const options = params.initializationOptions;
    if (isObject(options) && options.workspaceTrusted === false) this.current = { ...this.current, restrictedMode: true };
    if (isObject(options)) this.apply(isObject(options.unitguard) ? options.unitguard : options, 'initializationOptions');
  }

  /** Restricted Mode on or off; listeners run when it changes. */
  private applyTrust(trusted: boolean): void {
    if (trusted === (this.current.restrictedMode !== true)) return;
    const next: Settings = { ...this.current };
    if (trusted) delete next.restrictedMode;
    else next.restrictedMode = true;
    this.current = next;
    for (const listener of this.listeners) listener(this.current);
  }

  listen(connection: Connection): void {
    this.log = (message) => connection.console.warn(message);
    connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: unknown) => {
      if (isObject(params) && typeof params.trusted === 'boolean') this.applyTrust(params.trusted);
      else this.log(`Ignored ${WORKSPACE_TRUST_NOTIFICATION} without { trusted: boolean }.`);
    });
    connection.onDidChangeConfiguration((params: unknown) => {
      const settings = isObject(params) ? params.settings : undefined;
      if (isObject(settings) && isObject(settings.unitguard)) {
        this.apply(settings.unitguard, 'workspace/didChangeConfiguration');
      } else if (this.canPull) {
        connection.workspace.getConfiguration('unitguard').then(
          (section: unknown) => {
            if (isObject(section)) this.apply(section, 'workspace/configuration');
          },
          (error: unknown) => this.log(`Reading the unitguard settings failed: ${String(error)}`),
        );
      }
    });
  }

  /** `unitguard.maxProblems`: a whole number from 1 (null or absent: the default). */
  private applyMaxProblems(value: unknown, source: string): void {
    const max = value === undefined || value === null ? DEFAULT_MAX_PROBLEMS : value;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
      this.log(`Ignored unitguard.maxProblems from ${source}: ${JSON.stringify(value)} is not a whole number from 1.`);
      return;
    }
    if (max === this.maxProblemsValue) return;
    this.maxProblemsValue = max;
    for (const listener of this.listeners) listener(this.current);
  }

  /** `unitguard.rules`: rule id (or hardening pair id) → severity or `off`. */
  private applyRules(value: unknown, source: string): void {
    const { overrides, problems } = readRuleOverrides(value ?? {}, isConfigurableId);
    for (const problem of problems) this.log(`unitguard.rules from ${source}: ${problem}`);
    if (JSON.stringify(overrides) === JSON.stringify(this.current.rules ?? {})) return;
    this.current = { ...this.current, rules: overrides };
    for (const listener of this.listeners) listener(this.current);
  }

  /** Takes the known fields of a `unitguard` settings object; a missing field keeps its value. */
  private apply(section: Record<string, unknown>, source: string): void {
    if ('rules' in section) this.applyRules(section.rules, source);
    if ('maxProblems' in section) this.applyMaxProblems(section.maxProblems, source);
    if (!('systemdVersion' in section) || section.systemdVersion === undefined || section.systemdVersion === null) return;
    const version = readSystemdVersion(section.systemdVersion);
    if (version === undefined) {
      this.log(`Ignored unitguard.systemdVersion from ${source}: ${JSON.stringify(section.systemdVersion)} is not a whole number from ${SYSTEMD_VERSION_RANGE.min} to ${SYSTEMD_VERSION_RANGE.max}.`);
      return;
    }
    if (version === this.current.systemdVersion) return;
    this.current = { ...this.current, systemdVersion: version };
    for (const listener of this.listeners) listener(this.current);
  }
}

/** A systemd version from settings: a whole number in range (numeric strings such as "256" too). */
export function readSystemdVersion(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) return undefined;
  return number >= SYSTEMD_VERSION_RANGE.min && number <= SYSTEMD_VERSION_RANGE.max ? number : undefined;
}
