/**
 * Per-check agreement with the installed `systemd-analyze security --offline=yes --json=short` on
 * the fixture cases and on a sample of corpus services. Skips loudly when systemd-analyze is
 * missing (fails under CI).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { assess, formatExposure, type TestResult } from '../../server/src/core/security';
import { readSecurityInput } from '../../server/src/node/securityInput';
import { analyze, analyzePath, caseText, checkCases, corpusOrSkip, modelOf, readTsv, systemdAnalyzeOrSkip, systemdVersion, type AnalyzeRow } from './support';

const have = systemdAnalyzeOrSkip();
const version = have ? systemdVersion() : 0;

/** Differences between our rows and systemd's: pass/fail/not applicable and the shown exposure. */
function differences(ours: readonly TestResult[], theirs: readonly AnalyzeRow[]): string[] {
  const out: string[] = [];
  for (const t of theirs) {
    const mine = ours.find((o) => o.jsonField === t.json_field);
    if (!mine) {
      out.push(`${t.json_field}: missing`);
      continue;
    }
    const mineSet = !mine.scored ? null : mine.badness === 0;
    const mineExposure = mine.scored && mine.exposure > 0 ? formatExposure(mine.exposure) : null;
    if (mineSet !== t.set || mineExposure !== t.exposure) {
      out.push(`${t.json_field}: systemd ${t.set}/${t.exposure}, ours ${mineSet}/${mineExposure} (${mine.description})`);
    }
  }
  return out;
}

test('every fixture case agrees check by check with systemd-analyze', { skip: !have }, () => {
  const problems: string[] = [];
  for (const c of checkCases()) {
    const text = caseText(c);
    const theirs = analyze('fixture.service', text);
    assert.ok(theirs, `systemd-analyze failed on ${c.jsonField} ${c.name}`);
    const ours = assess(modelOf('fixture.service', text), { systemdVersion: version });
    assert.ok(ours.ok);
    for (const d of differences(ours.tests, theirs)) problems.push(`${c.jsonField} ${c.name}: ${d}`);
  }
  assert.deepEqual(problems, []);
});

test('a sample of corpus services agrees check by check with systemd-analyze', { skip: !have || !corpusOrSkip() }, () => {
  const corpus = corpusOrSkip() as string;
  const rows = readTsv(join(corpus, 'ORACLE-security.tsv')).filter((r) => (r.input ?? '').startsWith('as-is') && r.exposure);
  const sample = rows.filter((_, i) => i % 4 === 0);
  let compared = 0;
  const problems: string[] = [];
  for (const row of sample) {
    const path = join(corpus, row.path as string);
    const theirs = analyzePath(path);
    if (!theirs) continue;
    compared++;
    const ours = assess(readSecurityInput(path).model, { systemdVersion: version });
    assert.ok(ours.ok);
    for (const d of differences(ours.tests, theirs)) problems.push(`${row.path}: ${d}`);
  }
  console.log(`per-check comparison: ${compared} corpus services x ${81} checks, ${problems.length} differences`);
  assert.ok(compared > 40, `only ${compared} services compared`);
  assert.deepEqual(problems, []);
});
