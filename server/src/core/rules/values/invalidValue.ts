/** invalid-value: values systemd cannot parse for their setting. */
import { directiveRow } from '../../kb';
import type { Fix } from '../../types';
import { diagnostic, isExtensionName, wellFormedSections, type RuleContext } from '../context';
import { takesSetting } from '../structure/directives';
import { checkValue } from './checks';
import { valueRange } from './words';

/** Placeholders of build templates (`@bindir@`, `{{ x }}`) are filled in later. */
const TEMPLATE_PLACEHOLDER = /@[A-Za-z0-9_]+@|\{\{|\{%/;

export function checkValues(context: RuleContext): void {
  const { document, type } = context;
  const lines = document.tree.lines;
  for (const section of wellFormedSections(document)) {
    for (const entry of section.entries) {
      if (entry.isEmpty || isExtensionName(entry.key) || !takesSetting(entry.key, section.name, type)) continue;
      if (document.file.isBuildTemplate && TEMPLATE_PLACEHOLDER.test(entry.value)) continue;
      const row = directiveRow(entry.key, section.name);
      if (!row) continue;
      for (const problem of checkValue(row, entry.value, context.settings.systemdVersion)) {
        const range = valueRange(entry, lines, problem.start, problem.end);
        const fixes: Fix[] = problem.replacements.map((text, i) => ({
          title: `Change to ${text}`,
          edits: [{ range, newText: text }],
          ...(problem.preferred === i ? { isPreferred: true } : {}),
        }));
        context.report(diagnostic('invalid-value', range, problem.message, fixes.length > 0 ? { fixes } : {}));
      }
    }
  }
}
