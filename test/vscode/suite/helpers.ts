/** Helpers for tests that run inside the VS Code extension host. */
import * as vscode from 'vscode';
import path from 'node:path';

/** The repository root, from out/test/vscode/suite/. */
export const repoRoot = path.resolve(__dirname, '../../../..');

export const extensionId = 'unitguard.unitguard';

/** The first workspace folder (runTest.ts opens a temp copy of the fixtures). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...relative.split('/'));
}

/** Polls `probe` until it returns something other than undefined/null/false; fails after timeoutMs. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Thenable<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    last = value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a workspace file in an editor and returns its document. */
export async function openInEditor(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Waits until the extension is active (it activates on the systemd-unit language). */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  return waitFor(`${extensionId} to activate`, () => extension.isActive && extension);
}
