/** Section header completions: `[Service]` and friends. */
import { directiveRows } from '../../kb';
import type { UnitDocument } from '../../unitDocument';
import type { Range } from '../../types';
import { sectionsForDocument } from '../unitTypeRows';
import { rankKey } from './ranking';
import type { UnitCompletionItem } from './types';

/**
 * `range` is replaced by `[Name]`; `typed` is what the user wrote so far.
 * With `bracketTyped` the filter text starts with `[` (the range starts there). `tierBase`
 * moves the items after others in the same list (directives at the start of a line).
 */
export function sectionItems(document: UnitDocument, range: Range, typed: string, bracketTyped: boolean, tierBase = 0): UnitCompletionItem[] {
  const present = new Set(document.tree.sections.map((s) => s.name));
  return sectionsForDocument(document).map((name, index) => {
    // [Target] and [Device] are accepted but hold no settings: offered, but last.
    const empty = !directiveRows.some((r) => r.section === name);
    const text = `[${name}]`;
    return {
      label: text,
      kind: 'section',
      data: { k: 'sec', n: name },
      insertText: text,
      textEdit: { range, newText: text },
      sortText: rankKey(bracketTyped ? text : name, typed, { tier: tierBase + (present.has(name) || empty ? 1 : 0), index }),
      filterText: bracketTyped ? text : name,
    };
  });
}
