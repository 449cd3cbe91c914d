/**
 * Speed and memory of UnitGuard: the core over the corpus and over generated
 * 50,000-line units, `security` against systemd-analyze, the language server
 * over stdio, and the CLI's peak memory on 1 MB and 10 MB units. A
 * measurement, not a test: it prints figures and never fails on them; the exit
 * status is 1 only when something measured crashed.
 *
 *   npm run bench                      # corpus from env UNITGUARD_CORPUS, else ../shared/corpus
 *   node out/test/bench/bench.js [DIR] [--quick] [--runs N] [--only lsp,corpus,large,security,memory]
 */
import * as os from 'node:os';
import { benchCorpus } from './corpus';
import { benchLargeUnits } from './largeUnits';
import { benchLsp } from './lsp';
import { benchMemory } from './memory';
import { benchSecurity } from './security';
import { errorText, type Options, type Summary } from './stats';

export { generateOrderingUnit, generateUnit, generateUnitOfSize } from './generate';

/**
 * The language server goes first: the figures are its times as the bench receives its messages,
 * and after the corpus and the long units, the bench's own larger heap takes collections of its
 * own in the middle of them (a 99th percentile of 6.6 ms instead of 4.8 to 5.1 on its own).
 */
const PARTS: Record<string, (options: Options, summary: Summary) => void | Promise<void>> = {
  lsp: benchLsp,
  corpus: benchCorpus,
  large: benchLargeUnits,
  security: benchSecurity,
  memory: benchMemory,
};

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const valueOf = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const runs = Math.max(1, Number(valueOf('--runs')) || (quick ? 3 : 7));
  const only = (valueOf('--only') ?? '').split(',').filter(Boolean);
  for (const part of only) if (!(part in PARTS)) throw new Error(`unknown part ${part}; the parts are ${Object.keys(PARTS).join(', ')}`);
  const takesValue = new Set(['--runs', '--only']);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !takesValue.has(argv[i - 1]));
  return { quick, runs, corpusArg: positional[0], only };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} threads, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${os.platform()} ${os.arch()}`;
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const rows: Array<[string, string]> = [];
  const failures: string[] = [];
  const summary: Summary = {
    row: (figure, value) => rows.push([figure, value]),
    failed: (what, error) => {
      const message = `FAILED: ${what}: ${errorText(error)}`;
      console.log(`  ${message}`);
      failures.push(message);
      rows.push([what, 'FAILED (crashed)']);
    },
  };
  const started = Date.now();
  console.log(`UnitGuard benchmark on ${machine()}`);
  console.log(`${options.quick ? 'quick: ' : ''}${options.runs} timed runs per in-process figure; MB = 10^6 bytes; ms figures are median [min .. max] or p50/p99\n`);
  for (const [name, part] of Object.entries(PARTS)) {
    if (options.only.length > 0 && !options.only.includes(name)) continue;
    try {
      await part(options, summary);
    } catch (error) {
      summary.failed(`the ${name} part`, error);
    }
  }

  console.log(`\n## Summary (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log('| Figure | Value |');
  console.log('|---|---|');
  console.log(`| Machine | ${machine()} |`);
  for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);
  if (failures.length > 0) {
    console.log(`\n${failures.length} measured thing(s) crashed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
