/**
 * Checks of numeric values the way the parser of each setting reads them: integers of the
 * parser's width, time spans, sizes, percentages and the `soft:hard` resource limits.
 */
import { INTEGER_RANGES, QUANTITY_PARSERS, TASKS_MAX_MIN, type DirectiveRow } from '../../kb';
import { parseIntegerIn, parsePermyriad, parseSize, parseTimespan, type Parsed } from './numbers';
import { whole, type FormResult } from './problem';
import { trimBlanks } from '../../syntax/blanks';

const UINT64_MAX = (1n << 64n) - 1n;

const TIMESPAN_HINT = 'a number with an optional unit such as 30s, 5min, 2h, 1d, or "infinity"';
const SIZE_HINT = 'a number with an optional K, M, G, T, P or E suffix, upper case';

/** A time span as parse_sec (or parse_nsec) reads it. */
export function checkTimespan(value: string, version: number, options: { nsec?: boolean; infinity?: boolean } = {}): FormResult {
  const trimmed = trimBlanks(value);
  const parsed = parseTimespan(trimmed, { nsec: options.nsec, version });
  if (parsed.ok) {
    if (options.infinity === false && parsed.value === UINT64_MAX) return whole(value, `"infinity" is not taken here; give a time span (${TIMESPAN_HINT.replace(', or "infinity"', '')}).`);
    return [];
  }
  if (parsed.reason === 'range') {
    return whole(
      value,
      trimmed.startsWith('-')
        ? `"${trimmed}" is negative; a time span is 0 or more.`
        : `"${trimmed}" is out of range: systemd keeps time spans in 64 bits of ${options.nsec ? 'nanoseconds (about 584 years)' : 'microseconds (about 584,000 years)'}; use "infinity" for no limit.`,
    );
  }
  return whole(value, `"${trimmed}" is not a time span (${options.nsec ? TIMESPAN_HINT.replace('30s', '500ns, 30s') : TIMESPAN_HINT}).`);
}

/** An integer in the range the setting's parser stores. */
export function checkIntegerRange(row: DirectiveRow, value: string, bounds = INTEGER_RANGES[row.parser]): FormResult {
  if (!bounds) return undefined;
  const trimmed = trimBlanks(value);
  const parsed = parseIntegerIn(trimmed, bounds.min, bounds.max);
  if (parsed.ok) return [];
  if (parsed.reason === 'range') return whole(value, `${trimmed} is out of range: ${row.name}= takes a whole number from ${bounds.min} to ${bounds.max}.`, [String(bounds.min < 0n && trimmed.startsWith('-') ? bounds.min : bounds.max)]);
  return whole(value, `"${trimmed}" is not a whole number; ${row.name}= takes one from ${bounds.min} to ${bounds.max}.`);
}

/** A size as parse_size reads it. */
export function checkSize(value: string): FormResult {
  const trimmed = trimBlanks(value);
  const parsed = parseSize(trimmed);
  if (parsed.ok) return [];
  return whole(value, sizeMessage(trimmed, parsed));
}

function sizeMessage(text: string, parsed: Parsed<bigint>): string {
  if (!parsed.ok && parsed.reason === 'range') return text.startsWith('-') ? `"${text}" is negative; a size is 0 or more.` : `"${text}" is out of range: a size must be below 16E (2^64 bytes).`;
  const suffix = /^[0-9.]+[ \t\n\r]*([A-Za-z]+)$/.exec(text)?.[1];
  if (suffix && /^[kmgtpe]i?b?$/i.test(suffix)) return `"${text}" is not a size systemd reads: the suffix is a single upper-case letter (K, M, G, T, P, E), without "B" or "iB".`;
  return `"${text}" is not a size in bytes (${SIZE_HINT}).`;
}

/** What a quantity setting takes, for messages. */
function describe(forms: DirectiveRow['valueKind']['forms']): string {
  const words = forms.map((f) => (f.type === 'bytes' ? 'a size in bytes' : f.type === 'percent' ? 'a percentage' : f.type === 'integer' ? 'a number' : `"${f.word}"`));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function percentText(permyriad: number): string {
  return `${permyriad / 100}%`;
}

/**
 * The settings whose value is a size, a percentage or `infinity` (MemoryMax=, TasksMax=, CPUQuota=,
 * ...): which of the three each parser takes, and its bounds.
 */
export function checkQuantity(row: DirectiveRow, value: string, version: number): FormResult {
  const facts = QUANTITY_PARSERS[row.parser];
  if (!facts) return undefined;
  const trimmed = trimBlanks(value);
  const forms = row.valueKind.forms;
  const takes = (type: string, word?: string) => forms.some((f) => f.type === type && (word === undefined || f.word === word));
  const zeroRefused = facts.zeroRefused === 'all' || (facts.zeroRefused?.has(row.name) ?? false);
  for (const f of forms) if (f.type === 'keyword' && f.word === trimmed) return [];
  if (takes('percent') && /[%‰‱]$/.test(trimmed)) {
    const parsed = parsePermyriad(trimmed, version);
    if (!parsed.ok) {
      if (parsed.reason === 'range') return whole(value, `"${trimmed}" is negative; ${row.name}= takes a percentage of 0% or more.`);
      return whole(value, `"${trimmed}" is not a percentage systemd reads: a number with up to two decimals right before "%" (50%, 12.5%), or "‰"${version >= 248 ? ', "‱"' : ''}.`);
    }
    if (facts.percentMax !== undefined && parsed.value > facts.percentMax) return whole(value, `${trimmed} is out of range: ${row.name}= takes at most ${percentText(facts.percentMax)}.`, [percentText(facts.percentMax)]);
    if (parsed.value === 0 && zeroRefused) return whole(value, `${row.name}=${trimmed} is out of range: the value must be above 0.`);
    return [];
  }
  if (takes('bytes')) {
    const parsed = parseSize(trimmed);
    if (!parsed.ok) return whole(value, `${sizeMessage(trimmed, parsed).replace(/\.$/, '')}; ${row.name}= takes ${describe(forms)}.`);
    if (facts.bytesBelowMax && parsed.value >= UINT64_MAX) return whole(value, `${trimmed} is out of range; write "infinity" for no limit.`, ['infinity']);
    if (parsed.value === 0n && zeroRefused) return whole(value, `${row.name}=0 is out of range: the limit must be above 0 (write "infinity" for no limit).`);
    return [];
  }
  if (takes('integer')) {
    const parsed = parseIntegerIn(trimmed, row.parser === 'config_parse_tasks_max' ? TASKS_MAX_MIN : 0n, UINT64_MAX);
    if (parsed.ok) return [];
    if (parsed.reason === 'range') return whole(value, `${trimmed} is out of range: ${row.name}= takes a count from 1 up, a percentage or "infinity".`);
    return whole(value, `"${trimmed}" is not a number, a percentage or "infinity".`);
  }
  if (takes('percent')) return whole(value, `"${trimmed}" is not a percentage such as 50%${zeroRefused ? ' (above 0)' : ''}.`);
  return undefined;
}

// ---------------------------------------------------------------------------
// resource limits

/** How each Limit*= reads a number: a time, a size, the nice range, or a plain count. */
const RLIMIT_KIND: Readonly<Record<string, 'seconds' | 'usec' | 'bytes' | 'nice' | 'count'>> = {
  LimitCPU: 'seconds',
  LimitRTTIME: 'usec',
  LimitFSIZE: 'bytes',
  LimitDATA: 'bytes',
  LimitSTACK: 'bytes',
  LimitCORE: 'bytes',
  LimitRSS: 'bytes',
  LimitAS: 'bytes',
  LimitMEMLOCK: 'bytes',
  LimitMSGQUEUE: 'bytes',
  LimitNICE: 'nice',
  LimitNOFILE: 'count',
  LimitNPROC: 'count',
  LimitLOCKS: 'count',
  LimitSIGPENDING: 'count',
  LimitRTPRIO: 'count',
};

const RLIMIT_HINT: Readonly<Record<'seconds' | 'usec' | 'bytes' | 'nice' | 'count', string>> = {
  seconds: 'a time span (seconds when no unit is given) or "infinity"',
  usec: 'a time span (microseconds when no unit is given) or "infinity"',
  bytes: 'a size (K, M, G, ... suffixes) or "infinity"',
  nice: 'a nice level from -20 to 19 written with its sign (+5, -10), or a raw limit from 0 to 40',
  count: 'a whole number or "infinity"',
};

/** One side of a resource limit, in the resource's own unit; undefined when it does not parse. */
function rlimitPart(kind: 'seconds' | 'usec' | 'bytes' | 'nice' | 'count', text: string, version: number): bigint | undefined {
  if (kind !== 'nice' && text === 'infinity') return UINT64_MAX;
  switch (kind) {
    case 'seconds':
    case 'usec': {
      const parsed = parseTimespan(text, { version, defaultUnit: kind === 'usec' ? 'usec' : 'sec' });
      return parsed.ok ? parsed.value : undefined;
    }
    case 'bytes': {
      const parsed = parseSize(text);
      return parsed.ok ? parsed.value : undefined;
    }
    case 'nice': {
      const signed = /^([+-])([0-9]+)$/.exec(text);
      if (signed) {
        const level = Number(signed[2]);
        return signed[1] === '+' ? (level <= 19 ? BigInt(20 - level) : undefined) : level <= 20 ? BigInt(20 + level) : undefined;
      }
      const raw = parseIntegerIn(text, 0n, 40n);
      return raw.ok ? raw.value : undefined;
    }
    case 'count': {
      const parsed = parseIntegerIn(text, 0n, UINT64_MAX);
      return parsed.ok ? parsed.value : undefined;
    }
  }
}

/** LimitNOFILE= and the other resource limits: one value, or `soft:hard` with soft not above hard. */
export function checkRlimit(row: DirectiveRow, value: string, version: number): FormResult {
  const kind = RLIMIT_KIND[row.name];
  if (!kind) return undefined;
  const trimmed = trimBlanks(value);
  const parts = trimmed.split(':');
  if (parts.length > 2) return whole(value, `"${trimmed}" is not a resource limit: write one value, or soft and hard limit as "soft:hard".`);
  const values = parts.map((p) => rlimitPart(kind, p, version));
  const bad = parts.findIndex((_, i) => values[i] === undefined);
  if (bad >= 0) {
    const part = parts[bad] as string;
    const what = part === '' ? `"${trimmed}" has an empty side` : `"${part}" is not valid here`;
    return whole(value, `${what}: ${row.name}= takes ${RLIMIT_HINT[kind]}${parts.length === 1 ? ', or "soft:hard"' : ' on each side of "soft:hard"'}.`);
  }
  if (values.length === 2 && (values[0] as bigint) > (values[1] as bigint)) {
    return whole(value, `The soft limit ${parts[0]} is above the hard limit ${parts[1]}; systemd refuses the line.`, [`${parts[1]}:${parts[0]}`]);
  }
  return [];
}
