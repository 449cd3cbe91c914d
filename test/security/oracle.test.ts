/**
 * Fidelity: the overall exposure equals Debian 12's systemd-analyze 252.39 (ORACLE-security.tsv)
 * on every corpus service it scored as written, and on every drop-in of
 * ORACLE-security-dropins.tsv merged with its unit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { assess, formatExposure } from '../../server/src/core/security';
import { readSecurityInput } from '../../server/src/node/securityInput';
import { corpusOrSkip, modelOf, readTsv, REPO } from './support';

const corpus = corpusOrSkip();

test('overall exposure matches systemd-analyze 252 on every as-is corpus service', { skip: !corpus }, () => {
  const rows = readTsv(join(corpus as string, 'ORACLE-security.tsv')).filter((r) => (r.input ?? '').startsWith('as-is'));
  assert.ok(rows.length > 250, `expected the corpus oracle rows, got ${rows.length}`);
  const mismatches: string[] = [];
  let refused = 0;
  for (const row of rows) {
    const input = readSecurityInput(join(corpus as string, row.path as string));
    const result = assess(input.model, { systemdVersion: 252 });
    const got = result.ok ? formatExposure(result.exposure) : '';
    if (!result.ok) refused++;
    if (got !== row.exposure) mismatches.push(`${row.path}: systemd ${row.exposure || '(refused)'}, ours ${got || '(refused)'}`);
  }
  console.log(`exposure oracle: ${rows.length - mismatches.length} of ${rows.length} match (${refused} refused to load, as systemd does)`);
  assert.deepEqual(mismatches, []);
});

test('drop-ins merged with their unit match systemd-analyze 252', { skip: !corpus }, () => {
  const rows = readTsv(join(corpus as string, 'ORACLE-security-dropins.tsv'));
  assert.ok(rows.length >= 10);
  const mismatches: string[] = [];
  for (const row of rows) {
    const unitName = basename(row.debian12_parent_unit as string);
    const unitText = readFileSync(join(corpus as string, row.debian12_parent_unit as string), 'utf8');
    const dropIn = { name: basename(row.dropin_path as string), text: readFileSync(join(corpus as string, row.dropin_path as string), 'utf8') };
    const parent = assess(modelOf(unitName, unitText), { systemdVersion: 252 });
    const merged = assess(modelOf(unitName, unitText, [dropIn]), { systemdVersion: 252 });
    const got = [parent.ok ? formatExposure(parent.exposure) : '', merged.ok ? formatExposure(merged.exposure) : ''];
    const want = [row.parent_exposure, row.merged_exposure];
    if (got.join() !== want.join()) mismatches.push(`${row.dropin_path}: systemd ${want.join(' -> ')}, ours ${got.join(' -> ')}`);
    if (merged.ok) assert.equal(merged.level, row.merged_level, row.dropin_path);
  }
  console.log(`drop-in oracle: ${rows.length - mismatches.length} of ${rows.length} match`);
  assert.deepEqual(mismatches, []);
});

test('the CLI prints the oracle score for a corpus unit and its level', { skip: !corpus }, () => {
  const rows = readTsv(join(corpus as string, 'ORACLE-security.tsv')).filter((r) => r.input === 'as-is' && r.exposure);
  const sample = [rows[0], rows[Math.floor(rows.length / 2)], rows[rows.length - 1]].filter((r) => r !== undefined);
  const cli = join(REPO, 'bin/unitguard.js');
  const paths = sample.map((r) => join(corpus as string, r.path as string));
  const r = spawnSync(process.execPath, [cli, 'security', '--json', '--systemd-version', '252', ...paths], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { path: string; exposure: number; level: string }[];
  assert.equal(out.length, sample.length);
  out.forEach((o, i) => {
    assert.equal(o.exposure.toFixed(1), sample[i]?.exposure);
    assert.equal(o.level, sample[i]?.level);
    assert.equal(o.path, paths[i]);
  });
});
