/**
 * What the server reads from disk for an open document: the unit's other files (its drop-ins, or
 * the unit of a drop-in) and the `.unitguardrc` settings above it. In Restricted Mode (the client
 * says the workspace is not trusted) nothing is read: only open documents count. Read once, then kept until the
 * client reports a file event (`workspace/didChangeWatchedFiles`, registered with clients that
 * take dynamic registration); with a client that sends no file events they are read again after
 * a few seconds. Either way, a keystroke never reads the disk.
 */
import { DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver';
import type { UnitFiles } from '../core';
import { findRcConfig, readPolicyCached, type FoundRcConfig } from '../node/unitguardrc';
import { unitFilesFor } from '../node/unitFiles';
import { readUnitFile } from '../node/readUnitFile';
import { dirname, resolve } from 'node:path';
import type { SecurityPolicy } from '../core/security';
import { isObject } from './params';

/** How long disk reads are kept when the client sends no file events. */
const UNWATCHED_TTL_MS = 3000;

/** The files whose changes matter: unit files, drop-ins and settings files (policy files are checked by date). */
const WATCHED_GLOBS = ['**/*.{service,socket,timer,path,mount,automount,swap,target,slice,scope,device}', '**/*.conf', '**/.unitguardrc'];

export interface RcSettings {
  rc: FoundRcConfig;
  policy: { policy: SecurityPolicy | undefined; problems: string[] } | undefined;
}

interface Entry<T> {
  at: number;
  value: T;
}

type Listener = () => void;

export class DiskFiles {
  private readonly companions = new Map<string, Entry<UnitFiles>>();
  private readonly settings = new Map<string, Entry<RcSettings>>();
  private readonly texts = new Map<string, Entry<string | undefined>>();
  private readonly listeners: Listener[] = [];
  private watched = false;

  /** `restricted`: whether the workspace is untrusted (Restricted Mode), asked before each read. */
  constructor(
    private readonly restricted: () => boolean = () => false,
    private readonly now: () => number = Date.now,
  ) {}

  /** The unit's other files on disk for a document at `path` (none in Restricted Mode). */
  unitFiles(path: string): UnitFiles {
    if (this.restricted()) return {};
    return this.cached(this.companions, path, () => unitFilesFor(path));
  }

  /** The text of the unit file at `path` (a file a patch applies to); undefined when it is not a regular file that can be read, or in Restricted Mode. */
  fileText(path: string): string | undefined {
    if (this.restricted()) return undefined;
    return this.cached(this.texts, path, () => {
      try {
        return readUnitFile(path);
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
    entry.policy = entry.rc.securityPolicy !== undefined ? readPolicyCached(entry.rc.securityPolicy) : undefined;
    return entry;
  }

  /** Why the policy file a `.unitguardrc` at `rcPath` names cannot be used; undefined when it can, or in Restricted Mode. */
  policyProblem(rcPath: string, value: string): string | undefined {
    if (this.restricted()) return undefined;
    const read = readPolicyCached(resolve(dirname(rcPath), value));
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
