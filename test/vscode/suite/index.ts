/**
 * The extension-host suite's entry: VS Code loads this file (--extensionTestsPath) inside the
 * extension host and calls run(). Every *.test.js next to it is a mocha (tdd) test file.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

/**
 * In code-server the extension host's console reaches the test driver mixed with the workbench's
 * own log; scripts/code-server-as-vscode.mjs sets this tag so the reporter's lines can be told
 * apart (desktop VS Code prints them to its stdout as they are).
 */
const tag = process.env.UNITGUARD_TEST_LOG_TAG ?? '';

export function run(): Promise<void> {
  if (tag) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(tag + format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no test files in ${__dirname}`));
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
