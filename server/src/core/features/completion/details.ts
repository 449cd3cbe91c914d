/**
 * The detail of one completion item: the short line an editor shows next to
 * the label (the value kind of a setting, the number of a signal, the release
 * that added a value). Like the docs (resolve.ts), it is looked up from the
 * item's `data`, so that a list can leave it out for editors that ask for it
 * with completionItem/resolve, and give it to the others.
 */
import { addressFamilies, addressFamilyKeywords, capabilities, directiveRow, errnos, namespaces, signals, specialUnits, specifiers, syscallGroup } from '../../kb';
import { isSectionName } from '../docs/sectionMarkdown';
import { directiveDetail } from './directives';
import { isCompletionData } from './resolve';
import type { CompletionData, CompletionDocKind } from './types';
import { booleanDetail, capabilityDenyWeight, enumValueDetail, FIXED_DETAILS, sizeSuffixDetail, syscallGroupDenyWeight, timeUnitDetail } from './values';

/** ` · security weight 10` for an entry of a deny-list that weighs something, else ''. */
function weightNote(data: CompletionData, weight: (name: string) => number): string {
  if (data.i !== 1) return '';
  const w = weight(data.n);
  return w > 0 ? ` · security weight ${w}` : '';
}

const DETAILS: Readonly<Record<CompletionDocKind, (data: CompletionData) => string | undefined>> = {
  dir: (data) => {
    const row = data.s === undefined ? undefined : directiveRow(data.n, data.s);
    return row && directiveDetail(row);
  },
  sec: (data) => (isSectionName(data.n) ? 'section' : undefined),
  spec: (data) => specifiers.find((s) => s.letter === data.n)?.meaning,
  val: (data) => (data.d === undefined ? undefined : enumValueDetail(data.d, data.n)),
  nsval: (data) => (data.d === undefined ? undefined : enumValueDetail(data.d, data.n)),
  cap: (data) => {
    const cap = capabilities.find((c) => c.name === data.n);
    return cap && `capability ${cap.number}${weightNote(data, capabilityDenyWeight)}`;
  },
  group: (data) => {
    const group = syscallGroup(data.n);
    return group && `group of ${group.members.length} system calls${weightNote(data, syscallGroupDenyWeight)}`;
  },
  call: (data) => (syscallGroup('@known')?.members.includes(data.n) ? 'system call' : undefined),
  af: (data) => {
    if (addressFamilyKeywords.includes(data.n)) return 'no address family at all';
    const family = addressFamilies.find((f) => f.name === data.n);
    return family && `address family ${family.number}${family.aliasOf ? ` (same as ${family.aliasOf})` : ''}`;
  },
  ns: (data) => namespaces.find((n) => n.name === data.n)?.cloneFlag,
  sig: (data) => {
    const signal = signals.find((s) => s.name === data.n && !s.aliasOf);
    return signal && `signal ${signal.number}`;
  },
  errno: (data) => {
    const errno = errnos.find((e) => e.name === data.n);
    return errno && `error ${errno.number}`;
  },
  unit: (data) => (specialUnits.includes(data.n) ? 'well-known unit' : undefined),
  time: (data) => timeUnitDetail(data.n),
  size: (data) => sizeSuffixDetail(data.n),
  text: (data) => (Object.hasOwn(FIXED_DETAILS, data.n) ? FIXED_DETAILS[data.n] : undefined),
  bool: (data) => booleanDetail(data.n),
  // Words of one setting and units of the workspace: nothing to check them against.
  kw: () => 'keyword',
  flag: () => 'flag',
  ws: () => 'unit in the workspace',
};

/** The detail of the item that carries `data`; undefined when `data` names nothing known or there is nothing to say. */
export function completionDetail(data: unknown): string | undefined {
  if (!isCompletionData(data)) return undefined;
  const detail = DETAILS[data.k](data);
  return detail === undefined || detail === '' ? undefined : detail;
}
