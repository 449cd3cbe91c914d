/**
 * What a document's unit type accepts: its sections and, per section, its
 * settings. A file of unknown type (no recognised suffix) accepts them all.
 */
import { directiveRows, directivesFor, sectionNames, sectionsFor, type DirectiveRow, type SectionName } from '../kb';
import type { UnitDocument } from '../unitDocument';

/** Sections a file may hold: by its unit type (a drop-in's from its folder), every section when the type is unknown. */
export function sectionsForDocument(document: UnitDocument): readonly SectionName[] {
  const type = document.file.type;
  return type ? sectionsFor(type) : sectionNames;
}

/** The settings a section accepts in this file: by unit type, or in any unit when the type is unknown. */
export function rowsForSection(document: UnitDocument, sectionName: string): readonly DirectiveRow[] {
  const type = document.file.type;
  return type ? directivesFor(sectionName, type) : directiveRows.filter((r) => r.section === sectionName);
}

/** The row for `key` in this section of this file, or undefined when the section does not take it. */
export function rowFor(document: UnitDocument, sectionName: string | undefined, key: string): DirectiveRow | undefined {
  if (sectionName === undefined) return undefined;
  return rowsForSection(document, sectionName).find((r) => r.name === key);
}
