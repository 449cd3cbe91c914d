import type { Section } from '../../syntax/syntaxTree';
import type { Fix } from '../../types';

export function renameSectionFix(section: Section, name: string, isPreferred: boolean): Fix {
  return { title: `Change to [${name}]`, edits: [{ range: section.nameRange, newText: name }], ...(isPreferred ? { isPreferred } : {}) };
}
