/**
 * Completion lists, and the docs and detail of single items.
 *
 * Lists stay light: items carry no docs, only a small `data` value that
 * completionItem/resolve turns into the Markdown of the item the editor
 * shows. Clients that list `detail` among the properties they resolve
 * (`completionItem.resolveSupport`, as VS Code does) get the detail line
 * through resolve too; the others get it in the list, since some show it
 * for every item and never resolve (Neovim's omnifunc, Eglot). For clients
 * that apply `CompletionList.itemDefaults` (LSP 3.17), the edit range, the
 * insert text format and the most common `data` go once into the list's
 * defaults, and items repeat only what differs from them.
 *
 * Compact lists, for a client that asks for them with
 * `initializationOptions.completionItems: 'compact'` (this product's VS Code
 * extension, client/src/compactCompletions.ts, puts the rest back): settings
 * go with the `=` they insert in the label instead of a `textEditText`, and
 * with `r: 1` in their `data` instead of the command that suggests their
 * values; an item goes without its kind when it is that of the item before it
 * (for the first item, when it is a property), and without its sort text when
 * it is the one after the item before it. Every setting item of a list carried
 * the first two; they were about half of the list that opens on an empty line.
 * The kind and sort text of the 561 system calls after `SystemCallFilter=`
 * were half of that list.
 *
 * Settings: a list is computed with the document's own settings (the
 * editor's, with its `.unitguardrc` on top). Resolve gets no document, so it
 * uses the editor's settings in force when it runs, except for the target
 * release when the document's differed: the list then records it in each
 * item's `data` as `v`, so the docs match the list.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  ErrorCodes,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  type CompletionItem,
  type CompletionList,
  type Connection,
} from 'vscode-languageserver';
import { complete, resolveCompletion, sameRange, type CompletionData, type Range, type Settings, type UnitCompletionItem, type UnitCompletionKind } from '../../core';
import { completionDetail } from '../../core/features/completion';
import type { DocumentStore } from '../documentStore';
import { isObject, requireDocumentUri, requirePosition, valueAt } from '../params';
import type { SettingsStore } from '../settings';
import type { UnitState } from '../unitState';
import type { WorkspaceUnits } from '../workspaceUnits';
import { rcCompletion } from './unitguardrcAssist';

export { completionOptions } from '../capabilities';

const KIND: Record<UnitCompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  directive: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  boolean: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  specifier: CompletionItemKind.Variable,
  unit: CompletionItemKind.File,
  'number-unit': CompletionItemKind.Unit,
  syscall: CompletionItemKind.Function,
  'syscall-group': CompletionItemKind.Module,
  capability: CompletionItemKind.Constant,
  'address-family': CompletionItemKind.Constant,
  namespace: CompletionItemKind.EnumMember,
  signal: CompletionItemKind.Event,
  errno: CompletionItemKind.Constant,
  operator: CompletionItemKind.Operator,
};

/**
 * Clients known to run `editor.action.triggerSuggest` locally. Others would
 * send it to the server as workspace/executeCommand, so they do not get it.
 */
const TRIGGER_SUGGEST_CLIENTS = /code|codium|cursor|theia/i;

/**
 * The `data` of an item with no docs in a list whose default `data` names
 * docs: without a value of its own the item would take the default (`null`
 * would too, clients treat it as missing).
 */
const NO_DOCS = 0;

/** What the client does with completion lists, from its initialize params. */
export interface ClientSupport {
  /** `itemDefaults` has `editRange`: items may give `textEditText` (or nothing, meaning the label) instead of a `textEdit`. */
  editRange: boolean;
  /** `itemDefaults` has `insertTextFormat`. */
  insertTextFormat: boolean;
  /** `itemDefaults` has `data`: items without `data` get the list's. */
  data: boolean;
  /** `completionItem.resolveSupport.properties` has `detail`: the detail can wait for resolve. */
  resolvesDetail: boolean;
  /** The client runs `editor.action.triggerSuggest` itself (VS Code and its relatives, by `clientInfo.name`). */
  triggerSuggest: boolean;
  /** The client asked for compact lists (`initializationOptions.completionItems: 'compact'`). */
  compact: boolean;
}

export const NO_CLIENT_SUPPORT: ClientSupport = { editRange: false, insertTextFormat: false, data: false, resolvesDetail: false, triggerSuggest: false, compact: false };

function strings(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Reads the completion capabilities (`itemDefaults`, `resolveSupport`) and the client's name. */
export function clientSupport(initializeParams: unknown): ClientSupport {
  if (!isObject(initializeParams)) return NO_CLIENT_SUPPORT;
  const completion = valueAt(initializeParams, 'capabilities', 'textDocument', 'completion');
  const defaults = strings(valueAt(completion, 'completionList', 'itemDefaults'));
  const resolved = strings(valueAt(completion, 'completionItem', 'resolveSupport', 'properties'));
  const clientInfo = initializeParams.clientInfo;
  const name = isObject(clientInfo) && typeof clientInfo.name === 'string' ? clientInfo.name : '';
  const options = initializeParams.initializationOptions;
  return {
    editRange: defaults.includes('editRange'),
    insertTextFormat: defaults.includes('insertTextFormat'),
    data: defaults.includes('data'),
    resolvesDetail: resolved.includes('detail'),
    triggerSuggest: TRIGGER_SUGGEST_CLIENTS.test(name),
    compact: isObject(options) && options.completionItems === 'compact',
  };
}

/** The completion options for InitializeResult. */

/**
 * `data` as it goes over the wire: the core's, `v`, the target release the
 * list was made for when it is not the editor's, and in compact lists `r`,
 * suggest again after inserting.
 */
interface PackedData {
  k: CompletionData['k'];
  n?: string;
  s?: string;
  d?: string;
  i?: 1;
  v?: number;
  r?: 1;
}

/** `data` as sent: `n` left out when it is the label (resolve gets the label back with the item). */
function packData(item: UnitCompletionItem, version: number | undefined, compact: boolean): PackedData | undefined {
  // Items that suggest again all carry data (values.ts, directives.ts); the compact-list test holds them to it.
  if (!item.data) return undefined;
  const { k, n, s, d, i } = item.data;
  const data: PackedData = { k };
  if (n !== item.label) data.n = n;
  if (s !== undefined) data.s = s;
  if (d !== undefined) data.d = d;
  if (i !== undefined) data.i = i;
  if (version !== undefined) data.v = version;
  if (compact && item.command) data.r = 1;
  return data;
}

/** Equal keys for equal values, and only for them ('' for none): each field absent (`-`) or its length and text. */
function dataKey(data: PackedData | undefined): string {
  if (data === undefined) return '';
  return field(data.k) + field(data.n) + field(data.s) + field(data.d) + field(data.i) + field(data.v) + field(data.r);
}

function field(value: string | number | undefined): string {
  if (value === undefined) return '-';
  const text = String(value);
  return `${text.length}:${text}`;
}

/**
 * The sort text of the item right after one whose sort text is `text`, as a compact list's reader
 * works it out: the next number in base 36, as wide.
 */
function sortTextAfter(text: string): string {
  return (parseInt(text, 36) + 1).toString(36).padStart(text.length, '0');
}

/** In a compact list, a setting's label carries the `=` it inserts. */
function compactLabel(item: UnitCompletionItem): string {
  return item.kind === 'directive' && item.textEdit.newText === `${item.label}=` ? item.textEdit.newText : item.label;
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}

/** The index of the key found most often (and at least twice); undefined when that is the '' key. */
function mostCommon(keys: readonly string[]): number | undefined {
  const counts = new Map<string, number>();
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < keys.length; i++) {
    const count = (counts.get(keys[i]) ?? 0) + 1;
    counts.set(keys[i], count);
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return bestCount >= 2 && keys[best] !== '' ? best : undefined;
}

/**
 * The core's items as an LSP list, as light as the client's support allows.
 * `version` is the target release the items were computed for, recorded in
 * their `data` for resolve; leave it out when it is the editor's.
 */
export function toCompletionList(items: readonly UnitCompletionItem[], client: ClientSupport, version?: number): CompletionList {
  if (items.length === 0) return { isIncomplete: false, items: [] };
  const packed = items.map((item) => packData(item, version, client.compact));
  const rangeAt = client.editRange ? mostCommon(items.map((i) => rangeKey(i.textEdit.range))) : undefined;
  const editRange = rangeAt === undefined ? undefined : items[rangeAt].textEdit.range;
  const dataKeys = client.data ? packed.map(dataKey) : undefined;
  const dataAt = dataKeys && mostCommon(dataKeys);
  const dataDefault = dataAt === undefined ? undefined : packed[dataAt];
  const dataDefaultKey = dataAt === undefined ? undefined : dataKeys?.[dataAt];
  const itemDefaults: NonNullable<CompletionList['itemDefaults']> = {
    ...(editRange ? { editRange } : {}),
    ...(client.insertTextFormat ? { insertTextFormat: InsertTextFormat.PlainText } : {}),
    ...(dataDefault ? { data: dataDefault } : {}),
  };
  // In a compact list, what an item shares with the item before it (see the top of this file).
  let kindBefore: CompletionItemKind = CompletionItemKind.Property;
  let sortTextBefore: string | undefined;
  const lspItems = items.map((item, i): CompletionItem => {
    const { range, newText } = item.textEdit;
    const label = client.compact ? compactLabel(item) : item.label;
    const kind = KIND[item.kind];
    const sameKind = client.compact && kind === kindBefore;
    const nextSortText = client.compact && sortTextBefore !== undefined && item.sortText === sortTextAfter(sortTextBefore);
    kindBefore = kind;
    sortTextBefore = item.sortText;
    const data = packed[i];
    const ownData = dataDefaultKey === undefined ? data : data === undefined ? NO_DOCS : dataKeys?.[i] === dataDefaultKey ? undefined : data;
    const detail = client.resolvesDetail ? undefined : completionDetail(item.data);
    // Fields set one by one, in the order clients see them (a list has hundreds of items).
    const lsp: CompletionItem = { label };
    if (!sameKind) lsp.kind = kind;
    if (detail) lsp.detail = detail;
    if (!editRange || !sameRange(range, editRange)) lsp.textEdit = { range, newText };
    else if (newText !== label) lsp.textEditText = newText;
    if (!nextSortText) lsp.sortText = item.sortText;
    // The label is what clients filter by when there is no filterText.
    if (item.filterText !== item.label) lsp.filterText = item.filterText;
    if (item.deprecated) lsp.tags = [CompletionItemTag.Deprecated];
    if (item.preselect) lsp.preselect = true;
    if (item.command && client.triggerSuggest && !client.compact) lsp.command = item.command;
    if (ownData !== undefined) lsp.data = ownData;
    return lsp;
  });
  return { isIncomplete: false, ...(Object.keys(itemDefaults).length > 0 ? { itemDefaults } : {}), items: lspItems };
}

/** A target release as `v` may carry it. */
function isRelease(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 100_000;
}

/**
 * The item with its detail and docs, for completionItem/resolve. `data`
 * comes back as the list sent it (or as the list's default); its `n` may be
 * left out for the label, its `v` names the target release to document.
 * Items without known `data` come back unchanged.
 */
export function resolveItem(item: unknown, settings: Settings): CompletionItem {
  if (!isObject(item) || typeof item.label !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'completionItem/resolve needs a completion item: an object with a string label.');
  }
  const resolved = item as unknown as CompletionItem;
  if (!isObject(item.data)) return resolved;
  const { v, r: _again, ...rest } = item.data;
  // A compact list's setting label ends in the `=` it inserts (the client shows it without).
  const data = rest.n === undefined ? { ...rest, n: rest.k === 'dir' ? item.label.replace(/=$/, '') : item.label } : rest;
  const docs = resolveCompletion(data, isRelease(v) ? { ...settings, systemdVersion: v } : settings);
  const detail = completionDetail(data);
  return {
    ...resolved,
    ...(detail !== undefined ? { detail } : {}),
    ...(docs !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: docs } } : {}),
  };
}

/**
 * Completions from the core (null for a document that is not open), and
 * their docs and detail on resolve. `initializeParams` gives what the client
 * sent at initialize; what it supports is read again only when they change.
 */
export function registerCompletion(
  connection: Connection,
  store: DocumentStore,
  state: UnitState,
  settings: SettingsStore,
  workspace: WorkspaceUnits,
  initializeParams: () => unknown,
): void {
  let read: { params: unknown; support: ClientSupport } | undefined;
  const client = (): ClientSupport => {
    const params = initializeParams();
    if (read === undefined || read.params !== params) read = { params, support: clientSupport(params) };
    return read.support;
  };
  connection.onCompletion(async (params: unknown): Promise<CompletionList | null> => {
    const uri = requireDocumentUri(params);
    const position = requirePosition(params);
    // A patch is read, not written as a unit: no unit completions in it.
    if (store.isPatch(uri)) return null;
    if (store.isRc(uri)) {
      const rc = store.text(uri);
      return rc ? rcCompletion(rc.getText(), position) : null;
    }
    const unit = store.get(uri);
    if (!unit) return null;
    const workspaceUnits = await workspace.names();
    // The document may have changed while the names were gathered.
    const current = store.get(uri) ?? unit;
    const own = state.settings(uri);
    const items = complete(current, position, own, { workspaceUnits });
    const editorVersion = settings.get().systemdVersion;
    return toCompletionList(items, client(), own.systemdVersion !== editorVersion ? own.systemdVersion : undefined);
  });
  connection.onCompletionResolve((item: unknown) => resolveItem(item, settings.get()));
}
