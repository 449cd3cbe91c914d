/** unknown-section: a section this unit type does not have. */
import { sectionNames, sectionsFor } from '../../kb';
import { diagnostic, isExtensionName, wellFormedSections, type RuleContext } from '../context';
import { suggestions } from '../similarity';
import { renameSectionFix } from './sectionFixes';

export function checkSections(context: RuleContext): void {
  const { document, type } = context;
  const allowed: readonly string[] = type ? sectionsFor(type) : sectionNames;
  for (const section of wellFormedSections(document)) {
    const name = section.name;
    if (allowed.includes(name) || isExtensionName(name)) continue;
    const known = (sectionNames as readonly string[]).includes(name);
    const message = known
      ? `[${name}] is not a section of ${type} units (they have ${allowed.map((s) => `[${s}]`).join(', ')}); systemd ignores it and every setting in it.`
      : `Unknown section [${name}]; systemd ignores it and every setting in it.`;
    const close = suggestions(name, allowed, 2).filter((s) => s.distance <= 2);
    const fixes = close.map((s, i) => renameSectionFix(section, s.value, i === 0 && close.length === 1));
    context.report(diagnostic('unknown-section', section.nameRange, message, fixes.length > 0 ? { fixes } : {}));
  }
}
