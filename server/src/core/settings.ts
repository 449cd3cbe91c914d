/** Options that change what the language service reports. */
export interface Settings {
  /** The systemd version the unit files are written for. */
  systemdVersion: number;
}

/** The oldest and newest systemd versions a setting may name. */
export const SYSTEMD_VERSION_RANGE = { min: 200, max: 999 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ systemdVersion: 262 });
