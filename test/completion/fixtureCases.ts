/**
 * Reads the completion and hover fixture files. A file holds cases; each
 * starts with `## name`, has `key: value` expectation lines, a `---` line,
 * and then the unit text with `|` marking the cursor (the first `|`; unit
 * texts in fixtures avoid other `|`). Expectation keys may repeat.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from '../../server/src/core';

export const repoRoot = path.resolve(__dirname, '../../..');

export interface FixtureCase {
  /** `file.txt: name` */
  title: string;
  expectations: { key: string; value: string; line: number }[];
  /** The text without the cursor marker. */
  text: string;
  cursor: Position;
  uri: string;
  systemdVersion: number;
}

export function readCases(folder: string): FixtureCase[] {
  const dir = path.join(repoRoot, 'test', 'fixtures', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => parseCases(file, readFileSync(path.join(dir, file), 'utf8')));
}

export function parseCases(file: string, source: string): FixtureCase[] {
  const lines = source.split('\n');
  const cases: FixtureCase[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].startsWith('## ')) {
      if (lines[i].trim() !== '' && !lines[i].startsWith('#')) throw new Error(`${file}:${i + 1}: expected "## name"`);
      i++;
      continue;
    }
    const name = lines[i].slice(3).trim();
    const startLine = i + 1;
    i++;
    const expectations: FixtureCase['expectations'] = [];
    while (i < lines.length && lines[i] !== '---') {
      const line = lines[i];
      if (line.trim() !== '') {
        const colon = line.indexOf(':');
        if (colon < 0) throw new Error(`${file}:${i + 1}: expected "key: value"`);
        expectations.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), line: i + 1 });
      }
      i++;
    }
    if (i >= lines.length) throw new Error(`${file}:${startLine}: case "${name}" has no "---" line`);
    i++;
    const body: string[] = [];
    while (i < lines.length && !lines[i].startsWith('## ')) body.push(lines[i++]);
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    let raw = body.join('\n');
    const crlf = expectations.some((e) => e.key === 'eol' && e.value === 'crlf');
    if (crlf) raw = raw.replace(/\n/g, '\r\n');
    const marker = raw.indexOf('|');
    if (marker < 0) throw new Error(`${file}:${startLine}: case "${name}" has no | cursor`);
    const text = raw.slice(0, marker) + raw.slice(marker + 1);
    const beforeLines = raw.slice(0, marker).split(/\r\n|\n/);
    const cursor = { line: beforeLines.length - 1, character: beforeLines[beforeLines.length - 1].length };
    const get = (key: string) => expectations.find((e) => e.key === key)?.value;
    cases.push({
      title: `${file}: ${name}`,
      expectations: expectations.filter((e) => e.key !== 'uri' && e.key !== 'version' && e.key !== 'eol'),
      text,
      cursor,
      uri: get('uri') ?? 'file:///etc/systemd/system/example.service',
      systemdVersion: Number(get('version') ?? '262'),
    });
  }
  return cases;
}

/** `a, b, c` → ['a', 'b', 'c']. */
export function list(value: string): string[] {
  return value
    .split(', ')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** `left => right` or `left ~ right` split at the first separator. */
export function pair(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  if (at < 0) throw new Error(`expected "a ${separator} b" in "${value}"`);
  return [value.slice(0, at).trim(), value.slice(at + separator.length).trim()];
}
