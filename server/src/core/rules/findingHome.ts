/**
 * Which file shows a finding about the unit. Each cause is said once per unit, in the file that
 * holds the line it is about. A drop-in of a folder that other units read too (`service.d/`, a
 * name prefix's `web-.service.d/`, a template's `app@.service.d/` read by an instance) is checked
 * on its own, without any one of those units, so a finding about such a line would be shown
 * nowhere. It is shown in the unit file instead, on the header of the line's section, and names
 * the line.
 */
import type { Assignment, UnitModel } from '../model/unitModel';
import type { Diagnostic, Range } from '../types';
import type { UnitDocument } from '../unitDocument';
import { unitFileLabel } from '../uriNames';
import type { RuleContext } from './context';
import { withoutFixField } from './fixesWhenRead';

/** Whether `document` is a drop-in of the unit that other units read too. */
export function sharedDropIn(model: UnitModel, document: UnitDocument): boolean {
  return model.complete && document !== model.unit && document.file.unitName !== model.unit.file.unitName;
}

/** The file that shows a finding about line `a`: its own, or the unit file when other units read it too. */
export function homeOf(context: RuleContext, a: Assignment): UnitDocument {
  return sharedDropIn(context.model, a.document) ? context.model.unit : a.document;
}

/** Whether the diagnosed document shows a finding about line `a`. */
export function shownHere(context: RuleContext, a: Assignment): boolean {
  return homeOf(context, a) === context.document;
}

/** The first of `items` whose line is in a file of the unit's own, else the first: where a finding about several lines is anchored. */
export function anchorOf<T>(context: RuleContext, items: readonly T[], lineOf: (item: T) => Assignment): T | undefined {
  return items.find((item) => !sharedDropIn(context.model, lineOf(item).document)) ?? items[0];
}

/** The range a finding about line `a` has in the diagnosed document: the line's, or the header of its section. */
export function rangeHere(context: RuleContext, a: Assignment): Range {
  if (a.document === context.document) return a.entry.range;
  const section = context.document.tree.sections.find((s) => s.name === a.section && !s.malformed);
  return section ? section.headerRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** `service.d/10-x.conf line 2`: where line `a` is, for a finding shown in another file. */
export function lineLabel(context: RuleContext, a: Assignment): string {
  return `${unitFileLabel(a.document.uri, context.model.unit.file.unitName)} line ${a.entry.range.start.line + 1}`;
}

/**
 * Reports `finding`, made on line `a`, where it is shown: as it is in the file that holds the
 * line; in the unit file when other units read that file too, on its section's header, naming the
 * line first (unless `named`: the message names it already), without the fixes (they edit the
 * other file). Nothing elsewhere.
 */
export function reportAbout(context: RuleContext, a: Assignment, finding: Diagnostic, named = false): void {
  if (a.document === context.document) {
    context.report(finding);
    return;
  }
  if (!shownHere(context, a)) return;
  const moved = withoutFixField(finding);
  moved.range = rangeHere(context, a);
  if (!named) moved.message = `${lineLabel(context, a)}: ${finding.message}`;
  moved.related = [{ range: a.entry.range, message: `${a.entry.key}=${a.entry.value}`, uri: a.document.uri }, ...(finding.related ?? [])];
  delete moved.unnecessary;
  context.report(moved);
}
