/**
 * The units systemd reads after a number: time-span units (parse_time() and
 * parse_nsec() in src/basic/time-util.c, described in systemd.time(7)) and
 * the 1024-based size suffixes (parse_size()).
 */
import type { SizeSuffix, TimeUnit } from './types';

const SECOND = 1_000_000;

/** Time-span units, each with every spelling systemd accepts; the first spelling is the short one. */
export const TIME_UNITS: readonly TimeUnit[] = [
  { spellings: ['s', 'sec', 'second', 'seconds'], name: 'seconds', usec: SECOND },
  { spellings: ['min', 'minute', 'minutes', 'm'], name: 'minutes', usec: 60 * SECOND },
  { spellings: ['h', 'hr', 'hour', 'hours'], name: 'hours', usec: 3600 * SECOND },
  { spellings: ['ms', 'msec'], name: 'milliseconds', usec: 1000 },
  // The Greek letter mu (μ, U+03BC) besides the micro sign (µ, U+00B5): systemd-analyze 247 refuses
  // "10μs", 252 takes it.
  { spellings: ['us', 'usec', 'μs', 'µs'], name: 'microseconds', usec: 1, spellingsSince: { 'μs': 248 } },
  { spellings: ['d', 'day', 'days'], name: 'days', usec: 86_400 * SECOND },
  { spellings: ['w', 'week', 'weeks'], name: 'weeks', usec: 7 * 86_400 * SECOND },
  { spellings: ['M', 'month', 'months'], name: 'months', usec: 2_629_800 * SECOND },
  { spellings: ['y', 'year', 'years'], name: 'years', usec: 31_557_600 * SECOND },
  { spellings: ['ns', 'nsec'], name: 'nanoseconds', usec: 0.001, nsecOnly: true },
];

/** Size suffixes, each 1024 times the one before. */
export const SIZE_SUFFIXES: readonly SizeSuffix[] = [
  { suffix: 'K', name: 'kibibytes', bytes: 1024 },
  { suffix: 'M', name: 'mebibytes', bytes: 1024 ** 2 },
  { suffix: 'G', name: 'gibibytes', bytes: 1024 ** 3 },
  { suffix: 'T', name: 'tebibytes', bytes: 1024 ** 4 },
  { suffix: 'P', name: 'pebibytes', bytes: 1024 ** 5 },
  { suffix: 'E', name: 'exbibytes', bytes: 1024 ** 6 },
];
