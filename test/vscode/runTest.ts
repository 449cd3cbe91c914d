/**
 * Runs the extension-host suite (test/vscode/suite) the @vscode/test-electron way.
 *
 * By default VS Code is code-server, started by scripts/code-server-as-vscode.mjs (this machine
 * reaches no VS Code download). With UNITGUARD_VSCODE=download, runTests downloads desktop
 * VS Code instead and runs the same suite there.
 *
 * The workspace is a temp folder with examples/nftables.service and the editor fixtures of
 * test/e2e/fixtures/ (shared with the end-to-end suite).
 */
import { runTests } from '@vscode/test-electron';
import { accessSync, constants, chmodSync, copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

/** The fake VS Code executable, made executable if a checkout lost its mode bits. */
function codeServerExecutable(): string {
  const script = path.join(repoRoot, 'scripts', 'code-server-as-vscode.mjs');
  try {
    accessSync(script, constants.X_OK);
  } catch {
    chmodSync(script, 0o755);
  }
  return script;
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'unitguard-vscode-suite-'));
  const download = process.env.UNITGUARD_VSCODE === 'download';
  try {
    const workspace = path.join(scratch, 'services');
    cpSync(path.join(repoRoot, 'test', 'e2e', 'fixtures'), workspace, { recursive: true });
    copyFileSync(path.join(repoRoot, 'examples', 'nftables.service'), path.join(workspace, 'nftables.service'));
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      ...(download ? {} : { vscodeExecutablePath: codeServerExecutable() }),
    });
    return 0;
  } catch (error) {
    process.stderr.write(`extension-host tests failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
