import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, runCli, tempFolder } from './cliHarness';

/** `unitguard review` as a reviewer runs it: on the nftables.service hardening patch, files, folders and git. */
const fixtures = 'test/fixtures/review';
const thread = `${fixtures}/nftables-hardening.patch`;
const debian = `${fixtures}/nftables.service`;
const hardened = `${fixtures}/nftables.hardened.service`;

interface JsonReview {
  units: Array<{
    path: string;
    unit: string;
    change: string;
    fromHunksOnly: { before: boolean; after: boolean };
    exposure: { before: { exposure: number; level: string } | null; after: { exposure: number; level: string } | null; change: number | null } | null;
    checks: Array<{ name: string }>;
    newFindings: Array<{ path: string; range: { start: { line: number } }; severity: string; code: string; line: string }>;
    resolvedFindings: Array<{ path: string; code: string; severity: string; line: string }>;
    sandbox: { before: Record<string, string> | null; after: Record<string, string> | null; changed: string[] } | null;
  }>;
  unchanged: number;
  skipped: string[];
  errors: Array<{ path: string; message: string }>;
}

function json(args: string[], options: { cwd?: string; input?: string } = {}): { status: number | null; review: JsonReview; stderr: string } {
  const result = runCli(['review', '--format', 'json', ...args], options);
  return { status: result.status, review: JSON.parse(result.stdout) as JsonReview, stderr: result.stderr };
}

/** A folder holding the Debian unit, where a patch finds the file it changes. */
function withDebianUnit(): { dir: string; remove: () => void } {
  const folder = tempFolder('review');
  copyFileSync(path.join(repoRoot, debian), path.join(folder.dir, 'nftables.service'));
  return folder;
}

interface ExitCase {
  name: string;
  args: string[];
  status: number;
  stderr?: RegExp;
}

const exitCases: ExitCase[] = [
  { name: 'a patch that brings new errors', args: [thread], status: 1 },
  { name: 'the same with --fail-on none', args: ['--fail-on', 'none', thread], status: 0 },
  { name: 'the same when only a higher exposure fails', args: ['--fail-on=exposure-increase', thread], status: 0 },
  { name: 'a patch that only lowers the exposure', args: [`${fixtures}/patches/git-diff.patch`], status: 0 },
  { name: 'two files: the hardening', args: [debian, hardened], status: 1 },
  { name: 'two files the other way: the exposure rises', args: ['--fail-on', 'exposure-increase', hardened, debian], status: 1 },
  { name: 'two files the other way, failing on new errors only', args: ['--fail-on', 'new-error', hardened, debian], status: 0 },
  { name: 'nothing to review', args: [], status: 2, stderr: /nothing to review/ },
  { name: 'an unknown format', args: ['--format', 'xml', thread], status: 2, stderr: /unknown format 'xml'/ },
  { name: 'an unknown --fail-on', args: ['--fail-on', 'sometimes', thread], status: 2, stderr: /--fail-on takes/ },
  { name: '--git with paths', args: ['--git', 'HEAD', thread], status: 2, stderr: /--git takes no paths/ },
  { name: 'a missing patch', args: [`${fixtures}/missing.patch`], status: 2, stderr: /cannot review 'test\/fixtures\/review\/missing\.patch': no such file or directory/ },
  { name: 'a file that holds no patch', args: [debian], status: 2, stderr: /holds no patch/ },
];

describe('unitguard review: exit status', () => {
  for (const c of exitCases) {
    it(`${c.status} for ${c.name}`, () => {
      const result = runCli(['review', ...c.args]);
      assert.equal(result.status, c.status, result.stderr);
      if (c.stderr) assert.match(result.stderr, c.stderr);
    });
  }

  it('2 for a patch that does not apply to the file it names, which is then read from its hunks', () => {
    const folder = tempFolder('review');
    try {
      writeFileSync(path.join(folder.dir, 'nftables.service'), '[Service]\nExecStart=/bin/true\n');
      const result = runCli(['review', path.join(repoRoot, thread)], { cwd: folder.dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /nftables\.service: the patch does not apply to nftables\.service: hunk 1 .* does not apply/);
      assert.match(result.stdout, /^nftables\.service: exposure 9\.4 UNSAFE 😨 → 2\.5 OK 🙂 \(−6\.9\)/);
    } finally {
      folder.remove();
    }
  });
});

describe('unitguard review: the nftables.service hardening, in each format', () => {
  it('markdown, from the hunks only: the exposure change, the new findings on their lines, the sandbox', () => {
    const result = runCli(['review', '--format', 'markdown', thread]);
    assert.equal(result.status, 1);
    const md = result.stdout;
    assert.match(md, /^### nftables\.service: exposure 9\.4 UNSAFE 😨 → 2\.5 OK 🙂 \(−6\.9\)\n/);
    assert.match(md, /\n\*From the hunks only: the file is not at hand/);
    assert.match(md, /\n#### New findings \(2\)\n\n- ❌ error nftables\.service:23 `SystemCallFilter=@service`: Unknown system call group "@service": .*\(`invalid-value`\)\n- ❌ error nftables\.service:26 `PrivateTmp=isolate`: "isolate" is not a value of PrivateTmp=.*\(`invalid-value`\)\n/);
    assert.match(md, /\n#### Resolved findings \(0\)\n\nNone\.\n/);
    assert.match(md, /\n\| `CapabilityBoundingSet=CAP_NET_ADMIN` \(nftables\.service:20\) \| `CapabilityBoundingSet=` ✓ `~CAP_SYS_ADMIN`, /);
    assert.match(md, /\n\| \*\*Capabilities\*\* \| all \| CAP_NET_ADMIN \|\n/);
    assert.match(md, /\n\| \*\*NoNewPrivileges\*\* \| not set \| yes \|\n/);
    assert.match(md, /\n\| User \| runs as root \| same \|\n/);
  });

  it('markdown, with the unit at hand: the warning it resolves too', () => {
    const folder = withDebianUnit();
    try {
      const result = runCli(['review', '--format', 'markdown', path.join(repoRoot, thread)], { cwd: folder.dir });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^### nftables\.service: exposure 9\.4 UNSAFE 😨 → 2\.5 OK 🙂 \(−6\.9\)\n/);
      assert.doesNotMatch(result.stdout, /From the hunks only/);
      assert.match(result.stdout, /\n- ❌ error nftables\.service:23 `SystemCallFilter=@service`/);
      assert.match(result.stdout, /\n#### Resolved findings \(1\)\n\n- ⚠️ warning nftables\.service:13 `ProtectSystem=full`: 2 mount protections, ProtectSystem=full \(line 13\) and ProtectHome=true \(line 14\), can be undone/);
    } finally {
      folder.remove();
    }
  });

  it('text', () => {
    const result = runCli(['review', thread]);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'nftables.service: exposure 9.4 UNSAFE 😨 → 2.5 OK 🙂 (−6.9), systemd 262');
    assert.ok(lines.includes('  new findings (2):'));
    assert.ok(lines.some((l) => /^ {4}nftables\.service:23:18: error: Unknown system call group "@service".* \[invalid-value\]$/.test(l)));
    assert.ok(lines.some((l) => /^ {4}Capabilities +all → CAP_NET_ADMIN$/.test(l)));
  });

  it('json: 0-based ranges, exposure in tenths, as `security --json`', () => {
    const { status, review } = json([thread]);
    assert.equal(status, 1);
    const [unit] = review.units;
    assert.equal(unit.path, 'nftables.service');
    assert.deepEqual(unit.fromHunksOnly, { before: true, after: true });
    assert.deepEqual(unit.exposure?.before, { exposure: 9.4, level: 'UNSAFE', complete: false });
    assert.equal(unit.exposure?.change, -6.9);
    assert.deepEqual(unit.newFindings.map((f) => [f.range.start.line, f.code, f.line]), [[22, 'invalid-value', 'SystemCallFilter=@service'], [25, 'invalid-value', 'PrivateTmp=isolate']]);
    assert.equal(unit.sandbox?.after?.capabilities, 'CAP_NET_ADMIN');
    assert.ok(unit.checks.some((c) => c.name === 'NoNewPrivileges='));
  });

  it('sarif: only the new findings, on the new lines', () => {
    const result = runCli(['review', '--format', 'sarif', thread]);
    const log = JSON.parse(result.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]),
      [['invalid-value', 'error', 'nftables.service', 23], ['invalid-value', 'error', 'nftables.service', 26]],
    );
  });

  it('reads the patch from standard input', () => {
    const fromFile = runCli(['review', '--format', 'markdown', thread]);
    const fromStdin = runCli(['review', '--format', 'markdown', '-'], { input: readFileSync(path.join(repoRoot, thread)) });
    assert.equal(fromStdin.status, fromFile.status);
    assert.equal(fromStdin.stdout, fromFile.stdout);
  });

  it('--hunks-only leaves the file at hand aside', () => {
    const folder = withDebianUnit();
    try {
      const { review } = json(['--hunks-only', path.join(repoRoot, thread)], { cwd: folder.dir });
      assert.deepEqual(review.units[0].fromHunksOnly, { before: true, after: true });
    } finally {
      folder.remove();
    }
  });
});

/** Runs git in a folder, as a committer named Review; the test fails when git does. */
function gitIn(dir: string): (...args: string[]) => void {
  return (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=Review', '-c', 'user.email=review@example.org', ...args], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
}

describe('unitguard review: files, folders, git', () => {
  it('two folders: the units that differ; the others are counted', () => {
    const folder = tempFolder('review');
    try {
      for (const side of ['old', 'new']) mkdirSync(path.join(folder.dir, side, 'nftables.service.d'), { recursive: true });
      copyFileSync(path.join(repoRoot, debian), path.join(folder.dir, 'old/nftables.service'));
      copyFileSync(path.join(repoRoot, debian), path.join(folder.dir, 'new/nftables.service'));
      writeFileSync(path.join(folder.dir, 'new/nftables.service.d/10-caps.conf'), '[Service]\nCapabilityBoundingSet=CAP_NET_ADMIN\n');
      for (const side of ['old', 'new']) writeFileSync(path.join(folder.dir, side, 'same.service'), '[Service]\nExecStart=/bin/true\n');
      const { status, review } = json(['old', 'new'], { cwd: folder.dir });
      assert.equal(status, 0);
      assert.equal(review.unchanged, 1);
      assert.deepEqual(review.units.map((u) => [u.path, u.exposure?.before?.exposure, u.exposure?.after?.exposure]), [['new/nftables.service', 9.4, 6.9]]);
      assert.equal(review.units[0].sandbox?.after?.capabilities, 'CAP_NET_ADMIN');
    } finally {
      folder.remove();
    }
  });

  const hasGit = spawnSync('git', ['--version']).status === 0;
  it('--git: two commits, and the working tree against a commit', { skip: hasGit ? false : 'git is not installed' }, () => {
    const folder = tempFolder('review-git');
    const git = gitIn(folder.dir);
    try {
      git('init', '-q');
      copyFileSync(path.join(repoRoot, debian), path.join(folder.dir, 'nftables.service'));
      writeFileSync(path.join(folder.dir, 'README'), 'nftables\n');
      git('add', '.');
      git('commit', '-qm', 'base');
      copyFileSync(path.join(repoRoot, hardened), path.join(folder.dir, 'nftables.service'));
      writeFileSync(path.join(folder.dir, 'README'), 'nftables, hardened\n');
      git('commit', '-qam', 'harden');
      const range = json(['--git', 'HEAD~1..HEAD'], { cwd: folder.dir });
      assert.equal(range.status, 1, range.stderr);
      assert.deepEqual(range.review.skipped, ['README']);
      assert.deepEqual(range.review.units.map((u) => [u.path, u.exposure?.before?.exposure, u.exposure?.after?.exposure]), [['nftables.service', 9.4, 2.5]]);
      assert.equal(range.review.units[0].resolvedFindings.filter((f) => f.severity === 'warning').length, 1);
      // Undoing the hardening in the working tree raises the exposure.
      copyFileSync(path.join(repoRoot, debian), path.join(folder.dir, 'nftables.service'));
      const work = runCli(['review', '--git', 'HEAD', '--fail-on', 'exposure-increase'], { cwd: folder.dir });
      assert.equal(work.status, 1, work.stderr);
      assert.match(work.stdout, /^nftables\.service: exposure 2\.5 OK 🙂 → 9\.4 UNSAFE 😨 \(\+6\.9\)/);
      const bad = runCli(['review', '--git', 'no-such-branch'], { cwd: folder.dir });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /cannot review 'no-such-branch': git rev-parse .* failed/);
      const option = runCli(['review', '--git', '--upload-pack=x'], { cwd: folder.dir });
      assert.equal(option.status, 2);
      assert.match(option.stderr, /is not a revision/);
    } finally {
      folder.remove();
    }
  });

  it('--git against the working tree runs nothing the repository configures, and reads only its own folder', { skip: hasGit ? false : 'git is not installed' }, () => {
    const folder = tempFolder('review-git-hostile');
    const marker = (name: string) => path.join(folder.dir, `ran-${name}`);
    const git = gitIn(path.join(folder.dir, 'repo'));
    const unit = (body: string) => `[Service]\nExecStart=/bin/true\n${body}`;
    try {
      const repo = path.join(folder.dir, 'repo');
      mkdirSync(path.join(repo, 'web.service.d'), { recursive: true });
      git('init', '-q');
      writeFileSync(path.join(repo, '.gitattributes'), '* filter=evil diff=evil\n');
      for (const name of ['edited', 'moved', 'gone', 'staged', 'same', 'web']) writeFileSync(path.join(repo, `${name}.service`), unit(''));
      writeFileSync(path.join(repo, 'web.service.d/10-caps.conf'), '[Service]\nNice=1\n');
      git('add', '.');
      git('commit', '-qm', 'base');
      // What a folder copied with its .git may say: each would leave a marker if git ran it.
      git('config', 'core.fsmonitor', `touch ${marker('fsmonitor')}; false`);
      git('config', 'filter.evil.clean', `touch ${marker('clean')}; cat`);
      git('config', 'filter.evil.smudge', `touch ${marker('smudge')}; cat`);
      git('config', 'diff.evil.textconv', `touch ${marker('textconv')}; cat`);
      git('config', 'diff.external', `touch ${marker('external')}; true`);
      git('config', 'core.hooksPath', folder.dir);
      writeFileSync(path.join(repo, 'edited.service'), unit('NoNewPrivileges=yes\n'));
      writeFileSync(path.join(repo, 'staged.service'), unit('Nice=3\n'));
      git('-c', 'core.fsmonitor=false', '-c', 'filter.evil.clean=cat', 'add', 'staged.service');
      git('-c', 'core.fsmonitor=false', '-c', 'filter.evil.clean=cat', 'mv', 'moved.service', 'renamed.service');
      unlinkSync(path.join(repo, 'gone.service'));
      writeFileSync(path.join(repo, 'web.service.d/10-caps.conf'), '[Service]\nNice=2\n');
      const result = json(['--git', 'HEAD'], { cwd: repo });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(readdirSync(folder.dir).filter((n) => n.startsWith('ran-')), []);
      assert.deepEqual(result.review.units.map((u: { path: string }) => u.path).sort(), ['edited.service', 'gone.service', 'staged.service', 'web.service']);
      assert.equal(result.review.unchanged, 1, 'the staged rename with the same text');
      // A work tree set elsewhere by the repository's configuration is not read.
      git('config', 'core.worktree', '/');
      const elsewhere = runCli(['review', '--git', 'HEAD'], { cwd: repo });
      assert.equal(elsewhere.status, 2);
      assert.match(elsewhere.stderr, /work tree \/ does not hold its \.git: its files are not read/);
      assert.deepEqual(readdirSync(folder.dir).filter((n) => n.startsWith('ran-')), []);
    } finally {
      folder.remove();
    }
  });

  it('--git against the working tree of a sparse checkout: a unit left out of the tree is unchanged, not removed', { skip: hasGit ? false : 'git is not installed' }, () => {
    const folder = tempFolder('review-git-sparse');
    const git = gitIn(folder.dir);
    try {
      git('init', '-q');
      writeFileSync(path.join(folder.dir, 'a.service'), '[Service]\nExecStart=/bin/true\n');
      writeFileSync(path.join(folder.dir, 'README'), 'units\n');
      git('add', '.');
      git('commit', '-qm', 'base');
      git('sparse-checkout', 'set', '--no-cone', '/README');
      const result = runCli(['review', '--git', 'HEAD'], { cwd: folder.dir });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, 'no unit changed\n');
    } finally {
      folder.remove();
    }
  });

  it('--help and the command list document the command', () => {
    const help = runCli(['review', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: unitguard review .*PATCH\.\.\. \| OLD NEW \| --git BASE\[\.\.HEAD\]/);
    for (const option of ['--format FORMAT', '--git BASE[..HEAD]', '--fail-on WHAT', '--hunks-only', '--systemd-version N']) assert.ok(help.stdout.includes(option), option);
    const main = runCli(['--help']);
    assert.match(main.stdout, /\n {2}review +review a change to units/);
  });
});
