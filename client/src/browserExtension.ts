/**
 * The extension in a browser (vscode.dev, github.dev): the same language server runs in a Web
 * Worker, started from the bundle dist/web/server.js. It reads no disk, runs no git and starts no
 * process: the unit's other files are the open documents.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient } from './activate';

/** The browser's Worker, as the web extension host offers it. */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true), { name: 'UnitGuard language server' });
  await activateClient(context, (options) => (client = new LanguageClient('unitguard', 'UnitGuard', options, worker)));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
