import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the bundled language server over Node IPC for systemd unit files in every scheme. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('UnitGuard');
  const clientOptions: LanguageClientOptions = {
    // No scheme: file, untitled, git, vscode-vfs, diff views and read-only views alike.
    documentSelector: [{ language: 'systemd-unit' }],
    outputChannel,
    initializationOptions: { systemdVersion: vscode.workspace.getConfiguration('unitguard').get<number>('systemdVersion') },
    synchronize: { configurationSection: 'unitguard' },
  };
  client = new LanguageClient('unitguard', 'UnitGuard', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
