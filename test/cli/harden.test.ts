/** `unitguard harden`: the plan printed, as JSON, as a diff, and written into the unit or a drop-in. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, runCli } from './cliHarness';

const fixture = path.join(repoRoot, 'test/fixtures/harden/writes-paths.service');

function copy(): { dir: string; unit: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitguard-harden-'));
  const unit = path.join(dir, 'collector.service');
  copyFileSync(fixture, unit);
  return { dir, unit };
}

describe('unitguard harden', () => {
  it('--dry-run prints a diff that adds the settings under a comment, and writes nothing', () => {
    const { dir, unit } = copy();
    try {
      const result = runCli(['harden', '--level', 'standard', '--systemd-version', '252', '--dry-run', unit]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^\+# Hardening \(unitguard harden --level standard\)$/m);
      assert.match(result.stdout, /^\+ProtectSystem=full$/m);
      assert.equal(readFileSync(unit, 'utf8'), readFileSync(fixture, 'utf8'));
      const json = runCli(['harden', '--format', 'json', '--systemd-version', '252', '--dry-run', unit]);
      const [plan] = JSON.parse(json.stdout) as { diff: string; settings: { directive: string; value: string }[] }[];
      assert.equal(plan?.diff, result.stdout);
      assert.ok((plan?.settings.length ?? 0) > 0);
      assert.equal(readFileSync(unit, 'utf8'), readFileSync(fixture, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the unit, and a second run adds nothing', () => {
    const { dir, unit } = copy();
    try {
      const first = runCli(['harden', '--level', 'strict', '--systemd-version', '252', unit]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /strict: exposure [0-9.]+ → [0-9.]+ with [0-9]+ settings/);
      assert.match(first.stdout, /held back: ProtectSystem=strict \[strict\]: it would bring a warning \[path-blocked\]/);
      const written = readFileSync(unit, 'utf8');
      assert.match(written, /^ProtectHome=yes$/m);
      const second = runCli(['harden', '--level', 'strict', '--systemd-version', '252', '--format', 'json', unit]);
      const [plan] = JSON.parse(second.stdout) as { settings: unknown[]; exposureBefore: number; exposureAfter: number }[];
      assert.deepEqual(plan?.settings, []);
      assert.equal(plan?.exposureAfter, plan?.exposureBefore);
      assert.equal(readFileSync(unit, 'utf8'), written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--drop-in writes NAME.service.d/hardening.conf and leaves the unit', () => {
    const { dir, unit } = copy();
    try {
      const result = runCli(['harden', '--drop-in', '--format', 'json', '--systemd-version', '252', unit]);
      assert.equal(result.status, 0, result.stderr);
      const [plan] = JSON.parse(result.stdout) as { file: string; newFile: boolean; settings: { directive: string; value: string; mayBreak: string }[] }[];
      assert.equal(plan?.newFile, true);
      const dropIn = path.join(dir, 'collector.service.d/hardening.conf');
      assert.ok(existsSync(dropIn));
      const text = readFileSync(dropIn, 'utf8');
      assert.match(text, /^\[Service\]\n# Hardening \(unitguard harden --level standard\)\n/);
      for (const s of plan?.settings ?? []) assert.ok(text.includes(`${s.directive}=${s.value}`));
      assert.equal(readFileSync(unit, 'utf8'), readFileSync(fixture, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nothing through a link that leads out of the folder: the unit, or its drop-in folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'unitguard-harden-links-'));
    try {
      const repo = path.join(root, 'repo');
      const outside = path.join(root, 'outside');
      mkdirSync(repo);
      mkdirSync(outside);
      copyFileSync(fixture, path.join(outside, 'victim.service'));
      symlinkSync(path.join(outside, 'victim.service'), path.join(repo, 'collector.service'));
      const viaUnit = runCli(['harden', '--systemd-version', '252', path.join(repo, 'collector.service')]);
      assert.equal(viaUnit.status, 2, viaUnit.stderr);
      assert.match(viaUnit.stderr, /cannot write .*collector\.service.*a link that leads outside/);
      assert.equal(readFileSync(path.join(outside, 'victim.service'), 'utf8'), readFileSync(fixture, 'utf8'));

      copyFileSync(fixture, path.join(repo, 'web.service'));
      symlinkSync(outside, path.join(repo, 'web.service.d'));
      const viaFolder = runCli(['harden', '--drop-in', '--systemd-version', '252', path.join(repo, 'web.service')]);
      assert.equal(viaFolder.status, 2, viaFolder.stderr);
      assert.match(viaFolder.stderr, /cannot write .*hardening\.conf.*a link that leads outside/);
      assert.deepEqual(readdirSync(outside), ['victim.service']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses an unknown level and standard input', () => {
    assert.equal(runCli(['harden', '--level', 'max', fixture]).status, 2);
    assert.equal(runCli(['harden', '-']).status, 2);
  });
});
