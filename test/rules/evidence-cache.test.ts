/**
 * An editor keeps one EvidenceCache per document across its versions. Whatever the edit, the
 * diagnostics must be exactly those of a check without the cache: the cache may only save work.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, EvidenceCache, type Diagnostic } from '../../server/src/core';
import { breakageUnits } from '../support/breakageUnits';

function shown(list: readonly Diagnostic[]): string[] {
  return list.map((d) => JSON.stringify([d.range, d.code, d.severity, d.message, d.related?.map((r) => r.message)]));
}

/** Lines an edit may add, remove or change: evidence, protections and unrelated settings. */
const LINES = [
  'Description=edited',
  'SystemCallFilter=@system-service',
  'SystemCallFilter=~@mount',
  'CapabilityBoundingSet=CAP_NET_ADMIN CAP_SYS_CHROOT',
  'AmbientCapabilities=CAP_NET_BIND_SERVICE',
  'PrivateDevices=yes',
  'ProtectSystem=strict',
  'RestrictAddressFamilies=AF_INET',
  'Type=notify',
  'User=nobody',
  'ReadWritePaths=/var/lib/x',
  'ExecStart=/usr/bin/sudo -u x /bin/true',
  'NoNewPrivileges=yes',
];

describe('the evidence cache never changes a finding', () => {
  const all = breakageUnits();

  test('there are breakage fixtures to edit', () => {
    assert.ok(all.length >= 10, `${all.length} fixtures`);
  });

  test('random edits, version after version, give the diagnostics of a fresh check', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.array(fc.record({ line: fc.nat(), action: fc.constantFrom('insert', 'remove', 'replace'), text: fc.constantFrom(...LINES) }), { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          const unit = all[which];
          const cache = new EvidenceCache();
          let lines = unit.text.split('\n');
          let version = 1;
          const check = (): void => {
            const text = lines.join('\n');
            const cached = analyze(createUnitDocument(unit.uri, text, version), DEFAULT_SETTINGS, {}, cache).diagnostics;
            const fresh = analyze(createUnitDocument(unit.uri, text, version), DEFAULT_SETTINGS, {}).diagnostics;
            assert.deepEqual(shown(cached), shown(fresh), `${unit.name}, version ${version}:\n${text}`);
          };
          check();
          for (const edit of edits) {
            // Edits land inside the [Service] section: after its header.
            const header = lines.findIndex((l) => l.trim() === '[Service]');
            const at = header < 0 ? lines.length : header + 1 + (edit.line % Math.max(1, lines.length - header - 1));
            if (edit.action === 'insert' || header < 0) lines = [...lines.slice(0, at), edit.text, ...lines.slice(at)];
            else if (edit.action === 'remove') lines = [...lines.slice(0, at), ...lines.slice(at + 1)];
            else lines = [...lines.slice(0, at), edit.text, ...lines.slice(at + 1)];
            version++;
            check();
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});
