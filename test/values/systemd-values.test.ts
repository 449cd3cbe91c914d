/**
 * Values as systemd parses them. For every setting of the knowledge base that the service manager
 * reads, the values of valueSamples.ts are written into unit files, hundreds of settings per unit,
 * and `systemd-analyze verify` of every release there is (252 installed; 247, 254, 257 and 262
 * from scripts/systemd-releases.sh) reads them. Each line is compared with what UnitGuard reports
 * at that release (Settings.systemdVersion):
 * - a value systemd accepts is never an error;
 * - a value systemd refuses is at least a warning (invalid-value, newer-than-target,
 *   deprecated-value), but for the few KNOWN_GAPS, each with the reason it cannot be told.
 * Settings a release does not know are versions-systemd.test.ts's business and left out here, as
 * are [Install] (read by systemctl, not by the manager) and scope units (verify does not read them).
 * UNITGUARD_VALUES_REPORT=1 prints every difference, UNITGUARD_VALUES_DUMP=DIR writes every verdict.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createUnitDocument, diagnose, type Diagnostic } from '../../server/src/core';
import { directiveRows, type DirectiveRow } from '../../server/src/core/kb';
import { allAnalyzers, type Analyzer } from '../security/support';
import { isParsedByManager, samplesFor, UNIT_FOR_SECTION } from './valueSamples';
import { unitText, verifyFiles, type LineVerdict, type ProbeFile, type ProbeLine } from './verifyLines';

/**
 * Settings whose parser refuses a second assignment in a unit ("Multiple units to trigger
 * specified"): each of their values is tried in a unit of its own.
 */
const SOLO: ReadonlySet<string> = new Set(['Timer/Unit', 'Path/Unit']);

/** The findings that speak about a value. */
const VALUE_RULES: ReadonlySet<string> = new Set(['invalid-value', 'newer-than-target', 'deprecated-value']);

/**
 * Values systemd refuses that UnitGuard cannot tell from the line alone: `until` is the last
 * release the gap is seen in.
 */
const KNOWN_GAPS: readonly { readonly key: string; readonly values: readonly string[]; readonly until?: number; readonly why: string }[] = [
  {
    key: 'CPUSchedulingPriority',
    values: ['1', '42', '+1', '0x10', '010'],
    until: 247,
    why: 'before 248 the priority is checked against the policy CPUSchedulingPolicy= set on an earlier line (none here: SCHED_OTHER, which takes only 0)',
  },
  { key: 'LogNamespace', values: ['%i'], why: '%i is empty only in a unit that is not an instance of a template; the file name decides' },
  { key: 'Service', values: ['x@%i.service'], why: 'as above: the template has no instance only when the unit itself has none' },
  { key: 'OnCalendar', values: ['*junk*', '\\x41'], why: 'the calendar grammar is not reproduced; only values that cannot be a calendar event at all are reported' },
];

function knownGap(o: Outcome, version: number): boolean {
  return KNOWN_GAPS.some((g) => g.key === o.probe.key && g.values.includes(o.probe.value) && (g.until === undefined || version <= g.until));
}

/**
 * One row per parser: a setting shared by [Service], [Socket], [Mount] and [Swap] is parsed by the
 * same function in each, so it is tried in the first of them.
 */
function rowsToTry(version: number): DirectiveRow[] {
  const seen = new Set<string>();
  const rows: DirectiveRow[] = [];
  for (const row of directiveRows) {
    if (!UNIT_FOR_SECTION[row.section] || !isParsedByManager(row)) continue;
    if (row.since !== undefined && row.since > version) continue;
    const key = `${row.name}|${row.parser}|${row.valueKind.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(row);
  }
  return rows;
}

interface Probe extends ProbeLine {
  readonly row: DirectiveRow;
}

interface Outcome {
  readonly probe: Probe;
  readonly systemd: LineVerdict;
  /** UnitGuard's findings on the line (every rule). */
  readonly ours: readonly Diagnostic[];
}

/** The unit files of one release's probes: one per unit type, and one per value of a SOLO setting. */
function probeFiles(version: number): { file: ProbeFile; probes: Probe[] }[] {
  const files = new Map<string, { file: ProbeFile; probes: Probe[] }>();
  const add = (name: string, probe: Probe) => {
    let entry = files.get(name);
    if (!entry) files.set(name, (entry = { file: { name, lines: [] }, probes: [] }));
    entry.probes.push(probe);
    (entry.file.lines as ProbeLine[]).push(probe);
  };
  for (const row of rowsToTry(version)) {
    const file = UNIT_FOR_SECTION[row.section] as string;
    samplesFor(row).forEach((value, i) => {
      const probe = { row, section: row.section, key: row.name, value };
      add(SOLO.has(`${row.section}/${row.name}`) ? file.replace('.', `-${row.name.toLowerCase()}${i}.`) : file, probe);
    });
  }
  return [...files.values()];
}

function outcomes(analyzer: Analyzer): Outcome[] {
  const files = probeFiles(analyzer.version);
  const verdicts = verifyFiles(
    analyzer,
    files.map((f) => f.file),
  );
  return files.flatMap(({ file, probes }, f) => {
    const { text, lineOf } = unitText(file.lines);
    const diagnostics = diagnose(createUnitDocument(`file:///probe/${file.name}`, text), { systemdVersion: analyzer.version });
    const byLine = new Map<number, Diagnostic[]>();
    for (const d of diagnostics) {
      // What the unit as a whole does (a probe unit holds many lines of one setting, and systemd
      // may refuse it for that) is no verdict on a value.
      if (d.code === 'unit-refused') continue;
      const line = d.range.start.line + 1;
      byLine.set(line, [...(byLine.get(line) ?? []), d]);
    }
    return probes.map((probe, i) => ({ probe, systemd: (verdicts[f] as LineVerdict[])[i] as LineVerdict, ours: byLine.get(lineOf[i] as number) ?? [] }));
  });
}

function describe(o: Outcome): string {
  const ours = o.ours.filter((d) => d.severity === 'error' || VALUE_RULES.has(d.code)).map((d) => `${d.severity} ${d.code}: ${d.message}`);
  return `[${o.probe.section}] ${o.probe.key}=${o.probe.value}  systemd: ${o.systemd.messages.join(' | ') || 'accepted'}  ours: ${ours.join(' | ') || 'nothing'}`;
}

interface ReleaseCounts {
  /** Lines with a verdict on the value (accepted or refused). */
  tried: number;
  accepted: number;
  refused: number;
  acceptedButError: Outcome[];
  refusedButSilent: Outcome[];
  knownGaps: Outcome[];
  all: Outcome[];
}

function compareRelease(analyzer: Analyzer): ReleaseCounts {
  const counts: ReleaseCounts = { tried: 0, accepted: 0, refused: 0, acceptedButError: [], refusedButSilent: [], knownGaps: [], all: [] };
  for (const o of outcomes(analyzer)) {
    counts.all.push(o);
    if (o.systemd.verdict === 'accepted') {
      counts.tried++;
      counts.accepted++;
      if (o.ours.some((d) => d.severity === 'error')) counts.acceptedButError.push(o);
    } else if (o.systemd.verdict === 'rejected') {
      counts.tried++;
      counts.refused++;
      if (!o.ours.some((d) => VALUE_RULES.has(d.code) && (d.severity === 'error' || d.severity === 'warning'))) {
        (knownGap(o, analyzer.version) ? counts.knownGaps : counts.refusedButSilent).push(o);
      }
    }
  }
  return counts;
}

const analyzers = allAnalyzers();

for (const analyzer of analyzers) {
  test(`values: what systemd-analyze verify ${analyzer.label} accepts is no error, what it refuses is at least a warning`, () => {
    const started = Date.now();
    const counts = compareRelease(analyzer);
    console.log(
      `systemd ${analyzer.version}: ${counts.tried} values tried (${counts.accepted} accepted, ${counts.refused} refused); ` +
        `${counts.acceptedButError.length} accepted by systemd but errors here, ${counts.refusedButSilent.length} refused by systemd but silent here, ` +
        `${counts.knownGaps.length} known gaps (${Date.now() - started} ms)`,
    );
    const dump = process.env.UNITGUARD_VALUES_DUMP;
    if (dump) {
      const rows = counts.all.map((o) => ({ section: o.probe.section, key: o.probe.key, value: o.probe.value, verdict: o.systemd.verdict, messages: o.systemd.messages, ours: o.ours.map((d) => `${d.severity} ${d.code}: ${d.message}`) }));
      writeFileSync(join(dump, `values-${analyzer.version}.json`), JSON.stringify(rows));
    }
    if (process.env.UNITGUARD_VALUES_REPORT) {
      for (const o of counts.acceptedButError) console.log(`ACCEPTED-ERROR ${describe(o)}`);
      for (const o of counts.refusedButSilent) console.log(`REJECTED-SILENT ${describe(o)}`);
      for (const o of counts.knownGaps) console.log(`KNOWN-GAP ${describe(o)}`);
    }
    // Both kinds of verdict in numbers: a run where verify read nothing would pass every check.
    assert.ok(counts.accepted > 4_000 && counts.refused > 2_500, `only ${counts.accepted} accepted and ${counts.refused} refused values`);
    assert.deepEqual(counts.acceptedButError.map(describe), []);
    assert.deepEqual(counts.refusedButSilent.map(describe), []);
    // A gap that no longer shows has been closed: its entry goes.
    const stale = KNOWN_GAPS.filter((g) => g.until === undefined || analyzer.version <= g.until)
      .flatMap((g) => g.values.map((v) => `${g.key}=${v}`))
      .filter((kv) => !counts.knownGaps.some((o) => `${o.probe.key}=${o.probe.value}` === kv));
    assert.deepEqual(stale, [], 'known gaps that no longer show');
  });
}

test('values: systemd-analyze of every release compared is there', () => {
  const versions = analyzers.map((a) => a.version);
  if (process.env.CI === 'true') assert.deepEqual(versions, [247, 252, 254, 257, 262]);
  if (versions.length === 0) {
    const message = 'SKIPPED: values against systemd-analyze verify: no systemd-analyze at all';
    const banner = '!'.repeat(message.length);
    process.stderr.write(`\n${banner}\n${message}\n${banner}\n\n`);
  }
  console.log(`comparing values with systemd-analyze verify ${versions.join(', ') || '(none)'}`);
});
