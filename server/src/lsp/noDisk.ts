/**
 * The server's files where there is no disk (the server in a browser, see fileAccess.ts): no URI
 * has a path, so a unit's other files come from the open documents only, no `.unitguardrc` is
 * read, a patch is reviewed from its hunks and the open documents, and completion offers the
 * units of the open documents.
 */
import type { UnitFiles } from '../core';
import type { FileAccess, RcSettings, WorkspaceFile } from './fileAccess';

export class NoDisk implements FileAccess {
  pathOf(): string | undefined {
    return undefined;
  }

  unitFiles(): UnitFiles {
    return {};
  }

  unitFilesProblem(): string | undefined {
    return undefined;
  }

  fileText(): string | undefined {
    return undefined;
  }

  rcSettings(): RcSettings | undefined {
    return undefined;
  }

  fileIn(): WorkspaceFile | undefined {
    return undefined;
  }

  relativePath(_from: string, path: string): string {
    return path;
  }

  async unitNames(): Promise<string[]> {
    return [];
  }

  useWorkspaceFolders(): void {}

  policyProblem(): string | undefined {
    return undefined;
  }

  useRestrictedMode(): void {}

  onDidChange(): void {}

  changed(): void {}

  listen(): void {}
}
