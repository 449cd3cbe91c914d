/** Readers for the scalar value forms, accepting what systemd's own parsers accept. */

import { booleanValue, sizeSuffixes, timeUnits } from '../../kb';

/** systemd's boolean spellings (case-insensitive); undefined when the text is none of them. */
export function parseBoolean(text: string): boolean | undefined {
  return booleanValue(text.trim());
}

const NUMBER = '(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)';

function timeSpanPattern(nsec: boolean): RegExp {
  const spellings = timeUnits.filter((u) => nsec || !u.nsecOnly).flatMap((u) => u.spellings);
  const unit = `(?:${[...spellings].sort((a, b) => b.length - a.length).join('|')})`;
  return new RegExp(`^\\s*(?:${NUMBER}\\s*${unit}?\\s*)+$`);
}
const TIMESPAN = timeSpanPattern(false);
const TIMESPAN_NSEC = timeSpanPattern(true);

/** A time span: `90`, `5min 30s`, `1.5h`, `infinity`. */
export function isTimespan(text: string, nsec = false): boolean {
  const trimmed = text.trim();
  if (trimmed === 'infinity') return true;
  return (nsec ? TIMESPAN_NSEC : TIMESPAN).test(trimmed);
}

/** The time span in seconds, when it is one (for comparisons such as `RestartSec=0`). */
export function timespanSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === 'infinity') return Infinity;
  if (!isTimespan(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/([0-9.]+)\s*([^\s0-9.]*)/g)) {
    const unit = timeUnits.find((u) => u.spellings.includes(match[2] || 's'));
    total += (Number(match[1]) * (unit?.usec ?? 1_000_000)) / 1_000_000;
  }
  return total;
}

const SIZE = new RegExp(`^\\s*(?:${NUMBER}\\s*(?:(?:${sizeSuffixes.map((x) => x.suffix).join('|')})(?:i?B)?|B)?\\s*)+$`, 'i');

/** A size in bytes with an optional 1024-based suffix: `512`, `64K`, `1.5G`, `1G 512M`. */
export function isBytes(text: string): boolean {
  return SIZE.test(text);
}

/** A percentage, per mille or per ten thousand: `50%`, `12.5%`, `5‰`, `3‱`. */
export function isPercent(text: string): boolean {
  return /^\s*[0-9]+(?:\.[0-9]+)?\s*(?:%|‰|‱)\s*$/.test(text);
}

/** An integer as systemd's number parsers read it (decimal, or 0x hex), or undefined. */
export function parseInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?[0-9]+$/.test(trimmed)) return Number(trimmed);
  if (/^[+]?0x[0-9a-f]+$/i.test(trimmed)) return Number.parseInt(trimmed.replace(/^\+/, ''), 16);
  return undefined;
}

/** A file mode in octal: `0644`, `755`, `0750`. */
export function isOctalMode(text: string): boolean {
  return /^\s*0?[0-7]{1,4}\s*$/.test(text);
}
