import type { Connection } from 'vscode-languageserver';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unitFileInfo } from '../core';
import type { DocumentStore } from './documentStore';
import { isObject } from './params';
import { isKernelPath, listFolderAsync } from '../node/guardedFs';

/** Folders never worth walking for unit files. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', 'target', '.cache', '.venv', '__pycache__']);
const MAX_DEPTH = 6;
const MAX_DIRECTORIES = 2000;
const MAX_AGE_MS = 30_000;
/** How long a completion request waits for a scan in progress before answering with what is known. */
const WAIT_MS = 200;

/**
 * Unit names for dependency completions: the open documents' units plus
 * unit files found in the workspace folders. The folder walk is bounded
 * (depth, directory count), skips build and VCS folders, runs in the
 * background and is repeated at most every 30 seconds.
 */
export class WorkspaceUnits {
  private roots: string[] = [];
  private found: string[] = [];
  private scannedAt = 0;
  private scanning: Promise<void> | undefined;

  constructor(private readonly store: DocumentStore) {}

  /** Takes the workspace folders from initialize params (workspaceFolders, or rootUri). */
  initialize(params: unknown): void {
    if (!isObject(params)) return;
    const uris: string[] = [];
    if (Array.isArray(params.workspaceFolders)) {
      for (const folder of params.workspaceFolders) if (isObject(folder) && typeof folder.uri === 'string') uris.push(folder.uri);
    } else if (typeof params.rootUri === 'string') uris.push(params.rootUri);
    this.roots = uris.flatMap(folderPath);
  }

  /**
   * Follows the workspace folders the client adds and removes after initialize
   * (`workspace/didChangeWorkspaceFolders`); `changed` runs once the list is new.
   */
  listen(connection: Connection, changed: () => void): void {
    connection.onNotification('workspace/didChangeWorkspaceFolders', (params: unknown) => {
      const event = isObject(params) && isObject(params.event) ? params.event : undefined;
      if (!event) return;
      const paths = (list: unknown): string[] => (Array.isArray(list) ? list.flatMap((f) => (isObject(f) && typeof f.uri === 'string' ? folderPath(f.uri) : [])) : []);
      const removed = new Set(paths(event.removed));
      const kept = this.roots.filter((root) => !removed.has(root));
      this.roots = [...kept, ...paths(event.added).filter((root) => !kept.includes(root))];
      this.scannedAt = 0;
      changed();
    });
  }

  /** The workspace folders' paths (`file:` folders only), as initialize named them. */
  get folders(): readonly string[] {
    return this.roots;
  }

  /** Unit names known now; refreshes the folder scan in the background when it is stale. */
  async names(): Promise<string[]> {
    if (this.roots.length > 0 && Date.now() - this.scannedAt > MAX_AGE_MS && !this.scanning) {
      this.scanning = this.scan().finally(() => {
        this.scanning = undefined;
      });
    }
    if (this.scanning) await Promise.race([this.scanning, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
    const open = this.store.uris().flatMap((uri) => {
      const info = unitFileInfo(uri);
      return info.unitName && !info.isDropIn ? [info.unitName] : [];
    });
    return [...new Set([...open, ...this.found])];
  }

  private async scan(): Promise<void> {
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
    for (const root of this.roots) await walk(root, 0);
    this.found = [...names].sort();
    this.scannedAt = Date.now();
  }
}

/** The path of a `file:` folder URI; nothing for other schemes or malformed URIs. */
function folderPath(uri: string): string[] {
  try {
    return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
  } catch {
    return [];
  }
}
