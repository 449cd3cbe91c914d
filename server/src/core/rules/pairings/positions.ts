/**
 * Pairs about the order of lines of one setting: earlier list entries cleared by a later empty
 * assignment (reset rows), and lines whose list type differs from the first assignment, which
 * only add or take away names (first-assignment rows).
 */
import { directiveNames, pairings, type Pairing } from '../../kb';
import type { Assignment } from '../../model/unitModel';
import { diagnostic } from '../context';
import type { PairContext } from './context';
import { lineText } from './text';

export function isPositionRow(pairing: Pairing): boolean {
  return pairing.subject.position !== undefined;
}

function where(context: PairContext, line: Assignment): string {
  const lineNo = `line ${line.entry.range.start.line + 1}`;
  if (line.document === context.document) return lineNo;
  const name = line.document.uri.slice(line.document.uri.lastIndexOf('/') + 1);
  return `${lineNo} of ${decodeURIComponent(name)}`;
}

export function checkPositionRows(context: PairContext): void {
  for (const pairing of pairings) {
    if (!isPositionRow(pairing)) continue;
    if (pairing.subject.position === 'earlier') checkReset(context, pairing);
    else if (pairing.subject.position === 'other-list-type') checkListType(context, pairing);
  }
}

function relatedLine(context: PairContext, line: Assignment, message: string) {
  return { range: line.entry.range, message: `${message}: ${lineText(line)}`, ...(line.document !== context.document ? { uri: line.document.uri } : {}) };
}

function checkReset(context: PairContext, pairing: Pairing): void {
  const { model } = context;
  const subjectNames = pairing.subject.family ? directiveNames.filter((n) => n.startsWith(pairing.subject.directive)) : [pairing.subject.directive];
  const resetters: { names: string[]; tilde: boolean }[] = [];
  for (const alternative of pairing.objects) {
    if (alternative.kind !== 'settings') continue;
    for (const s of alternative.settings) {
      const names = s.family ? directiveNames.filter((n) => n.startsWith(s.directive)) : [s.directive];
      resetters.push({ names, tilde: s.value.kind === 'bare-tilde' });
    }
  }
  const clearing = resetters
    .flatMap((r) => r.names.flatMap((n) => model.assignments(n).filter((a) => (r.tilde ? a.entry.value.trim() === '~' : a.entry.isEmpty))))
    .sort((a, b) => a.order - b.order);
  if (clearing.length === 0) return;
  for (const name of subjectNames) {
    for (const line of model.assignments(name)) {
      if (line.document !== context.document || line.entry.isEmpty || line.entry.value.trim() === '~') continue;
      const reset = clearing.find((c) => c.order > line.order);
      if (!reset) continue;
      const what = reset.entry.isEmpty ? `the empty ${reset.entry.key}= on ${where(context, reset)} clears it` : `the bare "~" on ${where(context, reset)} resets it to every capability`;
      context.report(
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
  const lines = context.model.effective(pairing.subject.directive);
  const first = lines[0];
  if (!first || !first.entry.value.trim().startsWith('~')) return;
  for (const line of lines.slice(1)) {
    if (line.document !== context.document || line.entry.value.trim().startsWith('~')) continue;
    context.report(
      diagnostic(
        'conflicts-with',
        line.entry.range,
        `${lineText(line)} conflicts with the first assignment (${where(context, first)}), a deny-list: it does not allow only these names, it takes them off the deny-list.`,
        { severity: pairing.severity, pairing: pairing.id, related: [relatedLine(context, first, 'First assignment')] },
      ),
    );
  }
}
