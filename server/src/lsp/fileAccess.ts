/**
 * What the server reads besides the open documents: the files of a unit next to it, the
 * `.unitguardrc` settings above it, files a patch names in the workspace folders and the unit
 * names found there. The server under Node reads them from disk (DiskFiles); the server in a
 * browser has no disk (NoDisk) and works from the open documents alone. The handlers are the same.
 */
import type { Connection } from 'vscode-languageserver';
import type { RcConfig, UnitFiles } from '../core';
import type { SecurityPolicy } from '../core/security';

export interface RcSettings {
  /** The settings of the `.unitguardrc` files read, with the files, nearest first. */
  rc: RcConfig & { files: string[] };
  policy: { policy: SecurityPolicy | undefined; problems: string[] } | undefined;
}

/** A file of a workspace folder: its path on this machine and its URI. */
export interface WorkspaceFile {
  path: string;
  uri: string;
}

export interface FileAccess {
  /** The path on this machine of a document's URI; undefined when no file stands behind it. */
  pathOf(uri: string): string | undefined;
  /** The unit's other files for a document at `path` (its drop-ins, or its unit and the other drop-ins). */
  unitFiles(path: string): UnitFiles;
  /** Why the unit's other files for a document at `path` were left out (too large to read with it); undefined when they were read. */
  unitFilesProblem(path: string): string | undefined;
  /** The text of the unit file at `path`; undefined when it is not a regular file that can be read. */
  fileText(path: string): string | undefined;
  /** The `.unitguardrc` settings above `path`, with the policy file they name; undefined when there are none to read. */
  rcSettings(path: string): RcSettings | undefined;
  /** Why the policy file a `.unitguardrc` at `rcPath` names (`value`) cannot be used; undefined when it can or cannot be told. */
  policyProblem(rcPath: string, value: string): string | undefined;
  /** The file a path of a patch names in the workspace folder at `root`; undefined when it would lead out of it. */
  fileIn(root: string, path: string): WorkspaceFile | undefined;
  /** The path of the file at `path` from the folder of the file at `from`, with `/` between its parts. */
  relativePath(from: string, path: string): string;
  /** The unit names (not drop-ins) in the workspace folders at `roots`. */
  unitNames(roots: readonly string[]): Promise<string[]>;
  /** Where the workspace folders are now (their paths): links in them are followed, links out of them are not. */
  useWorkspaceFolders(folders: () => readonly string[]): void;
  /** Whether the workspace is untrusted now (Restricted Mode): then nothing is read but open documents. */
  useRestrictedMode(restricted: () => boolean): void;
  /** Runs after files changed (what was read is forgotten). */
  onDidChange(listener: () => void): void;
  /** Forgets everything read: files changed. */
  changed(): void;
  /** Listens for the client's file events. */
  listen(connection: Connection, initializeParams: () => unknown): void;
}
