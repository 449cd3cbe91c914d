/**
 * Speed of the language service: parse + diagnostics over every unit file of
 * the corpus and over one generated 50,000-line unit, and the CLI end to end.
 * A measurement, not a test: it prints figures and never fails on them.
 *
 *   npm run bench                # corpus from env UNITGUARD_CORPUS, else ../shared/corpus
 *   node out/test/bench/bench.js [DIR] [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { collectInputs } from '../../server/src/cli/files';
import { decodeUnitText } from '../../server/src/node/readUnitFile';
import { parseTsv } from '../corpus/tsv';
import { corpusFolder, repoRoot } from '../corpus/corpusLocation';

interface Input {
  uri: string;
  text: string;
  bytes: number;
}

interface Stats {
  median: number;
  min: number;
  max: number;
}

const WARMUP_RUNS = 3;

function main(argv: string[]): void {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 7) : 7;
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
  const corpusDir = positional[0] !== undefined ? path.resolve(positional[0]) : corpusFolder().dir;

  console.log(`UnitGuard benchmark: node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), ${runs} runs after ${WARMUP_RUNS} warm-up runs`);
  console.log('Figures: median [min .. max]; MB = 10^6 bytes of UTF-8 input; files are read before timing.\n');

  if (existsSync(corpusDir)) {
    const inputs = loadCorpus(corpusDir);
    const bytes = inputs.reduce((sum, input) => sum + input.bytes, 0);
    console.log(`Corpus ${corpusDir}: ${inputs.length} files, ${(bytes / 1e6).toFixed(3)} MB`);
    const times = measure(runs, () => checkAll(inputs));
    report('  parse + diagnostics, all files', times, [
      ['files/s', (s) => inputs.length / s],
      ['MB/s', (s) => bytes / 1e6 / s],
    ]);
    const cli = measureCli(corpusDir, Math.min(runs, 5));
    if (cli) report('  CLI end to end (node bin/unitguard.js check --format json DIR)', cli, [['files/s', (s) => inputs.length / s]]);
  } else {
    console.log(`SKIPPED: corpus not found at ${corpusDir}`);
  }

  const big = generateUnit(50_000);
  const bigBytes = Buffer.byteLength(big);
  const bigInput: Input[] = [{ uri: 'file:///bench/generated.service', text: big, bytes: bigBytes }];
  console.log(`\nGenerated unit: 50,000 lines, ${(bigBytes / 1e6).toFixed(3)} MB, ${checkAll(bigInput)} diagnostics`);
  const parseOnly = measure(runs, () => createUnitDocument(bigInput[0].uri, big));
  report('  parse only', parseOnly, [
    ['ms', (s) => s * 1000],
    ['lines/s', (s) => 50_000 / s],
    ['MB/s', (s) => bigBytes / 1e6 / s],
  ]);
  const whole = measure(runs, () => checkAll(bigInput));
  report('  parse + diagnostics', whole, [
    ['ms', (s) => s * 1000],
    ['lines/s', (s) => 50_000 / s],
    ['MB/s', (s) => bigBytes / 1e6 / s],
  ]);
}

/** The manifest's files when there is one (all of them), else what the CLI finds by walking. */
function loadCorpus(dir: string): Input[] {
  const manifest = path.join(dir, 'MANIFEST.tsv');
  const files = existsSync(manifest)
    ? parseTsv(readFileSync(manifest, 'utf8')).map((row) => path.join(dir, row.path))
    : collectInputs([dir], process.cwd()).inputs.flatMap((input) => (input.kind === 'file' ? [input.absolutePath] : []));
  return files.map((file) => {
    const bytes = readFileSync(file);
    return { uri: pathToFileURL(file).href, text: decodeUnitText(bytes), bytes: bytes.length };
  });
}

/** Parses and diagnoses every input; returns the diagnostics count so the work cannot be skipped. */
function checkAll(inputs: readonly Input[]): number {
  let count = 0;
  for (const input of inputs) count += diagnose(createUnitDocument(input.uri, input.text)).length;
  return count;
}

/** Seconds per run, after warm-up runs. */
function measure(runs: number, work: () => unknown): number[] {
  for (let i = 0; i < WARMUP_RUNS; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return times;
}

function measureCli(dir: string, runs: number): number[] | undefined {
  const bin = path.join(repoRoot, 'bin/unitguard.js');
  if (!existsSync(path.join(repoRoot, 'dist/cli.js'))) return undefined;
  const once = (): void => {
    const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json', dir], { maxBuffer: 512 * 1024 * 1024 });
    if (result.status === 2) throw new Error(`the CLI failed: ${result.stderr}`);
  };
  once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return times;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Prints each rate of the run times; a rate is highest for the fastest run. */
function report(title: string, seconds: readonly number[], rates: Array<[string, (s: number) => number]>): void {
  const s = stats(seconds);
  console.log(`${title}: ${(s.median * 1000).toFixed(2)} ms per run [${(s.min * 1000).toFixed(2)} .. ${(s.max * 1000).toFixed(2)}]`);
  for (const [unit, rate] of rates) {
    if (unit === 'ms') continue;
    const values = [rate(s.max), rate(s.median), rate(s.min)];
    console.log(`    ${format(values[1])} ${unit} [${format(values[0])} .. ${format(values[2])}]`);
  }
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

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

main(process.argv.slice(2));
