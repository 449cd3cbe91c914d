import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, createUnitDocument, diagnoseWithFixes, fixAll, DEFAULT_SETTINGS, type Diagnostic } from '../../server/src/core';

/**
 * The rules never throw and their fixes always apply, whatever the text: generated unit-like
 * files mixing real settings, misspellings, odd values, continuations, CRLF, NUL, BOM and
 * broken characters.
 */
const KEYS = ['ProtectSystem', 'PrivateTmp', 'SystemCallFilter', 'User', 'DynamicUser', 'ReadWritePaths', 'ExecStart', 'After', 'Protectsystm', 'MemoryLimit', 'CapabilityBoundingSet', 'RestrictAddressFamilies', 'Nice', 'X-Own', '', 'Type'];
const VALUES = ['yes', 'no', 'strict', 'isolate', '@system-service', '~@mount', '', '~', '""', '-1000', '/srv', 'a b c', '%i', '\\', 'CAP_NET_ADMIN', 'AF_UNIX', '\u0000', '\uFFFD', 'simple'];
const SECTIONS = ['[Unit]', '[Service]', '[Install]', '[Socket]', '[Servce', '[X-Vendor]', ''];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}=${v}`),
  fc.constantFrom(...SECTIONS),
  fc.constantFrom('# comment', '', '  ', 'garbage', '=orphan', 'Key=value \\'),
  fc.string({ maxLength: 20 }),
);
const unitText = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()).map(([lines, eol, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(eol)}`);
const uri = fc.constantFrom('file:///etc/systemd/system/a.service', 'file:///usr/lib/systemd/user/a.service', 'file:///etc/systemd/system/a.service.d/x.conf', 'untitled:Untitled-1', 'file:///srv/a.socket.in');

function fixesApply(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) for (const fix of d.fixes ?? []) applyEdits(text, fix.edits);
}

describe('rules on any input', () => {
  it('never throw, and every fix applies', () => {
    fc.assert(
      fc.property(unitText, uri, fc.integer({ min: 200, max: 999 }), (text, u, version) => {
        const diagnostics = diagnoseWithFixes(createUnitDocument(u, text), { systemdVersion: version });
        for (const d of diagnostics) assert.ok(d.range.start.line >= 0 && d.message.length > 0);
        fixesApply(text, diagnostics);
      }),
      { numRuns: 300 },
    );
  });

  it('fix-all ends, and running it again changes nothing', () => {
    fc.assert(
      fc.property(unitText, (text) => {
        const result = fixAll('file:///etc/systemd/system/a.service', text, DEFAULT_SETTINGS);
        const again = fixAll('file:///etc/systemd/system/a.service', result.text, DEFAULT_SETTINGS);
        assert.equal(again.text, result.text, `second run applied: ${again.applied.join(' | ')}`);
      }),
      { numRuns: 100 },
    );
  });

  it('handles binary data and very long lines', () => {
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join('');
    const long = `[Service]\nType=${'x'.repeat(2 * 1024 * 1024)}\nSystemCallFilter=${'foo '.repeat(100_000)}\n`;
    for (const text of [binary, long]) fixesApply(text, diagnoseWithFixes(createUnitDocument('file:///etc/systemd/system/a.service', text)));
  });
});
