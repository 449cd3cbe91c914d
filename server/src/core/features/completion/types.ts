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
  /**
   * What the item stands for, for `resolveCompletion` (its docs) and
   * `completionDetail` (the short line next to the label).
   */
  data?: CompletionData;
  /** The text the item inserts (the same as textEdit.newText). */
  insertText: string;
  /** Replaces `range` with `newText`; the range covers the text typed so far. */
  textEdit: { range: Range; newText: string };
  /** Items sort by this string (a short key, only comparable within one list); see ranking.ts. */
  sortText: string;
  /** What the editor matches the typed text against. */
  filterText: string;
  deprecated?: boolean;
  /** Run after inserting, e.g. `editor.action.triggerSuggest` to go on with the value. */
  command?: { title: string; command: string };
  /** Selects this item when the list opens. */
  preselect?: boolean;
}

/**
 * What an item's docs and detail are looked up by: `k` says which table, `n`
 * names the entry. Codes and fields are short on purpose, since every item of
 * a long list carries one:
 * - `dir` a setting (`n`, in section `s`); `sec` a section (`n` without brackets);
 * - `spec` a specifier (`n` is the letter after `%`);
 * - `val` a value of the setting `d` (`n` as offered, placeholder included);
 *   `nsval` the same for a namespace-type setting (value and namespace docs);
 * - `cap` capability, `group` system call group, `call` system call,
 *   `af` address family (or `none`), `ns` namespace type, `sig` signal,
 *   `errno` error name, `unit` well-known unit;
 * - `time` a time unit (`n` is its first spelling), `size` a size suffix;
 * - `text` a fixed entry (`n` is `~`, `kill` or `infinity`);
 * - detail only, no docs: `bool` a plain boolean word, `kw` a keyword the
 *   setting accepts, `flag` one of its flags, `ws` a unit found in the workspace.
 */
export type CompletionDocKind =
  | 'dir'
  | 'sec'
  | 'spec'
  | 'val'
  | 'nsval'
  | 'cap'
  | 'group'
  | 'call'
  | 'af'
  | 'ns'
  | 'sig'
  | 'errno'
  | 'unit'
  | 'time'
  | 'size'
  | 'text'
  | 'bool'
  | 'kw'
  | 'flag'
  | 'ws';

export interface CompletionData {
  k: CompletionDocKind;
  n: string;
  /** The section of a setting (`dir`). */
  s?: string;
  /** The setting a value belongs to (`val`, `nsval`). */
  d?: string;
  /** Set on capabilities and system call groups offered in a deny-list (`~...`), whose detail names their security weight. */
  i?: 1;
}

export interface CompletionContext {
  /** Unit names known in the workspace (open documents, unit files found on disk). */
  workspaceUnits?: readonly string[];
}

/** Characters after which editors should ask for completions. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['[', '=', ' ', '%', '@', '~', ':'];

export const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' } as const;
