/**
 * Unit names in workspace folders, for dependency completions: a bounded walk (depth, directory
 * count) that skips build and VCS folders, drop-in folders and /proc and /sys.
 */
import path from 'node:path';
import { unitFileInfo } from '../core';
import { isKernelPath, listFolderAsync } from './guardedFs';

/** Folders never worth walking for unit files. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', 'target', '.cache', '.venv', '__pycache__']);
const MAX_DEPTH = 6;
const MAX_DIRECTORIES = 2000;

/** The names of the unit files (not drop-ins) under the folders `roots`, sorted. */
export async function workspaceUnitNames(roots: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  let budget = MAX_DIRECTORIES;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (budget-- <= 0) return;
    let entries;
    try {
      entries = await listFolderAsync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIP.has(entry.name) && !entry.name.endsWith('.d') && !isKernelPath(path.join(dir, entry.name))) await walk(path.join(dir, entry.name), depth + 1);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const info = unitFileInfo(entry.name);
        if (info.unitName && !info.isDropIn) names.add(info.unitName);
      }
    }
  };
  for (const root of roots) await walk(root, 0);
  return [...names].sort();
}
