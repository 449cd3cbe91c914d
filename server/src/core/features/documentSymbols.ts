import type { SyntaxTree } from '../syntax/syntaxTree';
import type { Range } from '../types';

export type UnitSymbolKind = 'section' | 'directive';

export interface UnitSymbol {
  name: string;
  detail: string;
  kind: UnitSymbolKind;
  range: Range;
  selectionRange: Range;
  children: UnitSymbol[];
}

const MAX_DETAIL = 80;

/** The outline: each section with its assignments, in document order. */
export function documentSymbols(tree: SyntaxTree): UnitSymbol[] {
  const entrySymbol = (entry: SyntaxTree['orphans'][number]): UnitSymbol => ({
    name: entry.key,
    detail: entry.value.length > MAX_DETAIL ? `${entry.value.slice(0, MAX_DETAIL - 1)}…` : entry.value,
    kind: 'directive',
    range: entry.range,
    selectionRange: entry.keyRange,
    children: [],
  });
  return [
    ...tree.orphans.map(entrySymbol),
    ...tree.sections.map((section) => ({
      name: `[${section.name}]`,
      detail: '',
      kind: 'section' as const,
      range: section.range,
      selectionRange: section.nameRange,
      children: section.entries.map(entrySymbol),
    })),
  ];
}
