import type { Diagnostic, Range, Severity } from '../types';

/*
 * Where a LineFinding is: fields under symbols, not private ones, so that a deep comparison of two
 * findings (assert.deepStrictEqual) sees them, while JSON and Object.keys do not.
 */
const START_LINE = Symbol('start line');
const START_CHARACTER = Symbol('start character');
const END_LINE = Symbol('end line');
const END_CHARACTER = Symbol('end character');

/**
 * A finding that keeps where it is as four numbers and builds its range each time it is read.
 * A long unit may have a finding on most of its lines (a setting set again, a name systemd does
 * not know), and a range with its two positions takes more memory than the rest of the finding.
 * Its other fields are its own, in the order `diagnostic()` writes them; JSON sees the range
 * first. A spread (`{ ...d }`) leaves the range out: copy a finding with `findingCopy`.
 */
export class LineFinding implements Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  [START_LINE]: number;
  [START_CHARACTER]: number;
  [END_LINE]: number;
  [END_CHARACTER]: number;

  /** Copies `fields` (other than severity, code and message), in their order. */
  constructor(range: Range, severity: Severity, code: string, message: string, fields: Readonly<Record<string, unknown>>, leaveOut?: string) {
    this.severity = severity;
    this.code = code;
    this.message = message;
    this[START_LINE] = range.start.line;
    this[START_CHARACTER] = range.start.character;
    this[END_LINE] = range.end.line;
    this[END_CHARACTER] = range.end.character;
    const own = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (key !== leaveOut && key !== 'severity' && key !== 'code' && key !== 'message') own[key] = fields[key];
  }

  get range(): Range {
    return { start: { line: this[START_LINE], character: this[START_CHARACTER] }, end: { line: this[END_LINE], character: this[END_CHARACTER] } };
  }

  set range(range: Range) {
    this[START_LINE] = range.start.line;
    this[START_CHARACTER] = range.start.character;
    this[END_LINE] = range.end.line;
    this[END_CHARACTER] = range.end.character;
  }

  /** A plain object with the range first, then the finding's own fields (fixes waiting to be tested are tested). */
  toJSON(): Diagnostic {
    const plain = { range: this.range } as Record<string, unknown>;
    const own = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(this)) plain[key] = own[key];
    return plain as unknown as Diagnostic;
  }
}

/**
 * A copy of a finding with the same fields in the same order, without `fixes` when `withFixes` is
 * false (fixes waiting to be tested are then not tested). A LineFinding's copy is one too.
 */
export function findingCopy(d: Diagnostic, withFixes = true): Diagnostic {
  const source = d as unknown as Record<string, unknown>;
  if (d instanceof LineFinding) return new LineFinding(d.range, d.severity, d.code, d.message, source, withFixes ? undefined : 'fixes');
  const copy = {} as Record<string, unknown>;
  for (const key of Object.keys(d)) if (withFixes || key !== 'fixes') copy[key] = source[key];
  return copy as unknown as Diagnostic;
}

/**
 * `list` in document order, by where the range of each item starts (a stable sort), each range read
 * once: a LineFinding builds its range on each read.
 */
export function sortByStart<T>(list: T[], rangeOf: (item: T) => Range): T[] {
  const count = list.length;
  if (count < 2) return list;
  const lines = new Float64Array(count);
  const characters = new Float64Array(count);
  const order = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const start = rangeOf(list[i]).start;
    lines[i] = start.line;
    characters[i] = start.character;
    order[i] = i;
  }
  order.sort((a, b) => lines[a] - lines[b] || characters[a] - characters[b] || a - b);
  const sorted = order.map((i) => list[i]);
  for (let i = 0; i < count; i++) list[i] = sorted[i];
  return list;
}

/** The range of a finding, for `sortByStart`. */
export function findingRange(d: Diagnostic): Range {
  return d.range;
}
