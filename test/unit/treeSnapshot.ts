import type { Entry, Range, SyntaxTree } from '../../server/src/core';

/** A range as `line:character-line:character`, the notation of the parser fixtures. */
export function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export interface EntrySnapshot {
  key: string;
  keyRange: string;
  eq: string;
  value: string;
  valueRange: string;
  segments: [string, string][];
  isEmpty: boolean;
  isContinued: boolean;
}

export interface SectionSnapshot {
  name: string;
  header: string;
  nameRange: string;
  range: string;
  malformed: boolean;
  entries: EntrySnapshot[];
}

export interface TreeSnapshot {
  sections: SectionSnapshot[];
  orphans: EntrySnapshot[];
  comments: [string, string][];
  diagnostics: { code: string; severity: string; range: string }[];
  hasBom: boolean;
  eol: string;
}

/** The parts of a tree the fixtures describe, with ranges in fixture notation. */
export function snapshotTree(tree: SyntaxTree): TreeSnapshot {
  return {
    sections: tree.sections.map((section) => ({
      name: section.name,
      header: formatRange(section.headerRange),
      nameRange: formatRange(section.nameRange),
      range: formatRange(section.range),
      malformed: section.malformed,
      entries: section.entries.map(snapshotEntry),
    })),
    orphans: tree.orphans.map(snapshotEntry),
    comments: tree.comments.map((comment) => [comment.text, formatRange(comment.range)]),
    diagnostics: tree.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: formatRange(d.range) })),
    hasBom: tree.hasBom,
    eol: tree.eol,
  };
}

function snapshotEntry(entry: Entry): EntrySnapshot {
  return {
    key: entry.key,
    keyRange: formatRange(entry.keyRange),
    eq: formatRange(entry.equalsRange),
    value: entry.value,
    valueRange: formatRange(entry.valueRange),
    segments: entry.segments.map((segment) => [segment.text, formatRange(segment.range)]),
    isEmpty: entry.isEmpty,
    isContinued: entry.isContinued,
  };
}

/** A case as written in test/fixtures/parser/*.json (see the README there). */
export interface ParserCase {
  name: string;
  text?: string;
  file?: string;
  sections?: (Omit<SectionSnapshot, 'malformed' | 'entries'> & { malformed?: boolean; entries?: ExpectedEntry[] })[];
  orphans?: ExpectedEntry[];
  comments?: [string, string][];
  diagnostics?: { code: string; severity: string; range: string }[];
  hasBom?: boolean;
  eol?: string;
}

type ExpectedEntry = Omit<EntrySnapshot, 'segments' | 'isEmpty' | 'isContinued'> &
  Partial<Pick<EntrySnapshot, 'segments' | 'isEmpty' | 'isContinued'>>;

/** Fills in a case's defaults, giving the snapshot the parser must produce. */
export function expectedSnapshot(testCase: ParserCase): TreeSnapshot {
  const entry = (e: ExpectedEntry): EntrySnapshot => ({
    key: e.key,
    keyRange: e.keyRange,
    eq: e.eq,
    value: e.value,
    valueRange: e.valueRange,
    segments: e.segments ?? (e.value === '' ? [] : [[e.value, e.valueRange]]),
    isEmpty: e.isEmpty ?? e.value === '',
    isContinued: e.isContinued ?? false,
  });
  return {
    sections: (testCase.sections ?? []).map((s) => ({
      name: s.name,
      header: s.header,
      nameRange: s.nameRange,
      range: s.range,
      malformed: s.malformed ?? false,
      entries: (s.entries ?? []).map(entry),
    })),
    orphans: (testCase.orphans ?? []).map(entry),
    comments: testCase.comments ?? [],
    diagnostics: testCase.diagnostics ?? [],
    hasBom: testCase.hasBom ?? false,
    eol: testCase.eol ?? '\n',
  };
}
