import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applySyscallFilterLine, filterNames, groupItems, type SyscallFilter } from '../../server/src/core/security/syscallFilter';
import { createUnitDocument } from '../../server/src/core';
import { modelFor } from '../../server/src/core/rules';
import { CallSet, syscallFilter } from '../../server/src/core/rules/pairings/effects';

/** SystemCallFilter= lines in the order a unit gives them, as the checks replay them. */
const SEQUENCES: readonly (readonly string[])[] = [
  ['@system-service'],
  ['~@privileged @resources'],
  ['@system-service', '~@privileged @resources'],
  ['@system-service', '~@clock', 'settimeofday'],
  ['~@clock:EPERM', 'clock_settime'],
  ['@system-service chroot:EPERM', '~chown'],
  ['~@mount @module', '', '~@reboot'],
  ['@basic-io @file-system', '@clock', '~clock_adjtime:1'],
  ['~@obsolete @raw-io', '~@cpu-emulation', '~@debug @swap', '~bpf'],
  ['@default @chown setuid setgid', '~setuid:EPERM'],
];

/** The calls asked about: some in the groups above, some not, one the release lacks. */
const ASKED = new Set(['chroot', 'settimeofday', 'clock_settime', 'clock_adjtime', 'init_module', 'reboot', 'chown', 'fchownat', 'setuid', 'setgid', 'bpf', 'mknod', 'no_such_call']);

function replay(lines: readonly string[], version: number, only?: ReadonlySet<string>): SyscallFilter | undefined {
  let filter: SyscallFilter | undefined;
  for (const line of lines) filter = applySyscallFilterLine(filter, line, version, only);
  return filter;
}

describe('a SystemCallFilter= replayed for a few calls only', () => {
  for (const version of [247, 252, 262]) {
    for (const lines of SEQUENCES) {
      it(`answers for those calls as the whole filter does: ${JSON.stringify(lines)} at ${version}`, () => {
        const whole = replay(lines, version);
        const some = replay(lines, version, ASKED);
        assert.equal(some === undefined, whole === undefined);
        if (!whole || !some) return;
        assert.equal(some.allowList, whole.allowList);
        for (const call of ASKED) assert.equal(some.entries.get(call), whole.entries.get(call), call);
        // It holds nothing else: the groups were not expanded into it.
        for (const name of some.entries.keys()) assert.ok(ASKED.has(name), name);
        assert.ok(whole.entries.size > some.entries.size);
      });
    }
  }

  it('the premise: a group expands to hundreds of calls', () => {
    assert.ok((replay(['@system-service'], 262)?.entries.size ?? 0) > 300);
    assert.ok((groupItems('@system-service', 262)?.length ?? 0) > 10);
  });
});

describe('the filter the pairs and breakage rules read answers as the filter systemd builds', () => {
  for (const version of [247, 252, 262]) {
    for (const lines of SEQUENCES) {
      it(`${JSON.stringify(lines)} at ${version}`, () => {
        const text = `[Service]\nExecStart=/usr/bin/true\n${lines.map((l) => `SystemCallFilter=${l}\n`).join('')}`;
        const filter = syscallFilter(modelFor(createUnitDocument('file:///filter.service', text)), version);
        const whole = replay(lines, version);
        assert.equal(filter.mode === 'none', whole === undefined);
        if (!whole) return;
        assert.equal(filter.mode, whole.allowList ? 'allow' : 'deny');
        // In both, a call is in the set when it is allowed (an allow-list) or refused (a deny-list).
        const named = filterNames(whole);
        for (const call of ASKED) assert.equal(filter.calls.has(call), named.has(call), call);
      });
    }
  }

  it('a long line that repeats a call and a group, then a line that takes the call away', () => {
    const line = `SystemCallFilter=${'chown @clock '.repeat(20_000)}`;
    const filter = syscallFilter(modelFor(createUnitDocument('file:///filter.service', `[Service]\n${line}\nSystemCallFilter=~chown\n`)), 262);
    assert.equal(filter.calls.has('chown'), false);
    assert.equal(filter.calls.has('settimeofday'), true);
    assert.equal(filter.calls.has('reboot'), false);
  });
});

describe('a call set answers as its lines replayed one after another', () => {
  // Groups that overlap, and calls in some of them and in none.
  const GROUPS: readonly ReadonlySet<string>[] = [new Set(['a', 'b', 'c']), new Set(['c', 'd']), new Set(['e']), new Set(['a', 'e', 'f'])];
  const CALLS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  /** A small generator of its own, so that every run tries the same filters. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  it('over 2,000 filters of up to 12 lines, each call asked before and after each line', () => {
    const next = random(7);
    for (let run = 0; run < 2000; run++) {
      const set = new CallSet();
      const replayed = new Set<string>();
      const lines = 1 + Math.floor(next() * 12);
      for (let i = 0; i < lines; i++) {
        const add = next() < 0.5;
        const calls = CALLS.filter(() => next() < 0.2);
        const groups = GROUPS.filter(() => next() < 0.3);
        // Answers are kept between lines: asked before a line, they must not stand after it.
        if (next() < 0.5) for (const call of CALLS) set.has(call);
        set.addLine(add, calls, groups);
        for (const call of [...calls, ...groups.flatMap((g) => [...g])]) {
          if (add) replayed.add(call);
          else replayed.delete(call);
        }
      }
      for (const call of CALLS) assert.equal(set.has(call), replayed.has(call), `run ${run}, ${call}`);
    }
  });
});
