/**
 * The package's own way to start the server: the `bin` entry run through npx
 * from the repository root, and the `prepare` script that `npm ci` runs to
 * build dist/ (tried in a copy of the sources, without npm ci).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { LspClient } from '../support/lspClient';
import { repoRoot } from './harness';

interface Manifest {
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function assertAnswersInitialize(client: LspClient): Promise<void> {
  try {
    const result = await client.initialize<{ serverInfo?: { name: string; version?: string } }>();
    assert.deepEqual(result.serverInfo, { name: 'unitguard-language-server', version: manifest.version });
    assert.deepEqual(await client.shutdown(), { code: 0, signal: null });
  } finally {
    client.kill();
  }
}

describe('package bin', () => {
  test('package.json declares the server bin and a prepare script that builds dist', () => {
    assert.equal(manifest.bin['unitguard-language-server'], './bin/unitguard-language-server.js');
    assert.equal(manifest.scripts.prepare, 'node scripts/build.mjs');
    const bin = path.join(repoRoot, manifest.bin['unitguard-language-server']);
    assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.ok((statSync(bin).mode & 0o111) !== 0, `${bin} is executable`);
  });

  // npm takes an unknown --flag before the command for its own config, so
  // `npx unitguard-language-server --stdio` reaches the server without
  // --stdio; the server speaks stdio by default when stdin is not a terminal.
  for (const args of [
    ['--no', 'unitguard-language-server', '--stdio'],
    ['--no', '--', 'unitguard-language-server', '--stdio'],
    ['--no', 'unitguard-language-server'],
  ]) {
    test(`npx ${args.join(' ')} from the repository root answers initialize`, async () => {
      await assertAnswersInitialize(LspClient.start(npx, args, { cwd: repoRoot, env: npmEnv, timeoutMs: 60_000 }));
    });
  }

  test('npm run prepare (what npm ci runs) builds dist, and the bin then serves', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'unitguard-prepare-'));
    try {
      const skip = new Set(['node_modules', 'out', 'dist', '.git', '.vscode-test', '.vscode-test-web']);
      cpSync(repoRoot, copy, {
        recursive: true,
        filter: (source) => {
          const relative = path.relative(repoRoot, source);
          return relative === '' || !(skip.has(relative.split(path.sep)[0]) || relative.endsWith('.vsix'));
        },
      });
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
      assert.ok(!existsSync(path.join(copy, 'dist')), 'the copy starts without dist');

      const run = spawnSync(npm, ['run', 'prepare'], { cwd: copy, env: npmEnv, encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, `npm run prepare failed:\n${run.stdout}\n${run.stderr}`);
      for (const bundle of ['dist/server.js', 'dist/cli.js', 'dist/client.js']) assert.ok(existsSync(path.join(copy, bundle)), `${bundle} was built`);

      await assertAnswersInitialize(
        LspClient.start(process.execPath, [path.join(copy, 'bin', 'unitguard-language-server.js'), '--stdio'], { cwd: copy, timeoutMs: 20_000 }),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
