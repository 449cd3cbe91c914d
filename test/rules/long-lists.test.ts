/**
 * A finding about many lines names a few of them and says how many more there are, and lists at
 * most RELATED_LINES as related information: a long unit gives such findings thousands of lines of
 * evidence, and one message or list per finding as long as the unit made a check's memory grow with
 * the square of its size. Units written by hand stay under the bounds, and their messages name
 * every line.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, DEFAULT_SETTINGS, diagnose } from '../../server/src/core';
import { andList } from '../../server/src/core/andList';
import { NAMED_LINES, RELATED_LINES } from '../../server/src/core/rules/breakage/report';

interface Case {
  name: string;
  code: string;
  /** The unit, with `lines` lines of evidence. */
  unit: (lines: number) => string;
}

const CASES: readonly Case[] = [
  {
    name: 'paths a read-only root blocks',
    code: 'path-blocked',
    unit: (n) => `[Service]\nType=oneshot\nReadOnlyPaths=/\n${Array.from({ length: n }, (_, i) => `ExecStart=/usr/bin/znc${i} -f --datadir=/var/lib/znc\n`).join('')}`,
  },
  {
    name: 'a path of its own on each line a read-only root blocks',
    code: 'path-blocked',
    unit: (n) => `[Service]\nType=oneshot\nReadOnlyPaths=/\n${Array.from({ length: n }, (_, i) => `ExecStart=/usr/bin/znc${i} -f --datadir=/var/lib/znc${i}\n`).join('')}`,
  },
  {
    name: 'capabilities a user namespace voids',
    code: 'capability-void',
    unit: (n) => `[Service]\nExecStart=/usr/bin/app\nUser=app\nPrivateUsers=yes\n${'AmbientCapabilities=CAP_NET_BIND_SERVICE\n'.repeat(n)}`,
  },
  {
    name: 'a list merged in the wrong order',
    code: 'list-merge-order',
    unit: (n) => `[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=~@mount\n${'SystemCallFilter=@system-service\nSystemCallFilter=~@swap\n'.repeat(n)}`,
  },
];

function finding(c: Case, lines: number) {
  const document = createUnitDocument(`file:///x/${c.code}.service`, c.unit(lines));
  const found = diagnose(document, { ...DEFAULT_SETTINGS, systemdVersion: 262 }).filter((d) => d.code === c.code);
  assert.equal(found.length, 1, `${c.name}: one ${c.code} finding`);
  return found[0];
}

/** How many `(line N)` references a message holds. */
const named = (message: string): number => (message.match(/\(line \d+\)/g) ?? []).length;

describe('findings about many lines', () => {
  for (const c of CASES) {
    test(`${c.name}: a long unit's finding names ${NAMED_LINES - 1} lines and counts the rest, and relates ${RELATED_LINES}`, () => {
      const d = finding(c, 2000);
      assert.ok(named(d.message) <= NAMED_LINES, `${c.name}: ${named(d.message)} lines named`);
      assert.ok(d.message.length < 2000, `${c.name}: message of ${d.message.length} characters`);
      assert.equal(d.related?.length, RELATED_LINES);
      if (c.code !== 'list-merge-order') assert.match(d.message, / \d+ more lines/);
    });

    test(`${c.name}: a unit of a few lines names every one`, () => {
      const d = finding(c, 3);
      assert.doesNotMatch(d.message, /more lines/);
      assert.ok((d.related?.length ?? 0) >= 3, `${c.name}: ${d.related?.length} related`);
    });
  }
});

/** Units whose finding has many lines of one kind and one line that explains them, listed last. */
const EXPLAINED: readonly (Case & { explains: RegExp })[] = [
  {
    name: 'set-user-ID programs run as a user',
    code: 'setuid-helper-blocked',
    unit: (n) => `[Service]\nExecStart=/usr/bin/app\nUser=app\nNoNewPrivileges=yes\n${'ExecStartPost=/usr/bin/sudo x\n'.repeat(n)}`,
    explains: /^the commands run as this user: User=app/,
  },
  {
    name: 'a device named by a variable',
    code: 'device-blocked',
    unit: (n) => `[Service]\nEnvironment=D=/dev/sdc\nDevicePolicy=closed\n${'ExecStart=/usr/bin/dd of=${D}\n'.repeat(n)}`,
    explains: /^sets D: Environment=D=\/dev\/sdc/,
  },
];

describe('the line that explains the others stays related', () => {
  for (const c of EXPLAINED) {
    test(c.name, () => {
      for (const lines of [3, 40]) {
        const document = createUnitDocument(`file:///x/${c.code}.service`, c.unit(lines));
        const found = diagnose(document, { ...DEFAULT_SETTINGS, systemdVersion: 262 }).filter((d) => d.code === c.code);
        assert.equal(found.length, 1, `${c.name}: one ${c.code} finding (${found.map((d) => d.code).join(', ')})`);
        const related = found[0].related ?? [];
        assert.ok(related.length <= RELATED_LINES);
        assert.ok(related.some((r) => c.explains.test(r.message)), `${c.name}, ${lines} lines: ${related.map((r) => r.message).join(' | ')}`);
      }
    });
  }
});

describe('andList', () => {
  const cases: [string[], number, string][] = [
    [[], 4, ''],
    [['a'], 4, 'a'],
    [['a', 'b'], 4, 'a and b'],
    [['a', 'b', 'c', 'd'], 4, 'a, b, c and d'],
    [['a', 'b', 'c', 'd', 'e'], 4, 'a, b, c and 2 more'],
    [['a', 'b'], 1, 'a and 1 more'],
  ];
  for (const [items, max, expected] of cases) {
    test(`${JSON.stringify(items)} at most ${max}: "${expected}"`, () => assert.equal(andList(items, max, (s) => s), expected));
  }

  test('names only the items it shows', () => {
    let calls = 0;
    andList(Array.from({ length: 100_000 }, (_, i) => i), 5, (i) => (calls++, String(i)));
    assert.equal(calls, 4);
  });
});
