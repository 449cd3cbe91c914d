/**
 * The docs of one completion item, looked up from the small `data` value the
 * item carries (details.ts looks up its detail line the same way). Lists go out without docs (they are long, and an editor only
 * shows the docs of the item in focus); the editor asks for these when it
 * shows an item. The text is the one the list itself used to carry.
 */
import { directiveRow, enumValues } from '../../kb';
import type { Settings } from '../../settings';
import { directiveMarkdown } from '../docs/directiveMarkdown';
import { blocks } from '../docs/markdown';
import { isSectionName, sectionMarkdown } from '../docs/sectionMarkdown';
import {
  addressFamilyMarkdown,
  capabilityMarkdown,
  enumValueMarkdown,
  enumValueSpelling,
  errnoMarkdown,
  namespaceMarkdown,
  signalMarkdown,
  specialUnitMarkdown,
  specifierMarkdown,
  syscallGroupMarkdown,
  syscallMarkdown,
} from '../docs/valueMarkdown';
import type { CompletionData, CompletionDocKind } from './types';
import { FIXED_DOCS, sizeSuffixMarkdown, timeUnitMarkdown } from './values';

type Lookup = (data: CompletionData, version: number) => string | undefined;

const LOOKUPS: Readonly<Record<CompletionDocKind, Lookup>> = {
  dir: (data, version) => {
    const row = data.s === undefined ? undefined : directiveRow(data.n, data.s);
    return row && directiveMarkdown(row, { detail: 'completion', systemdVersion: version });
  },
  sec: (data) => (isSectionName(data.n) ? sectionMarkdown(data.n, 'completion') : undefined),
  spec: (data, version) => specifierMarkdown(data.n, 'completion', version),
  val: (data, version) => (data.d === undefined ? undefined : enumValueMarkdown(data.d, data.n, 'completion', version)),
  nsval: (data, version) => {
    if (data.d === undefined) return undefined;
    // The namespace docs go by the value itself, without a placeholder.
    const entry = enumValues(data.d)?.values.find((v) => enumValueSpelling(v) === data.n);
    return blocks(enumValueMarkdown(data.d, data.n, 'completion', version), entry && namespaceMarkdown(entry.value, 'completion')) || undefined;
  },
  cap: (data) => capabilityMarkdown(data.n, 'completion'),
  group: (data) => syscallGroupMarkdown(data.n, 'completion'),
  call: (data) => syscallMarkdown(data.n),
  af: (data) => addressFamilyMarkdown(data.n, 'completion'),
  ns: (data) => namespaceMarkdown(data.n, 'completion'),
  sig: (data) => signalMarkdown(data.n),
  errno: (data) => errnoMarkdown(data.n),
  unit: (data) => specialUnitMarkdown(data.n, 'completion'),
  time: (data) => timeUnitMarkdown(data.n),
  size: (data) => sizeSuffixMarkdown(data.n),
  text: (data) => (Object.hasOwn(FIXED_DOCS, data.n) ? FIXED_DOCS[data.n] : undefined),
  // Plain words and workspace units have a detail but no docs.
  bool: () => undefined,
  kw: () => undefined,
  flag: () => undefined,
  ws: () => undefined,
};

/** Whether `value` has the shape of an item's `data` (it may come back from an editor in any shape). */
export function isCompletionData(value: unknown): value is CompletionData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { k, n, s, d, i } = value as Record<string, unknown>;
  return (
    typeof k === 'string' &&
    Object.hasOwn(LOOKUPS, k) &&
    typeof n === 'string' &&
    (s === undefined || typeof s === 'string') &&
    (d === undefined || typeof d === 'string') &&
    (i === undefined || i === 1)
  );
}

/**
 * The Markdown docs of the item that carries `data`, for the target version
 * in `settings`; undefined when `data` names nothing known (or is not
 * `data` at all) or the entry has no docs.
 */
export function resolveCompletion(data: unknown, settings: Settings): string | undefined {
  if (!isCompletionData(data)) return undefined;
  const doc = LOOKUPS[data.k](data, settings.systemdVersion);
  return doc === undefined || doc === '' ? undefined : doc;
}
