import type { Diagnostic } from '../types';

/**
 * Identities worked out, by finding: the findings of one text are compared again and again. The
 * table of a WeakMap keeps the size it grew to after its findings are gone (33 MB after fixes were
 * tried on a unit of a million lines), so past a number of entries a new one takes its place.
 */
let identities = new WeakMap<Diagnostic, string>();
let entries = 0;
const MAX_ENTRIES = 8192;

/**
 * What a finding says, wherever it stands: its rule, its pair and its message with the line
 * numbers it names taken out. A fix that adds or removes lines moves the lines a message names,
 * so the same finding on two texts of a unit has the same identity; counting identities tells
 * what a fix took away and what it brought.
 */
export function findingIdentity(d: Diagnostic): string {
  let known = identities.get(d);
  if (known === undefined) {
    const message = d.message.includes('line') ? d.message.replace(/lines? [0-9][0-9, ]*/g, 'line N') : d.message;
    if (++entries > MAX_ENTRIES) {
      identities = new WeakMap();
      entries = 1;
    }
    identities.set(d, (known = `${d.code}\0${d.pairing ?? ''}\0${message}`));
  }
  return known;
}
