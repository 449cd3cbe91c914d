/**
 * Units for numbers: time spans (systemd.time) and sizes. The first spelling
 * of each is offered; systemd accepts the others too.
 */
export interface NumberUnit {
  readonly unit: string;
  readonly meaning: string;
  /** Only where the value has nanosecond resolution. */
  readonly nsec?: true;
}

export const TIME_UNITS: readonly NumberUnit[] = [
  { unit: 's', meaning: 'seconds (also `sec`, `second`, `seconds`); a bare number means seconds too' },
  { unit: 'min', meaning: 'minutes (also `minute`, `minutes`, `m`)' },
  { unit: 'h', meaning: 'hours (also `hr`, `hour`, `hours`)' },
  { unit: 'ms', meaning: 'milliseconds (also `msec`)' },
  { unit: 'us', meaning: 'microseconds (also `usec`, `μs`)' },
  { unit: 'd', meaning: 'days (also `day`, `days`)' },
  { unit: 'w', meaning: 'weeks (also `week`, `weeks`)' },
  { unit: 'M', meaning: 'months of 30.44 days (also `month`, `months`)' },
  { unit: 'y', meaning: 'years of 365.25 days (also `year`, `years`)' },
  { unit: 'ns', meaning: 'nanoseconds (also `nsec`)', nsec: true },
];

export const BYTE_UNITS: readonly NumberUnit[] = [
  { unit: 'K', meaning: 'kibibytes (1024 bytes)' },
  { unit: 'M', meaning: 'mebibytes (1024 K)' },
  { unit: 'G', meaning: 'gibibytes (1024 M)' },
  { unit: 'T', meaning: 'tebibytes (1024 G)' },
  { unit: 'P', meaning: 'pebibytes (1024 T)' },
  { unit: 'E', meaning: 'exbibytes (1024 P)' },
];
