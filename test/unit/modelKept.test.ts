/**
 * Which checks keep the unit model with the document: an editor's analysis does (hover reads it
 * after a check), a check made once (a command, a plan) does not, and uses one already kept.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, createUnitDocument, diagnose, diagnoseWithFixes, explain, DEFAULT_SETTINGS, type UnitDocument } from '../../server/src/core';
import { UnitModel } from '../../server/src/core/model/unitModel';
import { factsOf } from '../../server/src/core/rules/pairings/unitFacts';
import { commandLines, environment } from '../../server/src/core/rules/breakage/commandLines';

const UNIT = '[Unit]\nDescription=a\nDescription=b\n\n[Service]\nExecStart=/usr/bin/app\nNoNewPrivileges=yes\n';

/** The model kept with a document, read where the rules keep it (a symbol of the document's own). */
function keptModel(document: UnitDocument): unknown {
  const slot = Object.getOwnPropertySymbols(document).find((s) => s.description === 'shared model');
  return slot === undefined ? undefined : (document as unknown as Record<symbol, unknown>)[slot];
}

function newDocument(): UnitDocument {
  return createUnitDocument('file:///etc/systemd/system/app.service', UNIT);
}

/** How many unit models `run` builds (a target: no recommendation, so no model of a fix's trial either). */
function modelsBuilt(run: () => void): number {
  const { build, fromDropIns } = UnitModel;
  let built = 0;
  UnitModel.build = (...args) => (built++, build.apply(UnitModel, args));
  UnitModel.fromDropIns = (...args) => (built++, fromDropIns.apply(UnitModel, args));
  try {
    run();
  } finally {
    UnitModel.build = build;
    UnitModel.fromDropIns = fromDropIns;
  }
  return built;
}

function newTarget(): UnitDocument {
  return createUnitDocument('file:///etc/systemd/system/app.target', '[Unit]\nDescription=a\nDescription=b\nWants=app.service\n');
}

describe('the unit model kept with a document', () => {
  it('an editor analysis keeps it, and hover (explain) reads it', () => {
    const document = newDocument();
    analyze(document);
    const kept = keptModel(document);
    assert.ok(kept !== undefined, 'analyze keeps the model');
    explain(document, DEFAULT_SETTINGS);
    assert.equal(keptModel(document), kept, 'explain reads the same model');
  });

  for (const [name, once] of [
    ['diagnose', (d: UnitDocument) => diagnose(d)],
    ['diagnoseWithFixes', (d: UnitDocument) => diagnoseWithFixes(d)],
  ] as const) {
    it(`${name}, a check made once, keeps none, and finds what an editor analysis finds`, () => {
      const document = newDocument();
      const found = once(document);
      assert.equal(keptModel(document), undefined);
      assert.ok(found.some((d) => d.code === 'duplicate-directive'));
      const editor = newDocument();
      assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), analyze(editor).diagnostics.map((d) => [d.code, d.range.start.line]));
    });

    it(`${name} leaves the model an editor analysis kept as it was`, () => {
      const document = newDocument();
      analyze(document);
      const kept = keptModel(document);
      once(document);
      assert.equal(keptModel(document), kept);
    });

    it(`${name} builds no model of the document when one is kept: after an editor analysis, or after explain (as review and check --explain run them)`, () => {
      // The document's own model, and one for each fix tried on another text.
      const fresh = modelsBuilt(() => once(newTarget()));
      assert.ok(fresh >= 1);
      const analyzed = newTarget();
      analyze(analyzed);
      assert.equal(modelsBuilt(() => once(analyzed)), fresh - 1);
      const explained = newTarget();
      assert.equal(modelsBuilt(() => explain(explained, DEFAULT_SETTINGS)), 1);
      assert.equal(modelsBuilt(() => once(explained)), fresh - 1);
    });
  }

  it('keeps none of the command lines and environment the evidence checks split for themselves, and splits them again the same when asked', () => {
    const document = createUnitDocument(
      'file:///etc/systemd/system/app.service',
      '[Service]\nEnvironment=DIR=/var/lib/app\nExecStart=/usr/bin/app --data $DIR\nExecStartPre=/bin/sh -c "mkdir -p /var/lib/app"\nProtectSystem=strict\n',
    );
    analyze(document);
    const kept = (keptModel(document) as { model: UnitModel } | undefined)?.model as UnitModel;
    assert.ok(kept instanceof UnitModel);
    const derived = [...factsOf(kept).derived.values()];
    const heldLines = derived.filter((value) => Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && 'argv' in v));
    assert.deepEqual(heldLines, [], 'no command lines kept with the model');
    assert.ok(!derived.some((value) => value instanceof Map && [...value.values()].some((v) => typeof v === 'object' && v !== null && 'line' in v && 'value' in v)), 'no environment kept');
    const lines = commandLines(kept);
    assert.deepEqual(
      lines.map((c) => [c.setting, c.argv]),
      [
        ['ExecStart', ['/usr/bin/app', '--data', '/var/lib/app']],
        ['ExecStartPre', ['/bin/sh', '-c', 'mkdir -p /var/lib/app']],
      ],
    );
    assert.equal(environment(kept).get('DIR')?.value, '/var/lib/app');
  });
});
