/**
 * The knowledge base's versions against systemd itself: for every unit type, every setting the
 * knowledge base has is written into a unit file and `systemd-analyze verify` of each release
 * there is (252 installed; 247, 254, 257 and 262 from scripts/systemd-releases.sh) reads it. A setting
 * is an unknown key to a release exactly when the knowledge base dates it after that release.
 * Scope units are left out: verify does not read them from files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { directiveRows, sectionsFor } from '../../server/src/core/kb';
import type { DirectiveRow } from '../../server/src/core/kb/types';
import type { UnitType } from '../../server/src/core/unitFile';
import { allAnalyzers, runAnalyzer, type Analyzer } from '../security/support';

const TYPES: readonly UnitType[] = ['service', 'socket', 'mount', 'swap', 'timer', 'path', 'automount', 'slice', 'target', 'device'];

/** A file name systemd accepts for the type (mount and swap units are named after their path). */
function fileName(type: UnitType): string {
  if (type === 'mount' || type === 'automount') return `probe-dir.${type}`;
  if (type === 'swap') return 'dev-probe.swap';
  return `probe.${type}`;
}

/**
 * The rows a release calls unknown keys, and those it says are not supported for the unit's type
 * (it ignores them). Each row is written as `Name=`; a setting that refuses an empty value fatally
 * stops the parser at its line, so the rows after it are read again in another round (a fatal
 * error is never about an unknown key, so the setting that caused it is known).
 */
function unknownRows(analyzer: Analyzer, type: UnitType, rows: readonly DirectiveRow[]): { unknown: Set<DirectiveRow>; notForType: Set<DirectiveRow> } {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-versions-'));
  const name = fileName(type);
  const unknown = new Set<DirectiveRow>();
  const notForType = new Set<DirectiveRow>();
  let pending = [...rows];
  for (let round = 0; pending.length > 0; round++) {
    assert.ok(round < 100, `${name}: the parser keeps stopping`);
    const lines: string[] = [];
    const at = new Map<number, DirectiveRow>();
    for (const section of [...new Set(pending.map((r) => r.section))]) {
      lines.push(`[${section}]`);
      for (const r of pending.filter((p) => p.section === section)) {
        lines.push(`${r.name}=`);
        at.set(lines.length, r);
      }
    }
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
    const r = runAnalyzer({ ...analyzer, env: { ...analyzer.env, SYSTEMD_LOG_LEVEL: 'info' } }, ['verify', '--man=no', ...(analyzer.version >= 250 ? ['--recursive-errors=no'] : []), join(dir, name)]);
    const out = r.stderr + r.stdout;
    const said = new Map<number, string>();
    // 247 colours its messages even into a pipe.
    const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
    for (const m of plain.matchAll(new RegExp(`${name.replace(/\./g, '\\.')}:(\\d+): (.*)`, 'g'))) said.set(Number(m[1]), m[2] as string);
    // "has fatal error": the parser stopped at the last line it spoke of. (A unit that is only
    // incomplete, such as a service without ExecStart=, was read to the end.)
    const stoppedAt = /has fatal error/.test(plain) ? Math.max(0, ...said.keys()) : Infinity;
    assert.ok(stoppedAt > 0, `${name}: the parser stopped without naming a line:\n${plain}`);
    const next: DirectiveRow[] = [];
    for (const [line, row] of at) {
      if (line > stoppedAt) next.push(row);
      // 252 on: "Unknown key 'X' in section [S]"; 247: "Unknown key name 'X' in section 'S'".
      else if (/^Unknown key (name )?'/.test(said.get(line) ?? '') && said.get(line)?.includes(`'${row.name}'`)) unknown.add(row);
      else if (said.get(line)?.startsWith(`${row.name}= `) && said.get(line)?.includes('not supported for this unit type')) notForType.add(row);
    }
    pending = next;
  }
  return { unknown, notForType };
}

for (const analyzer of allAnalyzers()) {
  test(`every setting is known to systemd-analyze verify ${analyzer.label} exactly when the knowledge base dates it to ${analyzer.version} or before`, () => {
    const problems: string[] = [];
    let rows = 0;
    let unknownCount = 0;
    let ignoredCount = 0;
    for (const type of TYPES) {
      // Every setting of the type's sections: those the knowledge base says its units do not take
      // too, which systemd must say it ignores for the type.
      const sections = sectionsFor(type);
      const forType = directiveRows.filter((r) => sections.includes(r.section));
      const { unknown, notForType } = unknownRows(analyzer, type, forType);
      rows += forType.length;
      unknownCount += unknown.size;
      ignoredCount += notForType.size;
      for (const row of forType) {
        const ours = row.since !== undefined && row.since > analyzer.version;
        if (unknown.has(row) !== ours) {
          problems.push(`${type} [${row.section}] ${row.name}=: systemd ${unknown.has(row) ? 'does not know it' : 'knows it'}, the knowledge base says ${row.since ?? 'always there'}`);
        }
        if (!unknown.has(row) && notForType.has(row) === row.unitTypes.includes(type)) {
          problems.push(`${type} [${row.section}] ${row.name}=: systemd ${notForType.has(row) ? 'ignores it for the type' : 'takes it'}, the knowledge base says ${row.unitTypes.includes(type) ? 'it takes it' : 'it ignores it'}`);
        }
      }
    }
    console.log(`systemd-analyze verify ${analyzer.label}: ${rows} (type, setting) pairs, ${unknownCount} unknown keys, ${ignoredCount} not for the type, ${problems.length} differences`);
    assert.ok(ignoredCount > 0, 'no setting ignored for its unit type: Delegate= in a socket unit is');
    if (analyzer.version < 262) assert.ok(unknownCount > 0, 'no unknown key at all: verify did not read the files');
    assert.deepEqual(problems, []);
  });
}

test('systemd-analyze of every release checked is there', () => {
  const versions = allAnalyzers().map((a) => a.version);
  if (process.env.CI === 'true') assert.deepEqual(versions, [247, 252, 254, 257, 262]);
  console.log(`checking settings against systemd-analyze ${versions.join(', ') || '(none)'}`);
});
