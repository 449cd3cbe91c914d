/**
 * Synthetic unit files for the benchmark. Both generators are deterministic
 * (same arguments, same text) and give exactly the number of lines asked for,
 * each line ending in '\n', so tests may reuse them.
 */

/**
 * A large but realistic unit: sections of a service with comments, blank
 * lines, continued command lines, quoted arguments, specifiers, lists and
 * some non-ASCII text, repeated until it has exactly `lineCount` lines.
 */
export function generateUnit(lineCount: number): string {
  const block = [
    '# Generated for the benchmark: a service with its hardening.',
    '[Unit]',
    'Description=Benchmark service %i — «generated»',
    'Documentation=man:systemd.service(5) https://example.org/docs',
    'After=network-online.target nss-lookup.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=notify',
    'ExecStartPre=/usr/bin/install -d -m 0750 /run/bench',
    'ExecStart=/usr/bin/bench --config "/etc/bench/bench.conf" \\',
    '          --listen [::]:8080 \\',
    '          --label "a value with spaces" %n',
    '; a semicolon comment',
    'Environment="LANG=C.UTF-8" "TZ=Europe/Berlin"',
    'ProtectSystem=strict',
    'ProtectHome=yes',
    'PrivateTmp=yes',
    'NoNewPrivileges=yes',
    'CapabilityBoundingSet=CAP_NET_BIND_SERVICE',
    'SystemCallFilter=@system-service',
    'SystemCallFilter=~@privileged @resources',
    'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6',
    'ReadWritePaths=/var/lib/bench /var/log/bench',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ];
  const lines: string[] = [];
  while (lines.length < lineCount) lines.push(...block);
  return `${lines.slice(0, lineCount).join('\n')}\n`;
}

/** generateUnit with as many lines as it takes to reach at least `bytes` bytes of UTF-8. */
export function generateUnitOfSize(bytes: number): { text: string; lines: number } {
  const sampleLines = 28 * 100;
  const perLine = Buffer.byteLength(generateUnit(sampleLines)) / sampleLines;
  let lines = Math.ceil(bytes / perLine);
  let text = generateUnit(lines);
  while (Buffer.byteLength(text) < bytes) text = generateUnit(++lines);
  return { text, lines };
}

export interface OrderingUnitOptions {
  /** How many different unit names the values draw from (default 5,000). */
  distinctNames?: number;
  /** Lines per [Unit] section, its header included (default 40). */
  linesPerSection?: number;
}

const ORDERING_KEYS = ['After', 'Before', 'Wants', 'Requires', 'BindsTo', 'PartOf'] as const;
const NAME_SHAPES = [
  (n: number) => `svc-${n}.service`,
  (n: number) => `group-${n}.target`,
  (n: number) => `listen-${n}.socket`,
  (n: number) => `srv-data${n}.mount`,
  (n: number) => `job-${n}.timer`,
  (n: number) => `worker@${n}.service`,
  (n: number) => `spool-${n}.path`,
  (n: number) => `dev-disk-by\\x2duuid-${n}.device`,
];

/**
 * A unit made of ordering and dependency settings only: many [Unit] sections
 * of After=, Before=, Wants=, Requires=, BindsTo= and PartOf= lines, each
 * naming one to four units out of a large pool of distinct names (services,
 * targets, sockets, mounts, timers, template instances, paths, escaped
 * device names), with a comment line now and then. Exactly `lineCount` lines.
 */
export function generateOrderingUnit(lineCount: number, options: OrderingUnitOptions = {}): string {
  const distinct = Math.max(1, options.distinctNames ?? 5_000);
  const perSection = Math.max(2, options.linesPerSection ?? 40);
  // A fixed linear congruential sequence keeps the text the same on every run.
  let seed = 0x2545f491;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  const name = (): string => {
    const n = next() % distinct;
    return NAME_SHAPES[n % NAME_SHAPES.length](n);
  };
  const lines: string[] = [];
  let keyIndex = 0;
  for (let i = 0; i < lineCount; i++) {
    const inSection = i % perSection;
    if (inSection === 0) {
      lines.push('[Unit]');
    } else if (inSection % 13 === 0) {
      lines.push(`# dependencies, part ${Math.floor(i / perSection) + 1}`);
    } else {
      const count = 1 + (next() % 4);
      const names = Array.from({ length: count }, name);
      lines.push(`${ORDERING_KEYS[keyIndex++ % ORDERING_KEYS.length]}=${names.join(' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Units that are large in one way only, each a worst case for some part of the check. */
export const LOPSIDED_SHAPES = {
  /** Every line a command line continued onto a second line (a multi-line value each). */
  'continued command lines': (i: number) => `ExecStartPre=/bin/echo step ${i} \\\n  of the preparation\n`,
  /** One list setting over and over, each line a new variable. */
  'Environment= lines': (i: number) => `Environment=VARIABLE_${i}=value-${i}\n`,
  /** Settings systemd does not know, from a few names: a finding on every line. */
  'unknown settings': (i: number) => `Unknown${i % 50}=value\n`,
  /** Comment lines, as a unit that explains itself at length has. */
  'comment lines': (i: number) => `# step ${i} of the preparation\n`,
  /** A section header and one setting, over and over, as units pasted one after another have. */
  'sections of one line': (i: number) => `[Service]\nExecStartPre=/usr/bin/prepare --step ${i}\n`,
} as const;

export type LopsidedShape = keyof typeof LOPSIDED_SHAPES;

/** A service of one shape of line (see LOPSIDED_SHAPES), at least `bytes` bytes of UTF-8 long. */
export function generateLopsidedUnit(shape: LopsidedShape, bytes: number): { text: string; lines: number } {
  const line = LOPSIDED_SHAPES[shape];
  const parts = ['[Service]\nExecStart=/usr/bin/true\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const next = line(i);
    parts.push(next);
    size += next.length;
  }
  const text = parts.join('');
  return { text, lines: text.split('\n').length - 1 };
}

/**
 * Long lines of one list setting: each just under the 1 MiB that systemd reads of a line, made
 * of words that repeat (a few distinct ones) or do not. The worst cases of what a check does per
 * word, where a unit of short lines tests what it does per line.
 */
export const LONG_LINE_SHAPES = {
  /** System calls from 50 names: each line is a filter of half a million words. */
  'SystemCallFilter=': (k: number) => `call${k % 50}`,
  /** One namespace over and over. */
  'RestrictNamespaces=': () => 'net',
  /** One address family over and over. */
  'RestrictAddressFamilies=': () => 'AF_INET',
  /** One capability over and over. */
  'CapabilityBoundingSet=': () => 'CAP_CHOWN',
  /** A new variable for every word. */
  'Environment=': (k: number) => `V${k}=1`,
} as const;

export type LongLineShape = keyof typeof LONG_LINE_SHAPES;

/** Bytes of each line's value in a unit of long lines: under systemd's limit of 1 MiB a line. */
export const LONG_LINE_BYTES = 900_000;

/**
 * A service of `lines` long lines of one shape (see LONG_LINE_SHAPES). Each line is a little
 * shorter than the one before, so that no two read the same: a check remembers lines it has read.
 */
export function generateLongLineUnit(shape: LongLineShape, lines: number): { text: string; lines: number } {
  const word = LONG_LINE_SHAPES[shape];
  const parts = ['[Service]\nExecStart=/usr/bin/true\n'];
  for (let l = 0; l < lines; l++) {
    const words: string[] = [];
    let length = 0;
    for (let k = 0; length < LONG_LINE_BYTES - l * 100; k++) {
      const next = word(k);
      words.push(next);
      length += next.length + 1;
    }
    parts.push(`${shape}${words.join(' ')}\n`);
  }
  const text = parts.join('');
  return { text, lines: lines + 2 };
}
