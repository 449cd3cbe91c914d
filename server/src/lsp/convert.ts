import {
  DiagnosticSeverity,
  DiagnosticTag,
  FoldingRangeKind,
  SymbolKind,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
} from 'vscode-languageserver';
import type { Diagnostic, UnitFoldingRange, UnitSymbol } from '../core';
import { compact } from './compactStrings';

/** LSP's severity of each of the core's. */
export const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toLspDiagnostic(diagnostic: Diagnostic, uri: string): LspDiagnostic {
  const tags: DiagnosticTag[] = [];
  if (diagnostic.unnecessary) tags.push(DiagnosticTag.Unnecessary);
  if (diagnostic.deprecated) tags.push(DiagnosticTag.Deprecated);
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'unitguard',
    message: compact(diagnostic.message),
    ...(tags.length > 0 ? { tags } : {}),
    ...(diagnostic.related && diagnostic.related.length > 0
      ? { relatedInformation: diagnostic.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: compact(r.message) })) }
      : {}),
  };
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
