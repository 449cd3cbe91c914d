import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { applyEdits, parse, reparse, type SyntaxTree, type TextEdit } from '../../server/src/core';
import { offsetEdits, spliceEdits } from '../../server/src/core/edits/apply';
import { changeBetween, readableInParts, reparsedInPart, reparsedText, revisedTree } from '../../server/src/core/syntax/reparse';
import { entryAt, entryCount } from '../../server/src/core/syntax/syntaxTree';
import { snapshotTree } from './treeSnapshot';
import { commentLines } from '../../server/src/core/syntax/commentList';
import { treeViolations } from './treeInvariants';
import { LISTED_PER_KIND } from '../../server/src/core/syntax/parseProblems';

/** Lines of unit files, mostly well formed, with the things that join or break them. */
const cleanLine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('[Unit]', '[Service]', '[Install]', '', '# c', '  ; c', '[X-Ü]') },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom('Description', 'ExecStart', 'X-K', 'A B', ' After'), fc.constantFrom('=', ' = ', '\t='), fc.constantFrom('', 'v', 'a b', '😀 x', '/bin/x \\', 'y\\\\', 'z \\', '  w  '))
      .map((p) => p.join('')),
  },
);
const line = fc.oneof(
  { weight: 12, arbitrary: cleanLine },
  { weight: 1, arbitrary: fc.constantFrom('junk', '=x', '  continued', '[Service', '\ufeffK=v', 'K=\ufffd', 'K=a\r', '\\') },
);
/**
 * Texts that load (a header first, no junk) and texts with problems of form; one in six starts
 * with a byte order mark, and one in four has its lines end in `\r\n`.
 */
const unitText = fc
  .tuple(fc.oneof(fc.array(cleanLine, { maxLength: 30 }).map((lines) => ['[Unit]', ...lines]), fc.array(line, { maxLength: 30 })), fc.boolean(), fc.nat(5), fc.nat(3))
  .map(([lines, finalBreak, bom, crlf]) => {
    const eol = crlf === 0 ? '\r\n' : '\n';
    return (bom === 0 ? '\ufeff' : '') + lines.join(eol) + (finalBreak && lines.length > 0 ? eol : '');
  });

/** What an edit writes: whole lines, parts of lines, breaks and continuations. */
const newText = fc.oneof(
  fc.constantFrom('', '\n', 'X=1\n', 'PrivateTmp=yes\n', '[Service]\n', '[Unit]\nA=b\n', '# note\n', 'v', ' \\', '\\\n', '=', '[', 'K=\\\n z', 'é😀', '\r\n', 'X=1\r\n', '[Service]\r\nA=b\r\n', '\r', 'K=\\\r\n z'),
  line.map((l) => `${l}\n`),
);

/** Up to three edits, placed anywhere in the text (line and character clamped to it). */
function editsFor(text: string): fc.Arbitrary<TextEdit[]> {
  const lines = text.split('\n');
  const position = fc.tuple(fc.nat(lines.length), fc.nat(40)).map(([l, c]) => {
    const lineNo = Math.min(l, lines.length - 1);
    return { line: lineNo, character: Math.min(c, lines[lineNo].length) };
  });
  const edit = fc.tuple(position, fc.nat(2), fc.nat(30), newText).map(([start, extraLines, endChar, text]): TextEdit => {
    const endLine = Math.min(start.line + extraLines, lines.length - 1);
    const endCharacter = Math.min(endLine === start.line ? start.character + endChar : endChar, lines[endLine].length);
    return { range: { start, end: { line: endLine, character: Math.max(endCharacter, endLine === start.line ? start.character : 0) } }, newText: text };
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 });
}

/**
 * Everything a reader of the tree may look at: the snapshot, offsets, segments' offsets, the text,
 * and the comments' lines as folding reads them (from the packed comments, before any node is made).
 */
function shape(tree: SyntaxTree): unknown {
  const commentLinesRead = commentLines(tree);
  const offsets = tree.sections.flatMap((s) => s.entries.map((e) => [e.startOffset, e.valueOffset, e.endOffset, e.segments.map((g) => g.offset), e.section === s]));
  const starts = Array.from({ length: tree.lines.lineCount }, (_, k) => tree.lines.lineStart(k));
  // The problems of form whole, their messages too: those of lines not read again are moved.
  const problems = tree.diagnostics.map((d) => ({ ...d }));
  return { snapshot: snapshotTree(tree), offsets, text: tree.text, starts, commentLinesRead, problems };
}

/** The text with the edits applied; undefined when they overlap. */
function editedText(text: string, edits: readonly TextEdit[]): string | undefined {
  try {
    return applyEdits(text, edits);
  } catch {
    return undefined;
  }
}

test('a tree parsed again in part equals the tree of the whole edited text', () => {
  let inPart = 0;
  let runs = 0;
  fc.assert(
    fc.property(
      unitText.chain((text) => fc.tuple(fc.constant(text), editsFor(text))),
      ([text, edits]) => {
        const tree = parse(text);
        let expected: string;
        try {
          expected = applyEdits(text, edits);
        } catch {
          assert.throws(() => reparse(tree, edits), /overlapping/);
          return;
        }
        runs++;
        const again = reparse(tree, edits);
        const resolved = offsetEdits(tree.lines, edits);
        if (reparsedInPart(tree, resolved, spliceEdits(text, resolved)) !== undefined) inPart++;
        assert.deepStrictEqual(shape(again), shape(parse(expected)), `for ${JSON.stringify(text)} with ${JSON.stringify(edits)}`);
        assert.deepStrictEqual(treeViolations(again), []);
      },
    ),
    { numRuns: 3000 },
  );
  // Not vacuous: many edits take the partial path (the rest make problems of form, or edit texts that have them).
  assert.ok(inPart >= runs / 6, `only ${inPart} of ${runs} edits were parsed in part`);
});

test('a trial tree of another text (a fix tried) equals the tree of that text, and the document\'s tree reads as it did', () => {
  let shared = 0;
  let runs = 0;
  fc.assert(
    fc.property(
      unitText.chain((text) => fc.tuple(fc.constant(text), editsFor(text))),
      ([text, edits]) => {
        const expected = editedText(text, edits);
        if (expected === undefined) return;
        runs++;
        const tree = parse(text);
        // Read whole first, as the document a fix is tried on has been by its own check.
        const before = shape(tree);
        const trial = reparsedText(tree, expected);
        if (trial.sections.some((section, i) => section === tree.sections[i])) shared++;
        assert.deepStrictEqual(shape(trial), shape(parse(expected)), `for ${JSON.stringify(text)} with ${JSON.stringify(edits)}`);
        assert.deepStrictEqual(treeViolations(trial), []);
        assert.deepStrictEqual(shape(tree), before);
      },
    ),
    { numRuns: 2000 },
  );
  // Not vacuous: some trials share the sections before the change (about one in sixteen: most
  // generated units have one or two sections, and edits that make problems of form are read whole).
  assert.ok(shared >= runs / 30, `only ${shared} of ${runs} trials shared a section`);
});

test('a trial on a revised tree whose moved sections are not read yet equals the tree of its text', () => {
  fc.assert(
    fc.property(
      unitText.chain((text) => fc.tuple(fc.constant(text), fc.nat(), newText, editsFor(text))),
      ([text, at, insert, edits]) => {
        // An edit near the top moves every section after it; none of them is read before the trial.
        const cut = at % (text.length + 1);
        const revisedText = text.slice(0, cut) + insert + text.slice(cut);
        const revised = revisedTree(parse(text), revisedText);
        const trialText = editedText(text, edits);
        if (trialText === undefined) return;
        const trial = reparsedText(revised, trialText);
        assert.deepStrictEqual(shape(trial), shape(parse(trialText)), `for ${JSON.stringify(revisedText)} then ${JSON.stringify(trialText)}`);
        assert.deepStrictEqual(shape(revised), shape(parse(revisedText)));
      },
    ),
    { numRuns: 1500 },
  );
});

test('the old tree is left as it was', () => {
  const text = '[Unit]\nDescription=a\n\n[Service]\nExecStart=/bin/true\n# c\n\n[Install]\nWantedBy=multi-user.target\n';
  const tree = parse(text);
  const before = shape(tree);
  const again = reparse(tree, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: 'PrivateTmp=yes\n' }]);
  assert.deepStrictEqual(shape(tree), before);
  // The section before the edit is shared, the one after it is a moved copy.
  assert.equal(again.sections[0], tree.sections[0]);
  assert.notEqual(again.sections[2], tree.sections[2]);
  assert.equal(again.sections[2].entries[0].range.start.line, 9);
  assert.equal(again.comments[0].range.start.line, 6);
});

test('a comment left where a header was edited away ends the section before it', () => {
  // The second header becomes a comment line of the first section, whose range now takes it in.
  for (const [text, edits] of [
    ['[Unit]\n  [Unit]\n  ; c\nDescription=z\n[X-Y]\n', [{ range: { start: { line: 1, character: 2 }, end: { line: 3, character: 0 } }, newText: ';' }]],
    ['[Unit]\nDescription=a\n[Service]\nExecStart=/bin/true\n', [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '#' }]],
    // Before the first section a comment belongs to none: the text after it may still be read in part.
    ['  [Unit]\n# c\n[Service]\nB=2\n', [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, newText: '#' }]],
  ] as Array<[string, TextEdit[]]>) {
    const expected = applyEdits(text, edits);
    assert.deepStrictEqual(shape(reparse(parse(text), edits)), shape(parse(expected)), JSON.stringify(expected));
    assert.deepStrictEqual(shape(reparsedText(parse(text), expected)), shape(parse(expected)), JSON.stringify(expected));
  }
});

test('text with lone carriage returns or binary data is parsed whole; lines with problems of form of their own, or that end in CRLF, are read in part', () => {
  const edits: TextEdit[] = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'C=d\n' }];
  for (const text of ['[Unit]\rA=b\rC=d\r', '[Unit]\nA=b\n\rC=d\n', '\u0001\u0002[Unit]\nA=b\n']) {
    const tree = parse(text);
    const resolved = offsetEdits(tree.lines, edits);
    assert.equal(reparsedInPart(tree, resolved, spliceEdits(text, resolved)), undefined, JSON.stringify(text));
    assert.deepStrictEqual(shape(reparse(tree, edits)), shape(parse(applyEdits(text, edits))));
  }
  for (const text of ['[Unit\nA=b\n', 'A=b\n[Unit]\n', '[Unit]\nA=b\njunk\n[Service]\nB=c\n=x\n', '[Unit]\nA=b\n[Service]\nB=c\nE=\\']) {
    const tree = parse(text);
    assert.ok(tree.diagnostics.length > 0, JSON.stringify(text));
    const resolved = offsetEdits(tree.lines, edits);
    assert.notEqual(reparsedInPart(tree, resolved, spliceEdits(text, resolved)), undefined, JSON.stringify(text));
    assert.deepStrictEqual(shape(reparse(tree, edits)), shape(parse(applyEdits(text, edits))), JSON.stringify(text));
  }
});

test('a text whose lines end in CRLF is read in part, and so are CRLF lines inserted in it', () => {
  const text = '[Unit]\r\nA=b\r\n[Service]\r\nB=c \\\r\n  d\r\n[Install]\r\nWantedBy=x\r\n';
  const tree = parse(text);
  assert.equal(tree.eol, '\r\n');
  for (const newText of ['C=d\r\n', 'C=d\n', 'E=\\\r\n f\r\n']) {
    const edits: TextEdit[] = [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText }];
    const resolved = offsetEdits(tree.lines, edits);
    assert.notEqual(reparsedInPart(tree, resolved, spliceEdits(text, resolved)), undefined, JSON.stringify(newText));
    const again = reparse(tree, edits);
    assert.deepStrictEqual(shape(again), shape(parse(applyEdits(text, edits))), JSON.stringify(newText));
    assert.equal(again.eol, '\r\n');
  }
  // An edit that leaves a lone '\r' behind (it takes away the '\n' of a CRLF) is read whole.
  const split: TextEdit[] = [{ range: { start: { line: 1, character: 3 }, end: { line: 2, character: 0 } }, newText: '\r' }];
  const resolved = offsetEdits(tree.lines, split);
  assert.equal(reparsedInPart(tree, resolved, spliceEdits(text, resolved)), undefined);
  assert.deepStrictEqual(shape(reparse(tree, split)), shape(parse(applyEdits(text, split))));
});

test('a text that starts with a byte order mark is read in part, but for an edit of its first section', () => {
  const text = '\ufeff[Unit]\nDescription=a\n[Service]\nExecStart=/bin/true\n';
  const tree = parse(text);
  assert.equal(tree.hasBom, true);
  const later: TextEdit[] = [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'PrivateTmp=yes\n' }];
  const first: TextEdit[] = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'After=x\n' }];
  for (const [edits, inPart] of [[later, true], [first, false]] as const) {
    const resolved = offsetEdits(tree.lines, edits);
    assert.equal(reparsedInPart(tree, resolved, spliceEdits(text, resolved)) !== undefined, inPart);
    const again = reparse(tree, edits);
    assert.deepStrictEqual(shape(again), shape(parse(applyEdits(text, edits))));
    assert.equal(again.hasBom, true);
  }
});

test('cases a review found: problems past the listing among the lines read again, the summary of one left out, junk where a header was', () => {
  const cases: Array<[string, { start: number; end: number; text: string }]> = [
    // 201 lines of no key inserted: parse() lists 200 and one that says how many more.
    ['[A]\nA=b\n[Service]\nB=c\n', { start: 18, end: 18, text: 'junk\n'.repeat(LISTED_PER_KIND + 1) }],
    // 201 of a kind: the 201st is the summary; taking one away elsewhere makes it a line's own again.
    [`[A]\n${'junk\n'.repeat(LISTED_PER_KIND)}[B]\njunk\n`, { start: 4, end: 9, text: '' }],
    // A header edited away: the line is the section before's, not one outside every section.
    ['[A]\n [C]\n', { start: 5, end: 6, text: '' }],
    ['[A]\n [C]\n', { start: 5, end: 6, text: '=' }],
  ];
  for (const [text, edit] of cases) {
    const tree = parse(text);
    const expected = parse(spliceEdits(text, [edit]));
    assert.deepStrictEqual(shape(reparsedInPart(tree, [edit], spliceEdits(text, [edit])) ?? expected), shape(expected), JSON.stringify([text, edit]));
    assert.deepStrictEqual(shape(reparsedText(tree, spliceEdits(text, [edit]))), shape(expected), JSON.stringify([text, edit]));
  }
});

test('typing anywhere in a line that ends in CRLF reads the lines around it only', () => {
  const text = '[Unit]\r\nDescription=abc\r\n[Service]\r\nExecStart=/bin/true\r\n';
  const tree = parse(text);
  const line = text.indexOf('Description');
  const lineEnd = text.indexOf('\r', line);
  for (let at = line; at <= lineEnd; at++) {
    for (const edit of [{ start: at, end: at, text: 'x' }, ...(at < lineEnd ? [{ start: at, end: at + 1, text: '' }] : [])]) {
      const edited = spliceEdits(text, [edit]);
      const again = reparsedInPart(tree, [edit], edited);
      assert.notEqual(again, undefined, JSON.stringify(edit));
      assert.deepStrictEqual(shape(again as SyntaxTree), shape(parse(edited)), JSON.stringify(edit));
    }
  }
});

test('more problems of a kind than are listed: the tree is parsed whole, and lists them as parse() does', () => {
  const text = `[Unit]\n${'junk\n'.repeat(LISTED_PER_KIND - 1)}[Service]\nA=b\n`;
  const tree = parse(text);
  assert.equal(tree.diagnostics.length, LISTED_PER_KIND - 1);
  // Two more of the kind after the edit: one past the listing.
  const edits: TextEdit[] = [{ range: { start: { line: LISTED_PER_KIND + 1, character: 0 }, end: { line: LISTED_PER_KIND + 1, character: 0 } }, newText: 'junk\njunk\n' }];
  const resolved = offsetEdits(tree.lines, edits);
  assert.equal(reparsedInPart(tree, resolved, spliceEdits(text, resolved)), undefined);
  const again = reparse(tree, edits);
  assert.deepStrictEqual(shape(again), shape(parse(applyEdits(text, edits))));
  assert.equal(again.diagnostics.length, LISTED_PER_KIND + 1);
  // One more is still listed in part.
  const one: TextEdit[] = [{ range: edits[0].range, newText: 'junk\n' }];
  const oneResolved = offsetEdits(tree.lines, one);
  assert.notEqual(reparsedInPart(tree, oneResolved, spliceEdits(text, oneResolved)), undefined);
  assert.deepStrictEqual(shape(reparse(tree, one)), shape(parse(applyEdits(text, one))));
});

test('each version of an editing session, revised from the one before, equals the tree of its whole text, and older versions still read as they did', () => {
  fc.assert(
    fc.property(
      unitText.chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(), fc.nat(), newText), { minLength: 1, maxLength: 6 }))),
      ([text, steps]) => {
        const versions: { tree: SyntaxTree; expected: unknown }[] = [];
        let tree = parse(text);
        versions.push({ tree, expected: shape(parse(text)) });
        for (const [at, length, insert] of steps) {
          const start = at % (tree.text.length + 1);
          const end = Math.min(tree.text.length, start + (length % 8));
          const next = tree.text.slice(0, start) + insert + tree.text.slice(end);
          tree = revisedTree(tree, next);
          versions.push({ tree, expected: shape(parse(next)) });
          // Whether the next version may be read in parts is known without searching its text, and the same.
          assert.equal(readableInParts(tree), readableInParts(parse(next)), JSON.stringify(next));
          assert.deepStrictEqual(treeViolations(tree), []);
        }
        for (const [k, version] of versions.entries()) assert.deepStrictEqual(shape(version.tree), version.expected, `version ${k} of ${JSON.stringify(text)} with ${JSON.stringify(steps)}`);
      },
    ),
    { numRuns: 1500 },
  );
});

/**
 * A unit of about 500,000 characters in sections of a few lines: values of many characters (the
 * engine shares the text under long strings cut from it) and a character beyond Latin-1, so that
 * each version of the text takes 2 bytes a character.
 */
function longUnit(): { text: string; sectionCount: number } {
  const block = (k: number) => `[Service]\nDescription=Service number ${k} — a long description\nExecStart=/usr/bin/daemon --flag-${k} --another-long-flag\n\n`;
  let text = '';
  for (let k = 0; text.length < 500_000; k++) text += block(k);
  return { text, sectionCount: text.split('[Service]').length - 1 };
}

/** How much the heap grew over 40 revisions of `text`, each made by `step`, after full collections. */
function heapGrowthOver(text: string, step: (tree: SyntaxTree, k: number) => SyntaxTree): { grown: number; last: SyntaxTree } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  let tree = parse(text);
  for (let k = 0; k < 40; k++) tree = step(tree, k);
  gc();
  return { grown: process.memoryUsage().heapUsed - before, last: tree };
}

/** The tree after an edit at `at` that writes a value long enough to be cut from the text. */
function insertedAt(tree: SyntaxTree, at: number, k: number): SyntaxTree {
  return revisedTree(tree, `${tree.text.slice(0, at)}Edit ${k} of a long description, `.concat(tree.text.slice(at)));
}

test('a document revised again and again keeps no older text alive', () => {
  const { text, sectionCount } = longUnit();
  const { grown, last } = heapGrowthOver(text, (tree, k) => {
    // An edit in a different section each time.
    const next = insertedAt(tree, tree.sections[(k * 7919) % sectionCount].entries[0].valueOffset, k);
    for (const s of next.sections) for (const e of s.entries) void e.segments;
    return next;
  });
  // The latest text and the first one (what the first parse cut its strings from), 2 bytes a
  // character, and the tree; 40 versions kept alive would be over 40 MB.
  assert.ok(grown < 12 * 1024 * 1024, `the heap grew by ${(grown / 1048576).toFixed(1)} MB`);
  assert.equal(last.sections.length, sectionCount);
});

test('a moved section reads the same whether its lines are read one by one, all at once or not at all between edits', () => {
  fc.assert(
    fc.property(
      unitText.chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(), fc.nat(), newText, fc.nat(), fc.constantFrom('none', 'one', 'count', 'all')), { minLength: 1, maxLength: 6 }))),
      ([text, steps]) => {
        let tree = parse(text);
        for (const [at, length, insert, pick, read] of steps) {
          const start = at % (tree.text.length + 1);
          const end = Math.min(tree.text.length, start + (length % 8));
          const next = tree.text.slice(0, start) + insert + tree.text.slice(end);
          tree = revisedTree(tree, next);
          const fresh = parse(next);
          assert.equal(tree.sections.length, fresh.sections.length);
          if (tree.sections.length === 0) continue;
          const k = pick % tree.sections.length;
          const section = tree.sections[k];
          if (read === 'count') assert.equal(entryCount(section), fresh.sections[k].entries.length);
          if (read === 'one') {
            const i = pick % (entryCount(section) + 1);
            const one = entryAt(section, i);
            assert.equal(one === undefined, i >= fresh.sections[k].entries.length);
            if (one !== undefined) {
              assert.equal(one.section, section);
              assert.deepStrictEqual([one.key, one.value, one.startOffset, one.valueOffset, one.endOffset], [fresh.sections[k].entries[i].key, fresh.sections[k].entries[i].value, fresh.sections[k].entries[i].startOffset, fresh.sections[k].entries[i].valueOffset, fresh.sections[k].entries[i].endOffset]);
              // The copy made for one line is the one the whole list gives.
              assert.equal(section.entries[i], one);
              assert.equal(entryAt(section, i), one);
            }
          }
          if (read === 'all') void section.entries.map((e) => e.segments);
        }
        assert.deepStrictEqual(shape(tree), shape(parse(tree.text)));
      },
    ),
    { numRuns: 1000 },
  );
});

test('sections moved by an edit keep no older text alive, whichever of their lines were read', () => {
  const { text, sectionCount } = longUnit();
  const { grown, last } = heapGrowthOver(text, (tree, k) => {
    // An edit near the top moves every section below it; a different one of those is read whole,
    // another in part, and the rest not at all, before the next edit moves them again.
    const next = insertedAt(tree, tree.sections[k % 3].entries[0].valueOffset, k);
    for (const e of next.sections[sectionCount - 1 - k].entries) void e.segments;
    void entryAt(next.sections[sectionCount - 100 - k], 1)?.segments;
    return next;
  });
  assert.ok(grown < 12 * 1024 * 1024, `the heap grew by ${(grown / 1048576).toFixed(1)} MB`);
  assert.deepStrictEqual(shape(last), shape(parse(last.text)));
});

test('the change between two versions is the one a revision made, and is worked out for other trees', () => {
  const first = parse('[Unit]\nDescription=a\n');
  const second = revisedTree(first, '[Unit]\nDescription=abc\n');
  assert.deepStrictEqual(changeBetween(first, second), { start: 20, end: 20, text: 'bc' });
  // Not made from each other: compared as texts.
  const other = parse('[Unit]\nDescription=a\n');
  assert.deepStrictEqual(changeBetween(other, second), { start: 20, end: 20, text: 'bc' });
  assert.deepStrictEqual(changeBetween(second, first), { start: 20, end: 22, text: '' });
  assert.equal(changeBetween(first, other), undefined);
});
