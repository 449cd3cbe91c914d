import type { Range } from '../../types';

/** What a completion item stands for; the LSP layer maps it to an icon. */
export type UnitCompletionKind =
  | 'section'
  | 'directive'
  | 'value'
  | 'boolean'
  | 'keyword'
  | 'specifier'
  | 'unit'
  | 'number-unit'
  | 'syscall'
  | 'syscall-group'
  | 'capability'
  | 'address-family'
  | 'namespace'
  | 'signal'
  | 'errno'
  | 'operator';

export interface UnitCompletionItem {
  label: string;
  kind: UnitCompletionKind;
  /** A short line next to the label: the value kind, the version that added it. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text the item inserts (the same as textEdit.newText). */
  insertText: string;
  /** Replaces `range` with `newText`; the range covers the text typed so far. */
  textEdit: { range: Range; newText: string };
  /** Items sort by this string; see ranking.ts. */
  sortText: string;
  /** What the editor matches the typed text against. */
  filterText: string;
  deprecated?: boolean;
  /** Run after inserting, e.g. `editor.action.triggerSuggest` to go on with the value. */
  command?: { title: string; command: string };
  /** Selects this item when the list opens. */
  preselect?: boolean;
}

export interface CompletionContext {
  /** Unit names known in the workspace (open documents, unit files found on disk). */
  workspaceUnits?: readonly string[];
}

export const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' } as const;
