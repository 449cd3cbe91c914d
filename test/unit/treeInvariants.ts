import { allEntries, comparePositions, type Position, type Range, type SyntaxTree } from '../../server/src/core';

/**
 * Checks what must hold for every tree, whatever the input: each range lies
 * inside the document with start <= end, the text under key, value, segment,
 * name and comment ranges is what the tree says, segments join into the
 * value, and entries come in document order. Returns the violations found.
 */
export function treeViolations(tree: SyntaxTree): string[] {
  const problems: string[] = [];
  const index = tree.lines;
  const lines = index.lines;

  const validPosition = (p: Position): boolean =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lines.length &&
    p.character >= 0 &&
    p.character <= lines[p.line].end - lines[p.line].start;
  const checkRange = (what: string, range: Range): void => {
    if (!validPosition(range.start) || !validPosition(range.end)) {
      problems.push(`${what}: range ${JSON.stringify(range)} is outside the document`);
    } else if (comparePositions(range.start, range.end) > 0) {
      problems.push(`${what}: range ${JSON.stringify(range)} ends before it starts`);
    }
  };
  const singleLine = (range: Range): boolean => range.start.line === range.end.line;
  /** On one line for systemd too: a NUL ends a line for systemd, not for the editor. */
  const oneSystemdLine = (range: Range): boolean => singleLine(range) && !index.textAt(range).includes('\0');

  for (const d of tree.diagnostics) checkRange(`diagnostic ${d.code}`, d.range);
  for (const c of tree.comments) {
    checkRange(`comment ${JSON.stringify(c.text)}`, c.range);
    if (index.textAt(c.range) !== c.text) problems.push(`comment ${JSON.stringify(c.text)}: text under its range differs`);
    if (!/^[#;]/.test(c.text)) problems.push(`comment ${JSON.stringify(c.text)} does not start with # or ;`);
  }
  for (const section of tree.sections) {
    const what = `section ${JSON.stringify(section.name)}`;
    checkRange(`${what} header`, section.headerRange);
    checkRange(`${what} name`, section.nameRange);
    checkRange(`${what} range`, section.range);
    if (comparePositions(section.range.start, section.headerRange.start) !== 0) problems.push(`${what}: range does not start at the header`);
    if (!section.malformed && oneSystemdLine(section.headerRange)) {
      if (index.textAt(section.nameRange) !== section.name) problems.push(`${what}: text under the name range differs`);
      if (index.textAt(section.headerRange) !== `[${section.name}]`) problems.push(`${what}: text under the header range differs`);
    }
    for (const entry of section.entries) {
      if (entry.section !== section) problems.push(`${what}: entry ${JSON.stringify(entry.key)} points to another section`);
    }
  }
  for (const entry of tree.orphans) {
    if (entry.section !== undefined) problems.push(`orphan ${JSON.stringify(entry.key)} has a section`);
  }

  let previousEnd = -1;
  for (const entry of allEntries(tree)) {
    const what = `entry ${JSON.stringify(entry.key)}`;
    for (const [name, range] of [
      ['key', entry.keyRange],
      ['=', entry.equalsRange],
      ['value', entry.valueRange],
      ['whole', entry.range],
    ] as const) {
      checkRange(`${what} ${name}`, range);
    }
    if (entry.key === '' || /^[ \t]|[ \t]$/.test(entry.key) || entry.key.includes('=')) problems.push(`${what}: key is empty, padded or holds '='`);
    if (/^[ \t]|[ \t]$/.test(entry.value)) problems.push(`${what}: value is padded`);
    if (/[\r\n\0]/.test(entry.key + entry.value)) problems.push(`${what}: key or value holds a line break or NUL`);
    if (oneSystemdLine(entry.keyRange) && index.textAt(entry.keyRange) !== entry.key) problems.push(`${what}: text under the key range differs`);
    if (index.textAt(entry.equalsRange) !== '=') problems.push(`${what}: no '=' under the equals range`);
    if (oneSystemdLine(entry.valueRange) && index.textAt(entry.valueRange) !== entry.value) problems.push(`${what}: text under the value range differs`);
    if (entry.isEmpty !== (entry.value === '')) problems.push(`${what}: isEmpty is ${entry.isEmpty} for value ${JSON.stringify(entry.value)}`);
    for (const segment of entry.segments) {
      checkRange(`${what} segment`, segment.range);
      if (!oneSystemdLine(segment.range)) problems.push(`${what}: segment spans lines`);
      if (index.textAt(segment.range) !== segment.text) problems.push(`${what}: text under segment ${JSON.stringify(segment.text)} differs`);
      if (tree.text.slice(segment.offset, segment.offset + segment.text.length) !== segment.text) problems.push(`${what}: segment offset is wrong`);
    }
    const joined = entry.segments.map((segment) => segment.text).join(' ');
    if (joined !== entry.value) problems.push(`${what}: segments join into ${JSON.stringify(joined)}, not the value ${JSON.stringify(entry.value)}`);
    if (entry.startOffset !== index.offsetAt(entry.keyRange.start)) problems.push(`${what}: startOffset does not match the key range`);
    if (entry.endOffset !== index.offsetAt(entry.range.end)) problems.push(`${what}: endOffset does not match the range`);
    if (entry.valueOffset !== index.offsetAt(entry.valueRange.start)) problems.push(`${what}: valueOffset does not match the value range`);
    if (!entry.isContinued) {
      // Edits take an entry that is not continued to be on the one line where its key starts.
      const line = entry.keyRange.start.line;
      const parts = [entry.range, entry.equalsRange, entry.valueRange, ...entry.segments.map((segment) => segment.range)];
      if (parts.some((range) => range.start.line !== line || range.end.line !== line)) problems.push(`${what}: not continued, yet it spans lines`);
    }
    if (entry.startOffset < previousEnd) problems.push(`${what}: entries are not in document order`);
    previousEnd = entry.endOffset;
  }
  return problems;
}
