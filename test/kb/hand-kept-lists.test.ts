/**
 * The hand-kept lists of the knowledge base that the reference does not
 * provide: signals, error names, time-span units, size suffixes and the
 * well-known units of systemd.special(7).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errno, errnos, signal, signals, sizeSuffixes, specialUnits, timeUnits } from '../../server/src/core/kb';

describe('signals', () => {
  it('names are unique and numbers belong to one signal apart from aliases', () => {
    assert.equal(new Set(signals.map((s) => s.name)).size, signals.length);
    const own = signals.filter((s) => !s.aliasOf);
    assert.equal(new Set(own.map((s) => s.number)).size, own.length);
  });

  it('an alias has the number of the signal it names', () => {
    for (const alias of signals.filter((s) => s.aliasOf)) assert.equal(signal(alias.aliasOf!)?.number, alias.number, alias.name);
  });

  it('looks names up with or without SIG', () => {
    assert.equal(signal('TERM')?.number, 15);
    assert.equal(signal('SIGKILL')?.number, 9);
    assert.equal(signal('SIGNOPE'), undefined);
    assert.equal(signal('term'), undefined, 'systemd matches signal names case-sensitively');
  });

  it('holds the 31 standard signals', () => {
    for (let n = 1; n <= 31; n++) assert.ok(signals.some((s) => s.number === n && !s.aliasOf), `signal ${n}`);
  });
});

describe('error names', () => {
  it('names and numbers are unique', () => {
    assert.equal(new Set(errnos.map((e) => e.name)).size, errnos.length);
    assert.equal(new Set(errnos.map((e) => e.number)).size, errnos.length);
  });

  it('has the numbers of the generic kernel table', () => {
    assert.equal(errno('EPERM')?.number, 1);
    assert.equal(errno('ENOSYS')?.number, 38);
    assert.equal(errno('EUCLEAN')?.number, 117);
    assert.equal(errno('EWOULDBLOCK'), undefined, 'aliases are left out');
  });
});

describe('time-span units', () => {
  it('every spelling systemd reads, once', () => {
    const spellings = timeUnits.flatMap((u) => u.spellings);
    assert.equal(new Set(spellings).size, spellings.length);
    // parse_time()/parse_nsec() in src/basic/time-util.c
    const systemd = 'seconds second sec s minutes minute min months month M msec ms m hours hour hr h days day d weeks week w years year y usec us µs μs nsec ns';
    assert.deepEqual([...spellings].sort(), systemd.split(' ').sort());
  });

  it('only nanoseconds need a nanosecond-resolution setting', () => {
    assert.deepEqual(timeUnits.filter((u) => u.nsecOnly).map((u) => u.spellings[0]), ['ns']);
  });

  it('lengths follow systemd: a minute is 60 s, a month 30.44 days, a year 365.25 days', () => {
    const length = (spelling: string) => timeUnits.find((u) => u.spellings.includes(spelling))!.usec;
    assert.equal(length('min'), 60 * length('s'));
    assert.equal(length('m'), length('min'), '`m` is minutes, `M` months');
    assert.equal(length('M'), 2_629_800 * length('s'));
    assert.equal(length('y'), 31_557_600 * length('s'));
    assert.equal(length('ms') * 1000, length('s'));
  });
});

describe('size suffixes', () => {
  it('each is 1024 times the one before, starting at K', () => {
    assert.equal(sizeSuffixes[0].suffix, 'K');
    assert.equal(sizeSuffixes[0].bytes, 1024);
    for (let i = 1; i < sizeSuffixes.length; i++) assert.equal(sizeSuffixes[i].bytes, sizeSuffixes[i - 1].bytes * 1024, sizeSuffixes[i].suffix);
    assert.deepEqual(sizeSuffixes.map((s) => s.suffix), ['K', 'M', 'G', 'T', 'P', 'E']);
  });
});

describe('well-known units', () => {
  it('are unique unit names with a unit type suffix', () => {
    assert.equal(new Set(specialUnits).size, specialUnits.length);
    for (const name of specialUnits) assert.match(name, /^[a-z0-9-]+\.(target|service|socket|slice|mount)$/, name);
    for (const name of ['multi-user.target', 'network-online.target', 'default.target']) assert.ok(specialUnits.includes(name), name);
  });
});
