/** invalid-value: values systemd cannot parse for their setting (and those it takes but skips). */
import { directiveRow } from '../../kb';
import type { Fix, Range } from '../../types';
import type { Entry, Section } from '../../syntax/syntaxTree';
import { diagnostic, eachLine, isExtensionName, type RuleContext } from '../context';
import { takesSetting } from '../structure/directives';
import { checkValue } from './checks';
import { valueRange } from './words';

/** Placeholders of build templates (`@bindir@`, `{{ x }}`) are filled in later. */
const TEMPLATE_PLACEHOLDER = /@[A-Za-z0-9_]+@|\{\{|\{%/;

/**
 * A Jinja-style `{{ name }}` placeholder marks a file a deployment tool renders (Ansible, Salt),
 * whatever the file is called; systemd never sees it, so its value is not checked.
 */
const RENDERED_PLACEHOLDER = /\{\{[^{}]*\}\}/;

/**
 * Whether a value holds a placeholder that a build or deployment tool fills in: the unit model
 * takes such a line in as the value it will become, whatever the file is called.
 */
export function holdsPlaceholder(value: string): boolean {
  return TEMPLATE_PLACEHOLDER.test(value) || RENDERED_PLACEHOLDER.test(value);
}

export function checkValues(context: RuleContext): void {
  eachLine(context, checkValueLine);
}

/** invalid-value (and the findings of the value parsers) on one line. */
export function checkValueLine(context: RuleContext, section: Section, entry: Entry): void {
  const { document, type } = context;
  if (isExtensionName(entry.key) || !takesSetting(entry.key, section.name, type)) return;
  if (document.file.isBuildTemplate && TEMPLATE_PLACEHOLDER.test(entry.value)) return;
  if (RENDERED_PLACEHOLDER.test(entry.value)) return;
  const row = directiveRow(entry.key, section.name);
  if (!row) return;
  for (const problem of checkValue(row, entry.value, context.settings.systemdVersion)) {
    // An empty value has no range of its own: the finding covers "Key=".
    const range: Range = entry.isEmpty ? entry.range : valueRange(entry, document.tree.lines, problem.start, problem.end);
    const fixes: Fix[] = problem.replacements.map((text, i) => ({
      title: (problem.preferred === i && problem.title) || `Change to ${text}`,
      edits: [{ range, newText: text }],
      ...(problem.preferred === i ? { isPreferred: true, ...(problem.keepsEffect ? { risk: 'safe' as const } : {}) } : {}),
    }));
    const code = problem.rule ?? 'invalid-value';
    context.report(diagnostic(code, range, problem.message, { ...(fixes.length > 0 ? { fixes } : {}), ...(problem.severity ? { severity: problem.severity } : {}) }));
  }
}
