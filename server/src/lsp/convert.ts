import {
  DiagnosticSeverity,
  DiagnosticTag,
  type DiagnosticRelatedInformation,
  type Range,
  FoldingRangeKind,
  SymbolKind,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
} from 'vscode-languageserver';
import type { Diagnostic, UnitFoldingRange, UnitSymbol } from '../core';
import { attached } from '../core/memo/attached';
import { compact } from './compactStrings';
import { PUBLISHED_JSON, type WithPublishedJson } from './publishedJson';

/** LSP's severity of each of the core's. */
export const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * A finding in the protocol's form, as the server publishes it. A keystroke changes a few findings
 * of a document: those it leaves standing are the same objects in the next version's findings,
 * so they are published as the same objects again (see `toLspDiagnostic`), and each makes its JSON
 * once, when first sent (see messageEncoder.ts). It is never changed once made. What it keeps of
 * its JSON is a private field: no part of its JSON, its keys, a copy or a message to a worker.
 */
export class PublishedDiagnostic implements LspDiagnostic, WithPublishedJson {
  range: Range;
  severity: DiagnosticSeverity;
  code: string;
  source: string;
  message: string;
  declare tags?: DiagnosticTag[];
  declare relatedInformation?: DiagnosticRelatedInformation[];
  #json: string | undefined = undefined;

  constructor(diagnostic: Diagnostic, uri: string) {
    this.range = diagnostic.range;
    this.severity = SEVERITY[diagnostic.severity];
    this.code = diagnostic.code;
    this.source = 'unitguard';
    this.message = compact(diagnostic.message);
    const tags: DiagnosticTag[] = [];
    if (diagnostic.unnecessary) tags.push(DiagnosticTag.Unnecessary);
    if (diagnostic.deprecated) tags.push(DiagnosticTag.Deprecated);
    if (tags.length > 0) this.tags = tags;
    if (diagnostic.related && diagnostic.related.length > 0) {
      this.relatedInformation = diagnostic.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: compact(r.message) }));
    }
  }

  /** Its JSON, as JSON.stringify writes it. */
  [PUBLISHED_JSON](): string {
    return (this.#json ??= JSON.stringify(this));
  }
}

/** Each finding's protocol form, kept on it with the document it was made for. */
const converted = attached<Diagnostic, { uri: string; published: PublishedDiagnostic }>('protocol form');

export function toLspDiagnostic(diagnostic: Diagnostic, uri: string): PublishedDiagnostic {
  const known = converted.get(diagnostic);
  if (known !== undefined && known.uri === uri) return known.published;
  const published = new PublishedDiagnostic(diagnostic, uri);
  converted.set(diagnostic, { uri, published });
  return published;
}

export function toDocumentSymbol(symbol: UnitSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Property,
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}

export function toFoldingRange(range: UnitFoldingRange): FoldingRange {
  return {
    startLine: range.startLine,
    endLine: range.endLine,
    ...(range.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : range.kind === 'region' ? { kind: FoldingRangeKind.Region } : {}),
  };
}
