/**
 * Completion lists in the server's compact form, which this client asks for
 * (`initializationOptions.completionItems: 'compact'`) to keep the list that
 * opens on every key small. The compact form leaves out what an item would
 * repeat of the item before it, and what every setting item would repeat:
 * - an item without a kind has the kind of the item before it; the first
 *   item, without one, is a setting (a property);
 * - an item without a sort text comes right after the item before it: its
 *   sort text is the one before, plus one, in base 36 and as wide;
 * - a setting's label carries the `=` it inserts; the list shows the name alone;
 * - `data.r` set: suggest again after inserting (the values of the setting).
 * This file puts them back; it imports nothing from VS Code, so it can be tested alone.
 */

/** The initialization option that asks the server for compact lists. */
export const COMPACT_COMPLETIONS = { completionItems: 'compact' } as const;

/** The command that opens the suggestions again, after a setting's `=` is inserted. */
export const SUGGEST_AGAIN = { title: 'Suggest values', command: 'editor.action.triggerSuggest' } as const;

/** What this file reads and writes of an item (vscode.CompletionItem has all of it). */
export interface ExpandableItem {
  label: string | { label: string };
  kind?: number;
  sortText?: string;
  data?: unknown;
  command?: { title: string; command: string };
}

function suggestsAgain(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { r?: unknown }).r === 1;
}

/** The sort text of the item right after one whose sort text is `text`. */
export function sortTextAfter(text: string): string {
  return (parseInt(text, 36) + 1).toString(36).padStart(text.length, '0');
}

/**
 * One item as the editor should show it, `previous` being the item before it, already expanded;
 * `propertyKind` is the editor's number for a property.
 */
export function expandItem<T extends ExpandableItem>(item: T, propertyKind: number, previous?: ExpandableItem): T {
  if (item.kind === undefined) item.kind = previous?.kind ?? propertyKind;
  if (item.sortText === undefined && previous?.sortText !== undefined) item.sortText = sortTextAfter(previous.sortText);
  if (item.kind === propertyKind && typeof item.label === 'string' && item.label.length > 1 && item.label.endsWith('=')) item.label = item.label.slice(0, -1);
  if (item.command === undefined && suggestsAgain(item.data)) item.command = { ...SUGGEST_AGAIN };
  return item;
}

/** The items of a completion result (a list or an array), expanded in place, in order. */
export function expandCompletions<T extends ExpandableItem, R extends T[] | { items: T[] } | null | undefined>(result: R, propertyKind: number): R {
  const items = Array.isArray(result) ? result : result?.items;
  let previous: T | undefined;
  for (const item of items ?? []) previous = expandItem(item, propertyKind, previous);
  return result;
}
