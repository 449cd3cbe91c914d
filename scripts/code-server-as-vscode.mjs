#!/usr/bin/env node
// A VS Code executable for @vscode/test-electron's runTests({ vscodeExecutablePath }): takes the
// desktop flags, runs the extension tests in code-server driven by Chromium, and exits with the
// tests' exit code. The work is done by test/vscode/codeServerAsVscode.ts (built into out/).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'test', 'vscode', 'codeServerAsVscode.js');
if (!existsSync(built)) {
  process.stderr.write(`code-server-as-vscode: ${built} is missing; run npm run build first\n`);
  process.exit(2);
}
const { runAsVscode } = createRequire(import.meta.url)(built);
try {
  process.exitCode = await runAsVscode(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`code-server-as-vscode: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}
