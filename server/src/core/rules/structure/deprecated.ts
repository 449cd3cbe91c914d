/** deprecated-directive and deprecated-value: old names, moved settings, removed settings, old values. */
import { directiveRow, enumValues, getDirective, type Deprecation, type DirectiveRow } from '../../kb';
import { insertLinesEdit, removeEntryEdit, renameKeyEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { Entry, Section } from '../../syntax/syntaxTree';
import type { Fix, TextEdit } from '../../types';
import { diagnostic, eachLine, keyDiagnostic, type RuleContext } from '../context';
import { convertLegacyValue } from './legacyConversions';
import { takesSetting } from './directives';
import { parseBoolean } from '../values/scalars';

export function checkDeprecated(context: RuleContext): void {
  eachLine(context, checkDeprecatedLine);
}

/** deprecated-directive and deprecated-value on one line. */
export function checkDeprecatedLine(context: RuleContext, section: Section, entry: Entry): void {
  if (!takesSetting(entry.key, section.name, context.type)) return;
  const row = directiveRow(entry.key, section.name);
  if (!row) return;
  if (row.deprecation) reportDirective(context, entry, row, row.deprecation);
  else reportValue(context, entry);
}

function reportDirective(context: RuleContext, entry: Entry, row: DirectiveRow, deprecation: Deprecation): void {
  const { document, settings } = context;
  const name = entry.key;
  const replacement = deprecation.replacement;
  const fixes: Fix[] = [];
  let message: string;
  const target = settings.systemdVersion;
  const replacementAvailable = (directive: string): boolean => {
    const since = getDirective(directive)?.rows[0]?.since;
    return since === undefined || since <= target;
  };

  switch (deprecation.kind) {
    case 'removed': {
      const removedIn = deprecation.removedIn ?? deprecation.since;
      const stillWorks = removedIn !== undefined && target < removedIn;
      message = stillWorks
        ? `${name}= is deprecated: systemd ${removedIn} drops support for it and ignores it.`
        : `${name}= is no longer supported; systemd ignores it.`;
      if (deprecation.alwaysOn) message += ' What it switched on is always on now.';
      if (deprecation.cgroupV1) message += ' It belonged to cgroup v1.';
      if (replacement && replacementAvailable(replacement.directive)) {
        message += ` Use ${replacement.directive}= instead.`;
        const converted = convertLegacyValue(name, entry.value);
        if (converted !== undefined) {
          const edits: TextEdit[] = [renameKeyEdit(entry, replacement.directive)];
          if (converted !== entry.value) edits.push(replaceValueEdit(entry, converted));
          const title = converted === entry.value ? `Change ${name}= to ${replacement.directive}=` : `Change ${name}=${entry.value} to ${replacement.directive}=${converted}`;
          // Where the old line is ignored, the new one turns its effect on again: that needs a review.
          fixes.push(
            stillWorks
              ? { title, edits, isPreferred: true, risk: 'safe' }
              : { title: `${title} (the line is ignored now: this turns it on again)`, edits, isPreferred: true, risk: 'review' },
          );
        }
      } else if (!stillWorks) {
        fixes.push({ title: `Remove ${name}=`, edits: [removeEntryEdit(document, entry)], isPreferred: deprecation.alwaysOn === true || !replacement });
      }
      break;
    }
    case 'moved': {
      const to = replacement?.section ?? 'Unit';
      const newName = replacement?.directive ?? name;
      message = `${name}= belongs in [${to}] now; [${row.section}] still accepts it for compatibility.`;
      const line = `${newName}=${entry.value}`;
      fixes.push({ title: `Move ${name}= to [${to}]`, edits: [removeEntryEdit(document, entry), insertLinesEdit(document, to, [line])], isPreferred: true });
      break;
    }
    case 'renamed':
    case 'alias':
    case 'obsolete': {
      if (replacement?.commandPrefixes) {
        message = `${name}= is deprecated; use the ${replacement.commandPrefixes.map((p) => `"${p}"`).join(' or ')} prefix on the ${replacement.directive}= command lines that need full privileges instead.`;
        break;
      }
      if (!replacement) {
        message = `${name}= is deprecated.`;
        break;
      }
      const what = deprecation.kind === 'obsolete' ? 'is obsolete' : 'is an old name';
      if (replacement.value !== undefined) {
        message = `${name}= ${what}; use ${replacement.directive}=${replacement.value} instead.`;
        const enabled = parseBoolean(entry.value);
        if (enabled === true && replacementAvailable(replacement.directive)) {
          fixes.push({
            title: `Change ${name}= to ${replacement.directive}=${replacement.value}`,
            edits: [renameKeyEdit(entry, replacement.directive), replaceValueEdit(entry, replacement.value)],
            isPreferred: true,
          });
        } else if (enabled === false) {
          fixes.push({ title: `Remove ${name}=`, edits: [removeEntryEdit(document, entry)], isPreferred: true });
        }
        break;
      }
      message = `${name}= ${what}; use ${replacement.directive}= instead.`;
      if (replacementAvailable(replacement.directive)) {
        const section = replacement.section;
        if (section && section !== row.section) {
          fixes.push({
            title: `Change ${name}= to ${replacement.directive}= in [${section}]`,
            edits: [removeEntryEdit(document, entry), insertLinesEdit(document, section, [`${replacement.directive}=${entry.value}`])],
            isPreferred: true,
          });
        } else {
          fixes.push({ title: `Change ${name}= to ${replacement.directive}=`, edits: [renameKeyEdit(entry, replacement.directive)], isPreferred: true });
        }
      }
      break;
    }
  }
  // By the severity policy: a setting systemd ignores does not do what it says (warning); one it still
  // reads under an old name or in an old place works, and only has a better spelling (information).
  const severity = deprecation.kind === 'removed' ? 'warning' : 'information';
  context.report(keyDiagnostic('deprecated-directive', entry, message, { severity, deprecated: true, ...(fixes.length > 0 ? { fixes } : {}) }));
}

function reportValue(context: RuleContext, entry: Entry): void {
  const info = enumValues(entry.key);
  if (!info || entry.isEmpty || info.list) return;
  const value = info.values.find((v) => !v.form && v.value === entry.value);
  if (!value?.deprecated) return;
  if (value.canonical) {
    context.report(
      diagnostic('deprecated-value', entry.valueRange, `${entry.key}=${entry.value} is an old spelling; systemd reads it as ${value.canonical}.`, {
        // It works as it is: only the spelling is old (severity policy: information).
        severity: 'information',
        deprecated: true,
        fixes: [{ title: `Change to ${value.canonical}`, edits: [replaceValueEdit(entry, value.canonical)], isPreferred: true }],
      }),
    );
    return;
  }
  context.report(diagnostic('deprecated-value', entry.valueRange, `${entry.key}=${entry.value} is deprecated; systemd warns about it and may drop it.`, { deprecated: true }));
}
