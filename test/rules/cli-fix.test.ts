import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '../../..');
const bin = path.join(repoRoot, 'bin/unitguard.js');

function cli(args: string[], cwd: string, input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'check', ...args], { cwd, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const UNIT = '[Unit]\nDescription=app\n\n[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\nStartLimitBurst=5\n';

describe('unitguard check --fix', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitguard-fix-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('--fix --dry-run prints a unified diff and leaves the file alone', () => {
    const file = write('dry/app.service', UNIT);
    const result = cli(['--fix', '--dry-run', 'dry/app.service'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), UNIT);
    assert.match(result.stdout, /^--- a\/dry\/app\.service\n\+\+\+ b\/dry\/app\.service\n@@ /);
    assert.match(result.stdout, /^-StartLimitBurst=5$/m);
    assert.match(result.stdout, /^\+StartLimitBurst=5$/m);
    assert.doesNotMatch(result.stdout, /SystemCallArchitectures=native/, 'a fix that takes a permission away is left for a review');
    assert.match(result.stderr, /left in 'dry\/app\.service': 2 fixes change what the service may do and need a review \(--fix=review applies them\)/);
    assert.match(result.stderr, /dry\/app\.service:7: Add SystemCallErrorNumber=EPERM \[recommends\]/);
    assert.match(result.stderr, /dry\/app\.service:7: Add SystemCallArchitectures=native .*\[recommends\]/);
    assert.doesNotMatch(result.stdout, /\[(recommends|deprecated-directive)\]/, 'no report with --dry-run');
  });

  it('--fix --dry-run keeps CRLF line ends: git apply takes the diff and gives what --fix writes', () => {
    const crlf = UNIT.replace(/\n/g, '\r\n');
    write('crlf/dry/app.service', crlf);
    const fixedFile = write('crlf/fixed/app.service', crlf);
    const diff = cli(['--fix', '--dry-run', 'app.service'], path.join(dir, 'crlf/dry'));
    assert.equal(diff.status, 0, diff.stderr);
    assert.match(diff.stdout, /^-StartLimitBurst=5\r$/m);
    assert.equal(cli(['--fix', 'app.service'], path.join(dir, 'crlf/fixed')).status, 0);
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: path.join(dir, 'crlf/dry'), input: diff.stdout, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(readFileSync(path.join(dir, 'crlf/dry/app.service'), 'utf8'), readFileSync(fixedFile, 'utf8'));
    assert.match(readFileSync(fixedFile, 'utf8'), /^\[Unit\]\r\n/);
  });

  it('--fix=review applies the fixes that change the sandbox too; --fix=other is refused', () => {
    const file = write('review/app.service', UNIT);
    const result = cli(['--fix=review', 'review/app.service'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), '[Unit]\nDescription=app\nStartLimitBurst=5\n\n[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\nSystemCallErrorNumber=EPERM\nSystemCallArchitectures=native\n');
    assert.match(result.stderr, /fixed 'review\/app\.service': 3 fixes applied: /);
    assert.equal(cli(['--fix=always', 'review/app.service'], dir).status, 2);
    const spaced = cli(['--fix', 'review', 'review/app.service'], dir);
    assert.equal(spaced.status, 2);
    assert.match(spaced.stderr, /write --fix=review/);
  });

  it('--fix writes the safe fixes and reports what is left', () => {
    const file = write('fix/app.service', UNIT);
    const result = cli(['--fix', '--format', 'json', 'fix/app.service'], dir);
    assert.equal(result.status, 0, result.stderr);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(fixed, '[Unit]\nDescription=app\nStartLimitBurst=5\n\n[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\n');
    assert.match(result.stderr, /fixed 'fix\/app\.service': 1 fix applied: Move StartLimitBurst= to \[Unit\]/);
    const report = JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
    const codes = report.files[0].diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('deprecated-directive'));
    assert.ok(codes.includes('recommends'), 'the advice without a safe fix stays (SystemCallErrorNumber=EPERM, MemoryHigh=)');
    // A second run has nothing safe left to fix, and says what is left for a review.
    assert.doesNotMatch(cli(['--fix', 'fix/app.service'], dir).stderr, /fixed/);
    assert.equal(readFileSync(file, 'utf8'), fixed);
  });

  it('refuses --dry-run alone and --fix on standard input', () => {
    assert.equal(cli(['--dry-run', 'x.service'], dir).status, 2);
    assert.equal(cli(['--fix', '-'], dir, UNIT).status, 2);
    const piped = cli(['--fix', '--dry-run', '--stdin-filename', 'app.service', '-'], dir, UNIT);
    assert.equal(piped.status, 0, piped.stderr);
    assert.match(piped.stdout, /^\+StartLimitBurst=5$/m);
  });

  it('reads .unitguardrc above the file; --systemd-version wins over it', () => {
    write('rc/.unitguardrc', 'systemd-version = 252\n[rules]\nrecommends = off\n');
    write('rc/app.service', '[Service]\nExecStart=/usr/bin/app\nPrivateTmp=disconnected\nSystemCallFilter=@system-service\n');
    const withRc = cli(['rc/app.service'], dir);
    assert.match(withRc.stdout, /\[newer-than-target\]/);
    assert.doesNotMatch(withRc.stdout, /\[recommends\]/);
    const overridden = cli(['--systemd-version', '262', 'rc/app.service'], dir);
    assert.doesNotMatch(overridden.stdout, /\[newer-than-target\]/);
    assert.doesNotMatch(overridden.stdout, /\[recommends\]/);
  });

  it('checks a unit together with its drop-ins, and a drop-in with its unit', () => {
    write('dropins/app.service', '[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\n');
    write('dropins/app.service.d/10-arch.conf', '[Service]\nSystemCallArchitectures=native\n');
    write('dropins/app.service.d/20-tmp.conf', '[Service]\nProtectSystem=strict\n');
    const unit = cli(['--format', 'json', 'dropins/app.service'], dir);
    const unitCodes = (JSON.parse(unit.stdout) as { files: Array<{ diagnostics: Array<{ message: string }> }> }).files[0].diagnostics.map((d) => d.message);
    assert.ok(!unitCodes.some((m) => m.includes('SystemCallArchitectures=native')), 'the drop-in sets it');
    const dropIn = cli(['--format', 'json', 'dropins/app.service.d/20-tmp.conf'], dir);
    const messages = (JSON.parse(dropIn.stdout) as { files: Array<{ diagnostics: Array<{ message: string }> }> }).files[0].diagnostics.map((d) => d.message);
    assert.ok(!messages.some((m) => m.includes('requires one of')), `the unit's allow-list blocks @mount: ${messages.join(' | ')}`);
  });
});
