/** newer-than-target: settings and values the target systemd version does not know yet. */
import { directiveRow, valueSince } from '../../kb';
import { diagnostic, wellFormedSections, type RuleContext } from '../context';
import { takesSetting } from './directives';
import { splitWords, valueRange } from '../values/words';
import { syscallGroupSince } from '../../security/versions';

/** Settings whose items may name system call groups. */
const SYSCALL_LISTS: ReadonlySet<string> = new Set(['SystemCallFilter', 'SystemCallLog']);

export function checkVersions(context: RuleContext): void {
  const { document, settings, type } = context;
  const target = settings.systemdVersion;
  for (const section of wellFormedSections(document)) {
    for (const entry of section.entries) {
      if (!takesSetting(entry.key, section.name, type)) continue;
      const row = directiveRow(entry.key, section.name);
      if (!row) continue;
      if (row.since !== undefined && row.since > target) {
        context.report(
          diagnostic(
            'newer-than-target',
            entry.keyRange,
            `${entry.key}= came with systemd ${row.since}; systemd ${target}, the target version, does not know it and ignores the line, so its effect silently does not happen.`,
          ),
        );
        continue;
      }
      if (entry.isEmpty) continue;
      for (const word of splitWords(entry.value)) {
        const value = word.text.replace(/^~/, '');
        if (SYSCALL_LISTS.has(entry.key) && value.startsWith('@')) {
          const group = value.replace(/:.*$/, '');
          const created = syscallGroupSince(group);
          if (created !== undefined && created > target) {
            context.report(
              diagnostic(
                'newer-than-target',
                valueRange(entry, document.tree.lines, word.start, word.end),
                `${group} came with systemd ${created}; systemd ${target}, the target version, does not know the group and skips it, so none of its calls are in the list.`,
              ),
            );
          }
          continue;
        }
        const since = valueSince(entry.key, value);
        if (since === undefined || since <= target) continue;
        context.report(
          diagnostic(
            'newer-than-target',
            valueRange(entry, document.tree.lines, word.start, word.end),
            `${entry.key}=${value} came with systemd ${since}; systemd ${target}, the target version, cannot parse it and ignores the line.`,
          ),
        );
      }
    }
  }
}
