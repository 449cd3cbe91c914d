import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { OPEN_LINE_COMMAND, REPORT_SCHEME, SecurityReports, SHOW_REPORT_COMMAND, unitArgument } from './securityReport';

let client: LanguageClient | undefined;

/** The lens's command: shows the report of a unit beside it. */
async function showSecurityReport(reports: SecurityReports, unit?: unknown): Promise<void> {
  const target = unitArgument(unit);
  if (!target) {
    void vscode.window.showInformationMessage('Open a systemd service to see its exposure report.');
    return;
  }
  await reports.show(target);
}

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
  const reports = new SecurityReports(async (unit) => {
    if (!client) throw new Error('the UnitGuard language server is not running');
    return (await client.sendRequest<{ markdown: string }>('unitguard/securityReport', { uri: unit })).markdown;
  });
  context.subscriptions.push(
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (unit?: unknown) => showSecurityReport(reports, unit)),
    vscode.commands.registerCommand(OPEN_LINE_COMMAND, (uri: unknown, line: unknown) => reports.openLine(uri, line)),
    // A report follows its unit's files, the settings, and the files that hold settings.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === 'systemd-unit') reports.refresh();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === 'systemd-unit') reports.refresh();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.languageId === 'systemd-unit') reports.refresh();
    }),
    vscode.workspace.onDidSaveTextDocument(() => reports.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('unitguard')) reports.refresh();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
