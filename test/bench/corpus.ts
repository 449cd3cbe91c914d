/**
 * Throughput over the real-world corpus, in process: parse only, parse and
 * every diagnostic, and diagnostics plus the exposure score the code lens
 * shows; then the CLI end to end over the whole folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, diagnose, DEFAULT_SETTINGS } from '../../server/src/core';
import { scoreOf, securityModel } from '../../server/src/core/features/securityLens';
import { collectInputs } from '../../server/src/cli/files';
import { decodeUnitText } from '../../server/src/node/readUnitFile';
import { parseTsv } from '../corpus/tsv';
import { corpusFolder, repoRoot } from '../corpus/corpusLocation';
import { bytes, msRange, now, rate, timeRuns, type Options, type Summary } from './stats';

export interface CorpusFile {
  /** Relative to the corpus folder. */
  path: string;
  absolutePath: string;
  uri: string;
  text: string;
  bytes: number;
  /** MANIFEST.tsv's row when there is a manifest. */
  row?: Record<string, string>;
}

/** The corpus folder: the command line's, else UNITGUARD_CORPUS, else ../shared/corpus. */
export function corpusDir(options: Options): string {
  return options.corpusArg !== undefined ? path.resolve(options.corpusArg) : corpusFolder().dir;
}

/** Prints a banner nobody can miss; the benchmark goes on without the corpus. */
export function skippedLoudly(message: string): void {
  const banner = '!'.repeat(Math.min(100, message.length));
  console.log(`\n${banner}\n${message}\n${banner}\n`);
}

/** The manifest's files when there is one (all of them), else what the CLI finds by walking. */
export function loadCorpus(dir: string): CorpusFile[] {
  const manifest = path.join(dir, 'MANIFEST.tsv');
  const entries: Array<{ absolutePath: string; row?: Record<string, string> }> = existsSync(manifest)
    ? parseTsv(readFileSync(manifest, 'utf8')).map((row) => ({ absolutePath: path.join(dir, row.path), row }))
    : collectInputs([dir], process.cwd()).inputs.flatMap((input) => (input.kind === 'file' ? [{ absolutePath: input.absolutePath }] : []));
  return entries.map(({ absolutePath, row }) => {
    const content = readFileSync(absolutePath);
    return {
      path: path.relative(dir, absolutePath),
      absolutePath,
      uri: pathToFileURL(absolutePath).href,
      text: decodeUnitText(content),
      bytes: content.length,
      ...(row ? { row } : {}),
    };
  });
}

/** Each pass returns a count of what it produced, so that no work can be optimised away. */
function parseAll(files: readonly CorpusFile[]): number {
  let sections = 0;
  for (const file of files) sections += createUnitDocument(file.uri, file.text).tree.sections.length;
  return sections;
}

function diagnoseAll(files: readonly CorpusFile[]): number {
  let count = 0;
  for (const file of files) count += diagnose(createUnitDocument(file.uri, file.text)).length;
  return count;
}

/** What the editor computes per document for diagnostics and the lens: the score for services. */
function diagnoseAndScoreAll(files: readonly CorpusFile[]): number {
  let count = 0;
  for (const file of files) {
    const document = createUnitDocument(file.uri, file.text);
    count += diagnose(document).length;
    const model = securityModel(document);
    if (model) {
      const result = scoreOf(model, DEFAULT_SETTINGS);
      if (result.ok) count += result.exposure;
    }
  }
  return count;
}

export function benchCorpus(options: Options, summary: Summary): void {
  const dir = corpusDir(options);
  console.log(`## Corpus throughput (${dir})`);
  if (!existsSync(dir)) {
    skippedLoudly(`SKIPPED: corpus not found at ${dir} (pass a folder, or set UNITGUARD_CORPUS)`);
    summary.row('Corpus throughput', 'SKIPPED (no corpus)');
    return;
  }
  const files = loadCorpus(dir);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const services = files.filter((f) => securityModel(createUnitDocument(f.uri, f.text)) !== undefined).length;
  console.log(`${files.length} files (${services} scored as services), ${bytes(total)}; files are read before timing`);
  // The figures are those of a warm engine: the CLI figure below is a cold one-shot run.
  const warmup = options.quick ? 1 : 10;
  const passes: Array<[string, string, (f: readonly CorpusFile[]) => number]> = [
    ['parse only', 'Corpus parse only', parseAll],
    ['parse + all diagnostics (diagnose)', 'Corpus diagnostics', diagnoseAll],
    ['parse + diagnostics + exposure score (scoreOf)', 'Corpus diagnostics + exposure score', diagnoseAndScoreAll],
  ];
  try {
    // The passes take turns, so that warm-up and the machine's ups and downs weigh on each alike.
    for (let i = 0; i < warmup; i++) for (const [, , pass] of passes) pass(files);
    const times = passes.map((): number[] => []);
    for (let run = 0; run < options.runs; run++) {
      passes.forEach(([, , pass], i) => times[i].push(...timeRuns(0, 1, () => pass(files))));
    }
    passes.forEach(([title, figure], i) => {
      console.log(`  ${title}: ${rate(files.length, 'files/s', times[i])}, ${rate(total / 1e6, 'MB/s', times[i])}; ${msRange(times[i])} per pass`);
      summary.row(figure, rate(files.length, 'files/s', times[i]));
    });
  } catch (error) {
    summary.failed('corpus throughput', error);
  }
  benchCheckCli(dir, files.length, options, summary);
}

/** `unitguard check --format json DIR`: one process over the whole folder, output discarded. */
function benchCheckCli(dir: string, fileCount: number, options: Options, summary: Summary): void {
  const bin = path.join(repoRoot, 'bin/unitguard.js');
  if (!existsSync(path.join(repoRoot, 'dist/cli.js'))) {
    console.log('  CLI: SKIPPED (dist/cli.js not built)');
    return;
  }
  const once = (): number => {
    const start = now();
    const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json', dir], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    if (result.error) throw result.error;
    if (result.status !== 0 && result.status !== 1) throw new Error(`unitguard check exited with ${result.status ?? result.signal}: ${result.stderr.toString().slice(-500)}`);
    return now() - start;
  };
  try {
    once();
    const times = Array.from({ length: options.quick ? 2 : 5 }, once);
    console.log(`  CLI end to end (node bin/unitguard.js check --format json DIR): ${msRange(times)}, ${rate(fileCount, 'files/s', times)}`);
    summary.row('Corpus CLI check, one process', `${msRange(times)} (${rate(fileCount, 'files/s', times)})`);
  } catch (error) {
    summary.failed('CLI check over the corpus', error);
  }
}
