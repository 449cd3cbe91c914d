/**
 * Values of removed cgroup v1 settings carried over to their cgroup v2 replacement. The
 * replacements use other scales: CPUShares= (2-262144, default 1024) becomes CPUWeight=
 * (1-10000, default 100) and BlockIOWeight= (10-1000, default 500) becomes IOWeight= (default
 * 100); systemd converted them the same way while it still translated them.
 */
const SCALED: Readonly<Record<string, { from: number; min: number; max: number }>> = {
  CPUShares: { from: 1024, min: 1, max: 10000 },
  StartupCPUShares: { from: 1024, min: 1, max: 10000 },
  BlockIOWeight: { from: 500, min: 1, max: 10000 },
  StartupBlockIOWeight: { from: 500, min: 1, max: 10000 },
};

/** Same value format in the replacement. */
const SAME_FORMAT: ReadonlySet<string> = new Set(['MemoryLimit', 'BlockIOAccounting', 'BlockIOReadBandwidth', 'BlockIOWriteBandwidth']);

/**
 * The value to write under the replacement's name, or undefined when it cannot be carried over
 * (the user has to choose).
 */
export function convertLegacyValue(name: string, value: string): string | undefined {
  if (SAME_FORMAT.has(name)) return value;
  const scaled = SCALED[name];
  if (scaled) {
    if (value === '') return value;
    if (!/^[0-9]+$/.test(value)) return undefined;
    const converted = Math.round((Number(value) * 100) / scaled.from);
    return String(Math.min(scaled.max, Math.max(scaled.min, converted)));
  }
  if (name === 'BlockIODeviceWeight') {
    const match = /^([^ \t\n\r]+)[ \t\n\r]+([0-9]+)$/.exec(value);
    if (!match) return undefined;
    const weight = Math.min(10000, Math.max(1, Math.round((Number(match[2]) * 100) / 500)));
    return `${match[1]} ${weight}`;
  }
  return undefined;
}
