/**
 * Fixes sorted out when read: the hot path (diagnostics) tries no fix against the unit's evidence
 * beyond what deciding a finding needs; the fix path sees the same fixes as before.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, withFixes, type Diagnostic, type Fix } from '../../server/src/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runRules } from '../../server/src/core/rules';
import { EvidenceCache } from '../../server/src/core/rules/evidence';
import { copyFinding, fixesMaybe, mayHaveFixes, setFixesWhenRead, withoutFixField } from '../../server/src/core/rules/fixesWhenRead';
import { present } from '../../server/src/core/features/diagnostics';
import { repoRoot } from '../corpus/corpusLocation';

const fix = (title: string): Fix => ({ title, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${title}\n` }] });

function finding(): Diagnostic {
  return { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, severity: 'warning', code: 'recommends', message: 'm', pairing: 'p' };
}

/** A finding whose fixes `a`, `b`, `c` are sorted out when read, keeping those `keep` names; counts the sorts. */
function lazy(keep: readonly string[]): { d: Diagnostic; sorts: () => number } {
  const d = finding();
  const offered = ['a', 'b', 'c'].map(fix);
  let sorts = 0;
  setFixesWhenRead(d, offered, () => {
    sorts++;
    return offered.filter((f) => keep.includes(f.title));
  });
  return { d, sorts: () => sorts };
}

describe('fixes sorted out when read', () => {
  test('reading sorts once, then the field is plain', () => {
    const { d, sorts } = lazy(['b']);
    assert.equal(sorts(), 0);
    assert.deepStrictEqual(d.fixes?.map((f) => f.title), ['b']);
    assert.deepStrictEqual(d.fixes?.map((f) => f.title), ['b']);
    assert.equal(sorts(), 1);
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(d, 'fixes')?.writable, true);
  });

  test('no fix kept: no field, as a finding made without fixes', () => {
    const { d } = lazy([]);
    assert.equal(d.fixes, undefined);
    assert.equal('fixes' in d, false);
    assert.deepStrictEqual(Object.keys(d), Object.keys(finding()));
  });

  test('the field is where a plain one would be, and JSON and copies see the sorted fixes', () => {
    const { d } = lazy(['a', 'c']);
    assert.deepStrictEqual(Object.keys(d), [...Object.keys(finding()), 'fixes']);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(d)).fixes.map((f: Fix) => f.title), ['a', 'c']);
    const other = lazy(['c']).d;
    assert.deepStrictEqual({ ...other }.fixes?.map((f) => f.title), ['c']);
  });

  test('what the hot path does with a finding sorts nothing', () => {
    const { d, sorts } = lazy(['a']);
    assert.equal(mayHaveFixes(d), true);
    assert.deepStrictEqual(fixesMaybe(d)?.map((f) => f.title), ['a', 'b', 'c']);
    const bare = withoutFixField(d);
    assert.equal('fixes' in bare, false);
    assert.deepStrictEqual(bare, finding());
    const regraded = copyFinding(d, { severity: 'error' });
    assert.equal(regraded.severity, 'error');
    assert.deepStrictEqual(present([d], DEFAULT_SETTINGS, false), [finding()]);
    assert.equal(sorts(), 0);
    // The copy sorts the original's fixes when its own are read.
    assert.deepStrictEqual(regraded.fixes?.map((f) => f.title), ['a']);
    assert.equal(sorts(), 1);
    assert.deepStrictEqual(fixesMaybe(d)?.map((f) => f.title), ['a']);
  });

  test('assigning replaces the fixes unsorted', () => {
    const { d, sorts } = lazy(['a']);
    d.fixes = [fix('z')];
    assert.deepStrictEqual(d.fixes.map((f) => f.title), ['z']);
    assert.equal(sorts(), 0);
    const { d: e } = lazy(['a']);
    delete e.fixes;
    assert.equal(mayHaveFixes(e), false);
    // Deleted, then given fixes again: those are what it has, not the ones it once offered.
    e.fixes = [fix('y')];
    assert.deepStrictEqual(fixesMaybe(e)?.map((f) => f.title), ['y']);
  });

  test('a frozen finding still gives its fixes', () => {
    const { d, sorts } = lazy(['b']);
    Object.freeze(d);
    assert.deepStrictEqual(d.fixes?.map((f) => f.title), ['b']);
    assert.deepStrictEqual(d.fixes?.map((f) => f.title), ['b']);
    assert.equal(sorts(), 2);
  });
});

/** Fixture units whose findings offer fixes that the evidence checks must try (they read the settings the fixes set). */
const FIXTURES = ['pairings/private-tmp', 'breakage/paths-home-root-hidden', 'values/boolean-enum'];

function fixture(name: string): { uri: string; text: string } {
  const dir = path.join(repoRoot, 'test/fixtures/rules', name);
  const file = readdirSync(dir).find((f) => f.endsWith('.service'));
  if (!file) throw new Error(`no .service in ${dir}`);
  return { uri: `file:///etc/systemd/system/${file}`, text: readFileSync(path.join(dir, file), 'utf8') };
}

describe('diagnostics try only what deciding a finding needs', () => {
  for (const name of FIXTURES) {
    test(`${name}: fixes are tried against the evidence when read, not before`, () => {
      const { uri, text } = fixture(name);
      const cache = new EvidenceCache();
      const found = runRules(createUnitDocument(uri, text, 1), DEFAULT_SETTINGS, {}, { evidenceCache: cache });
      const tried = cache.results.size;
      const withFixes = found.filter((d) => d.fixes !== undefined);
      assert.ok(withFixes.length > 0, 'some finding keeps a fix');
      assert.ok(cache.results.size > tried, `reading the fixes tried ${cache.results.size - tried} more (${tried} before)`);
      // Read again: nothing more is tried.
      const after = cache.results.size;
      for (const d of found) void d.fixes;
      assert.equal(cache.results.size, after);
    });
  }
});

/** Fixes still waiting to be sorted out: `fixes` is an accessor. */
function unsorted(d: Diagnostic): boolean {
  return Object.getOwnPropertyDescriptor(d, 'fixes')?.get !== undefined;
}

describe('the fix path sorts out only the fixes asked for', () => {
  test('a code action on one finding leaves the others unsorted', () => {
    const { uri, text } = fixture('merge/allow-then-deny-jitterentropy');
    const analysis = analyze(createUnitDocument(uri, text, 1), DEFAULT_SETTINGS, {}, new EvidenceCache());
    const pending = analysis.found.filter(unsorted);
    assert.ok(pending.length >= 2, `${pending.length} findings with fixes to sort out`);
    const [picked, ...others] = pending;
    withFixes(analysis, (d) => d === picked);
    assert.equal(unsorted(picked), false, 'the picked finding had its fixes sorted out');
    for (const d of others) assert.ok(unsorted(d), `${d.code} on line ${d.range.start.line + 1} was sorted out`);
  });
});

/** The collector, for a test that checks what is kept alive. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('kept findings do not hold the version they were made on', () => {
  test('after keystrokes that keep the hardening findings, the first version can be collected', async () => {
    const gc = collector();
    const { uri, text } = fixture('merge/allow-then-deny-jitterentropy');
    const cache = new EvidenceCache();
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Description='));
    assert.ok(at >= 0, 'the fixture has a Description= line');
    let first: WeakRef<object> | undefined;
    let found: Diagnostic[] = [];
    for (let version = 1; version <= 4; version++) {
      lines[at] = `Description=version ${version}`;
      const document = createUnitDocument(uri, lines.join('\n'), version);
      if (version === 1) first = new WeakRef(document);
      found = runRules(document, DEFAULT_SETTINGS, {}, { evidenceCache: cache });
    }
    const pending = found.filter(unsorted);
    assert.ok(pending.length > 0, 'findings kept with fixes still to sort out');
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(first?.deref(), undefined, 'the first version is still alive');
    // And their fixes, sorted now against the current version, are there.
    assert.ok(pending.some((d) => (d.fixes?.length ?? 0) > 0));
  });
});
