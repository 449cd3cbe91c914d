import * as vscode from 'vscode';
import { commandLinks, escapeHtml, fixCommandArguments, lineCommandArguments, lineLinkTargets, reportPage } from './reportPage';

/** The lens's command: shows the exposure report of a unit (a URI string; the active editor's by default). */
export const SHOW_REPORT_COMMAND = 'unitguard.showSecurityReport';
/** Opens a unit file at a line: what the report's links run. */
export const OPEN_LINE_COMMAND = 'unitguard.openLine';
/** Applies a quick fix the report names: what its quick fix links run. */
export const APPLY_FIX_COMMAND = 'unitguard.applyReportFix';
/** The scheme of the report as a markdown document: `unitguard-report:/NAME exposure.md?<unit URI>`. */
export const REPORT_SCHEME = 'unitguard-report';

type AskServer = (unit: string) => Promise<string>;

function unitName(unit: string): string {
  const name = unit.replace(/[?#].*$/, '').split('/').pop() || 'unit';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The report as markdown, asked of the server, or a short markdown text saying why there is none. */
async function reportMarkdown(ask: AskServer, unit: string): Promise<string> {
  try {
    return await ask(unit);
  } catch (error) {
    // The message may echo what the command was given: it is shown as text, never as markup.
    return `# Exposure\n\nThe report could not be made: ${escapeHtml(error instanceof Error ? error.message : String(error))}\n`;
  }
}

/**
 * The exposure reports: one webview panel per unit, beside it, redrawn when unit files change,
 * whose line links open the unit at the line. The same report is also a read-only markdown
 * document (`unitguard-report:`), for reading it as text.
 */
export class SecurityReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  /** The files each open report links to: the only ones its links may open. */
  private readonly linked = new Map<vscode.WebviewPanel, Set<string>>();
  /** The newest drawing of each report, so that an older one finishing late is dropped. */
  private readonly drawing = new Map<vscode.WebviewPanel, number>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private timer: NodeJS.Timeout | undefined;
  readonly onDidChange = this.changed.event;

  /**
   * `ask` gets a report's markdown by its key (a unit's URI); `titleOf` names the report's tab;
   * `viewType` tells its panels from other reports'.
   */
  constructor(
    private readonly ask: AskServer,
    private readonly titleOf: (key: string) => string = (unit) => `Exposure: ${unitName(unit)}`,
    private readonly viewType = 'unitguard.securityReport',
  ) {}

  static documentUri(unit: string): vscode.Uri {
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${unitName(unit).replace(/\//g, '_')} exposure.md`, query: unit });
  }

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return reportMarkdown(this.ask, uri.query);
  }

  /** Shows the report of a unit beside it, or brings its open report forward and redraws it. */
  async show(unit: string): Promise<void> {
    let panel = this.panels.get(unit);
    if (panel) {
      panel.reveal(undefined, true);
    } else {
      panel = vscode.window.createWebviewPanel(
        this.viewType,
        this.titleOf(unit),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // No local resource; the only commands its links may run open a line or apply one of
        // the language server's quick fixes on a line. The page's own
        // policy allows no script (see reportPage); the frame keeps scripts enabled, the setting
        // with which following the links is tested end to end.
        { enableScripts: true, enableFindWidget: true, enableCommandUris: [OPEN_LINE_COMMAND, APPLY_FIX_COMMAND], localResourceRoots: [] },
      );
      this.panels.set(unit, panel);
      const opened = panel;
      panel.onDidDispose(() => {
        if (this.panels.get(unit) === opened) this.panels.delete(unit);
        this.linked.delete(opened);
        this.drawing.delete(opened);
      });
    }
    await this.draw(unit, panel);
  }

  private async draw(unit: string, panel: vscode.WebviewPanel): Promise<void> {
    const turn = (this.drawing.get(panel) ?? 0) + 1;
    this.drawing.set(panel, turn);
    const report = await reportMarkdown(this.ask, unit);
    const markdown = commandLinks(report, OPEN_LINE_COMMAND, APPLY_FIX_COMMAND);
    let body: string;
    try {
      // The markdown extension's own renderer, as its preview uses.
      body = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    } catch {
      body = `<pre>${escapeHtml(markdown)}</pre>`;
    }
    if (this.panels.get(unit) !== panel || this.drawing.get(panel) !== turn) return;
    this.linked.set(panel, new Set(lineLinkTargets(report)));
    panel.webview.html = reportPage(this.titleOf(unit), body);
  }

  /**
   * What the report links run: opens a file an open report links to at a 1-based line, in the
   * editor group that shows it. Other files, and bad arguments, are refused.
   */
  async openLine(uri: unknown, line: unknown): Promise<void> {
    const target = lineCommandArguments(uri, line);
    if (!target || ![...this.linked.values()].some((files) => files.has(target.uri))) return;
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
      const position = new vscode.Position(Math.min(target.line - 1, Math.max(document.lineCount - 1, 0)), 0);
      await vscode.window.showTextDocument(document, {
        viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
        selection: new vscode.Range(position, position),
      });
    } catch (error) {
      void vscode.window.showWarningMessage(`UnitGuard cannot open ${target.uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * What the report's quick fix links run: applies the quick fix of that title that the language
   * server offers on the line (the code action the light bulb shows there), then shows the unit at
   * that line. A fix no longer offered (the unit changed) is said so, and the reports redrawn.
   */
  async applyFix(uri: unknown, line: unknown, title: unknown): Promise<void> {
    const target = fixCommandArguments(uri, line, title);
    if (!target || ![...this.linked.values()].some((files) => files.has(target.uri))) return;
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const index = target.line - 1;
      const range = index < document.lineCount ? document.lineAt(index).range : undefined;
      const actions = range
        ? await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)
        : [];
      const action = (actions ?? []).find((a): a is vscode.CodeAction => a.title === target.title && 'edit' in a && a.edit !== undefined);
      if (!action?.edit) {
        void vscode.window.showWarningMessage(`UnitGuard: "${target.title}" is no longer offered on line ${target.line}; the report is redrawn.`);
        this.refresh();
        return;
      }
      if (!(await vscode.workspace.applyEdit(action.edit))) {
        void vscode.window.showWarningMessage(`UnitGuard could not apply "${target.title}".`);
        return;
      }
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
      const position = new vscode.Position(Math.min(index, Math.max(document.lineCount - 1, 0)), 0);
      await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    } catch (error) {
      void vscode.window.showWarningMessage(`UnitGuard cannot apply "${target.title}" to ${target.uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Redraws the open reports (and their markdown documents) after edits settle. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const [unit, panel] of this.panels) void this.draw(unit, panel);
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === REPORT_SCHEME) this.changed.fire(document.uri);
      }
    }, 300);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const panel of this.panels.values()) panel.dispose();
    this.changed.dispose();
  }
}

/** The key of a patch's review report: the patch's URI and the unit's path in it. */
export function reviewKey(patch: string, unitPath: string): string {
  return JSON.stringify([patch, unitPath]);
}

/** A review report's key read back; undefined for anything else. */
export function fromReviewKey(key: string): { patch: string; unitPath: string } | undefined {
  try {
    const value: unknown = JSON.parse(key);
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { patch: value[0], unitPath: value[1] };
  } catch {
    // not a review key
  }
  return undefined;
}

/** The unit a command was given (a URI string or Uri), else the active editor's. */
export function unitArgument(unit: unknown): string | undefined {
  if (typeof unit === 'string') return unit;
  if (unit instanceof vscode.Uri) return unit.toString();
  return vscode.window.activeTextEditor?.document.uri.toString();
}
