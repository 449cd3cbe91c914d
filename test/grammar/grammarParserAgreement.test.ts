/**
 * The grammar colours what the parser reads: on every line, comments, keys,
 * the `=`, values and section headers found by `parse()` (which follows
 * systemd's own reader) carry the matching scopes, and nothing else does.
 * Runs over the fixture units, the examples and, when present, the corpus of
 * real unit files (env UNITGUARD_CORPUS, default ../shared/corpus).
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { allEntries, parse, type Range } from '../../server/src/core';
import { corpusFolder, corpusManifestPaths, reportMissingCorpus } from '../corpus/corpusLocation';
import { fixturesDir, hasScope, loadGrammar, repoRoot, splitLines, tokenAt, tokenizeLines, type Token } from './textmate';

const KEY = 'support.type.property-name';
const EQUALS = 'punctuation.separator.key-value';
const VALUE = 'string.unquoted.value';
const COMMENT = 'comment';
const SECTION = 'entity.name.section';
const INVALID_HEADER = 'invalid.illegal.section-header';

/** Where the grammar's scopes and the parser's tree disagree (empty when they agree). */
function disagreements(grammar: IGrammar, original: string, limit = 20): string[] {
  // VS Code drops a leading byte order mark before the grammar sees the text.
  const text = original.charCodeAt(0) === 0xfeff ? original.slice(1) : original;
  const lines = splitLines(text);
  const tokens = tokenizeLines(grammar, lines);
  const tree = parse(text);
  const problems: string[] = [];
  const report = (line: number, message: string): void => {
    if (problems.length < limit) problems.push(`line ${line + 1} ${JSON.stringify(lines[line])}: ${message}`);
  };
  const carries = (line: number, column: number, scope: string): boolean => hasScope(tokenAt(tokens[line], column), scope);
  const spanCarries = (r: Range, scope: string): boolean => {
    if (r.start.line !== r.end.line) return false;
    for (let c = r.start.character; c < r.end.character; c++) if (!carries(r.start.line, c, scope)) return false;
    return true;
  };
  const linesWith = (scope: string): Set<number> =>
    new Set(tokens.flatMap((lineTokens, i) => (lineTokens.some((t: Token) => hasScope(t, scope)) ? [i] : [])));

  // Comments: the same lines, from the first non-blank character to the end.
  const commentLines = new Set(tree.comments.map((c) => c.range.start.line));
  for (const c of tree.comments) if (!spanCarries(c.range, COMMENT)) report(c.range.start.line, 'the parser reads a comment here');
  for (const line of linesWith(COMMENT)) if (!commentLines.has(line)) report(line, 'comment scope on a line the parser does not read as a comment');

  // Assignments: key, '=' and every piece of the value.
  const keyLines = new Set<number>();
  for (const entry of allEntries(tree)) {
    if (entry.keyRange.start.line !== entry.keyRange.end.line) continue; // a continuation inside a key: not modelled
    keyLines.add(entry.keyRange.start.line);
    if (!spanCarries(entry.keyRange, KEY)) report(entry.keyRange.start.line, `key ${JSON.stringify(entry.key)} is not scoped as a key`);
    if (!spanCarries(entry.equalsRange, EQUALS)) report(entry.equalsRange.start.line, 'the "=" is not scoped as the separator');
    for (const segment of entry.segments) {
      if (!spanCarries(segment.range, VALUE)) report(segment.range.start.line, `value ${JSON.stringify(segment.text)} is not scoped as a value`);
    }
  }
  for (const line of linesWith(KEY)) if (!keyLines.has(line)) report(line, 'key scope on a line where the parser finds no key');

  // Section headers: well-formed ones are named, malformed ones invalid.
  const headerLines = new Set<number>();
  for (const section of tree.sections) {
    const line = section.headerRange.start.line;
    headerLines.add(line);
    if (section.malformed) {
      if (!tokens[line].some((t) => hasScope(t, INVALID_HEADER))) report(line, 'the parser reads a malformed header here');
    } else if (section.name && !spanCarries(section.nameRange, SECTION)) {
      report(line, `section name ${JSON.stringify(section.name)} is not scoped`);
    }
  }
  for (const line of new Set([...linesWith(SECTION), ...linesWith(INVALID_HEADER)])) {
    if (!headerLines.has(line)) report(line, 'header scope on a line the parser does not read as a header');
  }
  return problems;
}

describe('grammar and parser agree', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = (await loadGrammar()).grammar;
  });

  const local = [
    ...readdirSync(fixturesDir)
      .filter((f) => !f.endsWith('.scopes'))
      .map((f) => path.join(fixturesDir, f)),
    ...readdirSync(path.join(repoRoot, 'examples')).map((f) => path.join(repoRoot, 'examples', f)),
  ].sort();

  for (const file of local) {
    test(path.relative(repoRoot, file), () => {
      assert.deepEqual(disagreements(grammar, readFileSync(file, 'utf8')), []);
    });
  }

  test('a disagreement is reported (the check can fail)', () => {
    // A line the parser reads as a comment, fed to the check with the grammar of a different text.
    const problems = disagreements(grammar, 'Foo=bar\n#x\n');
    assert.deepEqual(problems, []);
    const broken = { ...grammar, tokenizeLine: (line: string, state: Parameters<IGrammar['tokenizeLine']>[1]) => grammar.tokenizeLine(line.replace('#', 'X'), state) };
    assert.ok(disagreements(broken as IGrammar, 'Foo=bar\n#x\n').length > 0);
  });

  test('the corpus of real unit files', (t) => {
    const { dir, found } = corpusFolder();
    if (!found) {
      t.skip(reportMissingCorpus(dir));
      return;
    }
    const files = corpusManifestPaths(dir);
    assert.ok(files.length > 100, `only ${files.length} files listed in ${dir}/MANIFEST.tsv`);
    const failures: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      if (text.includes('\0')) continue; // systemd ends lines at NUL, editors do not
      checked++;
      const problems = disagreements(grammar, text, 5);
      if (problems.length) failures.push(`${file}:\n  ${problems.join('\n  ')}`);
    }
    assert.ok(checked > 100);
    assert.deepEqual(failures, []);
  });
});
