/**
 * The exposure lens and its report, from the pure core: the title and where the lens sits for the
 * fixtures of test/fixtures/security/lens (scores cross-checked with systemd-analyze 252), drop-ins
 * merged with their unit (in both directions), the same score the CLI gives, and a report whose
 * rows are the engine's checks with each failing one linked to the line that decides it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, type UnitDocument, type UnitFiles } from '../../server/src/core';
import { securityLens, securityModel, securityReportMarkdown } from '../../server/src/core/features/securityLens';
import { assess, formatExposure } from '../../server/src/core/security';
import { readSecurityInput, readSecurityPolicyFile } from '../../server/src/node/securityInput';
import { readPolicyCached } from '../../server/src/node/unitguardrc';
import { settingsWithRc } from '../../server/src/lsp/unitState';
import { DiskFiles } from '../../server/src/lsp/diskFiles';
import { FIXTURES, readTsv } from './support';

const LENS_DIR = join(FIXTURES, 'lens');

function load(relative: string, transform: (text: string) => string = (t) => t): UnitDocument {
  const path = join(LENS_DIR, relative);
  return createUnitDocument(pathToFileURL(path).href, transform(readFileSync(path, 'utf8')), 1);
}

/** The document's other files, as the server hands them over: the unit and the drop-ins. */
function filesOf(others: readonly UnitDocument[]): UnitFiles {
  const unit = others.find((d) => !d.file.isDropIn);
  return { ...(unit ? { unit } : {}), dropIns: others.filter((d) => d.file.isDropIn) };
}

const cases = readTsv(join(LENS_DIR, 'lens.tsv')).map((row) => ({
  document: row.document as string,
  others: row.others === '-' ? [] : (row.others as string).split(','),
  version: Number(row.systemd_version),
  title: row.title === '-' ? undefined : (row.title as string),
  line: row.line === '-' ? undefined : Number(row.line) - 1,
}));

describe('exposure lens: fixtures', () => {
  assert.ok(cases.length >= 5, 'lens.tsv has too few rows');
  for (const c of cases) {
    const label = `${c.document}${c.others.length ? ` with ${c.others.join(', ')}` : ''} (systemd ${c.version})`;
    test(label, () => {
      const document = load(c.document);
      const lens = securityLens(document, filesOf(c.others.map((o) => load(o))), { systemdVersion: c.version });
      if (c.title === undefined) {
        assert.equal(lens, undefined);
        return;
      }
      assert.ok(lens, 'no lens');
      assert.equal(lens.title, c.title);
      assert.equal(lens.range.start.line, c.line);
      const header = document.tree.sections.find((s) => s.name === 'Service' && !s.malformed);
      assert.deepEqual(lens.range, header ? header.headerRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
  }
});

describe('exposure lens: Restricted Mode', () => {
  test('the lens and the report say that no file was read from disk', () => {
    const settings = { systemdVersion: 262, restrictedMode: true };
    const unit = securityLens(load('web.service'), {}, settings);
    assert.equal(unit?.title, `${securityLens(load('web.service'), {}, { systemdVersion: 262 })?.title} · Restricted Mode`);
    const dropIn = securityLens(load('web.service.d/50-harden.conf'), {}, settings);
    assert.match(dropIn?.title ?? '', / · systemd 262 · Restricted Mode \(drop-ins only: the unit file is not open \(Restricted Mode reads no files from disk\)\)$/);
    const report = securityReportMarkdown(load('web.service'), {}, settings);
    assert.match(report, /^# Exposure of web\.service: .* · systemd 262 · Restricted Mode$/m);
    assert.match(report, /^Restricted Mode: the workspace is not trusted, so only open documents are read\./m);
    assert.doesNotMatch(securityReportMarkdown(load('web.service'), {}, { systemdVersion: 262 }), /Restricted Mode/);
  });
});

describe('exposure lens: merging', () => {
  test('a drop-in without its unit is scored alone and says so', () => {
    const lens = securityLens(load('web.service.d/50-harden.conf'), {}, { systemdVersion: 252 });
    assert.ok(lens && lens.exposure !== undefined);
    assert.equal(lens.complete, false);
    assert.match(lens.title, /^Exposure \d+\.\d [A-Z]+ \S+ · systemd \d+ \(drop-ins only/);
  });

  test('the hardening drop-in lowers the unit score, and the drop-in shows the merged score', () => {
    const unit = load('web.service');
    const dropIn = load('web.service.d/50-harden.conf');
    const alone = securityLens(unit, {}, { systemdVersion: 262 });
    const merged = securityLens(unit, { dropIns: [dropIn] }, { systemdVersion: 262 });
    const fromDropIn = securityLens(dropIn, { unit, dropIns: [] }, { systemdVersion: 262 });
    assert.ok(alone?.exposure !== undefined && merged?.exposure !== undefined);
    assert.ok(merged.exposure < alone.exposure, `${merged.exposure} < ${alone.exposure}`);
    assert.equal(fromDropIn?.exposure, merged.exposure);
    assert.equal(fromDropIn?.title, merged.title);
  });

  for (const version of [252, 262]) {
    test(`the lens gives the score the CLI reads from disk (systemd ${version})`, () => {
      for (const relative of ['web.service', 'web.service.d/50-harden.conf']) {
        const input = readSecurityInput(join(LENS_DIR, relative));
        const cli = assess(input.model, { systemdVersion: version });
        assert.ok(cli.ok);
        const others = input.model.documents.filter((d) => !d.uri.endsWith(relative)).map((d) => load(d.uri.slice(pathToFileURL(LENS_DIR).href.length + 1)));
        const lens = securityLens(load(relative), filesOf(others), { systemdVersion: version });
        assert.equal(lens?.exposure, cli.exposure, relative);
        assert.ok(lens?.title.startsWith(`Exposure ${formatExposure(cli.exposure)} ${cli.level} `), lens?.title);
      }
    });
  }

  test('CRLF line ends and a byte-order mark change neither the score nor the place', () => {
    const plain = securityLens(load('web.service'), {}, { systemdVersion: 252 });
    const crlf = securityLens(load('web.service', (t) => '\uFEFF' + t.replace(/\n/g, '\r\n')), {}, { systemdVersion: 252 });
    assert.equal(crlf?.title, plain?.title);
    assert.equal(crlf?.range.start.line, plain?.range.start.line);
  });

  test('bad input gives a lens or none, never a throw', () => {
    const inputs = ['', '\0\0\0', '[Service]\0\nExecStart=/bin/true\0', '\uFFFD\uFFFD[Service]\nExecStart=\uFFFD', `[Service]\nExecStart=/bin/true\nEnvironment=${'x'.repeat(1_000_000)}\n`, '[Service\nExecStart=/bin/true'];
    for (const text of inputs) {
      const document = createUnitDocument('file:///tmp/bad.service', text, 1);
      const lens = securityLens(document, {}, { systemdVersion: 262 });
      if (lens) assert.match(lens.title, /^Exposure/);
      assert.match(securityReportMarkdown(document, {}, { systemdVersion: 262 }), /^# Exposure/);
    }
  });

  test('an unsaved buffer with a [Service] section is scored; one without is not', () => {
    const service = createUnitDocument('untitled:Untitled-1', '[Service]\nExecStart=/bin/true\n', 1);
    const other = createUnitDocument('untitled:Untitled-2', '[Socket]\nListenStream=80\n', 1);
    assert.match(securityLens(service, {}, { systemdVersion: 252 })?.title ?? '', /^Exposure \d\.\d /);
    assert.equal(securityLens(other, {}, { systemdVersion: 252 }), undefined);
  });
});

/** The table rows of a report, by check name. */
function reportRows(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split('\n')) {
    const match = /^\| (.) \| `([^`]+)` \| (.*)$/.exec(line);
    if (!match) continue;
    const rest = (match[3] as string).split(/(?<!\\)\|/).map((c) => c.trim());
    rows.set((match[2] as string).replace(/\\\|/g, '|'), [match[1] as string, ...rest.slice(0, 3)]);
  }
  return rows;
}

describe('exposure report', () => {
  const unit = load('web.service');
  const dropIn = load('web.service.d/50-harden.conf');
  const settings = { systemdVersion: 252 };
  const markdown = securityReportMarkdown(unit, { dropIns: [dropIn] }, settings);
  const model = securityModel(unit, { dropIns: [dropIn] });
  assert.ok(model);
  const result = assess(model, settings);
  assert.ok(result.ok);
  const rows = reportRows(markdown);

  test('the heading gives the unit, the score, the level and the target release', () => {
    assert.match(markdown, new RegExp(`^# Exposure of web\\.service: 3\\.5 OK 🙂 · systemd ${settings.systemdVersion}$`, 'm'));
    assert.match(markdown, /Overall exposure level for web\.service: \*\*3\.5 OK 🙂\*\*/);
  });

  test('one row per check, with its mark, description and share of the score', () => {
    assert.equal(rows.size, result.tests.length);
    for (const t of result.tests) {
      const row = rows.get(t.id);
      assert.ok(row, `no row for ${t.id}`);
      const [mark, , exposure] = row;
      assert.equal(mark, !t.scored ? '–' : t.badness === 0 ? '✓' : '✗', t.id);
      assert.equal(exposure, t.scored && t.exposure > 0 ? formatExposure(t.exposure) : '', t.id);
    }
  });

  test('failing checks come first, by their share of the score', () => {
    const marks = [...rows.values()].map((r) => r[0]);
    const firstOther = marks.findIndex((m) => m !== '✗');
    assert.ok(firstOther > 0, 'no failing check listed first');
    assert.ok(marks.slice(firstOther).every((m) => m !== '✗'), 'a failing check after a passing one');
    const shares = [...rows.values()].slice(0, firstOther).map((r) => Number(r[2]));
    assert.deepEqual(shares, [...shares].sort((a, b) => b - a));
  });

  test('a failing check set in the drop-in links to the drop-in line', () => {
    const line = readFileSync(join(LENS_DIR, 'web.service.d/50-harden.conf'), 'utf8').split('\n').indexOf('RestrictAddressFamilies=AF_INET AF_INET6') + 1;
    assert.ok(line > 0);
    const failing = result.tests.filter((t) => t.scored && (t.badness ?? 0) > 0 && t.lines.some((l) => l.uri === dropIn.uri && l.range.start.line === line - 1));
    assert.ok(failing.length > 0, 'no failing check decided by the RestrictAddressFamilies= line');
    for (const t of failing) {
      const where = rows.get(t.id)?.[3] ?? '';
      assert.ok(where.includes(`(<${dropIn.uri}#L${line}>)`), `${t.id}: ${where}`);
      assert.ok(where.includes(`web.service.d/50-harden.conf:${line}`), `${t.id}: ${where}`);
    }
  });

  test('a failing check that nothing sets links to the [Service] header', () => {
    const header = (unit.tree.sections.find((s) => s.name === 'Service')?.headerRange.start.line ?? -1) + 1;
    const unset = result.tests.filter((t) => t.scored && (t.badness ?? 0) > 0 && t.lines.length === 0);
    assert.ok(unset.length > 0);
    for (const t of unset) {
      const where = rows.get(t.id)?.[3] ?? '';
      assert.ok(where.startsWith('not set: '), `${t.id}: ${where}`);
      assert.ok(where.includes(`(<${unit.uri}#L${header}>)`), `${t.id}: ${where}`);
    }
  });

  test('the report names the files it merged', () => {
    assert.ok(markdown.includes(`(<${dropIn.uri}#L1>)`), 'the drop-in is not named');
  });

  test('a unit that cannot be loaded, and a document that is not a service, say so', () => {
    assert.match(securityReportMarkdown(load('unit-only.service'), {}, settings), /^# Exposure of unit-only\.service: not scored · systemd 252\n\n.*ExecStart=/);
    assert.match(securityReportMarkdown(load('plain.socket'), {}, settings), /not a service/);
  });

  test('a file name with markdown characters cannot break the table', () => {
    const odd = createUnitDocument('file:///tmp/a%7Cb%5B1%5D.service', '[Service]\nExecStart=/bin/true\nUser=x|y\n', 1);
    const text = securityReportMarkdown(odd, {}, settings);
    const table = text.split('\n').filter((l) => l.startsWith('| '));
    const columns = (l: string) => l.split(/(?<!\\)\|/).length;
    assert.ok(table.length > 2);
    assert.ok(table.every((l) => columns(l) === columns(table[0] as string)), 'a row has a different number of cells');
  });
});

describe('exposure lens: manager and policy', () => {
  test('a unit under systemd/user/ is scored for the per-user manager, and the report says so', () => {
    const document = load('systemd/user/agent.service');
    const report = securityReportMarkdown(document, {}, { systemdVersion: 262 });
    assert.match(report, /systemd-analyze security --user --offline=yes/);
    assert.match(report, /per-user manager/);
    // The same file elsewhere is a system service, with another score.
    const elsewhere = createUnitDocument('file:///etc/systemd/system/agent.service', document.tree.text, 1);
    assert.notEqual(securityLens(elsewhere, {}, { systemdVersion: 262 })?.title, securityLens(document, {}, { systemdVersion: 262 })?.title);
  });

  test('a .unitguardrc security-policy reaches the lens through the document settings', () => {
    const path = join(LENS_DIR, 'policy/web.service');
    const document = createUnitDocument(pathToFileURL(path).href, readFileSync(path, 'utf8'), 1);
    const settings = settingsWithRc({ systemdVersion: 262 }, new DiskFiles().rcSettings(path));
    assert.deepEqual(settings.securityPolicy, readSecurityPolicyFile(join(FIXTURES, 'policy.json')).policy);
    const withPolicy = securityLens(document, {}, settings);
    const without = securityLens(document, {}, { systemdVersion: 262 });
    // systemd-analyze 262 --security-policy=policy.json gives 9.3, without it 9.4.
    assert.equal(withPolicy?.title, 'Exposure 9.3 UNSAFE 😨 · systemd 262');
    assert.equal(without?.title, 'Exposure 9.4 UNSAFE 😨 · systemd 262');
    assert.match(securityReportMarkdown(document, {}, settings), /--security-policy/);
  });

  test('a named policy that cannot be used leaves the unit unscored, and the lens says why', () => {
    const path = join(LENS_DIR, 'policy/web.service');
    const document = createUnitDocument(pathToFileURL(path).href, readFileSync(path, 'utf8'), 1);
    const lens = securityLens(document, {}, { systemdVersion: 262, securityPolicyError: 'policy.json is not a regular file' });
    assert.equal(lens?.title, 'Exposure: not scored (the security policy cannot be used: policy.json is not a regular file) · systemd 262');
    assert.equal(lens?.exposure, undefined);
  });

  test('a policy file that is missing or not JSON is reported and left out', () => {
    const missing = readPolicyCached(join(FIXTURES, 'no-such-policy.json'));
    assert.equal(missing.policy, undefined);
    assert.match(missing.problems[0] ?? '', /no-such-policy\.json/);
    const broken = readPolicyCached(join(FIXTURES, 'checks.tsv'));
    assert.equal(broken.policy, undefined);
    assert.match(broken.problems[0] ?? '', /not JSON/);
  });
});
