/**
 * Numbers as systemd's parsers read them: C integers (strtoul with base 0), time spans
 * (parse_time, parse_nsec), sizes with 1024-based suffixes (parse_size) and percentages
 * (parse_permyriad and, before it, parse_permille). Each reader says whether the text parses,
 * and when not, whether it is malformed or out of range, the way systemd tells the two apart.
 */
import { sizeSuffixes, timeUnits, valueSyntaxSince } from '../../kb';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'syntax' | 'range' };

const SYNTAX = { ok: false, reason: 'syntax' } as const;
const RANGE = { ok: false, reason: 'range' } as const;
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

const UINT64_MAX = (1n << 64n) - 1n;
/** The blanks systemd skips between the parts of a value (WHITESPACE: space, tab, newline, carriage return). */
const BLANKS = ' \t\n\r';

function skipBlanks(text: string, at: number): number {
  while (at < text.length && BLANKS.includes(text[at] as string)) at++;
  return at;
}

/**
 * An integer as strtol/strtoul read it with base 0: leading blanks and a sign, then `0x` hex,
 * `0` octal or decimal digits, and nothing after. `undefined` when it is no number at all.
 */
export function parseCInteger(text: string): bigint | undefined {
  const m = /^[ \t\n\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2] as string;
  const magnitude = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits.startsWith('0') ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  return m[1] === '-' ? -magnitude : magnitude;
}

/** An integer within [min, max] as systemd's safe_ato* helpers check it: a negative number is out of range for an unsigned one. */
export function parseIntegerIn(text: string, min: bigint, max: bigint): Parsed<bigint> {
  const n = parseCInteger(text);
  if (n === undefined) return SYNTAX;
  return n < min || n > max ? RANGE : ok(n);
}

// ---------------------------------------------------------------------------
// time spans

interface UnitSpelling {
  readonly spelling: string;
  /** In the parser's base unit (microseconds, or nanoseconds for parse_nsec). */
  readonly factor: bigint;
  readonly since?: number;
}

function spellingsFor(nsec: boolean): UnitSpelling[] {
  const out: UnitSpelling[] = [];
  for (const unit of timeUnits) {
    if (unit.nsecOnly && !nsec) continue;
    const factor = nsec ? BigInt(Math.round(unit.usec * 1000)) : BigInt(unit.usec);
    for (const spelling of unit.spellings) out.push({ spelling, factor, ...(unit.spellingsSince?.[spelling] !== undefined ? { since: unit.spellingsSince[spelling] } : {}) });
  }
  // The longest spelling that starts the text wins, as in systemd's table ("msec" before "ms" before "m").
  return out.sort((a, b) => b.spelling.length - a.spelling.length);
}
const USEC_SPELLINGS = spellingsFor(false);
const NSEC_SPELLINGS = spellingsFor(true);

/**
 * A time span in the parser's base unit: `90`, `5min 30s`, `1.5h`, `infinity` (UINT64_MAX).
 * `nsec`: parse_nsec (nanoseconds, `ns` allowed, bare numbers are nanoseconds); otherwise parse_sec
 * (bare numbers are seconds). `version`: unit spellings newer than it are unknown.
 */
export function parseTimespan(text: string, options: { nsec?: boolean; version?: number; defaultUnit?: 'sec' | 'usec' } = {}): Parsed<bigint> {
  const spellings = options.nsec ? NSEC_SPELLINGS : USEC_SPELLINGS;
  const version = options.version ?? Number.POSITIVE_INFINITY;
  const base = options.nsec ? 1n : options.defaultUnit === 'usec' ? 1n : 1_000_000n;
  let p = skipBlanks(text, 0);
  if (text.startsWith('infinity', p)) return skipBlanks(text, p + 8) === text.length ? ok(UINT64_MAX) : SYNTAX;
  let total = 0n;
  let something = false;
  for (;;) {
    p = skipBlanks(text, p);
    if (p >= text.length) return something ? ok(total) : SYNTAX;
    if (text[p] === '-') return RANGE;
    const m = /^\+?([0-9]*)/.exec(text.slice(p)) as RegExpExecArray;
    const digits = m[1] as string;
    let e = p + m[0].length;
    let fraction = '';
    if (text[e] === '.') {
      fraction = /^[0-9]*/.exec(text.slice(e + 1))?.[0] ?? '';
      e += 1 + fraction.length;
      if (fraction === '') return SYNTAX;
    } else if (digits === '') return SYNTAX;
    const whole = digits === '' ? 0n : BigInt(digits);
    if (whole > (1n << 63n) - 1n) return RANGE;
    const afterBlanks = skipBlanks(text, e);
    const unit = spellings.find((u) => text.startsWith(u.spelling, afterBlanks) && (u.since === undefined || u.since <= version));
    if (!unit && e < text.length && !BLANKS.includes(text[e] as string)) return SYNTAX;
    const factor = unit ? unit.factor : base;
    p = unit ? afterBlanks + unit.spelling.length : e;
    if (whole >= UINT64_MAX / factor) return RANGE;
    total += whole * factor;
    let m10 = factor / 10n;
    for (const d of fraction) {
      total += BigInt(d) * m10;
      m10 /= 10n;
    }
    if (total >= UINT64_MAX) return RANGE;
    something = true;
  }
}

// ---------------------------------------------------------------------------
// sizes

/** parse_size()'s suffixes, largest first; a value's parts must come in this order. */
const SIZE_TABLE: readonly { suffix: string; factor: bigint }[] = [
  ...[...sizeSuffixes].reverse().map((s) => ({ suffix: s.suffix, factor: BigInt(s.bytes) })),
  { suffix: 'B', factor: 1n },
  { suffix: '', factor: 1n },
];

/** A size in bytes: `512`, `64K`, `1.5G`, `1G 512M`; suffixes are upper case, and no `KB` or `KiB`. */
export function parseSize(text: string): Parsed<bigint> {
  let p = 0;
  let total = 0n;
  let start = 0;
  do {
    p = skipBlanks(text, p);
    const m = /^\+?([0-9]+)/.exec(text.slice(p));
    if (!m) return text[p] === '-' ? RANGE : SYNTAX;
    const whole = BigInt(m[1] as string);
    if (whole > UINT64_MAX) return RANGE;
    let e = p + m[0].length;
    let fraction = '';
    if (text[e] === '.') {
      e++;
      fraction = /^[0-9]*/.exec(text.slice(e))?.[0] ?? '';
      e += fraction.length;
    }
    e = skipBlanks(text, e);
    const i = SIZE_TABLE.findIndex((s, k) => k >= start && text.startsWith(s.suffix, e));
    if (i < 0) return SYNTAX;
    const { suffix, factor } = SIZE_TABLE[i] as { suffix: string; factor: bigint };
    if (whole + (fraction !== '' && /[1-9]/.test(fraction) ? 1n : 0n) > UINT64_MAX / factor) return RANGE;
    const part = whole * factor + (fraction === '' ? 0n : (BigInt(fraction) * factor) / 10n ** BigInt(fraction.length));
    total += part;
    if (total > UINT64_MAX) return RANGE;
    p = e + suffix.length;
    start = i + 1;
  } while (p < text.length);
  return ok(total);
}

// ---------------------------------------------------------------------------
// percentages

/**
 * A percentage in parts per ten thousand: `50%`, `12.5%`, `5‰`, `3‱`. Since permyriads came,
 * `%` takes two decimals and `‱` is read; before, `%` took one decimal and `‰` none.
 */
export function parsePermyriad(text: string, version = Number.POSITIVE_INFINITY): Parsed<number> {
  const permyriad = version >= valueSyntaxSince.permyriad;
  const forms: readonly [string, number, number][] = permyriad
    ? [
        ['%', 2, 100],
        ['‰', 1, 10],
        ['‱', 0, 1],
      ]
    : [
        ['%', 1, 100],
        ['‰', 0, 10],
      ];
  for (const [sign, decimals, scale] of forms) {
    if (!text.endsWith(sign)) continue;
    const number = text.slice(0, -sign.length);
    const m = (decimals > 0 ? new RegExp(`^\\+?([0-9]+)(?:\\.([0-9]{1,${decimals}}))?$`) : /^\+?([0-9]+)()$/).exec(number);
    if (!m) return /^-[0-9]/.test(number) ? RANGE : SYNTAX;
    const whole = Number(m[1]);
    const fraction = m[2] ? Number((m[2] as string).padEnd(decimals, '0')) : 0;
    return ok(whole * scale + (fraction * scale) / 10 ** decimals);
  }
  return SYNTAX;
}
