import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { createUnitDocument, diagnose, parseProblems, type Diagnostic } from '../../server/src/core';
import { decodeUnitText } from '../../server/src/node/readUnitFile';
import { isUnitFileName } from '../../server/src/cli/files';
import { corpusFolder, reportMissingCorpus, repoRoot } from './corpusLocation';
import { parseTsv } from './tsv';

/**
 * Every real unit file of the corpus parses without a problem of form: the
 * parser reads what systemd reads. Build-time templates (`*.in`) hold
 * placeholder lines (`@ProtectSystem@`, `{% if X %}`, `{{WATCHDOG}}`, `{# ... `)
 * that are not assignments until the template is filled in: the service must
 * not report those either.
 */
const corpus = corpusFolder();
const PARSE_CODES: ReadonlySet<string> = new Set(Object.keys(parseProblems));

interface ManifestRow {
  path: string;
  kind: string;
  sha1: string;
}

interface Checked {
  row: ManifestRow;
  text: string;
  diagnostics: Diagnostic[];
}

function loadCorpus(): Checked[] {
  const rows = parseTsv(readFileSync(path.join(corpus.dir, 'MANIFEST.tsv'), 'utf8')) as unknown as ManifestRow[];
  return rows.map((row) => {
    const file = path.join(corpus.dir, row.path);
    const bytes = readFileSync(file);
    assert.equal(createHash('sha1').update(bytes).digest('hex'), row.sha1, `${row.path}: not the file the manifest describes`);
    const text = decodeUnitText(bytes);
    return { row, text, diagnostics: diagnose(createUnitDocument(pathToFileURL(file).href, text)) };
  });
}

/** The parse problems of a file. */
function unexpectedParseProblems(checked: Checked): string[] {
  const lines = checked.text.split(/\r\n|\r|\n/);
  return checked.diagnostics
    .filter((d) => PARSE_CODES.has(d.code))
    .map((d) => `${checked.row.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code}: ${JSON.stringify(lines[d.range.start.line])}`);
}

describe('corpus: no parse problems in real unit files', () => {
  if (!corpus.found) {
    it('needs the corpus', (t) => {
      t.skip(reportMissingCorpus(corpus.dir));
    });
    return;
  }

  let all: Checked[] | undefined;
  const checkedFiles = (): Checked[] => (all ??= loadCorpus());

  it('reads every file of the manifest (sha1 verified)', (t) => {
    const files = checkedFiles();
    assert.ok(files.length > 0, 'the manifest lists no files');
    const kinds = new Map<string, number>();
    for (const f of files) kinds.set(f.row.kind, (kinds.get(f.row.kind) ?? 0) + 1);
    t.diagnostic(`${files.length} files: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    assert.deepEqual([...kinds.keys()].sort(), ['dropin', 'template', 'unit']);
  });

  for (const kind of ['unit', 'dropin', 'template']) {
    it(`no parse problem in any ${kind} file`, () => {
      const files = checkedFiles().filter((f) => f.row.kind === kind);
      assert.ok(files.length > 0);
      const problems = files.flatMap(unexpectedParseProblems);
      assert.deepEqual(problems, [], `${problems.length} parse problems:\n${problems.join('\n')}`);
    });
  }

  it('the CLI walks the corpus folder to the same files and diagnostics', (t) => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/unitguard.js'), 'check', '--format', 'json', corpus.dir], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    assert.notEqual(result.status, 2, result.stderr);
    const output = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> };
    const byPath = new Map(output.files.map((f) => [path.relative(corpus.dir, f.path).split(path.sep).join('/'), f]));

    const files = checkedFiles();
    // Files whose names do not say they are units (a drop-in kept outside a NAME.TYPE.d folder)
    // are checked when named, but not found by walking.
    const walkable = files.filter((f) => isUnitFileName(path.posix.basename(f.row.path), path.posix.basename(path.posix.dirname(f.row.path))));
    const notWalkable = files.filter((f) => !walkable.includes(f)).map((f) => f.row.path);
    t.diagnostic(`not found by walking (names not marking a unit): ${notWalkable.join(', ') || 'none'}`);
    assert.ok(notWalkable.every((p) => p.endsWith('.conf')), notWalkable.join(', '));
    assert.deepEqual([...byPath.keys()].sort(), walkable.map((f) => f.row.path).sort());

    for (const f of walkable) {
      const printed = (byPath.get(f.row.path)?.diagnostics ?? []).map((d) => [d.code, d.range]);
      assert.deepEqual(printed, f.diagnostics.map((d) => [d.code, d.range]), f.row.path);
    }
  });
});
