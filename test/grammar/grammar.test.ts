/**
 * The TextMate grammar: its file is sound (valid JSON, every include and
 * regex resolves, package.json points at it) and the fixtures in
 * test/fixtures/grammar/*.scopes get the scopes they ask for.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import {
  describeTokens,
  fixturesDir,
  grammarPath,
  loadGrammar,
  loadOniguruma,
  repoRoot,
  SCOPE_NAME,
  scopeMatches,
  tokenizeLines,
} from './textmate';
import { checkAssertion, parseScopeFixture, type ScopeCase } from './scopeFixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rule = { [key: string]: Json };

const raw = readFileSync(grammarPath, 'utf8');
const grammarJson = JSON.parse(raw) as Rule;
const repository = grammarJson.repository as Record<string, Rule>;

/** Every rule object in the grammar (top-level patterns, repository, nested patterns and captures). */
function allRules(): { rule: Rule; where: string; isCapture: boolean }[] {
  const out: { rule: Rule; where: string; isCapture: boolean }[] = [];
  const visit = (rule: Rule, where: string, isCapture = false): void => {
    out.push({ rule, where, isCapture });
    const patterns = rule.patterns as Rule[] | undefined;
    patterns?.forEach((p, i) => visit(p, `${where}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
      const captures = rule[key] as Record<string, Rule> | undefined;
      for (const [n, c] of Object.entries(captures ?? {})) visit(c, `${where}.${key}[${n}]`, true);
    }
  };
  (grammarJson.patterns as Rule[]).forEach((p, i) => visit(p, `patterns[${i}]`));
  for (const [key, rule] of Object.entries(repository)) visit(rule, `repository.${key}`);
  return out;
}

/** Every scope name the grammar gives (names may list several scopes separated by blanks). */
function allScopeNames(): string[] {
  const names = new Set<string>();
  for (const { rule } of allRules()) {
    for (const key of ['name', 'contentName']) {
      const value = rule[key];
      if (typeof value === 'string') for (const s of value.split(/\s+/)) if (s) names.add(s);
    }
  }
  return [...names].sort();
}

function loadCases(): { file: string; cases: ScopeCase[] }[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.scopes'))
    .sort()
    .map((file) => ({ file, cases: parseScopeFixture(file, readFileSync(path.join(fixturesDir, file), 'utf8')) }));
}

describe('grammar file', () => {
  test('is JSON with the scope name package.json registers for the language', () => {
    assert.equal(grammarJson.scopeName, SCOPE_NAME);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const grammars = pkg.contributes.grammars as { language: string; scopeName: string; path: string }[];
    const entry = grammars.find((g) => g.scopeName === SCOPE_NAME);
    assert.ok(entry, 'package.json contributes.grammars has no entry for source.systemd-unit');
    assert.equal(entry.language, 'systemd-unit');
    assert.equal(path.resolve(repoRoot, entry.path), grammarPath);
    const languages = pkg.contributes.languages as { id: string }[];
    assert.ok(languages.some((l) => l.id === entry.language), 'the grammar names a language package.json does not declare');
  });

  test('every include names a repository rule, and every repository rule is used', () => {
    const used = new Set<string>();
    const problems: string[] = [];
    for (const { rule, where } of allRules()) {
      const include = rule.include;
      if (include === undefined) continue;
      if (typeof include !== 'string' || !include.startsWith('#')) {
        problems.push(`${where}: include ${JSON.stringify(include)} is not a local #rule`);
        continue;
      }
      const key = include.slice(1);
      if (!Object.prototype.hasOwnProperty.call(repository, key)) problems.push(`${where}: include ${include} has no repository rule`);
      used.add(key);
    }
    for (const key of Object.keys(repository)) if (!used.has(key)) problems.push(`repository.${key} is never included`);
    assert.deepEqual(problems, []);
  });

  test('every rule has one clear shape', () => {
    const problems: string[] = [];
    for (const { rule, where, isCapture } of allRules()) {
      if (isCapture) {
        if (!('name' in rule) && !('patterns' in rule)) problems.push(`${where}: capture without name or patterns`);
        continue;
      }
      const shape = ['match', 'begin', 'include'].filter((k) => k in rule);
      if (shape.length > 1) problems.push(`${where}: mixes ${shape.join(' and ')}`);
      if ('begin' in rule && !('end' in rule) && !('while' in rule)) problems.push(`${where}: begin without end`);
      if ('end' in rule && !('begin' in rule)) problems.push(`${where}: end without begin`);
      if (shape.length === 0 && !('patterns' in rule)) problems.push(`${where}: matches nothing`);
    }
    assert.deepEqual(problems, []);
  });

  test('every regular expression compiles with Oniguruma', async () => {
    await loadOniguruma();
    const problems: string[] = [];
    let count = 0;
    for (const { rule, where } of allRules()) {
      for (const key of ['match', 'begin', 'end', 'while']) {
        const source = rule[key];
        if (typeof source !== 'string') continue;
        count++;
        try {
          new oniguruma.OnigScanner([source]).dispose();
        } catch (error) {
          problems.push(`${where}.${key}: ${(error as Error).message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(count >= 20, `only ${count} expressions found: the walk missed rules`);
  });

  test('every scope name ends in .systemd-unit', () => {
    const names = allScopeNames();
    assert.ok(names.length > 20);
    assert.deepEqual(names.filter((n) => !n.endsWith('.systemd-unit')), []);
  });
});

describe('scope fixtures', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = (await loadGrammar()).grammar;
  });

  const files = loadCases();

  test('cover every scope the grammar gives and every feature of the format', () => {
    const positive = files.flatMap((f) => f.cases.flatMap((c) => c.assertions.filter((a) => a.kind !== 'not')));
    const negative = files.flatMap((f) => f.cases.flatMap((c) => c.assertions.filter((a) => a.kind === 'not')));
    const uncovered = allScopeNames().filter((name) => !positive.some((a) => scopeMatches(name, a.scope)));
    assert.deepEqual(uncovered, [], 'grammar scopes no fixture asserts');
    const required = [
      'entity.name.section',
      'punctuation.definition.section.begin',
      'support.type.property-name',
      'punctuation.separator.key-value',
      'string.unquoted.value',
      'comment.line.number-sign',
      'comment.line.semicolon',
      'constant.character.escape.line-continuation',
      'constant.other.placeholder',
      'constant.character.escape.percent',
      'constant.language.boolean',
      'keyword.operator.negation',
      'storage.modifier.exec-prefix',
      'variable.other',
      'constant.numeric',
      'string.quoted.double',
      'string.quoted.single',
    ];
    assert.deepEqual(required.filter((s) => !positive.some((a) => scopeMatches(s, a.scope))), [], 'features without a positive case');
    for (const s of ['comment', 'constant.other.placeholder', 'constant.language.boolean', 'keyword.operator.negation', 'storage.modifier.exec-prefix', 'entity.name.section']) {
      assert.ok(negative.some((a) => scopeMatches(s, a.scope)), `no negative case for ${s}`);
    }
  });

  for (const { file, cases } of files) {
    describe(file, () => {
      for (const c of cases) {
        test(c.title, () => {
          const tokens = tokenizeLines(grammar, c.lines);
          const failures = c.assertions.map((a) => checkAssertion(c.lines, tokens, a)).filter((m): m is string => !!m);
          if (failures.length) {
            const dump = c.lines.map((line, i) => `${JSON.stringify(line)}\n${describeTokens(tokens[i])}`).join('\n');
            assert.fail(`${failures.join('\n')}\n--- tokens (${c.where}) ---\n${dump}`);
          }
        });
      }
    });
  }
});
