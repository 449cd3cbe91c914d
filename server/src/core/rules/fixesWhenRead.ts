/**
 * Fixes that are sorted out when they are read. Whether the unit's evidence contradicts a fix is
 * learnt by trying it (evidence.ts), and only the fix path reads fixes: diagnostics go out without
 * them. A finding can therefore carry the fixes it offers together with the test that keeps them;
 * `fixes` runs the test the first time it is read, and reads as a plain field from then on
 * (absent when no fix passed, as a finding made without fixes).
 */
import type { Diagnostic, Fix } from '../types';
import { findingCopy } from './lineFinding';

/**
 * A finding's fixes while they wait to be sorted out, in a field of its own that copies,
 * `Object.keys` and JSON do not see: those offered, and how to sort them out.
 */
const PENDING = Symbol('fixes to sort out');

interface Sorting {
  readonly offered: readonly Fix[];
  readonly sort: () => Fix[];
}

type Pending = Diagnostic & { [PENDING]?: Sorting };

/** The fixes offered while `fixes` is still the accessor that sorts them (not deleted or replaced since). */
function pendingOf(d: Diagnostic): readonly Fix[] | undefined {
  const sorting = (d as Pending)[PENDING];
  return sorting !== undefined && Object.getOwnPropertyDescriptor(d, 'fixes')?.get === readFixes ? sorting.offered : undefined;
}

/** Makes `fixes` a plain field again: `value`, or no field when `drop`. */
function settle(d: Diagnostic, value: Fix[] | undefined, drop: boolean): void {
  delete (d as Pending)[PENDING];
  if (drop) delete d.fixes;
  else Object.defineProperty(d, 'fixes', { value, writable: true, enumerable: true, configurable: true });
}

/*
 * One getter and one setter for every finding: V8 keeps an accessor in the object's hidden class,
 * so a function of each finding's own would give each a class of its own.
 */
function readFixes(this: Pending): Fix[] | undefined {
  const kept = this[PENDING]?.sort() ?? [];
  // A finding frozen since cannot keep the result: it is worked out again when read.
  if (Object.isExtensible(this)) settle(this, kept, kept.length === 0);
  return kept.length > 0 ? kept : undefined;
}

function writeFixes(this: Pending, value: Fix[] | undefined): void {
  settle(this, value, false);
}

/**
 * Gives `d` the fixes `sort` works out, the first time `d.fixes` is read. `offered` are every fix
 * `sort` may give (or fewer, with the same edits): what `fixesMaybe` tells until then.
 */
export function setFixesWhenRead(d: Diagnostic, offered: readonly Fix[], sort: () => Fix[]): void {
  if (offered.length === 0) return;
  Object.defineProperty(d, PENDING, { value: { offered, sort }, enumerable: false, configurable: true });
  Object.defineProperty(d, 'fixes', { get: readFixes, set: writeFixes, enumerable: true, configurable: true });
}

/**
 * The fixes a finding may have, without testing them: its fixes, or, while they wait to be
 * tested, every fix offered (a superset: enough to say where its edits could go).
 */
export function fixesMaybe(d: Diagnostic): readonly Fix[] | undefined {
  if (!('fixes' in d)) return undefined;
  return pendingOf(d) ?? d.fixes;
}

/** Whether `d` has or may have fixes, without testing them. */
export function mayHaveFixes(d: Diagnostic): boolean {
  return fixesMaybe(d) !== undefined;
}

/** A copy of `d` without its fixes; their tests are not run. */
export function withoutFixField(d: Diagnostic): Diagnostic {
  return findingCopy(d, false);
}

/** A copy of `d` with some fields changed; fixes not yet sorted out are sorted out when the copy's are read. */
export function copyFinding(d: Diagnostic, changes: Partial<Diagnostic>): Diagnostic {
  const copy = Object.assign(withoutFixField(d), changes);
  const offered = pendingOf(d);
  if (offered !== undefined && 'fixes' in d) setFixesWhenRead(copy, offered, () => d.fixes ?? []);
  else if ('fixes' in d) copy.fixes = d.fixes;
  return copy;
}
