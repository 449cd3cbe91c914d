/**
 * A long text with a character past U+00FF held at one byte a character (node/compactText.ts):
 * it reads as the string it was made from, the tree over it finds what the tree over the string
 * finds, and the string is let go.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, DEFAULT_SETTINGS, diagnose } from '../../server/src/core';
import { CompactText, holdCompactly, parsedCompactly } from '../../server/src/node/compactText';
import { parse, parseStandIn } from '../../server/src/core/syntax/parser';
import { ParsedTree } from '../../server/src/core/syntax/parsedTree';
import { heapAfterGc } from './heapAfterGc';
import { snapshotTree } from './treeSnapshot';

/** A small generator of the same numbers every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Characters of every width: ASCII, Latin-1, past U+00FF, the halves of a surrogate pair, breaks. */
const ALPHABET = ['a', 'Z', '=', ' ', '\n', '\r\n', 'é', 'ÿ', '\u0100', '—', '«', '中', '\ud83d\ude00', '\ufeff', '\ufffd', '\ud800', '\x00'];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += next() < 0.9 ? 'x' : ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

describe('CompactText', () => {
  test('is not made for a text with no character past U+00FF', () => {
    assert.equal(CompactText.of('[Service]\nDescription=café ÿ\n'), undefined);
    assert.equal(CompactText.of(''), undefined);
  });

  test('reads every range as the string does, across its parts (property)', () => {
    const next = random(262);
    // Longer than two parts of 65,536 characters, so that ranges cross from one to the next.
    const text = randomText(next, 140_000);
    const compact = CompactText.of(text);
    assert.ok(compact !== undefined);
    assert.equal(compact.length, text.length);
    assert.ok(compact.wideCount > 0);
    assert.equal(compact.toString(), text);
    const edges = [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, text.length - 1, text.length];
    for (const a of edges) for (const b of edges) if (a <= b) assert.equal(compact.slice(a, b), text.slice(a, b), `[${a}, ${b})`);
    for (let i = 0; i < 3000; i++) {
      const a = Math.floor(next() * (text.length + 20)) - 10;
      const b = a + Math.floor(next() * (next() < 0.1 ? 140_000 : 200));
      const from = Math.max(0, a);
      assert.equal(compact.slice(a, b), text.slice(from, Math.max(from, b)), `[${a}, ${b})`);
    }
  });
});

/** Units that hold what the tree keeps strings of: keys and section names past U+00FF, comments, continued values, a line before any section, problems of form. */
const UNITS: Record<string, string> = {
  'a hardened service with a dash in its description': '# Generated — «test»\n[Unit]\nDescription=Service — «test»\n\n[Service]\nExecStart=/usr/bin/a --b "c — d" \\\n  --e ü\nProtectSystem=strict\nProtectSystem=full\nPrivateTmp=yes\n',
  'keys and sections past U+00FF': 'Orphan—=1\n[Sérvice—]\nKey—=value\n[Service]\nExecStart=/bin/true\nBadKey中=x\nNoEquals—\n',
  'CRLF line breaks and a byte order mark': '\ufeff[Unit]\r\nDescription=a — b\r\n[Service]\r\nExecStart=/bin/true\r\nUser=中\r\n',
  'a surrogate pair and a replacement character': '[Service]\nExecStart=/bin/echo \ud83d\ude00 \ufffd\nEnvironment=A=\ud83d\ude00\n',
};

describe('a tree holding its text compactly', () => {
  for (const [name, unit] of Object.entries(UNITS)) {
    test(`finds what the tree over the string finds: ${name}`, () => {
      // Repeated, so that the unit is long and its lines go through the long units' paths too.
      const text = unit.repeat(300);
      const plain = createUnitDocument('file:///unit.service', text);
      const compact = createUnitDocument('file:///unit.service', text);
      assert.equal(holdCompactly(compact.tree, 0), true);
      assert.equal(compact.tree.lines.joined, false, 'the text is read in parts');
      assert.equal(JSON.stringify(diagnose(compact, DEFAULT_SETTINGS)), JSON.stringify(diagnose(plain, DEFAULT_SETTINGS)));
      assert.deepEqual(snapshotTree(compact.tree), snapshotTree(plain.tree));
    });
  }

  test('is made only for a long text with a character past U+00FF', () => {
    assert.equal(holdCompactly(createUnitDocument('file:///a.service', '[Service]\nDescription=é\n'.repeat(100)).tree, 0), false);
    assert.equal(holdCompactly(createUnitDocument('file:///a.service', UNITS['keys and sections past U+00FF']).tree, 1 << 20), false);
  });

  test('lets go of the string it was parsed from', () => {
    // 4 million characters at two bytes each: 8 MB while the string is alive.
    const before = heapAfterGc();
    let text: string | undefined = UNITS['a hardened service with a dash in its description'].repeat(20_000);
    const length = text.length;
    const document = createUnitDocument('file:///long.service', text);
    text = undefined;
    const parsed = heapAfterGc() - before;
    assert.equal(holdCompactly(document.tree), true);
    const compacted = heapAfterGc() - before;
    // The string at two bytes a character goes; the parts at one byte come: a byte a character less.
    assert.ok(parsed - compacted > length * 0.8, `held ${Math.round(parsed / 1e6)} MB parsed, ${Math.round(compacted / 1e6)} MB compacted, for ${Math.round(length / 1e6)} million characters`);
    assert.equal(document.tree.sections.length > 0, true);
  });
});

/** The UTF-8 bytes of a text, and the text as the unit reader decodes them. */
function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function decoded(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

describe('a text decoded from its bytes to be held compactly', () => {
  test('reads as the decoded text, from a string of one byte a character that has a stand-in where they differ', () => {
    const next = random(7);
    // Characters of one, two and three UTF-8 bytes: the ones held compactly.
    const alphabet = ['a', '=', ' ', '\n', '\r\n', 'é', 'ÿ', '\u0100', 'ſ', '—', '«', '中', '\u07ff', '\u0800', '\ufdcf', '\ufdf0', '\ufffc'];
    let text = '';
    while (text.length < 150_000) text += next() < 0.8 ? 'x' : alphabet[Math.floor(next() * alphabet.length)];
    const held = CompactText.standIn(bytesOf(text));
    assert.ok(held !== undefined);
    assert.equal(held.held.toString(), text);
    assert.equal(held.text.length, text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      assert.equal(held.text.charCodeAt(i), c <= 0xff ? c : 0xaa, `character ${i}`);
    }
    // Its UTF-8 bytes beyond the stand-in's two: one for each character from U+0800 on.
    for (const [a, b] of [[0, text.length], [100, 5_000], [70_000, 70_100]]) {
      const slice = text.slice(a, b);
      const beyond = [...slice].filter((ch) => ch.charCodeAt(0) >= 0x800).length;
      assert.equal(held.held.bytesBeyond(a, b), beyond, `[${a}, ${b})`);
    }
  });

  const NOT_HELD: Record<string, Uint8Array> = {
    'no character past U+00FF': bytesOf('[Service]\nDescription=é ÿ\n'),
    'a byte order mark': bytesOf('\ufeff[Service]\nDescription=—\n'),
    'a replacement character': bytesOf('[Service]\nDescription=— \ufffd\n'),
    'a noncharacter': bytesOf('[Service]\nDescription=— \ufdd0\n'),
    'a character past U+FFFF': bytesOf('[Service]\nDescription=— \ud83d\ude00\n'),
    'invalid UTF-8': new Uint8Array([...bytesOf('[Service]\nDescription=— '), 0xe2, 0x80, 0x0a]),
  };
  for (const [name, bytes] of Object.entries(NOT_HELD)) {
    test(`is not made for a text with ${name}`, () => {
      assert.equal(CompactText.standIn(bytes), undefined);
    });
  }
});

describe('a tree parsed from the string that stands for its text', () => {
  // The units above that can be held so (no byte order mark, no surrogate pair or U+FFFD), and what only a stand-in's parse could get wrong.
  const HELD_UNITS: Record<string, { unit: string; parsedFromStandIn: boolean }> = {
    'a hardened service with a dash in its description': { unit: UNITS['a hardened service with a dash in its description'], parsedFromStandIn: true },
    'values and comments past U+07FF, in CRLF': { unit: '; 中文 — «x»\r\n[Unit]\r\nDescription=中 — \u0800\r\n[Service]\r\nEnvironment="A=—" B=中\r\nExecStart=/bin/echo — \\\r\n  中\r\n', parsedFromStandIn: true },
    'keys and sections past U+00FF': { unit: UNITS['keys and sections past U+00FF'], parsedFromStandIn: false },
    'a key past U+00FF and no problem of form': { unit: '[Service]\nExecStart=/bin/true\nUsér—=x\n', parsedFromStandIn: false },
    'a section name past U+00FF and no problem of form': { unit: '[Sérvice—]\nKey=value\n[Service]\nExecStart=/bin/true\n', parsedFromStandIn: false },
    // 349,600 characters of three UTF-8 bytes: over systemd's limit of 1 MiB, which the stand-ins (two bytes each) are not.
    'a line past the byte limit only in UTF-8': { unit: `[Service]\nExecStart=/bin/true\nDescription=${'—'.repeat(349_600)}\n`, parsedFromStandIn: false },
    'continued lines past the byte limit only in UTF-8': { unit: `[Service]\nExecStart=/bin/true\nDescription=${`${'—'.repeat(100_000)} \\\n`.repeat(4)}x\n`, parsedFromStandIn: false },
  };
  for (const [name, { unit, parsedFromStandIn }] of Object.entries(HELD_UNITS)) {
    test(`finds what the tree of the decoded text finds: ${name}`, () => {
      const text = unit.length > 100_000 ? unit : unit.repeat(300);
      const bytes = bytesOf(text);
      const standIn = CompactText.standIn(bytes);
      assert.ok(standIn !== undefined);
      const plain = createUnitDocument('file:///unit.service', decoded(bytes));
      const tree = parsedCompactly(standIn);
      // Parsed from the stand-in string where it reads the same; otherwise the caller parses the text itself.
      assert.equal(tree !== undefined, parsedFromStandIn);
      if (tree === undefined) return;
      assert.equal(tree.lines.joined, false, 'the text is read in parts');
      const compact = { ...plain, tree };
      assert.equal(JSON.stringify(diagnose(compact, DEFAULT_SETTINGS)), JSON.stringify(diagnose(plain, DEFAULT_SETTINGS)));
      assert.deepEqual(snapshotTree(compact.tree), snapshotTree(plain.tree));
    });
  }

  test('comments made into nodes before the tree reads the text itself are read there again', () => {
    const text = '# 中文 — «x»\n[Service]\n; a — b\nExecStart=/bin/true\n'.repeat(10);
    const standIn = CompactText.standIn(bytesOf(text));
    assert.ok(standIn !== undefined);
    const tree = parseStandIn(standIn.text, (a, b) => standIn.held.bytesBeyond(a, b));
    assert.ok(tree instanceof ParsedTree);
    assert.ok(tree.comments[0].text.includes('\u00aa'), 'the nodes were made from the stand-in string');
    tree.rehome(tree.lines.over(standIn.held));
    assert.deepEqual(
      tree.comments.map((c) => c.text),
      parse(text).comments.map((c) => c.text),
    );
  });

  test('counts the bytes of the characters a stand-in is shorter than', () => {
    const text = `[Service]\nDescription=${'—'.repeat(349_600)}\n`;
    const standIn = CompactText.standIn(bytesOf(text));
    assert.ok(standIn !== undefined);
    const codes = (tree: ReturnType<typeof parse>): string[] => tree.diagnostics.map((d) => String(d.code));
    assert.ok(codes(parse(text)).includes('line-too-long'));
    assert.ok(codes(parseStandIn(standIn.text, (a, b) => standIn.held.bytesBeyond(a, b))).includes('line-too-long'));
    // Without them, the stand-ins' line is below the limit.
    assert.ok(!codes(parseStandIn(standIn.text, () => 0)).includes('line-too-long'));
  });
});
