/**
 * Hardening pairs: every row of the knowledge base's pairing table that can be decided from
 * the unit (with the drop-ins at hand) becomes a diagnostic on the subject line, named by its
 * relation, with related information on the other lines involved and fixes where the row
 * gives concrete lines.
 */
import { directiveRow, getDirective, pairings, type Pairing, type PairingAlternative, type PairingContext, type PairingScope } from '../../kb';
import type { Assignment } from '../../model/unitModel';
import type { Entry } from '../../syntax/syntaxTree';
import type { Diagnostic, Fix, RelatedInformation, Severity } from '../../types';
import { diagnostic, type RuleContext } from '../context';
import { pairContext, rowsBySubject, type PairContext } from './context';
import { assignedLines, effectiveLines, normalizeValue, runsAsRoot } from './effects';
import { settingHolds, valueMatches } from './match';
import { isPositionRow, checkPositionRows } from './positions';
import { defaultPairFixes, specOf, type RowSpec } from './rows';
import { alternativeText, alternativesText, lineText, relationSentence, settingText } from './text';
import { UNDECIDABLE } from './undecidable';
import { always, BoundedCache } from '../values/boundedCache';
import { removeEntryEdit } from '../../edits/lineEdits';
import { causeOf, reportCause, type PairFinding } from './causes';
import { setFixesWhenRead } from '../fixesWhenRead';
import { reportAbout } from '../findingHome';
import { appendAll } from '../../arrays';

const ABSENCE = new Set(['requires-one-of', 'recommends', 'effective-only-with']);

/** Pair ids the engine reports (everything not listed as undecidable). */
export const implementedPairings: readonly string[] = pairings.filter((p) => UNDECIDABLE[p.id] === undefined).map((p) => p.id);

/** The rows left undecided, as a set of rows. */
const UNDECIDED: ReadonlySet<Pairing> = new Set(pairings.filter((p) => UNDECIDABLE[p.id] !== undefined));

/**
 * The rows the engine judges line by line, in table order: decidable, not about the order of
 * lines, with a single setting as subject. A row says nothing about a unit that does not set its
 * subject, so each unit only goes through the rows of the settings it has.
 */
const JUDGED_ROWS = pairings.filter((p) => UNDECIDABLE[p.id] === undefined && !isPositionRow(p) && !p.subject.family);
const JUDGED = rowsBySubject(JUDGED_ROWS);

/** The judged `implies` rows of each setting, in table order: all that a line of it can switch on. */
const IMPLIES_BY_SUBJECT = new Map<string, Pairing[]>();
for (const p of JUDGED_ROWS) {
  if (p.relation !== 'implies') continue;
  const list = IMPLIES_BY_SUBJECT.get(p.subject.directive);
  if (list) list.push(p);
  else IMPLIES_BY_SUBJECT.set(p.subject.directive, [p]);
}

/** The judged rows of a unit, in table order: those whose subject some line in force sets. */
function rowsOf(context: PairContext): readonly Pairing[] {
  return JUDGED(context.model);
}

export function checkPairings(base: RuleContext): void {
  // One redundant-setting diagnostic per line, however many settings imply it.
  const redundant = new Set<string>();
  const report = (d: Diagnostic): void => {
    if (d.code === 'redundant-setting') {
      const key = `${d.range.start.line}:${d.range.start.character}`;
      if (redundant.has(key)) return;
      redundant.add(key);
    }
    base.report(d);
  };
  // Object.assign rather than a spread with more properties: V8 copies it many times faster.
  const context = pairContext(Object.assign({}, base, { report }), implicationHolds, subjectLines);
  const byCause = new Map<string, PairFinding[]>();
  const found = new Set<string>();
  for (const pairing of rowsOf(context)) {
    if (pairing.relation === 'implies') {
      reportRedundantLines(context, pairing);
      continue;
    }
    for (const finding of evaluate(context, pairing)) {
      found.add(pairing.id);
      const cause = causeOf(pairing.id);
      if (cause !== undefined) {
        const list = byCause.get(cause) ?? [];
        list.push(finding);
        byCause.set(cause, list);
      } else reportAbout(context, finding.subject, finding.diagnostic);
    }
  }
  if (byCause.size > 0) {
    const withFound = Object.assign({}, context, { found });
    for (const [cause, findings] of byCause) reportCause(withFound, cause, findings);
  }
  checkPositionRows(context);
}

/**
 * What the unit's settings switch on by themselves, on the lines of the diagnosed document:
 * knowledge for hover and `check --explain`. Given a `line`, only what that line switches on: the
 * rows of its own setting are all that is read.
 */
export function implications(base: RuleContext, line?: Entry): Diagnostic[] {
  const rows = line ? IMPLIES_BY_SUBJECT.get(line.key) : undefined;
  if (line && !rows) return [];
  const notes: Diagnostic[] = [];
  const context = pairContext(Object.assign({}, base, { report: (d: Diagnostic) => void notes.push(d) }), implicationHolds, subjectLines);
  for (const pairing of rows ?? rowsOf(context)) {
    if (pairing.relation !== 'implies' || !scopeHolds(context, pairing.scope)) continue;
    if (newerThanTarget(context, pairing.subject.directive)) continue;
    // What the target release does not have, it does not switch on.
    if (pairing.objects.every((o) => o.kind === 'settings' && o.settings.every((s) => newerThanTarget(context, s.directive)))) continue;
    const spec = specOf(pairing);
    const subjects = subjectLines(context, pairing, false);
    for (const subject of spec.everyLine ? subjects : subjects.slice(0, 1)) {
      if ((line && subject.entry !== line) || (spec.when && !spec.when(context, subject))) continue;
      const reason = reasonOf(context, pairing, spec, subject);
      notes.push(diagnostic('implies', subject.entry.range, relationSentence(pairing, lineText(subject), spec.objects?.(context, subject) ?? objectsText(pairing), reason), { severity: 'hint', pairing: pairing.id }));
    }
  }
  return notes.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function reportRedundantLines(context: PairContext, pairing: Pairing): void {
  const spec = specOf(pairing);
  if (!spec.redundant || !scopeHolds(context, pairing.scope) || newerThanTarget(context, pairing.subject.directive)) return;
  const subjects = subjectLines(context, pairing, false);
  for (const subject of spec.everyLine ? subjects : subjects.slice(0, 1)) {
    if (spec.when && !spec.when(context, subject)) continue;
    reportRedundant(context, pairing, subject);
  }
}

const NO_LINES: readonly Assignment[] = [];

/**
 * Lines of the subject setting in force that match the row (in the diagnosed document unless
 * `anyDocument`). The list may be shared: read it, never change it.
 */
export function subjectLines(context: PairContext, pairing: Pairing, anyDocument: boolean): readonly Assignment[] {
  const known = context.subjects;
  let all = known.get(pairing);
  if (!all) known.set(pairing, (all = matchingLines(context, pairing)));
  if (anyDocument || all.length === 0) return all;
  let own = context.ownSubjects.get(pairing);
  if (!own) context.ownSubjects.set(pairing, (own = all.every((a) => a.document === context.document) ? all : all.filter((a) => a.document === context.document)));
  return own;
}

function matchingLines(context: PairContext, pairing: Pairing): readonly Assignment[] {
  const subject = pairing.subject;
  if (subject.family || subject.position) return NO_LINES;
  if (subject.unitType && context.type !== subject.unitType) return NO_LINES;
  const spec = specOf(pairing);
  const lines = effectiveLines(context.model, subject.directive);
  if (lines.length === 0) return NO_LINES;
  const test = spec?.subject;
  if (test) return lines.filter((a) => test(context, a));
  return lines.filter((a) => subjectValueMatches(pairing, a.entry.value));
}

/** Whether a value is one the row's subject names; the same values recur, so each is judged once per row. */
const subjectMatches = new Map<Pairing, BoundedCache<boolean>>();

function subjectValueMatches(pairing: Pairing, value: string): boolean {
  let known = subjectMatches.get(pairing);
  if (!known) subjectMatches.set(pairing, (known = new BoundedCache(512, { keepsLong: always })));
  return known.get(value, (v) => valueMatches(pairing.subject.directive, v, pairing.subject.value, true));
}

function scopeHolds(context: PairContext, scope: PairingScope): boolean {
  if (scope.manager && context.manager !== scope.manager) return false;
  if (scope.defaultDependencies === 'no' && context.defaultDependencies) return false;
  if (scope.defaultDependencies === 'yes' && !context.defaultDependencies) return false;
  if (scope.runsAs === 'root' && !(context.model.complete && runsAsRoot(context.model))) return false;
  if (scope.runsAs === 'non-root' && runsAsRoot(context.model)) return false;
  return true;
}

function implicationHolds(context: PairContext, pairing: Pairing, subject: Assignment): boolean {
  if (UNDECIDED.has(pairing) || !scopeHolds(context, pairing.scope)) return false;
  const spec = specOf(pairing);
  return !spec?.when || spec.when(context, subject);
}

function newerThanTarget(context: PairContext, directive: string): boolean {
  const since = getDirective(directive)?.rows[0]?.since;
  return since !== undefined && since > context.settings.systemdVersion;
}

function contextHolds(context: PairContext, c: PairingContext): boolean {
  switch (c.kind) {
    case 'manager':
      return context.manager === c.manager;
    case 'unit-types':
      return context.type !== undefined && c.unitTypes.includes(context.type);
    case 'not-template': {
      const name = context.model.unit.file.unitName ?? context.document.file.unitName;
      return name !== undefined && !name.includes('@');
    }
    case 'listed-unit-is-device':
      return true;
    default:
      return false;
  }
}

/** The lines (possibly none) that make one alternative hold, or undefined when it does not. */
function alternativeHolds(context: PairContext, alternative: PairingAlternative, exact: boolean): Assignment[] | undefined {
  if (alternative.kind === 'context') return contextHolds(context, alternative.context) ? [] : undefined;
  const lines: Assignment[] = [];
  for (const setting of alternative.settings) {
    const found = settingHolds(context, setting, exact);
    if (!found) return undefined;
    appendAll(lines, found);
  }
  return lines;
}

function anyAlternative(context: PairContext, pairing: Pairing, spec: RowSpec): Assignment[] | undefined {
  for (const alternative of pairing.objects) {
    const found = alternativeHolds(context, alternative, spec.exactObjects === true);
    if (found) return found;
  }
  return undefined;
}

function reasonOf(context: PairContext, pairing: Pairing, spec: RowSpec, subject: Assignment): string | undefined {
  const reason = typeof spec.reason === 'function' ? spec.reason(context, subject) : spec.reason;
  if (reason) return reason;
  if (pairing.id.startsWith('sysonly-')) return 'only the system service manager supports it';
  if (pairing.id.startsWith('userns-')) return 'in a per-user service manager, file system and kernel protections need a user namespace';
  if (pairing.id.startsWith('privatemounts-')) return 'the service gets its own mount namespace';
  return undefined;
}

function relatedOf(context: PairContext, lines: readonly Assignment[], message: string): RelatedInformation[] {
  const seen = new Set<Assignment>();
  const related: RelatedInformation[] = [];
  for (const line of lines) {
    if (seen.has(line)) continue;
    seen.add(line);
    related.push({
      range: line.entry.range,
      message: `${message}: ${lineText(line)}`,
      ...(line.document !== context.document ? { uri: line.document.uri } : {}),
    });
  }
  return related;
}

/** The pair's severity by the severity policy (registry.ts): our grade where it differs from the knowledge base's. */
function severityOf(pairing: Pairing): Severity {
  return specOf(pairing).grade ?? pairing.severity;
}

/** Drawn faded only when the line has no effect at all: a warning that it is ignored or ineffective, in full. */
function noEffect(pairing: Pairing, spec: RowSpec): boolean {
  return (pairing.relation === 'effective-only-with' || pairing.relation === 'ignored-when') && severityOf(pairing) === 'warning' && !spec.partial;
}

/** The pair's findings over the whole unit: on the first subject line, or on every one (`everyLine`). */
function evaluate(context: PairContext, pairing: Pairing): PairFinding[] {
  const spec = specOf(pairing);
  if (!scopeHolds(context, pairing.scope)) return [];
  if (newerThanTarget(context, pairing.subject.directive)) return [];
  if (spec.since !== undefined && context.settings.systemdVersion < spec.since) return [];
  const subjects = subjectLines(context, pairing, true);
  if (subjects.length === 0) return [];
  const findings: PairFinding[] = [];
  for (const subject of spec.everyLine ? subjects : [subjects[0]]) {
    if (spec.when && !spec.when(context, subject)) continue;
    const found = judge(context, pairing, spec, subject);
    if (found) findings.push({ diagnostic: found, subject });
  }
  return findings;
}

/**
 * The extra fields of a pair's diagnostic, in the order they are written. Built field by field:
 * V8 copies an object spread followed by more fields many times slower.
 */
function pairFields(pairing: Pairing, spec: RowSpec, related: RelatedInformation[] | undefined, fixes: Fix[]): Partial<Diagnostic> {
  const fields: Partial<Diagnostic> = { severity: severityOf(pairing), pairing: pairing.id };
  if (related) fields.related = related;
  if (noEffect(pairing, spec)) fields.unnecessary = true;
  if (fixes.length > 0) fields.fixes = fixes;
  return fields;
}

function judge(context: PairContext, pairing: Pairing, spec: RowSpec, subject: Assignment): Diagnostic | undefined {
  // The subject's text and the reason are only worded for a finding.
  const subjectText = (): string => lineText(subject);
  const reason = (): string | undefined => reasonOf(context, pairing, spec, subject);
  if (ABSENCE.has(pairing.relation)) {
    if (!context.model.complete) return undefined;
    const support = spec.satisfied ? spec.satisfied(context, subject) : anyAlternative(context, pairing, spec);
    if (support) return undefined;
    const offered = spec.fixes ? spec.fixes(context, subject, pairing) : defaultPairFixes(context, subject, pairing);
    // Evidence before advice: nothing the unit's own lines show would break is offered, and a
    // recommendation whose every fix would break something is not made at all. Which fixes pass
    // is worked out when they are read (the fix path); a recommendation only needs one that does.
    const contradictions = context.contradictions;
    const passes = (f: Fix): boolean => contradictions?.(f).length === 0;
    if (contradictions && pairing.relation === 'recommends' && offered.length > 0 && !offered.some(passes)) return undefined;
    const text = subjectText();
    const why = reason();
    const objects = spec.objects?.(context, subject) ?? objectsText(pairing);
    const found = diagnostic(pairing.relation, subject.entry.range, spec.message?.(context, subject) ?? relationSentence(pairing, text, objects, why), pairFields(pairing, spec, undefined, contradictions ? [] : offered));
    if (contradictions) setFixesWhenRead(found, offered, passing(offered, contradictions));
    return found;
  }
  if (pairing.relation === 'conflicts-with' || pairing.relation === 'ignored-when') {
    let lines: Assignment[] | undefined;
    let what: string | undefined;
    if (spec.present) {
      lines = spec.present(context, subject);
      what = lines && lines.length > 0 ? [...new Set(lines.map(lineText))].join(', ') : (spec.objects?.(context, subject) ?? alternativesText(pairing));
    } else {
      for (const alternative of pairing.objects) {
        const found = alternativeHolds(context, alternative, spec.exactObjects === true);
        if (found) {
          lines = found;
          what =
            found.length > 0
              ? [...new Set(found.map(lineText))].join(', ')
              : alternative.kind === 'context' && alternative.context.kind === 'unit-types' && context.type
                ? `in ${context.type} units`
                : alternativeText(alternative);
          break;
        }
      }
    }
    if (!lines || what === undefined) return undefined;
    const text = subjectText();
    const why = reason();
    const fixes = spec.fixes ? spec.fixes(context, subject, pairing) : conflictFixes(context, subject, pairing);
    const related = lines.length > 0 ? relatedOf(context, lines, pairing.relation === 'ignored-when' ? 'Because of' : 'Conflicts with') : undefined;
    return diagnostic(pairing.relation, subject.entry.range, relationSentence(pairing, text, what, why), pairFields(pairing, spec, related, fixes));
  }
  return undefined;
}

/**
 * The fixes among `offered` that evidence does not contradict, worked out when called. Made here,
 * not in `judge`: a closure there would keep judge's whole scope (the unit's model) alive.
 */
function passing(offered: readonly Fix[], contradictions: (fix: Fix) => Diagnostic[]): () => Fix[] {
  return () => offered.filter((f) => contradictions(f).length === 0);
}

function objectsText(pairing: Pairing): string {
  return alternativesText(pairing);
}

/** Fixes of conflicts: the row's concrete lines (a single-valued setting gets its value changed). */
function conflictFixes(context: PairContext, subject: Assignment, pairing: Pairing): Fix[] {
  if (pairing.fix?.kind === 'insert') return defaultPairFixes(context, subject, { ...pairing, objects: [] });
  return [];
}

/** `implies` rows: explicit lines that only restate what the subject implies. */
function reportRedundant(context: PairContext, pairing: Pairing, subject: Assignment): void {
  for (const alternative of pairing.objects) {
    if (alternative.kind !== 'settings' || alternative.settings.length !== 1) continue;
    const setting = alternative.settings[0];
    if (setting.value.kind !== 'one-of' || setting.value.values.length !== 1) continue;
    const expected = setting.value.values[0];
    const row = getDirective(setting.directive)?.rows[0];
    if (!row || row.assignment.kind !== 'single') continue;
    // Only a setting assigned once: removing it must leave nothing else in force.
    const all = assignedLines(context.model, setting.directive);
    const last = all.length === 1 ? all[0] : undefined;
    if (!last || last.document !== context.document) continue;
    if (normalizeValue(setting.directive, last.entry.value) !== normalizeValue(setting.directive, expected)) continue;
    if (!directiveRow(setting.directive, last.section)) continue;
    context.report(
      diagnostic('redundant-setting', last.entry.range, `${lineText(last)} is redundant: ${lineText(subject)} (line ${subject.entry.range.start.line + 1}) already implies ${settingText(setting)}.`, {
        pairing: pairing.id,
        unnecessary: true,
        related: relatedOf(context, [subject], 'Implied by'),
        fixes: [{ title: `Remove the redundant ${last.entry.key}= line`, edits: [removeEntryEdit(context.document, last.entry)] }],
      }),
    );
  }
}
