/**
 * list-merge-order: list settings whose lines systemd combines into something else than they say.
 *
 * The first line of such a setting fixes whether it is an allow-list or a `~` deny-list; later
 * lines only add names to that list or take names off it. So a line without `~` after a deny-list
 * builds no allow-list (it only takes names off the deny-list), and a `~` line after an empty
 * CapabilityBoundingSet= takes nothing from a set that is already empty. The usual drop-in idiom,
 * an allow-list followed by `~` lines that take names away from it, does what it says and is
 * left alone. Lines an empty assignment undoes are the empty-reset rule's business.
 */
import { entryText, removeEntryEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { Assignment } from '../../model/unitModel';
import type { Entry } from '../../syntax/syntaxTree';
import type { Fix, Position, TextEdit } from '../../types';
import { lineRef, relatedOf, type Evidence } from '../breakage/report';
import { andWords } from '../../andList';
import { diagnostic, type RuleContext } from '../context';
import { combine, expandGroup, LIST_SEMANTICS, type Combined, type LineStep, type ListSemantics, type ListValue } from './listSemantics';
import { assignedLines } from '../pairings/effects';
import { reportAbout, shownHere } from '../findingHome';

const CODE = 'list-merge-order';

export function checkListMerge(context: RuleContext): void {
  for (const semantics of LIST_SEMANTICS) checkSetting(context, semantics);
}

/** What was found: the line that does not do what it says, and the line that decided it. */
interface Finding {
  kind: 'allow-after-deny' | 'deny-after-empty';
  subject: LineStep;
  start: LineStep;
}

function checkSetting(context: RuleContext, semantics: ListSemantics): void {
  const { model, settings } = context;
  const lines = assignedLines(model, semantics.directive);
  if (lines.length < 2 || !lines.some((a) => shownHere(context, a))) return;
  const combined = combine(semantics, lines, settings.systemdVersion, model.complete);
  if (!combined?.certain || !combined.value) return;
  const finding = allowAfterDeny(semantics, combined, settings.systemdVersion) ?? denyAfterEmpty(semantics, combined);
  // Once per unit: on the line that does not do what it says, in the file that shows it (see findingHome.ts).
  if (!finding || !shownHere(context, finding.subject.line)) return;
  report(context, semantics, lines, combined, finding);
}

// ---------------------------------------------------------------------------
// findings

/**
 * A deny-list first, then lines without `~` that name things the deny-list never held: they
 * were evidently meant as an allow-list. Lines that only take names off the deny-list (an
 * exception: `~@privileged` then `@chown`) do what they say.
 */
function allowAfterDeny(semantics: ListSemantics, combined: Combined, version: number): Finding | undefined {
  const [start, ...rest] = combined.run;
  if (start?.form !== 'deny' || combined.value?.kind !== 'allExcept') return undefined;
  const allows = rest.filter((s) => s.form === 'allow');
  const subject = allows.find((s) => s.unchanged > 0);
  if (!subject) return undefined;
  if (semantics.allowListNeeds) {
    // Names that could not run a program on their own are an exception, not an allow-list.
    const implicit = semantics.implicitAllow ? (expandGroup(semantics.implicitAllow, version) ?? []) : [];
    const allowed = new Set([...allows.flatMap((s) => s.members), ...implicit]);
    if (!semantics.allowListNeeds.every((c) => allowed.has(c))) return undefined;
  }
  return { kind: 'allow-after-deny', subject, start };
}

/**
 * An empty CapabilityBoundingSet= leaves the empty set and later lines merge into it, so a `~`
 * line right after it has nothing to take away: "everything but X" becomes "nothing".
 */
function denyAfterEmpty(semantics: ListSemantics, combined: Combined): Finding | undefined {
  const [start, next] = combined.run;
  if (start?.form !== 'empty' || semantics.empty !== 'nothing' || !next) return undefined;
  if (next.form !== 'deny' || next.members.length === 0 || next.changed > 0) return undefined;
  return { kind: 'deny-after-empty', subject: next, start };
}

// ---------------------------------------------------------------------------
// messages

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/** The words of the run's lines of one form, as written. */
function wordsOfForm(run: readonly LineStep[], form: 'allow' | 'deny'): string {
  return unique(run.filter((s) => s.form === form).flatMap((s) => s.words)).join(' ');
}

/** What the value amounts to, in words: "every capability except CAP_SYS_ADMIN". */
function describe(semantics: ListSemantics, combined: Combined): string {
  const { value, run } = combined;
  if (!value) return `no restriction of ${semantics.nouns}`;
  return semantics.countsCalls ? describeCalls(semantics, value, run) : describeNames(semantics, value, combined.display);
}

function describeNames(semantics: ListSemantics, value: ListValue, display: ReadonlyMap<string, string>): string {
  const names = [...value.items].map((m) => display.get(m) ?? m);
  if (value.kind === 'allExcept') return names.length === 0 ? `every ${semantics.noun}` : `every ${semantics.noun} except ${andWords(names, 6)}`;
  return names.length === 0 ? `no ${semantics.noun} at all` : `only ${andWords(names, 6)}`;
}

/** System calls are named by the words of the lines (groups hold hundreds of calls), with a count. */
function describeCalls(semantics: ListSemantics, value: ListValue, run: readonly LineStep[]): string {
  const deny = wordsOfForm(run, 'deny');
  const allow = wordsOfForm(run, 'allow');
  const count = value.items.size;
  const calls = `${count} call${count === 1 ? '' : 's'}`;
  const logging = semantics.subject !== undefined;
  if (value.kind === 'allExcept') {
    const takenOff = run.filter((s) => s.form === 'allow').reduce((n, s) => n + s.changed, 0);
    const after = takenOff > 0 ? `, once the lines without "~" took ${takenOff} off` : '';
    if (count === 0) return logging ? 'logging of every system call' : 'no system call filter at all';
    return logging ? `logging of every system call except ${deny} (${calls}${after})` : `a deny-list of ${deny} (${calls}${after}) and no allow-list`;
  }
  const without = deny !== '' ? ` without ${deny}` : '';
  return logging ? `logging of only ${allow}${without} (${calls})` : `an allow-list of ${allow}${without} (${calls})`;
}

function message(context: RuleContext, semantics: ListSemantics, combined: Combined, finding: Finding): string {
  const { subject, start } = finding;
  const result = `systemd ${context.settings.systemdVersion} ends up with ${describe(semantics, combined)}.`;
  if (finding.kind === 'deny-after-empty') {
    return `${lineRef(context, subject.line)} has nothing to take away: ${lineRef(context, start.line)} before it left an empty set, and a line with "~" only removes ${semantics.nouns}. ${result}`;
  }
  const made = start.members.length === 0 ? 'made an empty deny-list' : 'made a deny-list';
  return `${lineRef(context, subject.line)} does not build an allow-list: ${lineRef(context, start.line)} came first and ${made}, and a line without "~" only takes names off it. ${result}`;
}

function evidence(combined: Combined, finding: Finding): Evidence[] {
  const notes: Evidence[] = [{ line: finding.start.line, note: finding.kind === 'deny-after-empty' ? 'Left an empty set' : 'Made the deny-list' }];
  for (const s of combined.run) {
    if (s === finding.start || s === finding.subject) continue;
    notes.push({ line: s.line, note: s.form === 'deny' ? 'Adds to the deny-list' : 'Also without "~"' });
  }
  return notes;
}

function report(context: RuleContext, semantics: ListSemantics, lines: readonly Assignment[], combined: Combined, finding: Finding): void {
  const fixes = finding.start.line.document === context.document ? fixesFor(context, semantics, lines, combined, finding) : [];
  reportAbout(
    context,
    finding.subject.line,
    diagnostic(CODE, finding.subject.line.entry.range, message(context, semantics, combined, finding), {
      related: relatedOf(context, evidence(combined, finding)),
      ...(fixes.length > 0 ? { fixes } : {}),
    }),
  );
}

// ---------------------------------------------------------------------------
// fixes (both lines in the diagnosed file)

function fixesFor(context: RuleContext, semantics: ListSemantics, lines: readonly Assignment[], combined: Combined, finding: Finding): Fix[] {
  let fix: Fix | undefined;
  if (finding.kind === 'deny-after-empty') fix = tildeResetFix(context, semantics, lines, finding);
  else if (namesAgain(combined.run)) fix = resetFirstFix(context, semantics, lines, combined);
  else fix = allowFirstFix(context, semantics, lines, combined, finding);
  return fix ? [fix] : [];
}

/** What the lines amount to in another order or with other values, for fix titles. */
function outcome(context: RuleContext, semantics: ListSemantics, lines: readonly Assignment[]): string | undefined {
  const again = combine(semantics, lines, context.settings.systemdVersion, context.model.complete);
  return again ? describe(semantics, again) : undefined;
}

/**
 * Whether a line without `~` names again something the `~` lines hold: the same `@group`, or a
 * single name that is on the deny-list. It wants that name back, so it is meant to replace the
 * deny-list. Names that only meet through groups (@system-service and @privileged share
 * setuid()) do not count: that is the usual allow-list-minus-deny-list combination.
 */
function namesAgain(run: readonly LineStep[]): boolean {
  const deny = run.filter((s) => s.form === 'deny');
  const groups = new Set(deny.flatMap((s) => s.words.filter((w) => w.startsWith('@'))));
  const denied = new Set(deny.flatMap((s) => s.members));
  return run.filter((s) => s.form === 'allow').some((s) => s.words.some((w) => groups.has(w)) || s.named.some((m) => denied.has(m)));
}

const MAY_BREAK = (semantics: ListSemantics): string => `The service keeps only the ${semantics.nouns} the allow-list names; whatever else it uses stops working.`;

/**
 * Puts the lines without `~` of this file before the deny-list's first line: the allow-list is
 * built first and the `~` lines then take their names off it, which is what both kinds of line
 * ask for. (An empty reset before them would throw the deny-list away instead.)
 */
function allowFirstFix(context: RuleContext, semantics: ListSemantics, lines: readonly Assignment[], combined: Combined, finding: Finding): Fix | undefined {
  const { document } = context;
  const moved = combined.run.filter((s) => s.form === 'allow' && s.line.document === document).map((s) => s.line);
  const rest = lines.filter((a) => !moved.includes(a));
  const at = rest.indexOf(finding.start.line);
  if (at < 0) return undefined;
  const result = outcome(context, semantics, [...rest.slice(0, at), ...moved, ...rest.slice(at)]);
  if (!result) return undefined;
  const eol = document.tree.eol;
  const where = lineStart(context, finding.start.line);
  const edits: TextEdit[] = [
    { range: { start: where, end: where }, newText: moved.map((a) => `${entryText(document, a.entry)}${eol}`).join('') },
    ...moved.map((a) => removeEntryEdit(document, a.entry)),
  ];
  const what = moved.length === 1 ? 'this line' : 'the lines without "~"';
  return { title: `Put ${what} first: keep ${result}`, edits, risk: 'review', mayBreak: MAY_BREAK(semantics) };
}

/**
 * An empty assignment before the first line without `~`: the lines without `~` name again what
 * the deny-list holds, so they are meant to replace it, and the allow-list starts from them.
 */
function resetFirstFix(context: RuleContext, semantics: ListSemantics, lines: readonly Assignment[], combined: Combined): Fix | undefined {
  const first = combined.run.find((s) => s.form === 'allow' && s.line.document === context.document)?.line;
  if (!first) return undefined;
  const reset: Assignment = { ...first, entry: withValue(first.entry, '') };
  const at = lines.indexOf(first);
  const result = outcome(context, semantics, [...lines.slice(0, at), reset, ...lines.slice(at)]);
  if (!result) return undefined;
  const where = lineStart(context, first);
  return {
    title: `Reset first: keep ${result}`,
    edits: [{ range: { start: where, end: where }, newText: `${first.entry.key}=${context.document.tree.eol}` }],
    risk: 'review',
    mayBreak: MAY_BREAK(semantics),
  };
}

/**
 * A stand-in for a line with another value, to work out what the lines would merge into. A copy of
 * the line's own fields: what a tree node works out when read is not among them, so the offsets
 * past the key and the flags are set here (its ranges and segments are not read).
 */
function withValue(entry: Entry, value: string): Entry {
  return { ...entry, valueOffset: entry.valueOffset, endOffset: entry.endOffset, value, isEmpty: value === '', isContinued: entry.isContinued };
}

/** The start of the line an assignment begins on. */
function lineStart(context: RuleContext, a: Assignment): Position {
  const { lines } = context.document.tree;
  return lines.positionAt(lines.lineStart(a.entry.range.start.line));
}

/**
 * A lone `~` instead of the empty CapabilityBoundingSet=: it starts again from the unset value, so
 * the `~` line after it keeps every capability but the ones it names, as it says.
 */
function tildeResetFix(context: RuleContext, semantics: ListSemantics, lines: readonly Assignment[], finding: Finding): Fix | undefined {
  const empty = finding.start.line;
  const changed: Assignment = { ...empty, entry: withValue(empty.entry, '~') };
  const result = outcome(context, semantics, lines.map((a) => (a === empty ? changed : a)));
  if (!result) return undefined;
  return {
    title: `Write a lone "~" instead of the empty ${semantics.directive}=: keep ${result}`,
    edits: [replaceValueEdit(empty.entry, '~')],
    risk: 'review',
  };
}
