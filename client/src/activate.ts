/**
 * What the client does the same in desktop VS Code and in the browser (vscode.dev, github.dev):
 * the documents it hands to the server, the reports and their commands, the HEAD baselines. The
 * entries (extension.ts under Node, browserExtension.ts in a browser) only say how the server is
 * started.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { HARDEN_COMMAND, hardenService, type PlanParams, type PlanReply } from './hardenCommand';
import { COMPACT_COMPLETIONS, expandCompletions } from './compactCompletions';
import { BASELINE_NOTIFICATION, startHeadBaselines } from './headBaseline';
import { APPLY_FIX_COMMAND, fromReviewKey, OPEN_LINE_COMMAND, REPORT_SCHEME, reviewKey, SecurityReports, SHOW_REPORT_COMMAND, unitArgument } from './securityReport';

/** A patch's lens command: shows the review of a unit the patch changes (the patch's URI, the unit's path in it). */
const SHOW_REVIEW_COMMAND = 'unitguard.showReviewReport';

/** The documents the server reads: unit files, patches (VS Code's `diff` language keeps its grammar), and mails that may carry a patch. */
const DOCUMENT_SELECTOR = [{ language: 'systemd-unit' }, { language: 'diff' }, { language: 'unitguardrc' }, { pattern: '**/*.{eml,mbox}' }];

/** Tells the server that the workspace became trusted (`{ trusted: boolean }`). */
const WORKSPACE_TRUST_NOTIFICATION = 'unitguard/workspaceTrust';

/** Whether an editor event concerns a document the reports are made from. */
function feedsReports(document: vscode.TextDocument): boolean {
  return document.languageId === 'systemd-unit' || document.languageId === 'diff';
}

/** The lens's command: shows the report of a unit beside it. */
async function showSecurityReport(reports: SecurityReports, unit?: unknown): Promise<void> {
  const target = unitArgument(unit);
  if (!target) {
    void vscode.window.showInformationMessage('Open a systemd service to see its exposure report.');
    return;
  }
  await reports.show(target);
}

/** Makes the language client with these options: how the server starts is the entry's business. */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** Starts the language client for systemd unit files in every scheme, with the reports and their commands; returns the running client. */
export async function activateClient(context: vscode.ExtensionContext, makeClient: ClientFactory): Promise<BaseLanguageClient> {
  const outputChannel = vscode.window.createOutputChannel('UnitGuard');
  const client = makeClient({
    // No scheme: file, untitled, git, vscode-vfs, diff views and read-only views alike (the server
    // publishes no problems for read-only views of other versions).
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    // In Restricted Mode the server reads open documents only: no drop-ins, .unitguardrc or policy from disk.
    initializationOptions: {
      systemdVersion: vscode.workspace.getConfiguration('unitguard').get<number>('systemdVersion'),
      workspaceTrusted: vscode.workspace.isTrusted,
      ...COMPACT_COMPLETIONS,
    },
    middleware: {
      provideCompletionItem: async (document, position, context, token, next) =>
        expandCompletions(await next(document, position, context, token), vscode.CompletionItemKind.Property),
    },
    synchronize: { configurationSection: 'unitguard' },
  });
  context.subscriptions.push(outputChannel);
  const reports = new SecurityReports(async (unit) => (await client.sendRequest<{ markdown: string }>('unitguard/securityReport', { uri: unit })).markdown);
  const reviews = new SecurityReports(
    async (key) => {
      const target = fromReviewKey(key);
      if (!target) throw new Error('not a review of a patch');
      return (await client.sendRequest<{ markdown: string }>('unitguard/reviewReport', { uri: target.patch, unit: target.unitPath })).markdown;
    },
    (key) => `Review: ${fromReviewKey(key)?.unitPath ?? 'patch'}`,
    'unitguard.reviewReport',
  );
  const refreshReports = (): void => {
    reports.refresh();
    reviews.refresh();
  };
  context.subscriptions.push(
    reports,
    reviews,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (unit?: unknown) => showSecurityReport(reports, unit)),
    vscode.commands.registerCommand(SHOW_REVIEW_COMMAND, async (patch?: unknown, unitPath?: unknown) => {
      if (typeof patch !== 'string' || typeof unitPath !== 'string') return;
      await reviews.show(reviewKey(patch, unitPath));
    }),
    vscode.commands.registerCommand(OPEN_LINE_COMMAND, (uri: unknown, line: unknown) => reports.openLine(uri, line)),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (uri: unknown, line: unknown, title: unknown) => reports.applyFix(uri, line, title)),
    vscode.commands.registerCommand(HARDEN_COMMAND, () =>
      hardenService(
        async (params: PlanParams) => client.sendRequest<PlanReply>('unitguard/hardenPlan', params),
        async (edit) => vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit)),
        (line) => outputChannel.appendLine(line),
      ),
    ),
    // A report follows its unit's files (and a review its patch), the settings, and the files that hold settings.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (feedsReports(event.document)) refreshReports();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (feedsReports(document)) refreshReports();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (feedsReports(document)) refreshReports();
    }),
    vscode.workspace.onDidSaveTextDocument(() => refreshReports()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('unitguard')) refreshReports();
    }),
  );
  await client.start();
  // Trusting the workspace lets the server read the files on disk: it checks every open unit again.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true }).then(refreshReports, () => undefined);
    }),
  );
  // The lens of a changed unit says what it scored at HEAD, when VS Code's git extension can tell
  // (there is none in vscode.dev and github.dev: nothing is sent there).
  context.subscriptions.push(
    startHeadBaselines(
      (uri, text) => void client.sendNotification(BASELINE_NOTIFICATION, { uri, text }).catch(() => undefined),
      (uri) => client.code2ProtocolConverter.asUri(uri),
    ),
  );
  return client;
}
