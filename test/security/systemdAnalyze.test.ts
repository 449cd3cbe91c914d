/**
 * Per-check agreement with systemd's own `systemd-analyze security --offline=yes --json=short`, on
 * the fixture cases and on every as-is corpus service, for each systemd-analyze there is: the
 * installed one (Debian 12: 252) and those `scripts/systemd-releases.sh` unpacks from newer Debian
 * releases (254, 257, 262). Each comparison runs our score at the analyzer's version. Skips loudly
 * when an analyzer is missing (fails under CI).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { assess, formatExposure, type TestResult } from '../../server/src/core/security';
import { unitRefusal } from '../../server/src/core/model/unitRefusal';
import { readSecurityInput } from '../../server/src/node/securityInput';
import { SYSTEMD_SAYS } from '../support/refusalWords';
import {
  securityAnalyzers, analyze, analyzePath, caseText, checkCases, corpusOrSkip, corpusUnitsOfOtherTypes, modelOf, readTsv, refusalOf, specifierCases, typeCases, versionCases, type AnalyzeRow,
} from './support';

/** The newest release the knowledge base describes. */
const NEWEST = 262;

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
  for (const mine of ours) {
    if (!theirs.some((t) => t.json_field === mine.jsonField)) out.push(`${mine.jsonField}: not a check of this release`);
  }
  return out;
}

const analyzers = securityAnalyzers();

/** Units of the other types that run processes, each with what it needs to load: its name, then its first lines. */
const OTHER_EXEC_UNITS: readonly (readonly string[])[] = [
  ['fixture.socket', '[Socket]', 'ListenStream=/run/fixture.sock'],
  ['srv-fixture.mount', '[Mount]', 'What=/dev/vdb1', 'Where=/srv/fixture'],
  ['dev-vdb2.swap', '[Swap]', 'What=/dev/vdb2'],
];

test('systemd-analyze of every release scored is there to compare with', () => {
  if (process.env.CI === 'true') {
    assert.deepEqual(analyzers.map((a) => a.version), [252, 254, 257, 262]);
  }
  console.log(`comparing with systemd-analyze ${analyzers.map((a) => a.label).join(', ') || '(none)'}`);
});

for (const analyzer of analyzers) {
  const tooNew = analyzer.version > NEWEST;
  if (tooNew) console.log(`SKIPPED: systemd-analyze ${analyzer.label} is newer than the knowledge base (${NEWEST})`);
  const version = Math.min(analyzer.version, NEWEST);

  for (const manager of ['system', 'user'] as const) {
    const flag = manager === 'user' ? ' --user' : '';

    test(`every fixture case agrees check by check with systemd-analyze${flag} ${analyzer.label}`, { skip: tooNew }, () => {
      const problems: string[] = [];
      let compared = 0;
      let refused = 0;
      const cases = [...checkCases(), ...versionCases().filter((c) => c.manager === manager)];
      for (const c of cases) {
        const text = caseText(c);
        const ours = assess(modelOf('fixture.service', text), { systemdVersion: version, manager });
        const theirs = analyze(analyzer, 'fixture.service', text, manager);
        if (!theirs) {
          const why = refusalOf(analyzer, 'fixture.service', text, manager);
          if (ours.ok) problems.push(`${c.jsonField} ${c.name}: systemd refused it (${why}), ours scored it`);
          refused++;
          continue;
        }
        assert.ok(ours.ok, `${c.jsonField} ${c.name}: ours refused it (${ours.ok ? '' : ours.error})`);
        compared++;
        for (const d of differences(ours.tests, theirs)) problems.push(`${c.jsonField} ${c.name}: ${d}`);
      }
      console.log(`systemd-analyze${flag} ${analyzer.label}: ${compared} fixture cases, ${refused} refused by both, ${problems.length} differences`);
      assert.deepEqual(problems, []);
    });

    // The system manager's, as every other unit type but services is scored the same way for both.
    if (manager === 'system') test(`every fixture case in a socket, a mount and a swap unit agrees check by check with systemd-analyze ${analyzer.label}`, { skip: tooNew }, () => {
      const problems: string[] = [];
      let compared = 0;
      for (const [name, ...head] of OTHER_EXEC_UNITS) {
        for (const c of [...checkCases(), ...versionCases().filter((v) => v.manager === manager)]) {
          const unitLines = c.lines.filter((l) => l.startsWith('DefaultDependencies='));
          const own = c.lines.filter((l) => !l.startsWith('DefaultDependencies='));
          const text = ['[Unit]', 'Description=fixture', ...unitLines, '', ...head, ...own, ''].join('\n');
          const ours = assess(modelOf(name, text), { systemdVersion: version, manager });
          const theirs = analyze(analyzer, name, text, manager);
          if (!theirs || !ours.ok) {
            if (theirs || ours.ok) problems.push(`${name} ${c.jsonField} ${c.name}: ${theirs ? `ours refused it (${ours.ok ? '' : ours.error})` : 'systemd refused it, ours scored it'}`);
            continue;
          }
          compared++;
          for (const d of differences(ours.tests, theirs)) problems.push(`${name} ${c.jsonField} ${c.name}: ${d}`);
        }
      }
      console.log(`systemd-analyze${flag} ${analyzer.label}: ${compared} fixture cases in sockets, mounts and swaps, ${problems.length} differences`);
      assert.deepEqual(problems, []);
    });

    test(`every case of another unit type agrees check by check with systemd-analyze${flag} ${analyzer.label}`, { skip: tooNew }, () => {
      const problems: string[] = [];
      let compared = 0;
      let refused = 0;
      const cases = typeCases().filter((c) => c.manager === manager);
      for (const c of cases) {
        const ours = assess(modelOf(c.unit, c.text), { systemdVersion: version, manager });
        const theirs = analyze(analyzer, c.unit, c.text, manager);
        const said = c.expected.get(analyzer.version);
        if (!theirs) {
          const why = refusalOf(analyzer, c.unit, c.text, manager) ?? '';
          if (said !== undefined && said !== 'refused') problems.push(`${c.unit}: systemd refused it, the table says ${said}`);
          if (ours.ok) problems.push(`${c.unit}: systemd refused it (${why}), ours scored it`);
          // Refused by both, and for the same cause.
          const cause = unitRefusal(modelOf(c.unit, c.text), version, manager)?.cause;
          if (cause !== undefined && !SYSTEMD_SAYS[cause].test(why)) problems.push(`${c.unit}: systemd refused it (${why}), ours for another cause (${cause})`);
          refused++;
          continue;
        }
        if (said === 'refused') problems.push(`${c.unit}: systemd scored it, the table says refused`);
        if (!ours.ok) {
          problems.push(`${c.unit}: ours refused it (${ours.error})`);
          continue;
        }
        compared++;
        for (const d of differences(ours.tests, theirs)) problems.push(`${c.unit} ${c.text.trim().split('\n').join(' ')}: ${d}`);
      }
      console.log(`systemd-analyze${flag} ${analyzer.label}: ${compared} units of other types scored, ${refused} refused by both, ${problems.length} differences`);
      assert.ok(cases.length >= (manager === 'system' ? 50 : 10), `only ${cases.length} cases`);
      assert.deepEqual(problems, []);
    });

    test(`every corpus unit of another type agrees check by check with systemd-analyze${flag} ${analyzer.label}`, { skip: tooNew || !corpusOrSkip() }, () => {
      const corpus = corpusOrSkip() as string;
      const paths = corpusUnitsOfOtherTypes(corpus);
      assert.ok(paths.length >= 100, `expected the corpus's sockets, timers, mounts and others, got ${paths.length}`);
      const problems: string[] = [];
      let compared = 0;
      for (const path of paths) {
        const ours = assess(readSecurityInput(path).model, { systemdVersion: version, manager });
        const theirs = analyzePath(analyzer, path, manager);
        const name = path.slice(corpus.length + 1);
        if (!theirs || !ours.ok) {
          if (theirs || ours.ok) problems.push(`${name}: ${theirs ? `ours refused it (${ours.ok ? '' : ours.error})` : 'systemd refused it, ours scored it'}`);
          continue;
        }
        compared++;
        for (const d of differences(ours.tests, theirs)) problems.push(`${name}: ${d}`);
      }
      console.log(`systemd-analyze${flag} ${analyzer.label}: ${compared} of ${paths.length} corpus units of other types compared, ${problems.length} differences`);
      assert.deepEqual(problems, []);
    });

    test(`every as-is corpus service agrees check by check with systemd-analyze${flag} ${analyzer.label}`, { skip: tooNew || !corpusOrSkip() }, () => {
      const corpus = corpusOrSkip() as string;
      const rows = readTsv(join(corpus, 'ORACLE-security.tsv')).filter((r) => (r.input ?? '').startsWith('as-is') && r.exposure);
      let compared = 0;
      let checks = 0;
      const failed: string[] = [];
      const problems: string[] = [];
      for (const row of rows) {
        const path = join(corpus, row.path as string);
        const ours = assess(readSecurityInput(path).model, { systemdVersion: version, manager });
        const theirs = analyzePath(analyzer, path, manager);
        if (!theirs) {
          failed.push(row.path as string);
          if (ours.ok) problems.push(`${row.path}: systemd refused it, ours scored it`);
          continue;
        }
        assert.ok(ours.ok, `${row.path}: ours refused it`);
        compared++;
        checks += theirs.length;
        for (const d of differences(ours.tests, theirs)) problems.push(`${row.path}: ${d}`);
      }
      console.log(
        `systemd-analyze${flag} ${analyzer.label}: ${compared} corpus services, ${checks} checks, ${problems.length} differences` +
          (failed.length ? `; refused by both: ${failed.join(', ')}` : ''),
      );
      assert.ok(compared >= rows.length - 5, `only ${compared} of ${rows.length} services compared`);
      assert.deepEqual(problems, []);
    });
  }

  test(`units with specifiers in User= agree check by check with systemd-analyze ${analyzer.label}`, { skip: tooNew }, () => {
    const problems: string[] = [];
    for (const c of specifierCases()) {
      const text = caseText(c);
      const theirs = analyze(analyzer, c.unit, text, c.manager);
      const ours = assess(modelOf(c.unit, text), { systemdVersion: version, manager: c.manager });
      if (!theirs || !ours.ok) {
        if (theirs || ours.ok) problems.push(`${c.unit} ${c.lines.join(' ')}: ${theirs ? 'ours refused it' : 'systemd refused it, ours scored it'}`);
        continue;
      }
      for (const d of differences(ours.tests, theirs)) problems.push(`${c.unit} (${c.manager}) ${c.lines.join(' ')}: ${d}`);
    }
    assert.deepEqual(problems, []);
  });

  test(`corpus drop-ins merged with their unit agree check by check with systemd-analyze ${analyzer.label}`, { skip: tooNew || !corpusOrSkip() }, () => {
    const corpus = corpusOrSkip() as string;
    const rows = readTsv(join(corpus, 'ORACLE-security-dropins.tsv'));
    const problems: string[] = [];
    let compared = 0;
    for (const row of rows) {
      const unitName = basename(row.debian12_parent_unit as string);
      const unitText = readFileSync(join(corpus, row.debian12_parent_unit as string), 'utf8');
      const dropIn = { name: basename(row.dropin_path as string), text: readFileSync(join(corpus, row.dropin_path as string), 'utf8') };
      const dir = mkdtempSync(join(tmpdir(), 'unitguard-dropin-'));
      writeFileSync(join(dir, unitName), unitText);
      mkdirSync(join(dir, `${unitName}.d`));
      writeFileSync(join(dir, `${unitName}.d`, dropIn.name), dropIn.text);
      const theirs = analyzePath(analyzer, join(dir, unitName));
      assert.ok(theirs, `systemd-analyze ${analyzer.label} failed on ${row.dropin_path}`);
      compared++;
      const ours = assess(modelOf(unitName, unitText, [dropIn]), { systemdVersion: version });
      assert.ok(ours.ok);
      for (const d of differences(ours.tests, theirs)) problems.push(`${row.dropin_path}: ${d}`);
    }
    console.log(`systemd-analyze ${analyzer.label}: ${compared} drop-ins, ${problems.length} differences`);
    assert.ok(compared >= 10);
    assert.deepEqual(problems, []);
  });
}
