/** unknown-directive and wrong-section: settings systemd does not take where they are written. */
import { directiveNames, directiveRow, directivesFor, getDirective, sectionNames, sectionsFor, type DirectiveRow } from '../../kb';
import { moveEntryEdits, renameKeyEdit } from '../../edits/lineEdits';
import type { Entry, Section } from '../../syntax/syntaxTree';
import type { Fix } from '../../types';
import type { UnitType } from '../../unitFile';
import { eachLine, isExtensionName, keyDiagnostic, type RuleContext } from '../context';
import { bestSuggestion, suggestions, type Suggestion } from '../similarity';

/** Whether systemd takes the setting in this section of a unit of this type. */
export function takesSetting(name: string, section: string, type: UnitType | undefined): boolean {
  return takenRow(name, section, type) !== undefined;
}

/** The setting's row when systemd takes it in this section of a unit of this type, else undefined. */
export function takenRow(name: string, section: string, type: UnitType | undefined): DirectiveRow | undefined {
  // The rows of one setting and section all hold for the same unit types (those of the section
  // whose units its parser takes it in).
  const row = directiveRow(name, section);
  return row !== undefined && (type === undefined || row.unitTypes.includes(type)) ? row : undefined;
}

const namesCache = new Map<string, string[]>();

/** Names a section takes for this type (all types when unknown). */
function namesFor(section: string, type: UnitType | undefined): string[] {
  const key = `${section}\0${type ?? ''}`;
  let names = namesCache.get(key);
  if (!names) {
    names = type ? directivesFor(section, type).map((r) => r.name) : directiveNames.filter((n) => getDirective(n)?.rows.some((r) => r.section === section));
    namesCache.set(key, names);
  }
  return names;
}

/** Suggestions are asked for again and again while typing and while fixes are tried. */
const suggestionCache = new Map<string, Suggestion[]>();
const SUGGESTION_CACHE_SIZE = 2000;

function closeNames(name: string, section: string, type: UnitType | undefined): Suggestion[] {
  const key = `${section}\0${type ?? ''}\0${name}`;
  let found = suggestionCache.get(key);
  if (!found) {
    found = suggestions(name, namesFor(section, type));
    if (suggestionCache.size >= SUGGESTION_CACHE_SIZE) suggestionCache.clear();
    suggestionCache.set(key, found);
  }
  return found;
}

export function checkDirectives(context: RuleContext): void {
  eachLine(context, checkDirectiveLine);
}

/** unknown-directive and wrong-section on one line. */
export function checkDirectiveLine(context: RuleContext, section: Section, entry: Entry): void {
  const { type } = context;
  const allowedSections: readonly string[] = type ? sectionsFor(type) : sectionNames;
  if (!allowedSections.includes(section.name)) return;
  const name = entry.key;
  if (isExtensionName(name) || takesSetting(name, section.name, type)) return;
  const info = getDirective(name);
  const elsewhere = info?.rows.filter((r) => r.section !== section.name && allowedSections.includes(r.section) && (type === undefined || r.unitTypes.includes(type))) ?? [];
  if (elsewhere.length > 0) {
    reportWrongSection(context, entry, section.name, elsewhere);
    return;
  }
  reportUnknown(context, entry, section.name, info?.rows.filter((r) => r.unitTypes.length > 0) ?? []);
}

function reportWrongSection(context: RuleContext, entry: Entry, section: string, rows: readonly DirectiveRow[]): void {
  const targets = [...new Set(rows.map((r) => r.section))];
  const fixes: Fix[] = targets.map((target) => ({
    title: `Move ${entry.key}= to [${target}]`,
    edits: moveEntryEdits(context.document, entry, target),
    ...(targets.length === 1 ? { isPreferred: true } : {}),
  }));
  const message = `${entry.key}= belongs in ${targets.map((t) => `[${t}]`).join(' or ')}, not in [${section}]; systemd ignores it here.`;
  context.report(keyDiagnostic('wrong-section', entry, message, { fixes }));
}

function reportUnknown(context: RuleContext, entry: Entry, section: string, otherRows: readonly DirectiveRow[]): void {
  const { type } = context;
  const name = entry.key;
  const found = closeNames(name, section, type);
  const best = bestSuggestion(found);
  const fixes: Fix[] = found.map((s) => ({
    title: `Change to ${s.value}=`,
    edits: [renameKeyEdit(entry, s.value)],
    ...(best && s.value === best.value ? { isPreferred: true } : {}),
  }));
  let message: string;
  if (otherRows.length > 0) {
    const types = [...new Set(otherRows.flatMap((r) => r.unitTypes))];
    const sections = [...new Set(otherRows.map((r) => `[${r.section}]`))];
    message = `${name}= is a setting of ${sections.join('/')} in ${types.join(', ')} units, not of ${type ?? 'this'} units; systemd ignores it here.`;
  } else {
    message = `Unknown setting ${name}= in [${section}]; systemd ignores it.`;
  }
  if (found.length > 0) message += ` Did you mean ${found.map((s) => `${s.value}=`).join(', ')}?`;
  context.report(keyDiagnostic('unknown-directive', entry, message, fixes.length > 0 ? { fixes } : {}));
}
