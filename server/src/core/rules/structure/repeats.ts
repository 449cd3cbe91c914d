/** duplicate-directive and empty-reset: what repeated assignments in one file do. */
import { directiveRow } from '../../kb';
import { removeEntryEdit } from '../../features/fixes/edits';
import type { Entry } from '../../syntax/syntaxTree';
import { diagnostic, wellFormedSections, type RuleContext } from '../context';
import { takesSetting } from './directives';

interface Line {
  entry: Entry;
  section: string;
}

export function checkRepeats(context: RuleContext): void {
  const { document, type } = context;
  const bySetting = new Map<string, Line[]>();
  for (const section of wellFormedSections(document)) {
    for (const entry of section.entries) {
      if (!takesSetting(entry.key, section.name, type)) continue;
      const k = `${section.name}\0${entry.key}`;
      const list = bySetting.get(k);
      if (list) list.push({ entry, section: section.name });
      else bySetting.set(k, [{ entry, section: section.name }]);
    }
  }
  for (const lines of bySetting.values()) {
    const row = directiveRow(lines[0].entry.key, lines[0].section);
    if (!row) continue;
    const semantics = row.assignment;
    if (semantics.kind === 'single' && lines.length > 1) reportDuplicates(context, lines, semantics.repeat);
  }
  reportResets(context, bySetting);
}

function lineNumber(entry: Entry): number {
  return entry.range.start.line + 1;
}

function reportDuplicates(context: RuleContext, lines: readonly Line[], repeat: 'last-wins' | 'first-wins'): void {
  const { document } = context;
  if (repeat === 'first-wins') {
    const first = lines.find((l) => !l.entry.isEmpty);
    if (!first) return;
    for (const line of lines) {
      if (line === first || line.entry.isEmpty) continue;
      context.report(
        diagnostic('duplicate-directive', line.entry.keyRange, `${line.entry.key}= is already set on line ${lineNumber(first.entry)}; systemd keeps the first assignment and ignores this one.`, {
          unnecessary: true,
          related: [{ range: first.entry.range, message: 'The assignment that counts' }],
          fixes: [{ title: `Remove this ${line.entry.key}= line`, edits: [removeEntryEdit(document, line.entry)], isPreferred: true }],
        }),
      );
    }
    return;
  }
  const last = lines[lines.length - 1];
  for (const line of lines.slice(0, -1)) {
    if (line.entry.isEmpty) continue;
    const next = lines[lines.indexOf(line) + 1];
    const how = next.entry.isEmpty ? `is reset by the empty assignment on line ${lineNumber(next.entry)}` : `is set again on line ${lineNumber(last.entry)}`;
    context.report(
      diagnostic('duplicate-directive', line.entry.keyRange, `${line.entry.key}= takes one value and ${how}; this assignment has no effect.`, {
        unnecessary: true,
        related: [{ range: last.entry.range, message: 'The assignment that counts' }],
        fixes: [{ title: `Remove this ${line.entry.key}= line`, edits: [removeEntryEdit(document, line.entry)], isPreferred: true }],
      }),
    );
  }
}

function reportResets(context: RuleContext, bySetting: ReadonlyMap<string, Line[]>): void {
  for (const lines of bySetting.values()) {
    for (const line of lines) {
      if (!line.entry.isEmpty) continue;
      const row = directiveRow(line.entry.key, line.section);
      const semantics = row?.assignment;
      if (!semantics || semantics.kind !== 'list' || !semantics.emptyResets) continue;
      const names = new Set([line.entry.key, ...(semantics.resetShares ?? [])]);
      const earlier: Entry[] = [];
      for (const name of names) {
        for (const other of bySetting.get(`${line.section}\0${name}`) ?? []) {
          if (!other.entry.isEmpty && other.entry.startOffset < line.entry.startOffset) earlier.push(other.entry);
        }
      }
      // Only the entries after the previous reset are thrown away by this one.
      const previousReset = Math.max(
        -1,
        ...[...names].flatMap((n) => bySetting.get(`${line.section}\0${n}`) ?? []).filter((o) => o.entry.isEmpty && o.entry.startOffset < line.entry.startOffset).map((o) => o.entry.startOffset),
      );
      const dropped = earlier.filter((e) => e.startOffset > previousReset).sort((a, b) => a.startOffset - b.startOffset);
      if (dropped.length === 0) continue;
      const others = [...names].filter((n) => n !== line.entry.key);
      const shared = others.length > 0 ? `, since ${others.map((n) => `${n}=`).join(', ')} ${others.length === 1 ? 'shares' : 'share'} its list` : '';
      context.report(
        diagnostic(
          'empty-reset',
          line.entry.range,
          `The empty ${line.entry.key}= clears the ${dropped.length === 1 ? 'entry' : `${dropped.length} entries`} assigned before it in this file (line${dropped.length === 1 ? '' : 's'} ${dropped.map(lineNumber).join(', ')})${shared}.`,
          { related: dropped.map((e) => ({ range: e.range, message: `Cleared: ${e.key}=${e.value}` })) },
        ),
      );
    }
  }
}
