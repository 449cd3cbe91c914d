/**
 * How many fixes are tried, and what a trial keeps. Each trial checks the whole fixed text, so a
 * long unit gets fewer of its fixes tried per call (a 1 MB unit took 14 s of trials for
 * `check --format json`, and 1.7 GB: every trial's findings and fixed text were kept), while the
 * first finding a call picks always has its fixes tried: a code action on any line of any unit
 * offers them. What a trial found is kept as counts and new problems, by the fixes applied.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, diagnose, diagnoseWithFixes, fixAll, withFixes } from '../../server/src/core';
import { runRules } from '../../server/src/core/rules';
import { findingCopy } from '../../server/src/core/rules/lineFinding';
import { editsKey, validateFixes, withinTrialBudget, type TrialOutcome } from '../../server/src/core/features/fixes/validate';
import type { Diagnostic } from '../../server/src/core/types';

/** A service whose `Description=` is set on `count` lines: each line but the last is a finding with one fix. */
function repeated(count: number, padding = 0): string {
  const lines = ['[Unit]'];
  for (let i = 0; i < count; i++) lines.push(`Description=take ${i}`);
  for (let i = 0; i < padding; i++) lines.push(`# padding ${i}`);
  lines.push('[Service]', 'ExecStart=/usr/bin/app');
  return `${lines.join('\n')}\n`;
}

function duplicates(list: readonly Diagnostic[]): Diagnostic[] {
  return list.filter((d) => d.code === 'duplicate-directive');
}

describe('fix trials', () => {
  it('a short unit has the fixes of its first 100 findings tried, and no more', () => {
    const found = duplicates(withFixes(analyze(createUnitDocument('file:///t/short.service', repeated(130)))));
    assert.equal(found.length, 129);
    const tried = found.map((d) => (d.fixes?.length ?? 0) > 0);
    assert.equal(tried.filter(Boolean).length, 100);
    assert.ok(tried.slice(0, 100).every(Boolean), 'the first 100 in document order');
  });

  it('a unit of about 40,000 lines has the fixes of its first ten findings tried', () => {
    const found = duplicates(withFixes(analyze(createUnitDocument('file:///t/long.service', repeated(130, 39_800)))));
    const tried = found.map((d) => (d.fixes?.length ?? 0) > 0);
    assert.deepEqual(tried.slice(0, 11), [...Array(10).fill(true), false]);
    assert.equal(tried.filter(Boolean).length, 10);
  });

  it('on that unit, a code action on its last finding has the fix, tried', () => {
    const analysis = analyze(createUnitDocument('file:///t/long.service', repeated(130, 39_800)));
    const last = duplicates(analysis.found).at(-1);
    assert.ok(last);
    const picked = withFixes(analysis, (d) => d === last || (d.code === last.code && d.message === last.message && d.range.start.line === last.range.start.line));
    const fixed = duplicates(picked).find((d) => d.range.start.line === last.range.start.line);
    assert.deepEqual(fixed?.fixes?.map((f) => f.title), ['Remove this Description= line']);
  });

  it('outcomes kept from one call spare the next every trial, with the same fixes', () => {
    const document = createUnitDocument('file:///t/short.service', repeated(5));
    const parsed = [...document.tree.diagnostics];
    let reruns = 0;
    const rerun = (text: string, _withFixes: boolean, report: (d: Diagnostic) => void): void => {
      reruns++;
      for (const d of diagnose(createUnitDocument(document.uri, text), DEFAULT_SETTINGS)) report(d);
    };
    const outcomes = new Map<string, TrialOutcome>();
    const call = (): Diagnostic[] => {
      const found = runRules(document, DEFAULT_SETTINGS).map((d) => Object.assign(findingCopy(d), d.fixes ? { fixes: d.fixes.map((f) => ({ ...f })) } : {}));
      validateFixes(document.tree, found, parsed, rerun, undefined, undefined, outcomes);
      return found;
    };
    const first = call();
    assert.equal(reruns, 4, 'one trial per finding set again');
    const second = call();
    assert.equal(reruns, 4, 'no trial the second time');
    assert.deepEqual(second.map((d) => d.fixes?.map((f) => f.title)), first.map((d) => d.fixes?.map((f) => f.title)));
    for (const outcome of outcomes.values()) assert.deepEqual(outcome.newSerious, [], 'removing a line set again brings no new problem');
  });
});

/**
 * A unit of about 40,000 lines (ten fixes tried) whose findings with fixes come from several rules
 * before the lines set again (misspelled settings, lines in the wrong section): they take most of
 * the budget.
 */
function mixed(): string {
  const lines = ['[Unit]', 'Descripton=typo', 'Description=first'];
  for (let i = 0; i < 40; i++) lines.push(i % 7 === 3 ? 'ExecStart=/usr/bin/wrong-section' : `Description=take ${i}`);
  lines.push('[Service]', 'ExecStart=/usr/bin/app', 'PermissionsStartOnly=true', 'ExecStrat=/usr/bin/typo');
  for (let i = 0; i < 39_900; i++) lines.push(i % 5000 === 0 ? 'Type=simple' : `# padding ${i}`);
  return `${lines.join('\n')}\n`;
}

/** A timer whose `Unit=` is set on `count` lines: systemd keeps the first (`first-wins`). */
function timerUnits(count: number, padding: number): string {
  const lines = ['[Timer]', 'OnCalendar=daily'];
  for (let i = 0; i < count; i++) lines.push(`Unit=app${i}.service`);
  for (let i = 0; i < padding; i++) lines.push(`# padding ${i}`);
  return `${lines.join('\n')}\n`;
}

/** `count` blocks of three single-value settings set again in turn: the rule reports them by setting, not by line. */
function interleaved(count: number, padding = 0): string {
  const lines = ['[Service]', 'ExecStart=/usr/bin/app'];
  for (let i = 0; i < count; i++) lines.push(`Type=${i % 2 === 0 ? 'simple' : 'exec'}`, `User=u${i}`, `Nice=${i % 10}`);
  for (let i = 0; i < padding; i++) lines.push(`# padding ${i}`);
  return `${lines.join('\n')}\n`;
}

describe('the fixes a budgeted check makes', () => {
  it('are those the budget would let in of every fix made: the same diagnostics, fixes and order', () => {
    const units: Array<[string, string]> = [
      ['unit.service', mixed()],
      ['unit.service', repeated(130, 39_800)],
      ['unit.service', repeated(130)],
      ['unit.service', repeated(3)],
      ['unit.service', interleaved(50, 39_800)],
      ['unit.timer', timerUnits(130, 39_800)],
    ];
    for (const [name, text] of units) {
      const budgeted = diagnoseWithFixes(createUnitDocument(`file:///t/${name}`, text));
      const everyFixMade = withFixes(analyze(createUnitDocument(`file:///t/${name}`, text)));
      assert.equal(JSON.stringify(budgeted), JSON.stringify(everyFixMade));
      assert.ok(budgeted.some((d) => d.code === 'duplicate-directive' && d.fixes !== undefined), 'some line set again has its fix');
    }
  });

  it('gives the fixes to the first lines in the document, not the first the rule found', () => {
    // Found setting by setting: Type=, User=, Nice= of each block; in the document, they alternate.
    const made = duplicates(runRules(createUnitDocument('file:///t/unit.service', interleaved(4)), DEFAULT_SETTINGS, {}, { fixesTried: 4 }));
    assert.deepEqual(made.filter((d) => 'fixes' in d).map((d) => d.range.start.line), [2, 3, 4, 5]);
    const timer = duplicates(runRules(createUnitDocument('file:///t/unit.timer', timerUnits(6, 0)), DEFAULT_SETTINGS, {}, { fixesTried: 2 }));
    assert.deepEqual(timer.map((d) => [d.range.start.line, 'fixes' in d]), [[3, true], [4, true], [5, false], [6, false], [7, false]], 'the first Unit= counts; the lines after it');
  });

  it('on a unit past the budget, a line set again gets a fix only among the first the rule reports', () => {
    const document = createUnitDocument('file:///t/long.service', repeated(130, 39_800));
    const made = duplicates(runRules(document, DEFAULT_SETTINGS, {}, { fixesTried: 10 }));
    assert.equal(made.length, 129);
    assert.deepEqual(made.map((d) => 'fixes' in d).slice(0, 11), [...Array(10).fill(true), false]);
    assert.equal(made.filter((d) => 'fixes' in d).length, 10);
    // A budget of none still lets the first in.
    assert.equal(duplicates(runRules(document, DEFAULT_SETTINGS, {}, { fixesTried: 0 })).filter((d) => 'fixes' in d).length, 1);
    assert.equal(duplicates(runRules(document, DEFAULT_SETTINGS)).filter((d) => 'fixes' in d).length, 129, 'without a budget, every line has its fix');
  });

  it('a fix made late is the one made at once, in the same place among the fields', () => {
    const document = createUnitDocument('file:///t/short.service', repeated(3));
    const late = duplicates(runRules(document, DEFAULT_SETTINGS, {}, { fixesTried: 5 }));
    const atOnce = duplicates(runRules(document, DEFAULT_SETTINGS));
    assert.deepEqual(late.map((d) => Object.keys(d).join(',')), atOnce.map((d) => Object.keys(d).join(',')));
    assert.deepEqual(late.map((d) => d.fixes?.map((f) => [f.title, f.edits, f.isPreferred])), atOnce.map((d) => d.fixes?.map((f) => [f.title, f.edits, f.isPreferred])));
  });
});

describe('what a trial checks', () => {
  const text = '[Unit]\nDescription=a\nDescription=b\n[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\n';
  /** The unit's findings with their fixes, and a rerun that notes whether each trial asked for fixes. */
  const setUp = () => {
    const document = createUnitDocument('file:///t/trial.service', text);
    const found = runRules(document, DEFAULT_SETTINGS).map((d) => Object.assign(findingCopy(d), d.fixes ? { fixes: d.fixes.map((f) => ({ ...f })) } : {}));
    const asked: { fixed: string; withFixes: boolean }[] = [];
    const rerun = (fixed: string, withFixes: boolean, report: (d: Diagnostic) => void): void => {
      asked.push({ fixed, withFixes });
      for (const d of runRules(createUnitDocument(document.uri, fixed), DEFAULT_SETTINGS, {}, { evidence: false, fixes: withFixes })) report(d);
    };
    return { document, found, asked, rerun };
  };

  it('asks for the fixes of the fixed text only to complete a hardening fix', () => {
    const { document, found, asked, rerun } = setUp();
    validateFixes(document.tree, found, [], rerun);
    const removal = asked.filter((a) => !a.fixed.includes('Description=a'));
    const hardening = asked.filter((a) => a.fixed.includes('SystemCallErrorNumber=') || a.fixed.includes('SystemCallArchitectures='));
    assert.equal(removal.length, 1, 'the duplicate\'s fix is tried once');
    assert.equal(removal[0].withFixes, false, 'removing a line is never completed: its trial makes no fixes');
    assert.ok(hardening.length >= 2, 'each hardening fix is tried');
    assert.ok(hardening.every((a) => a.withFixes), 'a hardening fix may be completed with the fix of a new problem');
    assert.deepEqual(found.map((d) => d.fixes?.map((f) => f.title)), [['Remove this Description= line'], ['Add SystemCallErrorNumber=EPERM'], ['Add SystemCallArchitectures=native']]);
  });

  it('a trial kept without fixes is made again when a hardening fix needs them', () => {
    const { document, found, asked, rerun } = setUp();
    const hardening = found.find((d) => d.pairing === 'scf-errno-eperm');
    assert.ok(hardening?.fixes?.[0]);
    const outcomes = new Map<string, TrialOutcome>([[editsKey(hardening.fixes[0]), { counts: new Map(), newSerious: [], withFixes: false }]]);
    validateFixes(document.tree, found, [], rerun, (d) => d === hardening, undefined, outcomes);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].withFixes, true);
    assert.equal(outcomes.get(editsKey(hardening.fixes[0]))?.withFixes, true);
  });

  it('the findings whose fixes are tried are known before any trial: the first one\'s always', () => {
    const { found } = setUp();
    assert.equal(withinTrialBudget(10, found).size, 3);
    assert.deepEqual([...withinTrialBudget(2_000_000, found)], [found[0]], 'past the budget, the first finding with fixes');
    assert.deepEqual([...withinTrialBudget(2_000_000, found, (d) => d.pairing !== undefined)], [found[1]], 'of those picked');
    assert.deepEqual([...withinTrialBudget(200_000, found)], [found[0], found[1]], 'two lines of budget: the first two');
  });
});

describe('fix all', () => {
  it('on a unit too long for all its rounds, stops early and says so; a second run goes on', () => {
    const text = repeated(60, 200);
    const lines = text.split('\n').length;
    const first = fixAll('file:///t/long.service', text, DEFAULT_SETTINGS, {}, ['safe'], 200, 5 * lines);
    assert.equal(first.applied.length, 5);
    assert.equal(first.stoppedEarly, true);
    const second = fixAll('file:///t/long.service', first.text, DEFAULT_SETTINGS, {}, ['safe'], 200, 5 * lines);
    assert.equal(second.applied.length, 5);
    assert.equal(duplicates(diagnose(createUnitDocument('file:///t/long.service', second.text))).length, 59 - 10);
  });

  it('with rounds enough, applies every fix and does not say it stopped', () => {
    const result = fixAll('file:///t/short.service', repeated(30), DEFAULT_SETTINGS);
    assert.equal(result.applied.length, 29);
    assert.equal(result.stoppedEarly, undefined);
    assert.deepEqual(duplicates(diagnose(createUnitDocument('file:///t/short.service', result.text))), []);
  });
});
