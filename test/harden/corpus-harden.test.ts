/**
 * Every service of the corpus hardened at each level: the plan applies, brings no new error,
 * warning or breakage finding, planning again adds nothing, and the exposure never goes up.
 * Prints the median exposure before and after per level and some lines held back.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createUnitDocument, HARDENING_LEVELS, type HardeningLevel } from '../../server/src/core';
import { readUnitFile } from '../../server/src/node/readUnitFile';
import { unitFilesFor } from '../../server/src/node/unitFiles';
import { corpusFolder, corpusManifestPaths, reportMissingCorpus } from '../corpus/corpusLocation';
import { applyPlan, median } from './support';

const SYSTEMD_VERSION = 252;

test('hardening plans over every service of the corpus', (t) => {
  const { dir, found } = corpusFolder();
  if (!found) {
    t.skip(reportMissingCorpus(dir));
    return;
  }
  const services = corpusManifestPaths(dir).filter((p) => p.endsWith('.service') && existsSync(join(dir, p)));
  assert.ok(services.length > 100, `only ${services.length} services in the corpus`);
  const settings = { systemdVersion: SYSTEMD_VERSION };
  const problems: string[] = [];
  const heldExamples = new Map<string, string>();
  const scores = new Map<HardeningLevel, { before: number[]; after: number[]; added: number[] }>(HARDENING_LEVELS.map((l) => [l, { before: [], after: [], added: [] }]));
  let planned = 0;
  for (const path of services) {
    const absolute = join(dir, path);
    const unit = createUnitDocument(pathToFileURL(absolute).href, readUnitFile(absolute));
    const dropIns = unitFilesFor(absolute).dropIns ?? [];
    for (const level of HARDENING_LEVELS) {
      const result = applyPlan(unit, dropIns, settings, level, level === 'standard' && path.length % 2 === 0);
      const { plan } = result;
      if (plan.problem) continue;
      planned++;
      for (const s of plan.settings) if (s.since !== undefined && s.since > SYSTEMD_VERSION) problems.push(`${path} ${level}: ${s.directive}= needs ${s.since}`);
      if (result.newFindings.length > 0) problems.push(`${path} ${level}: new finding ${result.newFindings[0]?.code}: ${result.newFindings[0]?.message}`);
      if (result.replanned.settings.length > 0) problems.push(`${path} ${level}: planning again adds ${result.replanned.settings.map((s) => `${s.directive}=${s.value}`).join(', ')}`);
      if (result.replanned.after !== result.replanned.before) problems.push(`${path} ${level}: planning again changes the text`);
      if (plan.exposureBefore !== undefined) {
        if (plan.exposureAfter === undefined || plan.exposureAfter > plan.exposureBefore) problems.push(`${path} ${level}: exposure ${plan.exposureBefore} → ${plan.exposureAfter}`);
        const row = scores.get(level);
        row?.before.push(plan.exposureBefore);
        row?.after.push(plan.exposureAfter ?? plan.exposureBefore);
        row?.added.push(plan.settings.length);
      }
      if (plan.settings.length === 0 && plan.after !== plan.before) problems.push(`${path} ${level}: no settings, but the text changes`);
      for (const h of plan.heldBack) {
        const key = /\[([a-z-]+)\]/.exec(h.reason)?.[1] ?? h.reason.replace(/^.*?(itself|needs systemd|runs as root|shows the service needs|after the planned line).*$/, '$1');
        if (!heldExamples.has(key)) heldExamples.set(key, `${path} (${level}): ${h.directive}=${h.value}: ${h.reason.slice(0, 200)}`);
      }
    }
  }
  const lines = [`hardening plans at systemd ${SYSTEMD_VERSION}: ${services.length} services, ${planned} plans`];
  for (const [level, row] of scores) {
    lines.push(`  ${level}: median exposure ${(median(row.before) / 10).toFixed(1)} → ${(median(row.after) / 10).toFixed(1)}, median ${median(row.added)} settings, lowered for ${row.before.filter((b, i) => (row.after[i] ?? b) < b).length} of ${row.before.length}`);
  }
  lines.push(`  held back (${heldExamples.size} kinds), for example:`);
  for (const example of [...heldExamples.values()].slice(0, 20)) lines.push(`    ${example}`);
  console.log(lines.join('\n'));
  assert.deepEqual(problems.slice(0, 20), []);
});
