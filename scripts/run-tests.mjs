// Runs every node:test file under out/test (the editor suites have their own commands).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = 'out/test';
const skipDirs = new Set(['vscode', 'e2e', 'web', 'bench']);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name)) walk(path);
    } else if (name.endsWith('.test.js')) files.push(path);
  }
};
walk(root);
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
const result = spawnSync(process.execPath, ['--test', ...selected], { stdio: 'inherit' });
process.exit(result.status ?? 1);
