/**
 * No setting makes the check quadratic. For every setting of the knowledge base, a unit repeats
 * it on 500 and on 1,000 lines (cycling through values UnitGuard accepts, and `/` where a setting
 * takes it), and the test counts the elements the check and the exposure score walk through
 * (elementWork.ts). Less what the same unit without those lines costs, doubling the lines must
 * about double the count: a rule that walks every line of a setting for each of its lines makes
 * it four times larger. Found this way, and fixed: a list setting read by copying the list for
 * each of its lines (DeviceAllow=, SupplementaryGroups=, IPAddressAllow=, the filter paths), and
 * each path protection comparing every exception over a path with every cover
 * (ReadOnlyDirectories=/ on thousands of lines took seconds).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { directiveRows, type DirectiveRow } from '../../server/src/core/kb';
import { UnitModel } from '../../server/src/core/model/unitModel';
import { assess } from '../../server/src/core/security';
import { countingElementWork } from '../support/elementWork';
import { samplesFor, UNIT_FOR_SECTION } from '../values/valueSamples';

const SMALL = 500;
const LARGE = 2 * SMALL;
/** A linear check gives 2; the largest seen is 2.2 (values cycling); quadratic work gives 3 and more. */
const MAX_GROWTH = 2.5;

/** A service with the protections whose rules read other settings' lines, and paths they concern. */
const SERVICE = [
  'ExecStartPre=/usr/bin/tee /tmp/probe/log /var/lib/probe/state',
  'ExecStart=/usr/bin/tee /etc/probe',
  'ProtectSystem=strict',
  'ProtectHome=yes',
  'PrivateDevices=yes',
  'PrivateTmp=yes',
  'NoNewPrivileges=yes',
  'CapabilityBoundingSet=CAP_NET_BIND_SERVICE',
  'SystemCallFilter=@system-service',
  'RestrictAddressFamilies=AF_UNIX',
  'ProtectKernelTunables=yes',
];

function fileFor(row: DirectiveRow): string {
  return UNIT_FOR_SECTION[row.section] ?? 'probe.service';
}

function unitText(row: DirectiveRow, lines: readonly string[]): string {
  const head = fileFor(row).endsWith('.service') ? `[Service]\n${SERVICE.join('\n')}\n` : '';
  return `[Unit]\nDescription=probe\n${head}[${row.section}]\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** Up to three sample values the check takes without an error on their line, and `/` where it takes that. */
function acceptedValues(row: DirectiveRow): string[] {
  const accepted = (value: string): boolean => {
    const text = unitText(row, [`${row.name}=${value}`]);
    const line = text.split('\n').length - 2;
    return !diagnose(createUnitDocument(`file:///probe/${fileFor(row)}`, text)).some((d) => d.severity === 'error' && d.range.start.line === line);
  };
  const values = samplesFor(row).filter((v) => v !== '' && v !== '/').slice(0, 12).filter(accepted).slice(0, 3);
  if (accepted('/')) values.push('/');
  return values;
}

function elementsWalked(row: DirectiveRow, values: readonly string[], count: number): number {
  const lines = Array.from({ length: count }, (_, i) => `${row.name}=${values[i % values.length]}`);
  const document = createUnitDocument(`file:///probe/${fileFor(row)}`, unitText(row, lines));
  const service = fileFor(row).endsWith('.service');
  return countingElementWork(() => {
    diagnose(document);
    if (service) assess(UnitModel.build(document, []), { systemdVersion: 252 });
  }).elements;
}

test(`no setting repeated on ${LARGE.toLocaleString('en-US')} lines makes the check or the score quadratic`, (t) => {
  const seen = new Set<string>();
  const growths: { name: string; growth: number; counts: number[] }[] = [];
  for (const row of directiveRows) {
    const name = `${row.section}/${row.name}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const values = acceptedValues(row);
    if (values.length === 0) continue;
    const counts = [0, SMALL, LARGE].map((n) => elementsWalked(row, values, n));
    growths.push({ name, growth: (counts[2] - counts[0]) / Math.max(1, counts[1] - counts[0]), counts });
  }
  growths.sort((a, b) => b.growth - a.growth);
  t.diagnostic(`${growths.length} settings; the largest growths: ${growths.slice(0, 3).map((g) => `${g.name} ${g.growth.toFixed(2)}`).join(', ')}`);
  assert.ok(growths.length > 1000, `${growths.length} settings tried`);
  assert.ok(growths.some((g) => g.name === 'Service/DeviceAllow') && growths.some((g) => g.name === 'Service/ReadOnlyDirectories'));
  const quadratic = growths.filter((g) => g.growth >= MAX_GROWTH).map((g) => `${g.name}: ${g.growth.toFixed(2)} (elements ${g.counts.join(' → ')})`);
  assert.deepEqual(quadratic, []);
});
