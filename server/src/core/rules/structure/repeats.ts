/** duplicate-directive and empty-reset: what repeated assignments in one file do. */
import { directiveRow, emptyValueRefused, type DirectiveRow } from '../../kb';
import { removeEntryEdit, removeEntryReach } from '../../edits/lineEdits';
import { lazyFix } from '../../edits/lazyFix';
import type { Entry, Section } from '../../syntax/syntaxTree';
import type { UnitDocument } from '../../unitDocument';
import type { Diagnostic, Fix, RelatedInformation } from '../../types';
import { diagnostic, keyDiagnostic, wellFormedSections, type RuleContext } from '../context';
import { takenRow } from './directives';
import { knownKeyPlaces, lineAtPlace } from '../../syntax/keyPlaces';
import { findingRange, sortByStart } from '../lineFinding';

/** A line of a well-formed section: its section is known. */
type Line = Entry & { section: Section };

/**
 * Whether a finding is wanted, by the entry it is about and the entries it points at: a keystroke
 * needs only the findings near the changed line. A finding's fix may reach the lines next to its
 * entry's.
 */
export type Near = (about: Entry, pointsAt: readonly Entry[]) => boolean;

type NearContext = RuleContext & {
  near: Near;
  /** The findings whose fix waits until the rule knows which of them come first (see `RuleContext.fixesTried`). */
  waiting?: Array<{ finding: Diagnostic; line: Line }>;
};

export function checkRepeats(context: RuleContext): void {
  // Findings that are ranked afterwards go out as they come: a unit may repeat a line 100,000 times.
  if (context.ranksFindings === true && context.fixesTried === undefined) repeatsOf(context, undefined, undefined, context.report);
  else for (const d of repeatsOf(context)) context.report(d);
}

/**
 * What repeated lines of the settings named do (of every setting when `names` is undefined), in
 * document order. What a setting's lines do rests on those lines alone and on those of the
 * settings sharing its list. With `near`, only the findings it wants are made (see `Near`). With
 * `report`, each goes there as it is made, in no particular order, and none is returned.
 */
export function repeatsOf(context: RuleContext, names?: ReadonlySet<string>, near?: Near, report?: (d: Diagnostic) => void): Diagnostic[] {
  const found: Diagnostic[] = [];
  const inner: NearContext = { ...context, report: report ?? ((d) => void found.push(d)), near: near ?? (() => true), ...(context.fixesTried !== undefined ? { waiting: [] } : {}) };
  const { document, type } = context;
  // By the setting's row: one per setting and section.
  const bySetting = new Map<DirectiveRow, Line[]>();
  const version = context.settings.systemdVersion;
  const add = (entry: Entry, section: Section): void => {
    const row = takenRow(entry.key, section.name, type);
    // An empty value the parser refuses is ignored: it resets nothing, and counts as no assignment.
    if (!row || (entry.isEmpty && emptyValueRefused(row, version))) return;
    const list = bySetting.get(row);
    if (list) list.push(entry as Line);
    else bySetting.set(row, [entry as Line]);
  };
  // The lines of a few settings of a long unit are found where the tree knows they are.
  const places = names === undefined ? undefined : knownKeyPlaces(document.tree);
  if (names !== undefined && places !== undefined) {
    const sections = document.tree.sections;
    const line = { section: 0, line: 0 };
    for (const name of names) {
      const at = places.byKey.get(name);
      if (at === undefined) continue;
      for (let i = 0; i < at.length; i++) {
        lineAtPlace(places, at[i], line);
        add(sections[line.section].entries[line.line], sections[line.section]);
      }
    }
  } else {
    for (const section of wellFormedSections(document)) {
      for (const entry of section.entries) if (names === undefined || names.has(entry.key)) add(entry, section);
    }
  }
  for (const [row, lines] of bySetting) {
    const semantics = row.assignment;
    if (semantics.kind === 'single' && lines.length > 1) reportDuplicates(inner, lines, semantics.repeat);
  }
  reportResets(inner, bySetting);
  // Each finding is on a line of its own (a duplicate's key, an empty line).
  sortByStart(found, findingRange);
  if (inner.waiting !== undefined) offerFirstFixes(inner, inner.waiting, Math.max(1, context.fixesTried ?? 0));
  return found;
}

/**
 * Gives the first `count` waiting findings, in document order (the order the rule reports them
 * in), their fix: the fixes of the others would never be tried. Each has one fix, as when made
 * at once, and the field comes last, as it does then.
 */
function offerFirstFixes(context: NearContext, waiting: Array<{ finding: Diagnostic; line: Line }>, count: number): void {
  // Sorted as the findings were (a stable sort by the same key): the same come first.
  sortByStart(waiting, (w) => w.finding.range);
  for (let i = 0; i < waiting.length && i < count; i++) waiting[i].finding.fixes = [removeLineFix(context.document, waiting[i].line)];
}

function lineNumber(entry: Entry): number {
  return entry.range.start.line + 1;
}

/**
 * The fix that removes a line with no effect, unless nobody will read it (a unit may have
 * thousands), or until the rule knows whether it will be tried (see `offerFirstFixes`).
 */
function removeFix(context: NearContext, line: Line): { fixes?: Fix[] } {
  if (context.offersFixes === false || context.waiting !== undefined) return {};
  return { fixes: [removeLineFix(context.document, line)] };
}

function removeLineFix(document: UnitDocument, line: Line): Fix {
  return lazyFix(`Remove this ${line.key}= line`, () => [removeEntryEdit(document, line)], { isPreferred: true }, removeEntryReach(document, line));
}

/** Reports a line with no effect; its fix waits when the rule makes only the first few. */
function reportLine(context: NearContext, finding: Diagnostic, line: Line): void {
  context.report(finding);
  if (context.waiting !== undefined && context.offersFixes !== false) context.waiting.push({ finding, line });
}

function reportDuplicates(context: NearContext, lines: readonly Line[], repeat: 'last-wins' | 'first-wins'): void {
  if (repeat === 'first-wins') {
    const first = lines.find((l) => !l.isEmpty);
    if (!first) return;
    let counts: RelatedInformation[] | undefined;
    for (const line of lines) {
      if (line === first || line.isEmpty || !context.near(line, [first])) continue;
      reportLine(
        context,
        keyDiagnostic('duplicate-directive', line, `${line.key}= is already set on line ${lineNumber(first)}; systemd keeps the first assignment and ignores this one.`, {
          unnecessary: true,
          related: (counts ??= [{ range: first.range, message: 'The assignment that counts' }]),
          ...removeFix(context, line),
        }),
        line,
      );
    }
    return;
  }
  const last = lines[lines.length - 1];
  // Every duplicate points at the same line: one list for all (a long unit repeats thousands).
  let counts: RelatedInformation[] | undefined;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (line.isEmpty) continue;
    const next = lines[i + 1];
    if (!context.near(line, [last, next])) continue;
    const how = next.isEmpty ? `is reset by the empty assignment on line ${lineNumber(next)}` : `is set again on line ${lineNumber(last)}`;
    reportLine(
      context,
      keyDiagnostic('duplicate-directive', line, `${line.key}= takes one value and ${how}; this assignment has no effect.`, {
        unnecessary: true,
        related: (counts ??= [{ range: last.range, message: 'The assignment that counts' }]),
        ...removeFix(context, line),
      }),
      line,
    );
  }
}

/**
 * For each empty line of the setting, the entries it clears: those of the setting and of the
 * settings sharing its list, after the previous empty line of any of them. One pass over the
 * lines of those settings in file order.
 */
function clearedBy(lines: readonly Line[], bySetting: ReadonlyMap<DirectiveRow, Line[]>, names: ReadonlySet<string>): Map<Line, Entry[]> {
  const section = lines[0].section.name;
  const all = [...names].flatMap((n) => {
    const row = directiveRow(n, section);
    return (row && bySetting.get(row)) ?? [];
  }).sort((a, b) => a.startOffset - b.startOffset);
  const own = new Set(lines);
  const cleared = new Map<Line, Entry[]>();
  let pending: Entry[] = [];
  for (const line of all) {
    if (!line.isEmpty) {
      pending.push(line);
      continue;
    }
    if (own.has(line)) cleared.set(line, pending);
    pending = [];
  }
  return cleared;
}

function reportResets(context: NearContext, bySetting: ReadonlyMap<DirectiveRow, Line[]>): void {
  for (const [row, lines] of bySetting) {
    const semantics = row.assignment;
    if (semantics.kind !== 'list' || !semantics.emptyResets) continue;
    let cleared: Map<Line, Entry[]> | undefined;
    for (const line of lines) {
      if (!line.isEmpty) continue;
      const names = new Set([line.key, ...(semantics.resetShares ?? [])]);
      // Only the entries after the previous reset are thrown away by this one.
      cleared ??= clearedBy(lines, bySetting, names);
      const dropped = cleared.get(line) ?? [];
      if (dropped.length === 0 || !context.near(line, dropped)) continue;
      const others = [...names].filter((n) => n !== line.key);
      const shared = others.length > 0 ? `, since ${others.map((n) => `${n}=`).join(', ')} ${others.length === 1 ? 'shares' : 'share'} its list` : '';
      context.report(
        diagnostic(
          'empty-reset',
          line.range,
          `The empty ${line.key}= clears the ${dropped.length === 1 ? 'entry' : `${dropped.length} entries`} assigned before it in this file (line${dropped.length === 1 ? '' : 's'} ${dropped.map(lineNumber).join(', ')})${shared}.`,
          { related: dropped.map((e) => ({ range: e.range, message: `Cleared: ${e.key}=${e.value}` })) },
        ),
      );
    }
  }
}
