import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'node:v8';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { compact } from '../../server/src/lsp/compactStrings';
import { publishedProblems } from '../../server/src/lsp/problemLimit';

/** How the engine stores a string, as its serializer writes it: '"' one byte per character, 'c' two. */
function storage(text: string): 'one byte' | 'two bytes' {
  const bytes = serialize(text);
  // After the header (0xFF, version), padding (0) may come to align two-byte characters.
  let at = 2;
  while (bytes[at] === 0) at++;
  const tag = String.fromCharCode(bytes[at]);
  assert.ok(tag === '"' || tag === 'c', `unexpected tag ${tag}`);
  return tag === '"' ? 'one byte' : 'two bytes';
}

/**
 * A unit with an em dash, a key set twice and a misspelled key: the message about the misspelled
 * key names it as cut from that text; a setting systemd knows is named by the knowledge base's
 * own string.
 */
const WIDE = '[Unit]\nDescription=Web server — front end\nDescription=Web server\nDocumentaton=man:web(8)\n\n[Service]\nExecStart=/usr/bin/web\n';

describe('compact strings for publishing', () => {
  it('a string cut from a text with a character past U+00FF is stored two bytes per character', () => {
    // The premise of compactStrings.ts: if the engine stops doing this, compact() is no longer needed.
    assert.equal(storage(WIDE.slice(7, 18)), 'two bytes');
    assert.equal(WIDE.slice(7, 18), 'Description');
  });

  it('gives the same characters, one byte per character when they fit', () => {
    for (const text of [WIDE.slice(7, 18), `${WIDE.slice(7, 18)}= is set again`, 'Type=simple', 'é in Latin-1', '']) {
      const compacted = compact(text);
      assert.equal(compacted, text);
      assert.equal(storage(compacted), 'one byte', JSON.stringify(text));
    }
  });

  it('keeps characters past U+00FF, lone surrogates included', () => {
    for (const text of ['— a dash', 'emoji 🙂', 'lone \ud800 surrogate', '\u{10FFFF}']) assert.equal(compact(text), text);
  });

  it('the published diagnostics of a unit with a wide character are stored one byte per character', () => {
    const uri = 'file:///wide.service';
    const found = diagnose(createUnitDocument(uri, WIDE, 1));
    const published = publishedProblems(found, uri, 1000);
    assert.ok(published.some((d) => d.code === 'duplicate-directive'), 'the repeated Description= is reported');
    const unknown = found.find((d) => d.code === 'unknown-directive');
    assert.ok(unknown, 'the misspelled Documentaton= is reported');
    assert.equal(storage(unknown.message), 'two bytes', "the core's message, built from the text");
    // A known key is the knowledge base's string, not a cut from the text: its message is narrow from the start.
    assert.equal(storage(found.find((d) => d.code === 'duplicate-directive')!.message), 'one byte', 'the message about a known key');
    assert.deepEqual(published.map((d) => d.message), found.map((d) => d.message));
    for (const d of published) {
      assert.equal(storage(d.message), 'one byte', d.message);
      for (const r of d.relatedInformation ?? []) assert.equal(storage(r.message), 'one byte', r.message);
    }
  });
});
