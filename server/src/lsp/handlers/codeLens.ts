import { ErrorCodes, ResponseError, type CodeLens, type Connection } from 'vscode-languageserver';
import { securityReportMarkdown, SHOW_SECURITY_REPORT_COMMAND } from '../../core/features/securityLens';
import { withFixes } from '../../core';
import type { DocumentStore } from '../documentStore';
import { isObject, requireDocumentUri } from '../params';
import type { SettingsStore } from '../settings';
import type { UnitState } from '../unitState';

/** The request behind the lens: `{ uri }` → `{ markdown }`, the exposure report of an open document. */
export const SECURITY_REPORT_REQUEST = 'unitguard/securityReport';

/** How long edits settle before the client is asked to refresh the lenses of a unit's other files. */
const REFRESH_DELAY_MS = 150;

export interface CodeLensFeature {
  /** Reads whether the client takes workspace/codeLens/refresh; call it from the initialize handler. */
  initialize(params: unknown): void;
}

function canRefresh(params: unknown): boolean {
  if (!isObject(params) || !isObject(params.capabilities)) return false;
  const workspace = params.capabilities.workspace;
  return isObject(workspace) && isObject(workspace.codeLens) && workspace.codeLens.refreshSupport === true;
}

function reportUri(params: unknown): string {
  if (isObject(params) && typeof params.uri === 'string') return params.uri;
  return requireDocumentUri(params);
}

/**
 * The exposure lens on a service's `[Service]` header, scored with the unit's open drop-ins (and
 * those on disk), and the report it opens. A change to one file of a unit changes the lenses of
 * its other open files, so the client is asked to refresh them when it can.
 */
export function registerCodeLens(connection: Connection, store: DocumentStore, settings: SettingsStore, state: UnitState): CodeLensFeature {
  let refreshSupported = false;
  let timer: NodeJS.Timeout | undefined;
  const refresh = (): void => {
    if (!refreshSupported || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connection.sendRequest('workspace/codeLens/refresh').then(undefined, (error: unknown) => connection.console.warn(`workspace/codeLens/refresh failed: ${String(error)}`));
    }, REFRESH_DELAY_MS);
  };
  const hasCompanions = (uri: string): boolean => state.companionsOf(uri).length > 0;

  connection.onCodeLens((params: unknown): CodeLens[] | null => {
    const uri = requireDocumentUri(params);
    const document = store.get(uri);
    if (!document) return null;
    const lens = state.lens(document);
    if (!lens) return [];
    return [{ range: lens.range, command: { title: lens.title, command: SHOW_SECURITY_REPORT_COMMAND, arguments: [uri] } }];
  });

  connection.onRequest(SECURITY_REPORT_REQUEST, (params: unknown): { markdown: string } => {
    const uri = reportUri(params);
    const document = store.get(uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `The document is not open: ${uri}`);
    const analysis = state.analysis(uri);
    if (!analysis) throw new ResponseError(ErrorCodes.InvalidParams, `The document is not open: ${uri}`);
    const { files, settings: unitSettings } = analysis;
    // The report lists the quick fixes of the hardening pairs, tried and scored.
    const pairs = (d: { pairing?: string }): boolean => d.pairing !== undefined;
    const fixes = withFixes(analysis, pairs)
      .filter(pairs)
      .flatMap((d) => d.fixes ?? []);
    return { markdown: securityReportMarkdown(document, files, unitSettings, fixes) };
  });

  store.onDidChangeContent((uri) => {
    if (hasCompanions(uri)) refresh();
  });
  store.onDidClose((uri) => {
    if (hasCompanions(uri)) refresh();
  });
  settings.onDidChange(refresh);

  return {
    initialize(params: unknown): void {
      refreshSupported = canRefresh(params);
    },
  };
}
