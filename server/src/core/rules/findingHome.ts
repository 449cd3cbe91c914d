/**
 * Which file shows a finding about the unit. Each cause is said once per unit, in the file that
 * holds the line it is about. A drop-in of a folder that other units read too (`service.d/`, a
 * name prefix's `web-.service.d/`, a template's `app@.service.d/` read by an instance) is checked
 * on its own, without any one of those units: a finding that needs the unit's other lines would
 * be shown nowhere. It is shown in the unit's first file of its own instead (the unit file, or
 * without it the first of its own drop-ins), on the header of the line's section, and names the
 * line. A finding the drop-in's own check makes is left to it.
 */
import type { Assignment } from '../model/unitModel';
import type { Diagnostic, Range } from '../types';
import type { UnitDocument } from '../unitDocument';
import { unitFileLabel } from '../uriNames';
import type { RuleContext } from './context';
import { withoutFixField } from './fixesWhenRead';
import { lineText } from './pairings/text';

/**
 * The name of the unit a check is about: its unit file's; without the unit file, that of the
 * diagnosed drop-in's folder (none for a drop-in of `service.d/` checked on its own).
 */
function unitNameOf(context: RuleContext): string | undefined {
  const { model, document } = context;
  if (model.complete) return model.unit.file.unitName;
  return document.file.isDropIn ? document.file.unitName : undefined;
}

/** Whether `document` is a drop-in of the checked unit that other units read too. */
export function sharedDropIn(context: RuleContext, document: UnitDocument): boolean {
  const name = unitNameOf(context);
  return name !== undefined && document.file.isDropIn && document.file.unitName !== name;
}

/** The first file of the unit's own in reading order: the unit file, else its first own drop-in. */
function firstOwn(context: RuleContext): UnitDocument {
  const { model } = context;
  if (model.complete) return model.unit;
  return model.documents.find((d) => !sharedDropIn(context, d)) ?? context.document;
}

/** The file that shows a finding about line `a`: its own, or the unit's first when other units read it too. */
export function homeOf(context: RuleContext, a: Assignment): UnitDocument {
  return sharedDropIn(context, a.document) ? firstOwn(context) : a.document;
}

/** Whether the diagnosed document shows a finding about line `a`. */
export function shownHere(context: RuleContext, a: Assignment): boolean {
  return homeOf(context, a) === context.document;
}

/** The first of `items` whose line is in a file of the unit's own, else the first: where a finding about several lines is anchored. */
export function anchorOf<T>(context: RuleContext, items: readonly T[], lineOf: (item: T) => Assignment): T | undefined {
  return items.find((item) => !sharedDropIn(context, lineOf(item).document)) ?? items[0];
}

/**
 * Whether the check of the drop-in that holds line `a`, on its own, says `finding` there already
 * (a finding its lines make without the unit): then the unit does not say it again.
 */
export function saidInDropIn(context: RuleContext, a: Assignment, finding: Diagnostic): boolean {
  const line = a.entry.range.start.line;
  return context.dropInFindings?.(a.document).some((d) => d.code === finding.code && d.range.start.line === line) === true;
}

/** The header of the document's first well-formed section of that name, else the start of the file: where a finding about the section as a whole goes. */
export function sectionHeaderRange(document: UnitDocument, name: string): Range {
  const section = document.tree.sections.find((s) => s.name === name && !s.malformed);
  return section ? section.headerRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The range a finding about line `a` has in the diagnosed document: the line's, or the header of its section. */
export function rangeHere(context: RuleContext, a: Assignment): Range {
  return a.document === context.document ? a.entry.range : sectionHeaderRange(context.document, a.section);
}

/** A finding's message shown in another file than line `a`'s: it names the line first (`service.d/10-x.conf line 2: …`) unless it does already. */
export function messageNaming(context: RuleContext, a: Assignment, message: string): string {
  const where = `${unitFileLabel(a.document.uri, context.model.unit.file.unitName)} line ${a.entry.range.start.line + 1}`;
  return message.includes(where) ? message : `${where}: ${message}`;
}

/**
 * Reports `finding`, made on line `a`, where it is shown: as it is in the file that holds the
 * line; when other units read that file too, in the unit's first file of its own, on the header of
 * the line's section, naming the line (unless the message does), without the fixes (they would
 * edit the other file), unless the drop-in's own check says it. Nothing elsewhere.
 */
export function reportAbout(context: RuleContext, a: Assignment, finding: Diagnostic): void {
  if (a.document === context.document) {
    context.report(finding);
    return;
  }
  if (!shownHere(context, a) || saidInDropIn(context, a, finding)) return;
  const moved = withoutFixField(finding);
  moved.range = rangeHere(context, a);
  moved.message = messageNaming(context, a, finding.message);
  moved.related = [{ range: a.entry.range, message: lineText(a), uri: a.document.uri }, ...(finding.related ?? [])];
  delete moved.unnecessary;
  context.report(moved);
}
