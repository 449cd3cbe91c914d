/**
 * Pairs about the order of lines of one setting: earlier list entries cleared by a later empty
 * assignment (reset rows), and lines whose list type differs from the first assignment, which
 * only add or take away names (first-assignment rows).
 */
import { directiveNames, pairings, type Pairing } from '../../kb';
import { clearsLines, type Assignment, type UnitModel } from '../../model/unitModel';
import { diagnostic } from '../context';
import type { PairContext } from './context';
import { lineText } from './text';
import { assignedLines, effectiveLines } from './effects';
import { once } from './unitFacts';
import { decodeUriText } from '../../uriNames';
import { trimBlanks } from '../../syntax/blanks';
import { reportAbout, shownHere } from '../findingHome';

export function isPositionRow(pairing: Pairing): boolean {
  return pairing.subject.position !== undefined;
}

function where(context: PairContext, line: Assignment): string {
  const lineNo = `line ${line.entry.range.start.line + 1}`;
  if (line.document === context.document) return lineNo;
  const name = line.document.uri.slice(line.document.uri.lastIndexOf('/') + 1);
  return `${lineNo} of ${decodeUriText(name)}`;
}

/** The settings a reset row is about, and those whose empty (or bare `~`) lines clear them, named once. */
interface ResetRow {
  pairing: Pairing;
  subjectNames: readonly string[];
  resetters: readonly { names: readonly string[]; tilde: boolean }[];
}

function namesOf(directive: string, family: boolean | undefined): string[] {
  return family ? directiveNames.filter((n) => n.startsWith(directive)) : [directive];
}

const POSITION_ROWS: readonly (ResetRow | Pairing)[] = pairings.filter(isPositionRow).map((pairing) => {
  if (pairing.subject.position !== 'earlier') return pairing;
  const resetters: { names: string[]; tilde: boolean }[] = [];
  for (const alternative of pairing.objects) {
    if (alternative.kind !== 'settings') continue;
    for (const s of alternative.settings) resetters.push({ names: namesOf(s.directive, s.family), tilde: s.value.kind === 'bare-tilde' });
  }
  return { pairing, subjectNames: namesOf(pairing.subject.directive, pairing.subject.family), resetters };
});

export function checkPositionRows(context: PairContext): void {
  const clearing = clearingLines(context.model);
  for (const row of POSITION_ROWS) {
    if ('resetters' in row) {
      if (clearing.size > 0) checkReset(context, row, clearing);
    } else if (row.subject.position === 'other-list-type') checkListType(context, row);
  }
}

/** The empty lines and the lines of a bare `~` of each setting, in reading order. */
interface Clearing {
  empty: Assignment[];
  tilde: Assignment[];
}

const CLEARING = {};

/** The lines that may clear earlier ones, by setting; gathered once per unit (most units have none). */
function clearingLines(model: UnitModel): ReadonlyMap<string, Clearing> {
  return once(model, CLEARING, () => {
    const found = new Map<string, Clearing>();
    // Only a key with such a line as written is worked out.
    for (const key of model.clearingKeys()) {
      for (const a of model.named(key).flatMap((setting) => setting.all)) {
        if (!clearsLines(a.entry)) continue;
        const empty = a.entry.isEmpty;
        let lines = found.get(a.entry.key);
        if (!lines) found.set(a.entry.key, (lines = { empty: [], tilde: [] }));
        (empty ? lines.empty : lines.tilde).push(a);
      }
    }
    return found;
  });
}

function relatedLine(context: PairContext, line: Assignment, message: string) {
  return { range: line.entry.range, message: `${message}: ${lineText(line)}`, ...(line.document !== context.document ? { uri: line.document.uri } : {}) };
}

/** The first line of `sorted` (by reading order) read after `order`, found by halving. */
function firstAfter(sorted: readonly Assignment[], order: number): Assignment | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].order > order) high = mid;
    else low = mid + 1;
  }
  return sorted[low];
}

function checkReset(context: PairContext, row: ResetRow, lines: ReadonlyMap<string, Clearing>): void {
  const { model } = context;
  const { pairing, subjectNames, resetters } = row;
  const clearing: Assignment[] = [];
  for (const r of resetters) {
    for (const n of r.names) {
      const found = lines.get(n);
      if (found) for (const a of r.tilde ? found.tilde : found.empty) clearing.push(a);
    }
  }
  if (clearing.length === 0) return;
  clearing.sort((a, b) => a.order - b.order);
  for (const name of subjectNames) {
    if (model.named(name).length === 0) continue;
    for (const line of assignedLines(model, name)) {
      if (!shownHere(context, line) || line.entry.isEmpty || trimBlanks(line.entry.value) === '~') continue;
      const reset = firstAfter(clearing, line.order);
      if (!reset) continue;
      const what = reset.entry.isEmpty ? `the empty ${reset.entry.key}= on ${where(context, reset)} clears it` : `the bare "~" on ${where(context, reset)} resets it to every capability`;
      reportAbout(
        context,
        line,
        diagnostic('ignored-when', line.entry.range, `${lineText(line)} is ignored when a later empty assignment follows: ${what}.`, {
          severity: pairing.severity,
          pairing: pairing.id,
          unnecessary: true,
          related: [relatedLine(context, reset, 'Cleared by')],
        }),
      );
    }
  }
}

/**
 * A later line of the other list type only edits the list the first line set up. That is what
 * people expect of a `~` line after an allow-list (it blocks names), but an allow line after a
 * deny-list does not create an allow-list: it only takes names off the deny-list.
 */
function checkListType(context: PairContext, pairing: Pairing): void {
  const lines = effectiveLines(context.model, pairing.subject.directive);
  const first = lines[0];
  if (!first || !trimBlanks(first.entry.value).startsWith('~')) return;
  for (const line of lines.slice(1)) {
    if (!shownHere(context, line) || trimBlanks(line.entry.value).startsWith('~')) continue;
    reportAbout(
      context,
      line,
      diagnostic(
        'conflicts-with',
        line.entry.range,
        `${lineText(line)} conflicts with the first assignment (${where(context, first)}), a deny-list: it does not allow only these names, it takes them off the deny-list.`,
        { severity: pairing.severity, pairing: pairing.id, related: [relatedLine(context, first, 'First assignment')] },
      ),
    );
  }
}
