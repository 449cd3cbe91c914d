import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as ini from 'ini';
import { parse } from '../../server/src/core';

/*
 * Differential test: on simple files, our sections, keys and values must equal
 * what the `ini` package reads. The generated files stay inside the common
 * ground of the two formats. Left out, and why:
 *
 * - Duplicate section names and duplicate keys: ini merges sections and lets
 *   the last key win; systemd keeps every assignment in order.
 * - Line continuations (a trailing backslash) and backslashes anywhere: ini
 *   reads `\;`, `\#` and `\\` as escapes; systemd joins continued lines.
 * - Quotes (`"` and `'`) in values: ini removes quotes around a value and
 *   JSON-decodes it; systemd keeps them (the setting's own parser decides).
 * - `;` and `#` after other text: ini cuts an inline comment there; systemd
 *   only knows whole-line comments, so they are part of the value.
 * - `[` and `]` in keys and values: ini turns `key[]` into an array.
 * - Dots in section names: ini nests `[a.b]` inside `a`.
 * - The values `true`, `false` and `null`: ini converts them to JSON values.
 * - Blanks before a header: ini only matches `[` at the very start of a line;
 *   systemd strips blanks first. Blanks inside the brackets at either end:
 *   ini trims the section name, systemd keeps it as written.
 * - Whitespace other than space and tab (NBSP, vertical tab, form feed, BOM,
 *   U+2028/U+2029 ...): ini trims with JavaScript's String.trim() and its
 *   regular expressions stop at U+2028/U+2029; systemd strips only space
 *   and tab (and the line breaks \n and \r).
 * - NUL bytes: a line break for systemd, an ordinary character for ini.
 * - Lines without `=`: ini stores them as `key = true`; systemd ignores them.
 *   Lines with an empty key are kept when `=` is the first character (both
 *   ignore `=value`), but not with blanks before it: ini reads ` =value` as
 *   the key '' (its key pattern needs one character before `=`, then trims).
 * - Section and root-level key names that collide: ini stores both in one
 *   object. Root-level keys (assignments before any header, which systemd
 *   ignores and we keep as orphans) use names that no section uses.
 *
 * Kept in: blanks around keys, `=` and values; blanks and `=` inside values;
 * keys with inner blanks; empty values; comment lines starting with `#` or
 * `;` after blanks; blank lines; LF, CRLF and lone CR line endings; non-ASCII
 * letters and emoji.
 */

const blanks = fc.constantFrom('', '', ' ', '\t', '  ', ' \t ');
const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const wordChar = fc.constantFrom(...(letters + '0123456789_-').split(''));
const valueChar = fc.constantFrom(...(letters + '0123456789_-+*/%@!?,.:~$&(){}<>|^`=').split(''), ' ', 'é', 'ß', '😀', '🚀');

const word = (first: string) =>
  fc.tuple(fc.constantFrom(...first.split('')), fc.string({ unit: wordChar, maxLength: 10 })).map(([a, b]) => a + b);
const sectionName = word('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const keyName = fc
  .tuple(word(letters), fc.option(word(letters), { nil: undefined }))
  .map(([a, b]) => (b === undefined ? a : `${a} ${b}`));
const rootKeyName = word('abcdefghijklmnopqrstuvwxyz').map((w) => `top${w}`);
const value = fc
  .string({ unit: valueChar, maxLength: 24 })
  .map((v) => v.trim())
  .filter((v) => v !== 'true' && v !== 'false' && v !== 'null');
const comment = fc.tuple(blanks, fc.constantFrom('#', ';'), fc.string({ unit: valueChar, maxLength: 20 })).map((p) => p.join(''));

type Line = { kind: 'assign'; key: string; value: string; text: string } | { kind: 'other'; text: string };

const assignment = (keys: fc.Arbitrary<string>) =>
  fc.tuple(blanks, keys, blanks, blanks, value, blanks).map(
    ([b1, key, b2, b3, v, b4]): Line => ({ kind: 'assign', key, value: v, text: `${b1}${key}${b2}=${b3}${v}${b4}` }),
  );
const filler = fc.oneof(
  comment.map((text): Line => ({ kind: 'other', text })),
  blanks.map((text): Line => ({ kind: 'other', text })),
  value.filter((v) => v !== '').map((v): Line => ({ kind: 'other', text: `=${v}` })),
);

/** Lines with unique keys: later duplicates are dropped. */
const block = (keys: fc.Arbitrary<string>) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: assignment(keys) }, { weight: 1, arbitrary: filler }), { maxLength: 8 }).map((lines) => {
    const seen = new Set<string>();
    return lines.filter((l) => l.kind !== 'assign' || (!seen.has(l.key) && (seen.add(l.key), true)));
  });

const file = fc
  .tuple(
    block(rootKeyName),
    fc.uniqueArray(fc.tuple(sectionName, blanks, block(keyName)), { selector: ([name]) => name, maxLength: 5 }),
    fc.array(eol, { minLength: 64, maxLength: 64 }),
  )
  .map(([root, sections, eols]) => {
    const lines: string[] = root.map((l) => l.text);
    for (const [name, trailing, body] of sections) lines.push(`[${name}]${trailing}`, ...body.map((l) => l.text));
    return lines.map((l, i) => l + eols[i % eols.length]).join('');
  });

/** Our reading, shaped like ini's result: root keys at the top, one object per section. */
function ours(text: string): Record<string, unknown> {
  const tree = parse(text);
  const out: Record<string, unknown> = {};
  for (const entry of tree.orphans) out[entry.key] = entry.value;
  for (const section of tree.sections) {
    const values: Record<string, string> = {};
    for (const entry of section.entries) values[entry.key] = entry.value;
    out[section.name] = values;
  }
  return out;
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('on simple files, sections, keys and values equal what the ini package reads', () => {
  let nonTrivial = 0;
  fc.assert(
    fc.property(file, (text) => {
      const expected = plain(ini.parse(text));
      assert.deepStrictEqual(plain(ours(text)), expected, `for ${JSON.stringify(text)}`);
      const tree = parse(text);
      assert.deepStrictEqual(
        tree.diagnostics.filter((d) => !['assignment-outside-section', 'missing-key'].includes(d.code)).map((d) => d.code),
        [],
        `for ${JSON.stringify(text)}`,
      );
      if (tree.sections.some((s) => s.entries.length > 1)) nonTrivial++;
    }),
    { numRuns: 500 },
  );
  assert.ok(nonTrivial >= 100, `only ${nonTrivial} files had a section with two or more keys`);
});

test('the comparison notices a difference (a case outside the common ground)', () => {
  // ini cuts the inline comment; systemd keeps it in the value.
  const text = '[Service]\nExecStart=/bin/echo a ; b\n';
  assert.notDeepStrictEqual(plain(ours(text)), plain(ini.parse(text)));
  assert.deepStrictEqual(ours(text), { Service: { ExecStart: '/bin/echo a ; b' } });
});
