/** `unitguard security`: table, JSON, threshold, policy file, drop-in folder, exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, REPO } from './support';

const CLI = join(REPO, 'bin/unitguard.js');
const UNIT = join(FIXTURES, 'daemon.service');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'security', ...args], { encoding: 'utf8' });

interface JsonOut {
  exposure: number;
  level: string;
  unit: string;
  tests: { json_field: string; exposure: number | null; weight: number; lines: { path: string; line: number }[]; lines_left_out?: number }[];
}

test('prints the table and the closing line', () => {
  const r = run('--systemd-version', '252', UNIT);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ +NAME +DESCRIPTION +EXPOSURE$/m);
  assert.match(r.stdout, /^→ Overall exposure level for daemon\.service: \d+\.\d (UNSAFE|EXPOSED|MEDIUM|OK|SAFE|PERFECT|DANGEROUS) \S+$/m);
});

test('merges the drop-in folder and reports its lines', () => {
  const r = run('--json', UNIT);
  const out = JSON.parse(r.stdout) as JsonOut;
  const net = out.tests.find((t) => t.json_field === 'PrivateNetwork');
  assert.equal(net?.exposure, 0);
  assert.ok(net?.lines.some((l) => l.path.endsWith(join('daemon.service.d', '10-net.conf')) && l.line === 2));
});

test('--threshold exits 1 only above the threshold', () => {
  const out = JSON.parse(run('--json', UNIT).stdout) as JsonOut;
  const score = Math.round(out.exposure * 10);
  assert.equal(run('--threshold', String(score), UNIT).status, 0);
  assert.equal(run('--threshold', String(score - 1), UNIT).status, 1);
  assert.equal(run('--threshold', 'lots', UNIT).status, 2);
});

test('--security-policy applies weights from the JSON file', () => {
  const plain = JSON.parse(run('--json', UNIT).stdout) as JsonOut;
  const r = run('--json', '--security-policy', join(FIXTURES, 'policy.json'), UNIT);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as JsonOut;
  assert.equal(out.tests.find((t) => t.json_field === 'PrivateNetwork')?.weight, 1);
  assert.equal(out.tests.find((t) => t.json_field === 'UserOrDynamicUser')?.exposure, null);
  assert.ok(out.exposure > plain.exposure, `${out.exposure} vs ${plain.exposure}: two passing checks lost weight`);
  assert.equal(run('--security-policy', join(FIXTURES, 'missing.json'), UNIT).status, 2);
});

test('an unreadable path exits 2; several paths give an array in order', () => {
  assert.equal(run(join(FIXTURES, 'does-not-exist.service')).status, 2);
  const out = JSON.parse(run('--json', UNIT, UNIT).stdout) as JsonOut[];
  assert.equal(out.length, 2);
  assert.equal(out[0]?.unit, 'daemon.service');
});

test('--user scores for the per-user manager, as systemd-analyze --user does', () => {
  const agent = join(FIXTURES, 'lens/systemd/user/agent.service');
  const system = JSON.parse(run('--json', '--systemd-version', '262', agent).stdout) as JsonOut;
  const user = JSON.parse(run('--json', '--user', '--systemd-version', '262', agent).stdout) as JsonOut;
  // systemd-analyze 262: 9.2 for the system manager, 8.8 with --user.
  assert.equal(system.exposure, 9.2);
  assert.equal(user.exposure, 8.8);
  assert.equal(user.tests.find((t) => t.json_field === 'UserOrDynamicUser')?.exposure, 0);
});

test('.unitguardrc gives the policy and the version the command line leaves out', () => {
  const web = join(FIXTURES, 'lens/policy/web.service');
  const fromRc = JSON.parse(run('--json', '--systemd-version', '262', web).stdout) as JsonOut;
  const explicit = JSON.parse(run('--json', '--systemd-version', '262', '--security-policy', join(FIXTURES, 'policy.json'), web).stdout) as JsonOut;
  // systemd-analyze 262 with --security-policy=policy.json: 9.3 (9.4 without it).
  assert.equal(fromRc.exposure, 9.3);
  assert.equal(explicit.exposure, 9.3);
  assert.equal(fromRc.tests.find((t) => t.json_field === 'UserOrDynamicUser')?.weight, 0);
});

test('a policy named in .unitguardrc that is no regular file, too large or not JSON stops the score, loudly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-policy-'));
  copyFileSync(join(FIXTURES, 'lens/web.service'), join(dir, 'web.service'));
  const fifo = join(dir, 'fifo.json');
  spawnSync('mkfifo', [fifo]);
  writeFileSync(join(dir, 'big.json'), '{' + ' '.repeat(2 * 1024 * 1024) + '}');
  writeFileSync(join(dir, 'broken.json'), '{ not json');
  for (const policy of ['fifo.json', '/dev/zero', 'big.json', 'broken.json', 'missing.json']) {
    writeFileSync(join(dir, '.unitguardrc'), `security-policy = ${policy}\n`);
    const r = spawnSync(process.execPath, [CLI, 'security', join(dir, 'web.service')], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2, `${policy}: ${r.stderr}`);
    assert.match(r.stderr, /not scored: its security policy .* cannot be used/, policy);
    assert.equal(r.stdout, '', policy);
  }
});

test("bin/unitguard.js runs security from its own bundle, which answers as the whole CLI's", () => {
  const whole = join(REPO, 'dist/cli.js');
  const own = join(REPO, 'dist/cli-security.js');
  const lens = join(FIXTURES, 'lens');
  const cases: string[][] = [
    ['--systemd-version', '252', UNIT, UNIT],
    ['--json', '--user', UNIT],
    ['--help'],
    [],
    ['--bogus', UNIT],
    ['--threshold', '200', UNIT],
    [join(FIXTURES, 'does-not-exist.service'), UNIT],
    [lens],
  ];
  for (const args of cases) {
    const viaBin = run(...args);
    const viaWhole = spawnSync(process.execPath, [whole, 'security', ...args], { encoding: 'utf8' });
    const viaOwn = spawnSync(process.execPath, [own, 'security', ...args], { encoding: 'utf8' });
    for (const r of [viaBin, viaOwn]) {
      assert.deepEqual([r.status, r.stdout, r.stderr], [viaWhole.status, viaWhole.stdout, viaWhole.stderr], args.join(' '));
    }
  }
  // The bundle of its own leaves out what only `check` uses, the table of hardening pairs among it.
  assert.ok(statSync(own).size < statSync(whole).size * 0.6, 'cli-security.js is well under the whole CLI');
  assert.ok(readFileSync(whole, 'utf8').includes('relation:"recommends"'), 'the whole CLI has the pairs');
  assert.ok(!readFileSync(own, 'utf8').includes('relation:"recommends"'), 'cli-security.js has no table of pairs');
});

test('security knows the ids of the pairs in a .unitguardrc without their table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-rc-ids-'));
  try {
    // A pair's id is a rule a user may set; a made-up one is a mistake in the file (exit 2).
    writeFileSync(join(dir, '.unitguardrc'), '[rules]\nprotectsystem-strict-tmp = off\nno-such-rule-here = off\n');
    writeFileSync(join(dir, 'web.service'), '[Service]\nExecStart=/usr/bin/web\n');
    const unit = join(dir, 'web.service');
    const viaWhole = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'security', unit], { encoding: 'utf8' });
    const viaOwn = run(unit);
    assert.deepEqual([viaOwn.status, viaOwn.stdout, viaOwn.stderr], [viaWhole.status, viaWhole.stdout, viaWhole.stderr]);
    assert.equal(viaOwn.status, 2);
    assert.match(viaOwn.stderr, /no-such-rule-here/);
    assert.doesNotMatch(viaOwn.stderr, /protectsystem-strict-tmp/);
    assert.match(viaOwn.stdout, /Overall exposure level for web\.service/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a unit systemd would not load (not UTF-8) is refused with the message check gives, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-utf8-'));
  writeFileSync(join(dir, 'bad.service'), Buffer.from([...Buffer.from('[Service]\nExecStart=/bin/true\nDescription='), 0xc3, 0x28, 0x0a]));
  const r = spawnSync(process.execPath, [CLI, 'security', 'bad.service'], { encoding: 'utf8', cwd: dir });
  const check = spawnSync(process.execPath, [CLI, 'check', 'bad.service'], { encoding: 'utf8', cwd: dir });
  const line = check.stdout.split('\n').find((l) => l.endsWith('[invalid-utf8]'));
  assert.ok(line, check.stdout);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `unitguard: ${line}\n`);
});

test('a unit of another type that systemd would not load is refused for the reason check gives, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-types-'));
  try {
    writeFileSync(join(dir, 'data.mount'), '[Mount]\nWhat=/dev/vdb1\nWhere=/srv/data\n');
    writeFileSync(join(dir, 'api.socket'), '[Socket]\nAccept=yes\n');
    for (const name of ['data.mount', 'api.socket']) {
      const r = spawnSync(process.execPath, [CLI, 'security', name], { encoding: 'utf8', cwd: dir });
      const check = spawnSync(process.execPath, [CLI, 'check', name], { encoding: 'utf8', cwd: dir });
      const reason = /error: systemd refuses to load this ([a-z ]+): (.*)\. \[unit-refused\]$/m.exec(check.stdout);
      assert.ok(reason, check.stdout);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `unitguard: ${name}: systemd refuses to load the ${reason[1]}: ${reason[2]}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('- reads standard input, named by --stdin-filename; logrotate.timer scores 9.8 at 252 as systemd-analyze 252 does', () => {
  const timer = '[Unit]\nDescription=Daily rotation of log files\n\n[Timer]\nOnCalendar=daily\nAccuracySec=1h\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n';
  const r = spawnSync(process.execPath, [CLI, 'security', '--json', '--systemd-version', '252', '--stdin-filename', 'logrotate.timer', '-'], { encoding: 'utf8', input: timer });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as JsonOut;
  assert.equal(out.unit, 'logrotate.timer');
  // A timer has no execution context: no keyring mode is set, so the check fails.
  assert.equal(out.tests.find((t) => t.json_field === 'KeyringMode')?.exposure, 0.2);
  assert.equal(out.exposure, 9.8);
  assert.equal(run('--stdin-filename', 'x.service', UNIT).status, 2);
});

test('a unit that allows thousands of devices names the first few, and the table stays as wide as usual', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-devices-'));
  const unit = join(dir, 'many-devices.service');
  const devices = Array.from({ length: 5000 }, (_, i) => `DeviceAllow=/dev/probe${i} rw\n`).join('');
  writeFileSync(unit, `[Service]\nExecStart=/usr/bin/app\nPrivateDevices=yes\n${devices}`);
  const r = run('--systemd-version', '252', unit);
  assert.equal(r.status, 0, r.stderr);
  const row = r.stdout.split('\n').find((l) => l.includes('DeviceAllow='));
  assert.match(row ?? '', /device allow-list: \/dev\/probe0 \/dev\/probe1 .* \/dev\/probe7 and 4992 more +0\.1$/);
  const widest = Math.max(...r.stdout.split('\n').map((l) => l.length));
  assert.ok(widest < 250, `the widest line has ${widest} characters`);
});

test('--json lists the last 100 lines of a check and counts the others; 200,000 repeated lines give a report, not a RangeError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-sec-lines-'));
  try {
    const few = join(dir, 'few.service');
    writeFileSync(few, '[Service]\nExecStart=/bin/true\n' + 'CapabilityBoundingSet=CAP_SYS_ADMIN\n'.repeat(3));
    const fewOut = JSON.parse(run('--json', few).stdout) as JsonOut;
    const fewCheck = fewOut.tests.find((t) => t.json_field === 'CapabilityBoundingSet_CAP_SYS_ADMIN');
    assert.deepEqual(fewCheck?.lines.map((l) => l.line), [3, 4, 5]);
    assert.ok(fewOut.tests.every((t) => !('lines_left_out' in t)), 'no count when every line is listed');

    const many = join(dir, 'many.service');
    writeFileSync(many, '[Service]\nExecStart=/bin/true\n' + 'CapabilityBoundingSet=CAP_SYS_ADMIN\n'.repeat(200_000));
    const r = run('--json', many);
    assert.equal(r.status, 0, r.stderr.slice(0, 500));
    const out = JSON.parse(r.stdout) as JsonOut;
    const check = out.tests.find((t) => t.json_field === 'CapabilityBoundingSet_CAP_SYS_ADMIN');
    assert.ok(check);
    assert.equal(check.lines.length, 100);
    assert.equal(check.lines_left_out, 199_900);
    assert.deepEqual([check.lines[0].line, check.lines[99].line], [200_002 - 99, 200_002], 'the last lines, which decide the check');
    assert.equal(out.exposure, JSON.parse(run('--json', few).stdout).exposure, 'the same score as three such lines');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
