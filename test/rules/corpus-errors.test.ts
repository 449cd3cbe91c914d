import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { corpusFolder, reportMissingCorpus, repoRoot } from '../corpus/corpusLocation';
import { parseTsv } from '../corpus/tsv';

/**
 * False positives are bugs: over the real unit files of the corpus, the CLI reports nothing of
 * error severity that `systemd-analyze verify` (systemd 252, ORACLE-verify-lines.tsv) does not
 * report too. With the target version set to the oracle's, the settings verify calls unknown
 * are reported as newer than the target instead.
 */
const corpus = corpusFolder();

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
}

interface OracleLine {
  path: string;
  category: string;
  line: string;
}

function runCli(args: readonly string[]): Map<string, JsonDiagnostic[]> {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/unitguard.js'), 'check', '--format', 'json', ...args, corpus.dir], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  assert.notEqual(result.status, 2, result.stderr);
  const output = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: JsonDiagnostic[] }> };
  return new Map(output.files.map((f) => [path.relative(corpus.dir, f.path).split(path.sep).join('/'), f.diagnostics]));
}

/** The setting named on a line of a file (the key before `=`), for matching verify's messages. */
function keyAt(file: string, line: number): string {
  const text = readFileSync(path.join(corpus.dir, file), 'utf8').split(/\r\n|\n|\r/)[line] ?? '';
  return text.split('=')[0].trim();
}

/** Whether verify reports something about this line: same line number, or the same setting named. */
function verifyAgrees(oracle: readonly OracleLine[], file: string, d: JsonDiagnostic): boolean {
  const lines = oracle.filter((o) => o.path === file && !o.category.startsWith('exec-missing'));
  // A refused service is refused as a whole: verify names the unit, not a line.
  if (d.code === 'unit-refused') return lines.some((o) => o.line.includes('Refusing.'));
  const key = keyAt(file, d.range.start.line);
  const lineNo = `:${d.range.start.line + 1}:`;
  return lines.some((o) => o.line.includes(lineNo) || (key !== '' && (o.line.includes(`'${key}'`) || o.line.includes(`${key}=`))));
}

describe('corpus: no error that systemd-analyze verify would not report', () => {
  if (!corpus.found) {
    it('needs the corpus', (t) => {
      t.skip(reportMissingCorpus(corpus.dir));
    });
    return;
  }
  const oracle = parseTsv(readFileSync(path.join(corpus.dir, 'ORACLE-verify-lines.tsv'), 'utf8')) as unknown as OracleLine[];

  for (const version of [262, 252]) {
    it(`at systemd ${version}: every error is one verify reports too`, (t) => {
      const files = runCli(['--systemd-version', String(version)]);
      assert.ok(files.size > 600, `only ${files.size} files checked`);
      const errors: string[] = [];
      const unexplained: string[] = [];
      let total = 0;
      for (const [file, diagnostics] of files) {
        for (const d of diagnostics) {
          total++;
          if (d.severity !== 'error') continue;
          errors.push(file);
          if (!verifyAgrees(oracle, file, d)) unexplained.push(`${file}:${d.range.start.line + 1}: ${d.code}: ${d.message}`);
        }
      }
      t.diagnostic(`${files.size} files, ${total} diagnostics, ${errors.length} of error severity, ${unexplained.length} not reported by verify`);
      assert.deepEqual(unexplained, []);
    });
  }

  it('at systemd 252, every key verify calls unknown is reported as newer than the target', (t) => {
    const files = runCli(['--systemd-version', '252']);
    // verify also loads the units a unit triggers; keep the lines about the file itself.
    const unknownKeys = oracle.filter((o) => o.category === 'unknown-key' && o.line.includes(`/${path.posix.basename(o.path).replace(/\.in$/, '')}:`));
    const missed: string[] = [];
    for (const o of unknownKeys) {
      const key = /Unknown key '([^']+)'/.exec(o.line)?.[1];
      assert.ok(key, o.line);
      const diagnostics = files.get(o.path) ?? [];
      if (!diagnostics.some((d) => d.code === 'newer-than-target' && d.message.startsWith(`${key}=`))) missed.push(`${o.path}: ${key}`);
    }
    t.diagnostic(`${unknownKeys.length} unknown-key lines of verify, ${unknownKeys.length - missed.length} reported as newer than systemd 252`);
    assert.ok(unknownKeys.length > 0);
    assert.deepEqual(missed, []);
  });

  it('at systemd 252, every value verify cannot parse for being too new is reported as newer than the target', (t) => {
    const files = runCli(['--systemd-version', '252']);
    const refused = oracle.filter((o) => /Failed to parse .*, ignoring: /.test(o.line) && o.line.includes(`/${path.posix.basename(o.path).replace(/\.in$/, '')}:`));
    const missed: string[] = [];
    for (const o of refused) {
      const lineNo = Number(/:(\d+): /.exec(o.line)?.[1]);
      const value = /, ignoring: (.*)$/.exec(o.line)?.[1] ?? '';
      const diagnostics = files.get(o.path) ?? [];
      if (!diagnostics.some((d) => d.code === 'newer-than-target' && d.range.start.line === lineNo - 1 && d.message.includes(value))) missed.push(`${o.path}:${lineNo}: ${value}`);
    }
    t.diagnostic(`${refused.length} value lines verify could not parse, ${refused.length - missed.length} reported as newer than systemd 252`);
    assert.ok(refused.length >= 5, `only ${refused.length} lines`);
    assert.deepEqual(missed, []);
  });

  it('reports no error on any Debian 12 unit, which systemd 252 loads without a warning', () => {
    const files = runCli([]);
    const debianErrors = [...files].filter(([file]) => file.startsWith('debian12/')).flatMap(([file, ds]) => ds.filter((d) => d.severity === 'error').map((d) => `${file}: ${d.code}`));
    assert.deepEqual(debianErrors, []);
  });
});
