/**
 * Completion for unit files: section headers, setting names valid in the
 * section and unit type, values by the setting's kind, and specifiers. Items
 * newer than the target systemd version are left out. Items carry neither
 * docs nor detail, which would make long lists heavy: each holds a small
 * `data` value instead, which `resolveCompletion` (resolve.ts) turns into the
 * Markdown and `completionDetail` (details.ts) into the detail line when the
 * editor shows that one item. Sort texts are short keys (ranking.ts).
 */
import { getDirective } from '../../kb';
import type { Settings } from '../../settings';
import type { Position } from '../../types';
import type { UnitDocument } from '../../unitDocument';
import { cursorContext } from '../cursorContext';
import { rowFor } from '../unitTypeRows';
import { directiveItems } from './directives';
import { shortSortTexts } from './ranking';
import { sectionItems } from './sections';
import { specifierItems, specifierStart } from './specifiers';
import type { CompletionContext, UnitCompletionItem } from './types';
import { valueItems } from './values';
import { appendAll } from '../../arrays';

export type { CompletionContext, CompletionData, CompletionDocKind, UnitCompletionItem, UnitCompletionKind } from './types';
export { COMPLETION_TRIGGER_CHARACTERS, TRIGGER_SUGGEST } from './types';
export { isCompletionData, resolveCompletion } from './resolve';
export { completionDetail } from './details';

export function complete(document: UnitDocument, position: Position, settings: Settings, context: CompletionContext = {}): UnitCompletionItem[] {
  return shortSortTexts(rankedItems(document, position, settings, context));
}

/** The items with their rank keys as sort texts. */
function rankedItems(document: UnitDocument, position: Position, settings: Settings, context: CompletionContext): UnitCompletionItem[] {
  const tree = document.tree;
  const where = cursorContext(tree, position);
  const version = settings.systemdVersion;

  switch (where.kind) {
    case 'comment':
      return [];
    case 'section-header':
      return sectionItems(document, where.replace, `[${where.prefix}`, true);
    case 'key': {
      // A key is being typed (or the line is empty): settings of the section,
      // and headers to start a new section, ranked after them.
      const hasEquals = where.hasEquals;
      const items: UnitCompletionItem[] = [];
      if (where.section && !where.section.malformed) {
        appendAll(items, directiveItems({ document, section: where.section, range: where.replace, typed: where.prefix, hasEquals, systemdVersion: version }));
      }
      if (!hasEquals && !/[ \t]/.test(where.prefix)) appendAll(items, sectionItems(document, where.replace, where.prefix, false, where.section ? 5 : 0));
      return items;
    }
    case 'value': {
      const start = specifierStart(where.before);
      if (start !== undefined) {
        const end = tree.lines.offsetAt(position);
        const range = tree.lines.range(end - start, end);
        return specifierItems(range, where.before.slice(-start), version);
      }
      const sectionName = where.section?.name;
      const row = rowFor(document, sectionName, where.key) ?? (document.file.type === undefined && !sectionName ? getDirective(where.key)?.rows[0] : undefined);
      if (!row) return [];
      return valueItems({
        row,
        word: where.word,
        fullWord: where.fullWord,
        range: where.wordRange,
        valueBeforeWord: where.valueBeforeWord,
        value: where.entry?.value,
        systemdVersion: version,
        units: context.workspaceUnits ?? [],
        ownUnit: document.file.unitName,
      });
    }
  }
}
