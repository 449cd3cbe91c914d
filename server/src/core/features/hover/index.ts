/**
 * Hover docs for unit files: what a section is for, a setting's full doc
 * (our words plus versions, values, pairings, security checks, man link),
 * and single values: enumerated words, `@groups` with their members, system
 * calls, capabilities, address families, namespace types, signals, error
 * names, well-known units and specifiers.
 */
import { directiveRow, getDirective, type DirectiveRow } from '../../kb';
import type { Settings } from '../../settings';
import type { Entry, Section, ValueSegment } from '../../syntax/syntaxTree';
import { rangeContains, type Position, type Range } from '../../types';
import type { UnitDocument } from '../../unitDocument';
import { isBlank } from '../cursorContext';
import { directiveMarkdown } from '../docs/directiveMarkdown';
import { blocks, code } from '../docs/markdown';
import { isSectionName, sectionMarkdown } from '../docs/sectionMarkdown';
import { specifierMarkdown } from '../docs/valueMarkdown';
import { rowFor, sectionsForDocument } from '../unitTypeRows';
import { valueWordMarkdown } from './valueHover';
import { explain, type UnitFiles } from '../../rules';

export interface UnitHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** `files`: the unit's other files at hand, so that what this line implies in the unit can be said. */
export function hover(document: UnitDocument, position: Position, settings: Settings, files: UnitFiles = {}): UnitHover | undefined {
  const tree = document.tree;
  const section = lastStartingBy(tree.sections, (s) => s.headerRange.start.line, position.line);
  if (section && section.headerRange.start.line === position.line && rangeContains(section.headerRange, position)) return sectionHover(section);
  const entry = lastStartingBy(section ? section.entries : tree.orphans, (e) => e.range.start.line, position.line);
  if (!entry || entry.range.end.line < position.line) return undefined;
  if (rangeContains(entry.keyRange, position)) return directiveHover(document, entry, settings, files);
  const segment = entry.segments.find((s) => s.range.start.line === position.line && rangeContains(s.range, position));
  return segment ? valueHover(document, entry, segment, position, settings) : undefined;
}

/**
 * The last of `items` (in document order) that starts on `line` or before, found by halves: the
 * sections of a file, and the entries of a section, follow one another without overlapping, so
 * the one under a line is the last to start by it. Only the few items looked at get their ranges.
 */
function lastStartingBy<T>(items: readonly T[], startLine: (item: T) => number, line: number): T | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startLine(items[middle]) <= line) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? items[low - 1] : undefined;
}

function sectionHover(section: Section): UnitHover | undefined {
  if (isSectionName(section.name)) return { contents: sectionMarkdown(section.name, 'hover'), range: section.headerRange };
  if (section.name.startsWith('X-')) {
    return {
      contents: blocks(`${code(`[${section.name}]`)} section`, 'An extension section: systemd ignores it, so other programs can keep their own settings in the unit file.'),
      range: section.headerRange,
    };
  }
  return undefined;
}

/** The row for the entry's section in this file, or the setting's first row when the section does not take it. */
function entryRow(document: UnitDocument, entry: Entry): { row: DirectiveRow; misplaced: boolean } | undefined {
  const sectionName = entry.section?.name;
  const row = rowFor(document, sectionName, entry.key);
  if (row) return { row, misplaced: false };
  const listed = sectionName ? directiveRow(entry.key, sectionName) : undefined;
  // A section of this unit type that lists the setting, which units of the type ignore (Delegate= in [Socket]).
  const type = document.file.type;
  if (listed) return { row: listed, misplaced: type !== undefined && sectionsForDocument(document).includes(listed.section) };
  const any = getDirective(entry.key)?.rows[0];
  return any ? { row: any, misplaced: true } : undefined;
}

/** What the line switches on in this unit, at the target release: knowledge that is no finding. */
function impliedText(document: UnitDocument, entry: Entry, settings: Settings, files: UnitFiles): string | undefined {
  const notes = explain(document, settings, files, entry);
  if (notes.length === 0) return undefined;
  return `**In this unit:** ${notes.map((n) => n.message).join(' ')}`;
}

function directiveHover(document: UnitDocument, entry: Entry, settings: Settings, files: UnitFiles): UnitHover | undefined {
  const found = entryRow(document, entry);
  if (!found) return undefined;
  const { row, misplaced } = found;
  const rows = getDirective(entry.key)?.rows ?? [];
  const type = document.file.type;
  const fitting = type ? rows.filter((r) => r.unitTypes.includes(type)) : [];
  const taking = rows.filter((r) => r.unitTypes.length > 0);
  // When the line's own section lists it, the unit types that take it say why it is not taken here.
  const listedHere = fitting.length === 0 && rows.some((r) => r.section === entry.section?.name);
  const types = listedHere ? ` of ${[...new Set(taking.flatMap((r) => r.unitTypes))].map((t) => `.${t}`).join(', ')} units` : '';
  const where = `${(fitting.length > 0 ? fitting : taking).map((r) => `[${r.section}]`).join(', ')}${types}`;
  const place = entry.section ? code(`[${entry.section.name}]`) : 'this place (before any section)';
  const note = misplaced ? `**Not accepted here:** ${place}${type ? ` of a .${type} unit` : ''} does not take it; it belongs in ${where}.` : undefined;
  const implied = misplaced ? undefined : impliedText(document, entry, settings, files);
  // The docs come first: an editor shows the line's problems in a hover of its own above ours, so
  // what this unit makes of the line follows the docs instead of pushing them down.
  return { contents: blocks(directiveMarkdown(row, { detail: 'hover', systemdVersion: settings.systemdVersion }), implied, note), range: entry.keyRange };
}

/** The specifier (`%n`) under offset `at` of `word`, if any; `%%` is an escaped percent sign, not a specifier. */
function specifierAt(word: string, at: number): { letter: string; start: number } | undefined {
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] !== '%') continue;
    if (at === i || at === i + 1) return { letter: word[i + 1], start: i };
    i++;
  }
  return undefined;
}

function valueHover(document: UnitDocument, entry: Entry, segment: ValueSegment, position: Position, settings: Settings): UnitHover | undefined {
  const text = segment.text;
  const at = position.character - segment.range.start.character;
  let start = Math.min(at, text.length);
  while (start > 0 && !isBlank(text.charCodeAt(start - 1))) start--;
  let end = Math.min(at, text.length);
  while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
  const word = text.slice(start, end);
  if (word === '') return undefined;
  const line = segment.range.start.line;
  const rangeOf = (from: number, to: number): Range => ({
    start: { line, character: segment.range.start.character + start + from },
    end: { line, character: segment.range.start.character + start + to },
  });

  const spec = specifierAt(word, at - start);
  if (spec) {
    const contents = specifierMarkdown(spec.letter, 'hover', settings.systemdVersion);
    if (contents) return { contents, range: rangeOf(spec.start, spec.start + 2) };
  }
  const found = entryRow(document, entry);
  if (!found) return undefined;
  const isFirst = entry.value.trimStart().startsWith(word) && segment === entry.segments[0] && text.slice(0, start).trim() === '';
  const result = valueWordMarkdown(found.row, word, at - start, isFirst, settings.systemdVersion);
  if (!result) return undefined;
  return { contents: result.contents, range: rangeOf(result.from, result.to) };
}
