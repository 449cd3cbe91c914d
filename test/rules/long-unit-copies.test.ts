/**
 * What a check of a long unit makes on its way, beyond what it keeps: copies that die soon after
 * are still part of its peak, and a unit's peak is what decides whether the CLI can check it. Each
 * test counts what is made (objects per line, assignments copied) rather than time or bytes, so it
 * holds on any machine.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, diagnose, diagnoseLimited, withFixes } from '../../server/src/core';
import { modelFor } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/syntax/lineIndex';
import { EntryNode, SectionNode } from '../../server/src/core/syntax/treeNodes';
import { heapAfterGc } from '../unit/heapAfterGc';

/** Calls `count` whenever `name` of `target` is called (or its getter read) while `run` runs. */
function counting<T>(target: object, name: string, run: () => T): { result: T; calls: number } {
  const own = Object.getOwnPropertyDescriptor(target, name) as PropertyDescriptor;
  let calls = 0;
  const wrapped: PropertyDescriptor = own.get
    ? { ...own, get(this: unknown) { calls++; return (own.get as () => unknown).call(this); } }
    : { ...own, value(this: unknown, ...args: unknown[]) { calls++; return (own.value as (...a: unknown[]) => unknown).apply(this, args); } };
  Object.defineProperty(target, name, wrapped);
  try {
    return { result: run(), calls };
  } finally {
    Object.defineProperty(target, name, own);
  }
}

const MERGE_FIXTURES = path.join(__dirname, '../../../test/fixtures/rules/merge');

describe('what a check of a long unit makes on its way', () => {
  test('the list-merge findings and their fixes make no object per physical line of the unit', () => {
    let fixes = 0;
    let cases = 0;
    for (const name of fs.readdirSync(MERGE_FIXTURES)) {
      const folder = path.join(MERGE_FIXTURES, name);
      const unit = fs.readdirSync(folder).find((f) => /\.(service|socket)$/.test(f));
      if (unit === undefined) continue;
      const document = createUnitDocument(`file:///merge/${unit}`, fs.readFileSync(path.join(folder, unit), 'utf8'));
      const { calls } = counting(LineIndex.prototype, 'lines', () => {
        for (const d of withFixes(analyze(document, DEFAULT_SETTINGS))) fixes += d.fixes?.length ?? 0;
      });
      assert.equal(calls, 0, `${name}: the list of every physical line was built`);
      cases++;
    }
    assert.ok(cases >= 10 && fixes >= 10, `${cases} units, ${fixes} fixes read`);
  });

  test('a fix tried for its evidence moves none of the sections after it and copies none of their assignments', () => {
    // A deny-list, for which a check tries an allow-list before it (scf-prefer-allowlist), in a unit of 5,001 sections.
    const text = `[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\nSystemCallFilter=~@mount\n\n${'[Install]\nWantedBy=multi-user.target\nAlso=a.service\n\n'.repeat(5_000)}`;
    const document = createUnitDocument('file:///long.service', text);
    const made = counting(EntryNode, 'fromMoved', () =>
      counting(EntryNode, 'moved', () =>
        counting(SectionNode.prototype, 'shifted', () =>
          counting(LineIndex, 'spliced', () => {
            const found = diagnoseLimited(document, DEFAULT_SETTINGS, {}, 1000);
            assert.ok(found.diagnostics.some((d) => d.pairing === 'scf-prefer-allowlist'), 'the allow-list is recommended');
          }),
        ),
      ),
    );
    const moved = made.result.result;
    // The fix was tried on the text read in parts: the section it edits was read again.
    assert.ok(moved.result.calls >= 1, 'the fix was not tried on the text');
    // The 5,000 sections after it are the unit's own in the trial: their places are not read there.
    // Only the section read again is put in place in the new text.
    assert.ok(moved.calls <= 2, `${moved.calls} sections were moved`);
    assert.equal(made.result.calls, 0, 'the assignments of moved sections were copied');
    assert.ok(made.calls < 100, `${made.calls} assignments of moved sections made`);
  });

  test('a setting read for its value makes one assignment, not one per line', () => {
    const lines = 100_000;
    const document = createUnitDocument('file:///nice.service', `[Service]\nExecStart=/bin/true\n${'Nice=1\n'.repeat(lines)}`);
    // The tree's assignments are made first: they are not the model's.
    assert.equal(document.tree.sections[0].entries.length, lines + 1);
    const model = modelFor(document);
    const before = heapAfterGc();
    const [nice] = model.named('Nice');
    const effective = nice.effective;
    const perLine = (heapAfterGc() - before) / lines;
    // The setting keeps the lines found for its key (two arrays of one slot each per line).
    assert.ok(perLine < 24, `${perLine.toFixed(1)} bytes a line`);
    assert.equal(effective.length, 1);
    // Read later, every assignment is made, the one in force among them.
    assert.equal(nice.all.length, lines);
    assert.equal(nice.all[lines - 1], effective[0]);
    assert.equal(nice.all, nice.all, 'made once');
    assert.ok(diagnose(document).length > 0);
  });
});
