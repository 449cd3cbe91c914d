import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The scheme of the exposure reports: `unitguard-report:/NAME.md?<unit URI>`. */
const REPORT_SCHEME = 'unitguard-report';
const SHOW_REPORT_COMMAND = 'unitguard.showSecurityReport';

/**
 * The exposure report of a unit as a read-only markdown document, asked of the server each time
 * it is read; it is read again (and its preview redrawn) when the unit or one of its files changes.
 */
class SecurityReports implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private timer: NodeJS.Timeout | undefined;
  readonly onDidChange = this.changed.event;

  static uriFor(unit: string): vscode.Uri {
    const name = unit.replace(/[?#].*$/, '').split('/').pop() || 'unit';
    let shown = name;
    try {
      shown = decodeURIComponent(name);
    } catch {
      // keep the encoded name
    }
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${shown.replace(/\//g, '_')} exposure.md`, query: unit });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!client) return '# Exposure\n\nThe UnitGuard language server is not running.\n';
    try {
      const result = await client.sendRequest<{ markdown: string }>('unitguard/securityReport', { uri: uri.query });
      return result.markdown;
    } catch (error) {
      return `# Exposure\n\nThe report could not be made: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }

  /** Redraws the open reports after edits settle. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === REPORT_SCHEME) this.changed.fire(document.uri);
      }
    }, 300);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/** The lens's command: opens the report of `unit` (a URI string; the active editor's by default) in a preview. */
async function showSecurityReport(unit?: unknown): Promise<void> {
  const target = typeof unit === 'string' ? unit : unit instanceof vscode.Uri ? unit.toString() : vscode.window.activeTextEditor?.document.uri.toString();
  if (!target) {
    void vscode.window.showInformationMessage('Open a systemd service to see its exposure report.');
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', SecurityReports.uriFor(target));
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
  const reports = new SecurityReports();
  context.subscriptions.push(
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, showSecurityReport),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === 'systemd-unit') reports.refresh();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
