/** Completion and hover in an open `.unitguardrc`, from the core. */
import { CompletionItemKind, MarkupKind, type CompletionList, type Hover, type Position } from 'vscode-languageserver';
import { completeRc, hoverRc, type RcItemKind } from '../../core/config/rcAssist';

const KIND: Record<RcItemKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
  rule: CompletionItemKind.EnumMember,
  level: CompletionItemKind.Value,
  value: CompletionItemKind.Value,
};

export function rcCompletion(text: string, position: Position): CompletionList {
  const items = completeRc(text, position).map((item) => ({
    label: item.label,
    kind: KIND[item.kind],
    detail: item.detail,
    filterText: item.label,
    textEdit: { range: item.range, newText: item.newText },
  }));
  return { isIncomplete: false, items };
}

export function rcHover(text: string, position: Position): Hover | null {
  const found = hoverRc(text, position);
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.contents }, range: found.range } : null;
}
