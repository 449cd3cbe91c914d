/**
 * The places of each key's lines (syntax/keyPlaces.ts), one number a line: each tells the section
 * and the line it stands for, in reading order, over sections that are malformed, empty or not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/syntax/parser';
import { keyPlaces, lineAtPlace } from '../../server/src/core/syntax/keyPlaces';

/** A small generator of the same numbers every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const KEYS = ['ExecStart', 'User', 'ProtectSystem', 'Description', 'X-Own'];
const HEADERS = ['[Service]', '[Unit]', '[Install]', '[Broken', '[]'];

function randomUnit(next: () => number): string {
  const lines: string[] = [];
  for (let i = 0; i < 200; i++) {
    const roll = next();
    if (roll < 0.15) lines.push(HEADERS[Math.floor(next() * HEADERS.length)]);
    else if (roll < 0.2) lines.push('# a comment');
    else lines.push(`${KEYS[Math.floor(next() * KEYS.length)]}=${i}`);
  }
  return lines.join('\n');
}

describe('key places', () => {
  test('tell each line of well-formed sections, by key, in reading order (property)', () => {
    const next = random(252);
    for (let round = 0; round < 200; round++) {
      const tree = parse(randomUnit(next));
      // What the places must tell: each line of a well-formed section, with its place.
      const expected = new Map<string, string[]>();
      let order = 0;
      tree.sections.forEach((section, s) => {
        if (section.malformed) return;
        section.entries.forEach((entry, e) => {
          const list = expected.get(entry.key) ?? [];
          list.push(`${order++}: ${s}/${e}`);
          expected.set(entry.key, list);
        });
      });
      const places = keyPlaces(tree);
      const told = new Map<string, string[]>();
      const line = { section: -1, line: -1 };
      for (const [key, list] of places.byKey) {
        told.set(
          key,
          [...list].map((place) => {
            lineAtPlace(places, place, line);
            assert.equal(tree.sections[line.section].entries[line.line].key, key);
            return `${place}: ${line.section}/${line.line}`;
          }),
        );
      }
      assert.deepEqual(told, expected);
    }
  });
});
