import { ErrorCodes, ResponseError, type CancellationToken, type CodeLens, type Connection } from 'vscode-languageserver';
import { securityReportMarkdown, SHOW_SECURITY_REPORT_COMMAND, type SecurityLens } from '../../core/features/securityLens';
import { patchLenses, reviewMarkdown, withFixes, withHeadExposure } from '../../core';
import type { UnitDocument } from '../../core';
import type { Baselines } from '../baselines';
import type { WorkedLens } from '../backgroundAnalysis';
import type { DocumentStore } from '../documentStore';
import type { PatchDocuments } from '../patchDocuments';
import { isObject, requireDocumentUri, valueAt } from '../params';
import { requireUnitDocument } from '../unitDocuments';
import type { SettingsStore } from '../settings';
import type { UnitState } from '../unitState';

/** The request behind the lens: `{ uri }` → `{ markdown }`, the exposure report of an open document. */
export const SECURITY_REPORT_REQUEST = 'unitguard/securityReport';

/** The request behind a patch's lens: `{ uri, unit? }` → `{ markdown }`, the review of a unit the patch changes (every unit without `unit`). */
export const REVIEW_REPORT_REQUEST = 'unitguard/reviewReport';

/** The command a patch's lens runs; its arguments are the patch's URI and the unit's path in the patch. */
export const SHOW_REVIEW_REPORT_COMMAND = 'unitguard.showReviewReport';

/**
 * The lens of a large document's current version, worked out in the background with its
 * analysis; undefined when the document is worked out here. Resolves with undefined when the
 * background could not work it out.
 */
export type BackgroundLens = (uri: string) => Promise<WorkedLens | undefined> | undefined;

/** How long edits settle before the client is asked to refresh the lenses of a unit's other files. */
const REFRESH_DELAY_MS = 150;

export interface CodeLensFeature {
  /** Reads whether the client takes workspace/codeLens/refresh; call it from the initialize handler. */
  initialize(params: unknown): void;
  /** Asks the client to ask for lenses again (when it can), once edits settle. */
  refresh(): void;
}

function canRefresh(params: unknown): boolean {
  return valueAt(params, 'capabilities', 'workspace', 'codeLens', 'refreshSupport') === true;
}

function reportUri(params: unknown): string {
  if (isObject(params) && typeof params.uri === 'string') return params.uri;
  return requireDocumentUri(params);
}

/** The request params' `unit`, when given. */
function reportUnit(params: unknown): string | undefined {
  return isObject(params) && typeof params.unit === 'string' ? params.unit : undefined;
}

/**
 * The exposure lens on a service's `[Service]` header, scored with the unit's open drop-ins (and
 * those on disk), and the report it opens; with the committed text's score beside it when the
 * client sent one that scores differently. On a patch, a lens above each unit file's part with
 * the unit's exposure before and after, and the review report it opens. A change to one file of
 * a unit changes the lenses of its other open files (and of the patches that apply to it), so the
 * client is asked to refresh them when it can. The lens of a large document is worked out in the
 * background, where its diagnostics are: scoring it takes a few hundred milliseconds there, which
 * hover and completion would wait for here.
 */
export function registerCodeLens(
  connection: Connection,
  store: DocumentStore,
  settings: SettingsStore,
  state: UnitState,
  patches: PatchDocuments,
  baselines: Baselines,
  inBackground: BackgroundLens,
): CodeLensFeature {
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

  /** The lens as the client shows it, with the committed text's score beside it when it differs. */
  const lensesOf = (document: UnitDocument, lens: SecurityLens | undefined): CodeLens[] => {
    if (!lens) return [];
    const uri = document.uri;
    const head = lens.exposure === undefined ? undefined : baselines.exposure(document, state.settings(uri), state.files(document));
    const title = withHeadExposure(lens.title, lens.exposure, head);
    return [{ range: lens.range, command: { title, command: SHOW_SECURITY_REPORT_COMMAND, arguments: [uri] } }];
  };
  /** The lens of the document's version worked out here. */
  const lensesHere = (uri: string): CodeLens[] | null => {
    const document = store.get(uri);
    return document ? lensesOf(document, state.lens(document)) : null;
  };

  connection.onCodeLens((params: unknown, token: CancellationToken): CodeLens[] | null | Promise<CodeLens[] | null> => {
    const uri = requireDocumentUri(params);
    if (store.isPatch(uri)) {
      const review = patches.review(uri);
      if (!review) return null;
      return patchLenses(review).map((lens) => ({ range: lens.range, command: { title: lens.title, command: SHOW_REVIEW_REPORT_COMMAND, arguments: [uri, lens.unitPath] } }));
    }
    const document = store.get(uri);
    if (!document) return null;
    const worked = inBackground(uri);
    if (worked === undefined) return lensesOf(document, state.lens(document));
    // Not worked out there (the document changed, the background failed): here, unless the client
    // no longer waits for it.
    return worked.then((lens) => (lens !== undefined ? lensesOf(document, lens.lens) : token.isCancellationRequested ? null : lensesHere(uri)));
  });

  connection.onRequest(REVIEW_REPORT_REQUEST, (params: unknown): { markdown: string } => {
    const uri = reportUri(params);
    const review = store.isPatch(uri) ? patches.review(uri) : undefined;
    if (!review) throw new ResponseError(ErrorCodes.InvalidParams, `The patch is not open: ${uri}`);
    const unit = reportUnit(params);
    const units = review.units.filter((u) => unit === undefined || u.unit.unitPath === unit);
    if (units.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `The patch changes no unit ${unit ?? ''}`.trim());
    const pathOf = (file: string): string => patches.pathOf(uri, file);
    const sections = units.map((u) => reviewMarkdown(u.review, { title: u.unit.unitPath, pathOf, notes: u.unit.notes, errors: u.unit.errors }));
    return { markdown: sections.join('\n') };
  });

  connection.onRequest(SECURITY_REPORT_REQUEST, (params: unknown): { markdown: string } => {
    const uri = reportUri(params);
    const document = requireUnitDocument(store, uri, 'exposure score');
    const analysis = state.analysis(uri);
    if (!analysis) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} has no exposure score.`);
    const { files, settings: unitSettings } = analysis;
    // The report lists the quick fixes of the hardening pairs, tried and scored.
    const pairs = (d: { pairing?: string }): boolean => d.pairing !== undefined;
    const fixes = withFixes(analysis, pairs)
      .filter(pairs)
      .flatMap((d) => (d.fixes ?? []).map((fix) => ({ ...fix, line: d.range.start.line })));
    return { markdown: securityReportMarkdown(document, files, unitSettings, fixes) };
  });

  store.onDidChangeContent((uri) => {
    if (hasCompanions(uri) || patches.dependents(uri).length > 0) refresh();
  });
  store.onDidClose((uri) => {
    if (hasCompanions(uri) || patches.dependents(uri).length > 0) refresh();
  });
  settings.onDidChange(refresh);

  return {
    initialize(params: unknown): void {
      refreshSupported = canRefresh(params);
    },
    refresh,
  };
}
