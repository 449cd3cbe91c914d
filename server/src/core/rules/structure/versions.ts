/** newer-than-target: settings and values the target systemd version does not know yet. */
import { directiveRow, enumValues, valueSince } from '../../kb';
import type { Entry, Section } from '../../syntax/syntaxTree';
import { diagnostic, eachLine, keyDiagnostic, type RuleContext } from '../context';
import { takesSetting } from './directives';
import { valueRange, wordsIn } from '../values/words';
import { BoundedCache } from '../values/boundedCache';
import { syscallGroupSince } from '../../security/versions';

/** Settings whose items may name system call groups. */
const SYSCALL_LISTS: ReadonlySet<string> = new Set(['SystemCallFilter', 'SystemCallLog']);

/** A word of a value that came with some release: a system call group, or a value of the setting. */
interface DatedWord {
  kind: 'group' | 'value';
  /** The group or the value, as messages name it. */
  name: string;
  since: number;
  start: number;
  end: number;
}

/** The dated words of each setting's values: the same values recur, and most have none. */
const datedCache = new Map<string, BoundedCache<readonly DatedWord[]>>();
const NONE: readonly DatedWord[] = [];

/** Whether a setting's values can name something dated at all: a group, or an enumerated value with a release. */
const datable = new Map<string, boolean>();

function mayBeDated(key: string): boolean {
  let may = datable.get(key);
  if (may === undefined) {
    may = SYSCALL_LISTS.has(key) || (enumValues(key)?.values.some((v) => v.since !== undefined) ?? false);
    datable.set(key, may);
  }
  return may;
}

function datedWords(key: string, value: string): readonly DatedWord[] {
  if (!mayBeDated(key)) return NONE;
  let byValue = datedCache.get(key);
  if (!byValue) datedCache.set(key, (byValue = new BoundedCache(512)));
  return byValue.get(value, (v) => findDated(key, v));
}

function findDated(key: string, value: string): readonly DatedWord[] {
  let found: DatedWord[] | undefined;
  for (const word of wordsIn(value)) {
    const text = word.text.replace(/^~/, '');
    let dated: DatedWord | undefined;
    if (SYSCALL_LISTS.has(key) && text.startsWith('@')) {
      const group = text.replace(/:.*$/, '');
      const created = syscallGroupSince(group);
      if (created !== undefined) dated = { kind: 'group', name: group, since: created, start: word.start, end: word.end };
    } else {
      const since = valueSince(key, text);
      if (since !== undefined) dated = { kind: 'value', name: text, since, start: word.start, end: word.end };
    }
    if (dated) (found ??= []).push(dated);
  }
  return found ?? NONE;
}

export function checkVersions(context: RuleContext): void {
  eachLine(context, checkVersionLine);
}

/** newer-than-target on one line: the setting, or a value or group in it, newer than the target. */
export function checkVersionLine(context: RuleContext, section: Section, entry: Entry): void {
  const { document, settings, type } = context;
  const target = settings.systemdVersion;
  if (!takesSetting(entry.key, section.name, type)) return;
  const row = directiveRow(entry.key, section.name);
  if (!row) return;
  if (row.since !== undefined && row.since > target) {
    context.report(
      keyDiagnostic(
        'newer-than-target',
        entry,
        `${entry.key}= came with systemd ${row.since}; systemd ${target}, the target version, does not know it and ignores the line, so its effect silently does not happen.`,
      ),
    );
    return;
  }
  if (entry.isEmpty) return;
  for (const dated of datedWords(entry.key, entry.value)) {
    if (dated.since <= target) continue;
    const range = valueRange(entry, document.tree.lines, dated.start, dated.end);
    const message =
      dated.kind === 'group'
        ? `${dated.name} came with systemd ${dated.since}; systemd ${target}, the target version, does not know the group and skips it, so none of its calls are in the list.`
        : `${entry.key}=${dated.name} came with systemd ${dated.since}; systemd ${target}, the target version, cannot parse it and ignores the line.`;
    context.report(diagnostic('newer-than-target', range, message));
  }
}
