/**
 * A new version of a large open document is parsed and checked from the text in parts (the
 * server's PieceText) without joining it into one string: only the lines around the change are
 * read. Whatever it reads, it finds what a fresh parse of the whole text finds.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, createUnitDocument, DEFAULT_SETTINGS, EvidenceCache, revisedUnitDocument, type UnitDocument } from '../../server/src/core';
import { cursorContext, type CursorContext } from '../../server/src/core/features/cursorContext';
import { insertLinesEdit, moveEntryEdits } from '../../server/src/core/edits/lineEdits';
import type { Entry } from '../../server/src/core/syntax/syntaxTree';
import { LineIndex } from '../../server/src/core/syntax/lineIndex';
import { SplicedText, type TextSource } from '../../server/src/core/syntax/textSource';
import fc from 'fast-check';
import { PieceText } from '../../server/src/lsp/pieceText';
import { generateUnit } from '../bench/generate';

/** A text in pieces that counts how often it is joined whole. */
class CountedText implements TextSource {
  joins = 0;
  constructor(private readonly pieces: PieceText) {}
  get length(): number {
    return this.pieces.length;
  }
  slice(start: number, end: number): string {
    return this.pieces.slice(start, end);
  }
  toString(): string {
    this.joins++;
    return this.pieces.toString();
  }
}

const BASE = generateUnit(3000);
const lines = BASE.split('\n');
const lineOf = (prefix: string): number => lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith(prefix));
const offsetOf = (line: number, character: number): number => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;

interface Case {
  name: string;
  /** Offset, characters removed, text inserted. */
  edit: [number, number, string];
}

const description = lineOf('Description=');
const execStart = lineOf('ExecStart=');
const CASES: Case[] = [
  { name: 'a character typed in a value', edit: [offsetOf(description, 13), 0, 'x'] },
  { name: 'a character deleted from a value', edit: [offsetOf(description, 13), 1, ''] },
  { name: 'a character typed in a continued command line', edit: [offsetOf(execStart + 1, 14), 0, '0'] },
  { name: 'a line added to a section', edit: [offsetOf(description + 1, 0), 0, 'Documentation=man:bench(8)\n'] },
  { name: 'a line removed', edit: [offsetOf(description, 0), lines[description].length + 1, ''] },
  { name: 'a new section', edit: [offsetOf(description - 1, 0), 0, '[Install]\nWantedBy=multi-user.target\n\n'] },
  // "x/usr/bin/bench" is no path systemd runs: a problem in a value of two lines, whose range is read from the text.
  { name: 'a value problem typed in a continued command line', edit: [offsetOf(execStart, 'ExecStart='.length), 0, 'x'] },
  { name: 'a hardening setting changed', edit: [offsetOf(lineOf('ProtectSystem='), 14), lines[lineOf('ProtectSystem=')].length - 14, 'full'] },
];

function versions(edit: Case['edit']): { before: UnitDocument; after: UnitDocument; text: CountedText; whole: string; cache: EvidenceCache } {
  const uri = 'file:///large.service';
  const before = createUnitDocument(uri, BASE, 1);
  const cache = new EvidenceCache();
  analyze(before, DEFAULT_SETTINGS, {}, cache);
  const [at, removed, inserted] = edit;
  const text = new CountedText(PieceText.of(BASE).replaced(at, at + removed, inserted));
  const after = revisedUnitDocument(before, text, 2, { start: at, end: at + removed, text: inserted });
  return { before, after, text, whole: BASE.slice(0, at) + inserted + BASE.slice(at + removed), cache };
}

describe('a new version read from the text in parts', () => {
  for (const c of CASES) {
    it(`${c.name}: the same findings as a whole parse, without joining the text`, () => {
      const { after, text, whole, cache } = versions(c.edit);
      const found = analyze(after, DEFAULT_SETTINGS, {}, cache).diagnostics;
      // Fixes tried while checking (recommendations are dropped when evidence contradicts every fix) read it in parts too.
      assert.equal(text.joins, 0, 'the text was joined');
      assert.equal(after.tree.lines.joined, false);
      const fresh = analyze(createUnitDocument('file:///large.service', whole, 2)).diagnostics;
      assert.deepEqual(JSON.parse(JSON.stringify(found)), JSON.parse(JSON.stringify(fresh)));
      assert.equal(after.tree.text, whole, 'the text read whole');
    });
  }

  it('an edit that writes a new section or moves a line reads the end of the text and that line, not all of it', () => {
    const { after, text, whole } = versions(CASES[0].edit);
    const fresh = createUnitDocument('file:///large.service', whole, 2);
    const entry = (d: UnitDocument) => d.tree.sections.find((s) => s.name === 'Service')?.entries.find((e) => e.key === 'ExecStart');
    const inserted = insertLinesEdit(after, 'Timer', ['OnCalendar=daily']);
    const moved = moveEntryEdits(after, entry(after) as Entry, 'Timer');
    assert.equal(text.joins, 0, 'the text was joined');
    assert.deepEqual(inserted, insertLinesEdit(fresh, 'Timer', ['OnCalendar=daily']));
    assert.deepEqual(moved, moveEntryEdits(fresh, entry(fresh) as Entry, 'Timer'));
    assert.match(moved.map((e) => e.newText).join(''), /ExecStart=\/usr\/bin\/bench --config .*\\\n/);
  });

  it('completion and hover read the cursor line only', () => {
    const { after, text } = versions(CASES[0].edit);
    const context = cursorContext(after.tree, { line: execStart + 2, character: 20 });
    assert.equal(context.kind, 'value');
    assert.equal(text.joins, 0);
    const fresh = cursorContext(createUnitDocument('file:///large.service', text.slice(0, text.length), 2).tree, { line: execStart + 2, character: 20 });
    const shown = (c: CursorContext): unknown => (c.kind === 'value' ? { key: c.key, before: c.before, word: c.word, wordRange: c.wordRange, fullWord: c.fullWord, valueBeforeWord: c.valueBeforeWord } : c.kind);
    assert.deepEqual(shown(context), shown(fresh));
    assert.equal(text.joins, 0);
  });

  it('a line index over a text in parts maps offsets as one over the string', () => {
    const whole = 'a\nbc\n\ndef';
    const starts = new LineIndex(whole);
    const parts = LineIndex.spliced(new LineIndex('a\nbc\n\nde'), new CountedText(PieceText.of('a\nbc\n\nde').replaced(8, 8, 'f')), 8, 8, 9);
    for (let offset = -1; offset <= whole.length + 1; offset++) assert.deepEqual(parts.positionAt(offset), starts.positionAt(offset), `offset ${offset}`);
    for (let line = 0; line < 4; line++) {
      for (let character = 0; character < 5; character++) assert.equal(parts.offsetAt({ line, character }), starts.offsetAt({ line, character }));
      assert.deepEqual([parts.lineStart(line), parts.lineEnd(line)], [starts.lineStart(line), starts.lineEnd(line)]);
    }
    assert.deepEqual(parts.lines, starts.lines);
    assert.equal(parts.joined, false);
    assert.equal(parts.text, whole);
    assert.equal(parts.joined, true);
  });

  it('a text with edits spliced in reads, in any part, as the joined string', () => {
    const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 4 }), text: fc.string({ maxLength: 5 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(edit, { maxLength: 4 }), fc.nat(), fc.nat(), (base, raw, a, b) => {
        // Edits in text order, none overlapping the one before.
        const edits: Array<{ start: number; end: number; text: string }> = [];
        let from = 0;
        for (const e of raw) {
          const start = Math.min(base.length, from + (e.at % 7));
          const end = Math.min(base.length, start + e.removed);
          edits.push({ start, end, text: e.text });
          from = end;
        }
        let whole = '';
        let at = 0;
        for (const e of edits) {
          whole += base.slice(at, e.start) + e.text;
          at = e.end;
        }
        whole += base.slice(at);
        const spliced = new SplicedText(base, edits);
        assert.equal(spliced.length, whole.length);
        const start = a % (whole.length + 2);
        const end = b % (whole.length + 2);
        assert.equal(spliced.slice(start, end), whole.slice(start, end), `slice(${start}, ${end})`);
        assert.equal(spliced.slice(0, whole.length), whole);
        assert.equal(spliced.toString(), whole);
        assert.equal(spliced.slice(start, end), whole.slice(start, end), 'after joining');
      }),
      { numRuns: 2000 },
    );
  });
});
