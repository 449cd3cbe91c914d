/**
 * Inputs whose counts pass what a spread call can take: a spread passes each
 * element as an argument on the stack, and V8 throws "Maximum call stack size
 * exceeded" past about 120,000 of them. A 1.2 MB unit of 150,000 misspelled
 * settings once crashed the check this way (the CLI, and the server's
 * analysis). The behaviours below run each place where such a list grows with
 * the input; the scan keeps new spread calls out of the product's sources.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFilePatch, createUnitDocument, diagnose, parsePatch, unifiedDiff } from '../../server/src/core';
import { appendAll, latin1Text, maxOf, minOf } from '../../server/src/core/arrays';
import { editedUnitDocument } from '../../server/src/core/unitDocument';
import { assess } from '../../server/src/core/security';
import { modelOf } from '../security/support';
import { typeScriptFiles } from './purityScanner';

/** Well past the ~120,000 arguments at which a spread call throws. */
const MANY = 150_000;

function lines(count: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(line(i));
  return `${out.join('\n')}\n`;
}

describe(`${MANY.toLocaleString('en')} of one thing`, () => {
  it('misspelled settings: the check reports each one', () => {
    const text = `[Service]\nExecStart=/bin/true\n${lines(MANY, (i) => `Frobnicate${i % 7}=yes`)}`;
    const found = diagnose(createUnitDocument('file:///many/unknown.service', text));
    assert.equal(found.filter((d) => d.code === 'unknown-directive').length, MANY);
  });

  it('assignments of one scored setting: the exposure score names each line', () => {
    const text = `[Service]\nExecStart=/bin/true\n${lines(MANY, (i) => (i % 2 ? `CapabilityBoundingSet=CAP_NET_BIND_SERVICE` : `CapabilityBoundingSet=CAP_CHOWN`))}PrivateDevices=yes\n`;
    const result = assess(modelOf('many.service', text), { systemdVersion: 252 });
    assert.ok(result.ok, JSON.stringify(result));
    // Exposure is counted in tenths: 10.0 is 100.
    assert.ok(result.exposure > 0 && result.exposure < 100, `exposure ${result.exposure}`);
    const named = result.tests.filter((t) => t.lines.length === MANY);
    assert.ok(named.length > 0, 'a check that names every CapabilityBoundingSet= line');
  });

  it('comment lines pasted in one edit: the new version keeps every comment', () => {
    const before = createUnitDocument('file:///many/comments.service', '[Service]\nExecStart=/bin/true\n', 1);
    const pasted = lines(MANY, (i) => `# note ${i}`);
    const after = editedUnitDocument(before, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: pasted }]);
    assert.equal(after.tree.comments.length, MANY);
    assert.equal(after.tree.sections[0].entries[0].key, 'ExecStart');
  });

  it('lines replaced wholesale: the diff of --fix --dry-run lists each', () => {
    const before = lines(MANY, (i) => `Environment=A${i}=1`);
    const after = lines(MANY, (i) => `Environment=B${i}=1`);
    const diff = unifiedDiff(before, after, 'many.service');
    assert.equal(diff.split('\n').filter((l) => l.startsWith('-Environment=')).length, MANY);
    assert.equal(diff.split('\n').filter((l) => l.startsWith('+Environment=')).length, MANY);
  });

  it('lines before and after a hunk: the patched text keeps them all', () => {
    const text = lines(2 * MANY + 1, (i) => (i === MANY ? 'Old=1' : `Keep=${i}`));
    const patch = `--- a/many.service\n+++ b/many.service\n@@ -${MANY + 1} +${MANY + 1} @@\n-Old=1\n+New=1\n`;
    const applied = applyFilePatch(text, parsePatch(patch).files[0]);
    assert.ok(applied.ok, JSON.stringify(applied).slice(0, 200));
    assert.equal(applied.text, text.replace('Old=1', 'New=1'));
  });
});

describe('the array helpers', () => {
  it('appendAll keeps order and returns the array it added to', () => {
    const into = [1, 2];
    assert.equal(appendAll(into, [3, 4]), into);
    assert.deepEqual(into, [1, 2, 3, 4]);
    const big = appendAll([], new Array<number>(MANY).fill(7));
    assert.equal(big.length, MANY);
  });

  it('minOf and maxOf measure every value, and give the infinities for none', () => {
    const values = Array.from({ length: MANY }, (_, i) => (i * 7919) % MANY);
    assert.equal(minOf(values, (v) => v), 0);
    assert.equal(maxOf(values, (v) => v), MANY - 1);
    assert.equal(minOf([], () => 1), Infinity);
    assert.equal(maxOf([], () => 1), -Infinity);
  });

  it('latin1Text gives one character per byte, across its slices', () => {
    const bytes = Array.from({ length: MANY }, (_, i) => i % 256);
    const text = latin1Text(bytes);
    assert.equal(text.length, MANY);
    for (const at of [0, 255, 8191, 8192, 8193, MANY - 1]) assert.equal(text.charCodeAt(at), at % 256);
  });
});

const repoRoot = path.resolve(__dirname, '../../..');

it('the sources spread no array into push, Math.min, Math.max or String.fromCharCode', () => {
  const files = ['server/src', 'client/src'].flatMap((dir) => typeScriptFiles(path.join(repoRoot, dir)));
  assert.ok(files.length > 100, `scanned ${files.length} files`);
  const helper = path.join(repoRoot, 'server/src/core/arrays.ts');
  // A spread among the call's own arguments: `Math.max(4, ...widths)` too, not `push({ ...fields })`.
  const spread = /\b(?:push|unshift|Math\.min|Math\.max|fromCharCode)\((?:[^(){}]*,)?\s*\.\.\./;
  const found: string[] = [];
  for (const file of files) {
    if (file === helper) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (spread.test(line)) found.push(`${path.relative(repoRoot, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(found, []);
});
