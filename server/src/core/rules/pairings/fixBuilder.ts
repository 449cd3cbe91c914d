/** Quick fixes of hardening pairs: lines to add (or values to change) in the right section. */
import { getDirective, type SectionName } from '../../kb';
import { insertLinesEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { Entry } from '../../syntax/syntaxTree';
import type { Fix, TextEdit } from '../../types';
import type { UnitType } from '../../unitFile';
import type { UnitDocument } from '../../unitDocument';
import { isListSetting, listItems } from './effects';
import { valueRange } from '../values/words';
import { trimBlanks, trimBlanksEnd } from '../../syntax/blanks';

export interface NewLine {
  directive: string;
  value: string;
}

const TYPE_SECTIONS: Readonly<Record<UnitType, SectionName | undefined>> = {
  service: 'Service',
  socket: 'Socket',
  mount: 'Mount',
  automount: 'Automount',
  swap: 'Swap',
  timer: 'Timer',
  path: 'Path',
  slice: 'Slice',
  scope: 'Scope',
  target: undefined,
  device: undefined,
};

/** The section a setting goes in for this unit type: the type's own section, else [Unit], else [Install]. */
export function sectionFor(directive: string, type: UnitType | undefined): SectionName | undefined {
  const rows = getDirective(directive)?.rows ?? [];
  const usable = rows.filter((r) => !r.deprecation && (type === undefined || r.unitTypes.includes(type)));
  const own = type ? TYPE_SECTIONS[type] : 'Service';
  return (usable.find((r) => r.section === own) ?? usable.find((r) => r.section === 'Unit') ?? usable[0])?.section;
}

/**
 * The deny-form line (`Setting=~...`) a new deny item can join: the last line of the setting in
 * the section, when it is in deny form. Joining it is the same as a new `~` line after it (both
 * take the items away), and keeps one deny-list instead of several.
 */
function denyLineToJoin(document: UnitDocument, section: string, directive: string): Entry | undefined {
  const last = lastEntry(document, section, directive);
  return last && !last.isEmpty && trimBlanks(last.value).startsWith('~') ? last : undefined;
}

function lastEntry(document: UnitDocument, section: string, directive: string): Entry | undefined {
  return indexOf(document).last.get(section)?.get(directive);
}

/**
 * What fixes look up in a document, gathered once: the last entry of each setting in each
 * section, and where new lines go in each section. A unit may have thousands of findings with a
 * fix each; looking through the whole document for every one would take their product.
 */
interface DocumentIndex {
  /** By section name, then by setting (two maps: a key joined from both would be a new string per line). */
  last: Map<string, Map<string, Entry>>;
  inserts: Map<string, TextEdit>;
}

const INDEX = Symbol('fix index');

function indexOf(document: UnitDocument): DocumentIndex {
  const known = (document as UnitDocument & { readonly [INDEX]?: DocumentIndex })[INDEX];
  if (known) return known;
  const index: DocumentIndex = { last: new Map(), inserts: new Map() };
  for (const s of document.tree.sections) {
    if (s.malformed) continue;
    let last = index.last.get(s.name);
    if (!last) index.last.set(s.name, (last = new Map()));
    for (const e of s.entries) last.set(e.key, e);
  }
  // Kept on the document itself (invisible to iteration and comparison): it lives exactly as long as the document.
  Object.defineProperty(document, INDEX, { value: index });
  return index;
}

/** Stands for the new lines in an insertion worked out once per section (the rest of its text is a section header and line breaks). */
const NEW_LINES = '\u0000new lines\u0000';

/** `insertLinesEdit`: the place for new lines in a section depends on the document only, so it is found once per section. */
function insertLines(document: UnitDocument, section: string, lines: readonly string[]): TextEdit {
  const { inserts } = indexOf(document);
  let edit = inserts.get(section);
  if (!edit) inserts.set(section, (edit = insertLinesEdit(document, section, [NEW_LINES])));
  const { start, end } = edit.range;
  const body = lines.join(document.tree.eol);
  return {
    range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
    newText: edit.newText.replace(NEW_LINES, () => body),
  };
}

/**
 * A fix writing these settings into the document: a single-valued setting the file already
 * assigns gets its value changed (a second line would only duplicate it), anything else is
 * added after the last setting of its section. Undefined when a setting has no section in
 * this unit type.
 */
export function settingsFix(document: UnitDocument, type: UnitType | undefined, lines: readonly NewLine[], isPreferred = false): Fix | undefined {
  const edits: TextEdit[] = [];
  const inserts = new Map<string, string[]>();
  const words: string[] = [];
  for (const line of lines) {
    const section = sectionFor(line.directive, type);
    if (!section) return undefined;
    const list = isListSetting(line.directive);
    const join = list && line.value.startsWith('~') ? denyLineToJoin(document, section, line.directive) : undefined;
    if (join) {
      const have = new Set(listItems(trimBlanks(join.value).slice(1)));
      const items = listItems(line.value.slice(1)).filter((item) => !have.has(item));
      if (items.length === 0) continue;
      const end = trimBlanksEnd(join.value).length;
      edits.push({ range: valueRange(join, document.tree.lines, end, end), newText: ` ${items.join(' ')}` });
      words.push(`add ${items.join(' ')} to the ${line.directive}=~ line`);
      continue;
    }
    const existing = list ? undefined : lastEntry(document, section, line.directive);
    if (existing) {
      if (existing.value === line.value) continue;
      edits.push(replaceValueEdit(existing, line.value));
      words.push(`change ${line.directive}= to ${line.value}`);
    } else {
      const list = inserts.get(section) ?? [];
      list.push(`${line.directive}=${line.value}`);
      inserts.set(section, list);
      words.push(`add ${line.directive}=${line.value}`);
    }
  }
  for (const [section, newLines] of inserts) edits.push(insertLines(document, section, newLines));
  if (edits.length === 0) return undefined;
  const title = words.join(' and ');
  return { title: title.charAt(0).toUpperCase() + title.slice(1), edits, ...(isPreferred ? { isPreferred } : {}) };
}
