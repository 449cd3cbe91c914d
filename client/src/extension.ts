/** The extension under Node (desktop VS Code, code-server, remote hosts): the server runs as a Node process. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient } from './activate';

let client: LanguageClient | undefined;

/** Starts the bundled language server over Node IPC. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  await activateClient(context, (options) => (client = new LanguageClient('unitguard', 'UnitGuard', serverOptions, options)));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
