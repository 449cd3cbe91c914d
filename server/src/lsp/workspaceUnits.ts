import type { Connection } from 'vscode-languageserver';
import { unitFileInfo } from '../core';
import type { DocumentStore } from './documentStore';
import type { FileAccess } from './fileAccess';
import { isObject } from './params';

const MAX_AGE_MS = 30_000;
/** How long a completion request waits for a scan in progress before answering with what is known. */
const WAIT_MS = 200;

/**
 * Unit names for dependency completions: the open documents' units plus
 * unit files found in the workspace folders (on disk, when there is one).
 * The folder walk runs in the background and is repeated at most every
 * 30 seconds.
 */
export class WorkspaceUnits {
  private roots: string[] = [];
  private found: string[] = [];
  private scannedAt = 0;
  private scanning: Promise<void> | undefined;

  constructor(
    private readonly store: DocumentStore,
    private readonly files: FileAccess,
  ) {}

  /** Takes the workspace folders from initialize params (workspaceFolders, or rootUri). */
  initialize(params: unknown): void {
    if (!isObject(params)) return;
    const uris: string[] = [];
    if (Array.isArray(params.workspaceFolders)) {
      for (const folder of params.workspaceFolders) if (isObject(folder) && typeof folder.uri === 'string') uris.push(folder.uri);
    } else if (typeof params.rootUri === 'string') uris.push(params.rootUri);
    this.roots = uris.flatMap((uri) => this.folderPath(uri));
  }

  /**
   * Follows the workspace folders the client adds and removes after initialize
   * (`workspace/didChangeWorkspaceFolders`); `changed` runs once the list is new.
   */
  listen(connection: Connection, changed: () => void): void {
    connection.onNotification('workspace/didChangeWorkspaceFolders', (params: unknown) => {
      const event = isObject(params) && isObject(params.event) ? params.event : undefined;
      if (!event) return;
      const paths = (list: unknown): string[] => (Array.isArray(list) ? list.flatMap((f) => (isObject(f) && typeof f.uri === 'string' ? this.folderPath(f.uri) : [])) : []);
      const removed = new Set(paths(event.removed));
      const kept = this.roots.filter((root) => !removed.has(root));
      this.roots = [...kept, ...paths(event.added).filter((root) => !kept.includes(root))];
      this.scannedAt = 0;
      changed();
    });
  }

  /** The workspace folders' paths (folders with a path on this machine only), as initialize named them. */
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
    this.found = await this.files.unitNames(this.roots);
    this.scannedAt = Date.now();
  }

  private folderPath(uri: string): string[] {
    const path = this.files.pathOf(uri);
    return path === undefined ? [] : [path];
  }
}
