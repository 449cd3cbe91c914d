/**
 * A fix's trial leaves the sections after its edits where they were in the unit's text (see
 * reparse()): the evidence checks count what they find there and read no place. These tests hold
 * that contract: what the checks find on such a tree is what they find on the tree whose sections
 * moved, finding for finding, for every fix of every unit of the corpus and for fixes in the
 * middle of long generated units.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, withFixes, type Diagnostic, type Fix } from '../../server/src/core';
import { evidenceOf } from '../../server/src/core/rules';
import { findingIdentity } from '../../server/src/core/rules/findingIdentity';
import { editedUnitDocument, type UnitDocument } from '../../server/src/core/unitDocument';
import { decodeUnitText } from '../../server/src/node/readUnitFile';
import { isUnitFileName } from '../../server/src/cli/files';
import { corpusFolder, corpusManifestPaths, reportMissingCorpus } from '../corpus/corpusLocation';

/** The identities of what the evidence checks find, sorted: the multiset a trial compares. */
function identities(found: readonly Diagnostic[]): string[] {
  return found.map(findingIdentity).sort();
}

/** Whether the fix's trial gives the same evidence on the tree left in place as on the moved one; undefined when its edits cannot be applied. */
function sameEvidence(document: UnitDocument, fix: Fix): { same: boolean; unmoved: string[]; moved: string[]; leftInPlace: boolean } | undefined {
  let unmoved: UnitDocument;
  let moved: UnitDocument;
  try {
    unmoved = editedUnitDocument(document, fix.edits, true);
    moved = editedUnitDocument(document, fix.edits);
  } catch {
    return undefined;
  }
  assert.equal(unmoved.tree.text, moved.tree.text, 'the two trees read different texts');
  const a = identities(evidenceOf(unmoved, DEFAULT_SETTINGS));
  const b = identities(evidenceOf(moved, DEFAULT_SETTINGS));
  // Where the moved tree has a section moved by the edits, the other has the unit's own.
  const own = new Set(document.tree.sections);
  const leftInPlace = moved.tree.sections.some((section, i) => !own.has(section) && own.has(unmoved.tree.sections[i]));
  return { same: JSON.stringify(a) === JSON.stringify(b), unmoved: a, moved: b, leftInPlace };
}

const corpus = corpusFolder();

/** Settings whose lines the evidence checks weigh against the unit's own (paths, devices, capabilities, calls, commands). */
const HARDENING_LINES = [
  'ProtectSystem=strict',
  'PrivateDevices=yes',
  'CapabilityBoundingSet=',
  'SystemCallFilter=@system-service',
  'NoNewPrivileges=yes',
  'MemoryDenyWriteExecute=yes',
  'RestrictAddressFamilies=AF_UNIX',
  'PrivateUsers=yes',
];

/** A line of each of HARDENING_LINES added at the end of each of the first two sections, as a fix adds it. */
function addedLines(document: UnitDocument): Fix[] {
  const fixes: Fix[] = [];
  for (const section of document.tree.sections.filter((s) => !s.malformed).slice(0, 2)) {
    const last = section.entries[section.entries.length - 1];
    const at = last === undefined ? section.headerRange.end : last.range.end;
    for (const line of HARDENING_LINES) fixes.push({ title: `Add ${line} to [${section.name}]`, edits: [{ range: { start: at, end: at }, newText: `\n${line}` }] });
  }
  return fixes;
}

describe('a fix tried with the sections after it left in place', () => {
  test('the evidence checks find the same on every fix of every corpus unit', { skip: corpus.found ? false : reportMissingCorpus(corpus.dir) }, (t) => {
    let fixes = 0;
    let units = 0;
    let withEvidence = 0;
    let leftInPlace = 0;
    const differ: string[] = [];
    for (const relative of corpusManifestPaths(corpus.dir)) {
      if (!isUnitFileName(path.posix.basename(relative), path.posix.basename(path.posix.dirname(relative)))) continue;
      const file = path.join(corpus.dir, relative);
      const document = createUnitDocument(pathToFileURL(file).href, decodeUnitText(readFileSync(file)));
      let tried = 0;
      const offered = withFixes(analyze(document, DEFAULT_SETTINGS)).flatMap((finding) => finding.fixes ?? []);
      for (const fix of [...offered, ...addedLines(document)]) {
        {
          const result = sameEvidence(document, fix);
          if (result === undefined) continue;
          tried++;
          if (result.moved.length > 0) withEvidence++;
          if (result.leftInPlace) leftInPlace++;
          if (!result.same) differ.push(`${relative}: ${fix.title}: ${JSON.stringify(result.unmoved)} vs ${JSON.stringify(result.moved)}`);
        }
      }
      fixes += tried;
      if (tried > 0) units++;
    }
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${fixes} fixes`);
    // Enough of them: most corpus units have fixes, and many edit a section with others after it.
    const counts = `${units} units, ${fixes} fixes, ${leftInPlace} trials with sections left in place, ${withEvidence} with evidence found`;
    t.diagnostic(counts);
    assert.ok(units > 600 && fixes > 8000 && leftInPlace > 2000 && withEvidence > 100, counts);
  });

  test('fixes in the middle of long units, where the sections left in place hold the evidence', () => {
    const block = (i: number): string =>
      [
        '[Service]',
        `ExecStart=/usr/bin/worker${i} --log /var/log/w${i}.log \\`,
        '    --state /var/lib/w/state',
        `ExecStartPre=/usr/sbin/sysctl -w net.ipv4.conf.w${i}.forwarding=1`,
        `DeviceAllow=/dev/ttyS${i} rw`,
        'ReadWritePaths=/var/lib/w',
        `Environment=W=${i}`,
        i % 3 === 0 ? 'ProtectSystem=strict' : 'PrivateTmp=yes',
        i % 4 === 0 ? 'CapabilityBoundingSet=CAP_NET_ADMIN' : 'NoNewPrivileges=yes',
        '',
      ].join('\n');
    const text = `[Unit]\nDescription=long\n\n${Array.from({ length: 60 }, (_, i) => block(i)).join('\n')}[Install]\nWantedBy=multi-user.target\n`;
    const document = createUnitDocument('file:///srv/long.service', text);
    const middle = document.tree.sections[30];
    const at = middle.entries[middle.entries.length - 1].range.end;
    const edits = [
      'ProtectSystem=strict',
      'ProtectKernelTunables=yes',
      'ProtectKernelModules=yes',
      'CapabilityBoundingSet=',
      'ReadWritePaths=',
      'SystemCallFilter=@system-service',
      'PrivateDevices=yes',
      'NoNewPrivileges=yes\nMemoryDenyWriteExecute=yes',
    ];
    let found = 0;
    for (const line of edits) {
      const fix: Fix = { title: line, edits: [{ range: { start: at, end: at }, newText: `\n${line}` }] };
      const result = sameEvidence(document, fix);
      assert.ok(result !== undefined);
      assert.ok(result.same, `${line}: ${JSON.stringify(result.unmoved)} vs ${JSON.stringify(result.moved)}`);
      found += result.moved.length;
      // The sections after the edit are the unit's own.
      assert.ok(result.leftInPlace, `${line}: no section was left in place`);
    }
    // The edits are ones the evidence has something to say about.
    assert.ok(found > 0, 'no evidence found on any trial');
  });
});
