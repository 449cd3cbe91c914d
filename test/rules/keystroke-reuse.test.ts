/**
 * A keystroke changes one line. The checks that read the unit only through its model keep their
 * findings from the last version when the line is not one they read; the checks of one line keep
 * their findings about the other lines; what repeated lines do is worked out again for the
 * changed line's setting alone. Whatever is kept, the findings and their fixes must be exactly those of a fresh check.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, EvidenceCache, revisedUnitDocument, type Analysis } from '../../server/src/core';
import { knownKeyPlaces } from '../../server/src/core/syntax/keyPlaces';
import { ruleFixtureUnits } from '../support/breakageUnits';
import { generateUnit } from '../bench/generate';

/** What a check gives, fixes and their edits included. */
function everything(analysis: Analysis): string {
  return JSON.stringify({ found: analysis.found, diagnostics: analysis.diagnostics });
}

/** Keystroke-like edits of one line: the line count stays. */
const EDITS: ReadonlyArray<{ name: string; edit: (line: string) => string }> = [
  { name: 'type a character', edit: (line) => `${line}x` },
  { name: 'delete the last character', edit: (line) => line.slice(0, -1) },
  { name: 'empty the value', edit: (line) => (line.includes('=') ? line.slice(0, line.indexOf('=') + 1) : line) },
  { name: 'comment the line out', edit: (line) => `#${line}` },
  { name: 'write a protection', edit: () => 'PrivateDevices=yes' },
  { name: 'write evidence', edit: () => 'DeviceAllow=/dev/rtc r' },
  { name: 'write a capability', edit: () => 'AmbientCapabilities=CAP_NET_ADMIN' },
  { name: 'write a bare ~', edit: (line) => (line.includes('=') ? `${line.slice(0, line.indexOf('=') + 1)}~` : line) },
];

describe('findings kept across keystrokes are those of a fresh check', () => {
  // Units with evidence, and units with unknown, misplaced, deprecated, repeated and invalid lines.
  const all = ['breakage', 'structure', 'values'].flatMap(ruleFixtureUnits);

  test('there are units to edit', () => assert.ok(all.length >= 10, `${all.length} units`));

  for (const { name, edit } of EDITS) {
    test(`${name}, on every line of every unit`, () => {
      let compared = 0;
      for (const unit of all) {
        const lines = unit.text.split('\n');
        const cache = new EvidenceCache();
        let version = 1;
        analyze(createUnitDocument(unit.uri, unit.text, version++), DEFAULT_SETTINGS, {}, cache);
        for (let at = 0; at < lines.length; at++) {
          // Each edited version, then the original again: both are checked with what the last one kept.
          for (const text of [[...lines.slice(0, at), edit(lines[at]), ...lines.slice(at + 1)].join('\n'), unit.text]) {
            const kept = analyze(createUnitDocument(unit.uri, text, version++), DEFAULT_SETTINGS, {}, cache);
            const fresh = analyze(createUnitDocument(unit.uri, text, version++), DEFAULT_SETTINGS, {});
            assert.equal(everything(kept), everything(fresh), `${unit.name}, line ${at + 1} (${name}):\n${text}`);
            compared++;
          }
        }
      }
      assert.ok(compared > 100, `${compared} versions compared`);
    });
  }
});

/** The edits above that change only values. */
const KEEP_KEYS = new Set(['type a character', 'delete the last character', 'empty the value', 'write a bare ~']);

describe('findings kept across keystrokes of a long unit, read again in parts, are those of a fresh check', () => {
  // A long unit's model finds the lines of a key where its tree says they are, and a version read
  // again in parts shares that with the one before while every key stays where it was. The
  // padding makes each fixture unit long enough for that; its extension lines are checked by
  // nothing.
  const PADDING = `\n[X-Padding]\n${Array.from({ length: 300 }, (_, i) => `X-Line${i % 7}=${i}`).join('\n')}\n`;
  const all = ['breakage', 'structure', 'values'].flatMap(ruleFixtureUnits).map((unit) => ({ ...unit, text: unit.text + PADDING }));

  for (const { name, edit } of EDITS) {
    test(`${name}, on every line of every unit but the padding`, () => {
      let compared = 0;
      let shared = 0;
      for (const unit of all) {
        const lines = unit.text.split('\n');
        const cache = new EvidenceCache();
        let version = 1;
        let document = createUnitDocument(unit.uri, unit.text, version++);
        analyze(document, DEFAULT_SETTINGS, {}, cache);
        const padding = lines.indexOf('[X-Padding]');
        for (let at = 0; at < padding; at++) {
          for (const text of [[...lines.slice(0, at), edit(lines[at]), ...lines.slice(at + 1)].join('\n'), unit.text]) {
            const before = document;
            document = revisedUnitDocument(document, text, version++);
            // A text equal to the last one gives the same tree: that shares nothing.
            if (document.tree !== before.tree && knownKeyPlaces(document.tree) !== undefined && knownKeyPlaces(document.tree) === knownKeyPlaces(before.tree)) shared++;
            const kept = analyze(document, DEFAULT_SETTINGS, {}, cache);
            const fresh = analyze(createUnitDocument(unit.uri, text, version++), DEFAULT_SETTINGS, {});
            assert.equal(everything(kept), everything(fresh), `${unit.name}, line ${at + 1} (${name}):\n${text}`);
            compared++;
          }
        }
      }
      assert.ok(compared > 100, `${compared} versions compared`);
      // An edit of a value keeps every key where it was (on a header or a comment it keeps nothing).
      if (KEEP_KEYS.has(name)) assert.ok(shared > compared / 4, `places shared by ${shared} of ${compared} versions`);
    });
  }
});

describe('a keystroke re-checks only what it touches', () => {
  const text = generateUnit(1_000);
  const lines = text.split('\n');
  const uri = 'file:///etc/systemd/system/bench.service';
  const middle = (prefix: string): number => lines.findIndex((l, i) => i >= 500 && l.startsWith(prefix));

  function runsAfter(edited: number): { before: Map<unknown, unknown>; after: Map<unknown, unknown> } {
    const cache = new EvidenceCache();
    analyze(createUnitDocument(uri, text, 1), DEFAULT_SETTINGS, {}, cache);
    const before = new Map(cache.lastRun?.runs);
    const changed = [...lines.slice(0, edited), `${lines[edited]}x`, ...lines.slice(edited + 1)].join('\n');
    analyze(createUnitDocument(uri, changed, 2), DEFAULT_SETTINGS, {}, cache);
    return { before, after: new Map(cache.lastRun?.runs) };
  }

  test('typing in Description= keeps every check but what repeated lines do, and that only for Description=', () => {
    const { before, after } = runsAfter(middle('Description='));
    assert.ok(before.size >= 12, `${before.size} checks`);
    for (const [check, run] of before) {
      const name = (check as { name: string }).name;
      if (name !== 'checkRepeats') assert.equal(after.get(check), run, name);
    }
    // The duplicates of other settings are the very findings of the version before.
    type Run = { found: { message: string }[] };
    const repeats = [...before].find(([check]) => (check as { name: string }).name === 'checkRepeats');
    assert.ok(repeats);
    const earlier = new Set((repeats[1] as Run).found);
    const now = (after.get(repeats[0]) as Run).found;
    const others = now.filter((d) => !d.message.startsWith('Description='));
    assert.ok(others.length > 100, `${others.length} findings about other settings`);
    assert.ok(others.every((d) => earlier.has(d)));
    assert.ok(now.some((d) => d.message.startsWith('Description=') && !earlier.has(d)), 'the duplicates of Description= were worked out again');
  });

  test('typing in ReadWritePaths= checks the paths again', () => {
    const { before, after } = runsAfter(middle('ReadWritePaths='));
    const redone = [...before].filter(([check, run]) => after.get(check) !== run).map(([check]) => (check as { name: string }).name);
    assert.ok(redone.includes('checkPaths'), redone.join(', '));
    assert.ok(!redone.includes('checkNotifySocket'), redone.join(', '));
  });

  test('typing in a line right after a duplicate of another setting works out only both settings again', () => {
    // A duplicate's fix removes its line and the start of the next: the duplicate BusName= touches the ExecStart= line after it.
    const block = (i: number): string => `[Service]\nType=simple\nBusName=org.example.b${i}\nExecStart=/usr/bin/b${i}\nUser=u${i}\n`;
    const blocks = Array.from({ length: 40 }, (_, i) => block(i));
    const base = blocks.join('');
    const cache = new EvidenceCache();
    analyze(createUnitDocument(uri, base, 1), DEFAULT_SETTINGS, {}, cache);
    const repeatsCheck = [...(cache.lastRun?.runs.keys() ?? [])].find((check) => (check as { name: string }).name === 'checkRepeats');
    type Run = { found: { message: string; range: { start: { line: number } } }[] };
    const before = cache.lastRun?.runs.get(repeatsCheck as never) as unknown as Run;
    const edited = base.replace('ExecStart=/usr/bin/b20', 'ExecStart=/usr/bin/b20x');
    const kept = analyze(createUnitDocument(uri, edited, 2), DEFAULT_SETTINGS, {}, cache);
    assert.equal(everything(kept), everything(analyze(createUnitDocument(uri, edited, 3), DEFAULT_SETTINGS, {})));
    const after = cache.lastRun?.runs.get(repeatsCheck as never) as unknown as Run;
    const line = edited.split('\n').findIndex((l) => l === 'ExecStart=/usr/bin/b20x');
    const earlier = new Set(before.found);
    const remade = after.found.filter((d) => !earlier.has(d));
    // The User= and Type= duplicates far from the change, and those of the other lines, are the findings of the version before.
    assert.ok(after.found.length > 100, `${after.found.length} findings`);
    assert.ok(remade.length > 0 && remade.every((d) => Math.abs(d.range.start.line - line) <= 1), remade.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n'));
    assert.ok(remade.some((d) => d.message.startsWith('BusName=')), 'the duplicate BusName= next to the change was worked out again');
  });
});
