/**
 * The server's files under Node (see fileAccess.ts), read from disk for an open document: the unit's other files (its drop-ins, or
 * the unit of a drop-in) and the `.unitguardrc` settings above it. Read once, then kept until the
 * client reports a file event (`workspace/didChangeWatchedFiles`, registered with clients that
 * take dynamic registration); with a client that sends no file events they are read again after
 * a few seconds. Either way, a keystroke never reads the disk. Files are read through the guard:
 * regular files only, through links that stay in the workspace folders that hold the document (a
 * document outside them: its unit's folder).
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver';
import type { UnitFiles } from '../core';
import { findRcConfig, readPolicyCached } from '../node/unitguardrc';
import { unitFilesFor, unitFolderOf } from '../node/unitFiles';
import { readUnitFile } from '../node/readUnitFile';
import { workspaceUnitNames } from '../node/workspaceUnitNames';
import { describeError, isInside, Scope } from '../node/guardedFs';
import type { FileAccess, RcSettings, WorkspaceFile } from './fileAccess';
import { isObject } from './params';
import { isWellFormedName } from '../core/uriNames';

/** How long disk reads are kept when the client sends no file events. */
const UNWATCHED_TTL_MS = 3000;

/** The files whose changes matter: unit files, drop-ins and settings files (policy files are checked by date). */
const WATCHED_GLOBS = ['**/*.{service,socket,timer,path,mount,automount,swap,target,slice,scope,device}', '**/*.conf', '**/.unitguardrc'];

interface Entry<T> {
  at: number;
  value: T;
}

type Listener = () => void;

export class DiskFiles implements FileAccess {
  private readonly companions = new Map<string, Entry<{ files: UnitFiles; problem?: string }>>();
  private readonly settings = new Map<string, Entry<RcSettings>>();
  private readonly texts = new Map<string, Entry<string | undefined>>();
  private readonly listeners: Listener[] = [];
  private watched = false;

  /** The workspace folders (paths), as the client names them now. */
  private folders: () => readonly string[] = () => [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether the workspace is untrusted (Restricted Mode): nothing is read then. Asked before each read. */
  private restricted: () => boolean = () => false;

  useWorkspaceFolders(folders: () => readonly string[]): void {
    this.folders = folders;
  }

  useRestrictedMode(restricted: () => boolean): void {
    this.restricted = restricted;
  }

  /** Where links may lead for a file at `path`: the workspace folders holding it, else its unit's folder. */
  scopeFor(path: string): Scope {
    const holding = this.folders().filter((folder) => isInside(path, folder));
    return Scope.within(holding.length > 0 ? holding : [unitFolderOf(path)]);
  }

  /** The path of a `file:` URI; undefined for other schemes and malformed URIs. */
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  /**
   * The file a path of a patch names in the folder `root`; undefined when it would lead out of it,
   * or when the name has no UTF-8 form (a lone surrogate): the disk would be asked for another
   * name, one with U+FFFD in its place, so the file is taken as unreadable.
   */
  fileIn(root: string, path: string): WorkspaceFile | undefined {
    if (path === '' || isAbsolute(path) || path.includes('\0') || !isWellFormedName(path)) return undefined;
    const absolute = resolve(root, path);
    const rel = relative(root, absolute);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : { path: absolute, uri: pathToFileURL(absolute).href };
  }

  relativePath(from: string, path: string): string {
    return relative(dirname(from), path).split('\\').join('/');
  }

  unitNames(roots: readonly string[]): Promise<string[]> {
    return workspaceUnitNames(roots);
  }

  /** The unit's other files on disk for a document at `path` (none in Restricted Mode, or past their budget). */
  unitFiles(path: string): UnitFiles {
    return this.companionsOf(path).files;
  }

  /** Why the unit's other files for a document at `path` were not read: past the budget of the files read alongside a unit. */
  unitFilesProblem(path: string): string | undefined {
    return this.companionsOf(path).problem;
  }

  private companionsOf(path: string): { files: UnitFiles; problem?: string } {
    if (this.restricted()) return { files: {} };
    return this.cached(this.companions, path, () => {
      try {
        return { files: unitFilesFor(path, this.scopeFor(path)) };
      } catch (error) {
        // Hundreds of large drop-ins would take the server past its heap limit: none is used.
        return { files: {}, problem: describeError(error) };
      }
    });
  }

  /** The text of the unit file at `path` (a file a patch applies to); undefined when it is not a regular file that can be read, or in Restricted Mode. */
  fileText(path: string): string | undefined {
    if (this.restricted()) return undefined;
    return this.cached(this.texts, path, () => {
      try {
        return readUnitFile(path, this.scopeFor(path));
      } catch {
        return undefined;
      }
    });
  }

  /** The `.unitguardrc` settings above `path`, with the policy file they name; undefined in Restricted Mode. */
  rcSettings(path: string): RcSettings | undefined {
    if (this.restricted()) return undefined;
    const entry = this.cached(this.settings, path, () => {
      const rc = findRcConfig(path);
      return { rc, policy: undefined };
    });
    // The policy file may live anywhere; its date is checked each time (one stat, no read).
    entry.policy = entry.rc.securityPolicy !== undefined ? readPolicyCached(entry.rc.securityPolicy, entry.rc.securityPolicyRoot) : undefined;
    return entry;
  }

  /** Why the policy file a `.unitguardrc` at `rcPath` names cannot be used; undefined when it can, or in Restricted Mode. */
  policyProblem(rcPath: string, value: string): string | undefined {
    if (this.restricted()) return undefined;
    // As when units are checked: the policy must be in the .unitguardrc's folder tree.
    const read = readPolicyCached(resolve(dirname(rcPath), value), dirname(rcPath));
    return read.policy ? undefined : (read.problems[0] ?? 'it cannot be read');
  }

  /** Runs after files changed on disk (the caches are empty again). */
  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Forgets everything read: files changed on disk. */
  changed(): void {
    this.companions.clear();
    this.settings.clear();
    this.texts.clear();
    for (const listener of this.listeners) listener();
  }

  /** Listens for file events, and asks the client to send them when it can register watchers. */
  listen(connection: Connection, initializeParams: () => unknown): void {
    connection.onDidChangeWatchedFiles(() => this.changed());
    connection.onInitialized(() => {
      if (!canRegisterWatchers(initializeParams())) return;
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) }).then(
        () => {
          this.watched = true;
        },
        (error: unknown) => connection.console.warn(`Watching unit files failed, they are read again every few seconds: ${String(error)}`),
      );
    });
  }

  private cached<T>(map: Map<string, Entry<T>>, path: string, read: () => T): T {
    const hit = map.get(path);
    const now = this.now();
    if (hit && (this.watched || now - hit.at < UNWATCHED_TTL_MS)) return hit.value;
    const value = read();
    map.set(path, { at: now, value });
    return value;
  }
}

function canRegisterWatchers(params: unknown): boolean {
  if (!isObject(params) || !isObject(params.capabilities) || !isObject(params.capabilities.workspace)) return false;
  const watched = params.capabilities.workspace.didChangeWatchedFiles;
  return isObject(watched) && watched.dynamicRegistration === true;
}
