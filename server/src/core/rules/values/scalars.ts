/** Readers for the scalar value forms, accepting what systemd's own parsers accept. */

const TRUE_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'on']);
const FALSE_WORDS = new Set(['0', 'no', 'n', 'false', 'f', 'off']);

/** systemd's boolean spellings (case-insensitive); undefined when the text is none of them. */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return undefined;
}

const TIME_UNITS = [
  'usec', 'us', 'µs', 'μs',
  'msec', 'ms',
  'seconds', 'second', 'sec', 's',
  'minutes', 'minute', 'min', 'm',
  'hours', 'hour', 'hr', 'h',
  'days', 'day', 'd',
  'weeks', 'week', 'w',
  'months', 'month', 'M',
  'years', 'year', 'y',
];
const NSEC_UNITS = ['nsec', 'ns', ...TIME_UNITS];
const NUMBER = '(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)';

function timeSpanPattern(units: readonly string[]): RegExp {
  const unit = `(?:${[...units].sort((a, b) => b.length - a.length).join('|')})`;
  return new RegExp(`^\\s*(?:${NUMBER}\\s*${unit}?\\s*)+$`);
}
const TIMESPAN = timeSpanPattern(TIME_UNITS);
const TIMESPAN_NSEC = timeSpanPattern(NSEC_UNITS);

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
  const factor: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2629800, y: 31557600 };
  let total = 0;
  for (const match of trimmed.matchAll(/([0-9.]+)\s*([a-zA-Zµμ]*)/g)) {
    const unit = match[2] || 's';
    const key = /^(usec|us|µs|μs)$/.test(unit) ? 'us' : /^(msec|ms)$/.test(unit) ? 'ms' : /^(seconds?|sec|s)$/.test(unit) ? 's' : /^(minutes?|min|m)$/.test(unit) ? 'm' : /^(hours?|hr|h)$/.test(unit) ? 'h' : /^(days?|d)$/.test(unit) ? 'd' : /^(weeks?|w)$/.test(unit) ? 'w' : /^(months?|M)$/.test(unit) ? 'M' : 'y';
    total += Number(match[1]) * factor[key];
  }
  return total;
}

/** A size in bytes with an optional 1024-based suffix: `512`, `64K`, `1.5G`, `1G 512M`. */
export function isBytes(text: string): boolean {
  return /^\s*(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?:[KMGTPE](?:i?B)?|B)?\s*)+$/.test(text);
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
