/**
 * Reads the scope fixtures in test/fixtures/grammar/*.scopes and checks them
 * against tokens.
 *
 * Format (one directive per line, blank lines ignored):
 *
 *     // a note about the fixture
 *     === title of a case
 *     | Source line (everything after "| " is the line, blanks kept; "|" alone is an empty line)
 *     > `text` scope        every character of `text` carries `scope` (or a more specific one)
 *     = `text` scope        as ">", and `text` starts and ends where tokens do (no more, no less is scoped)
 *     ! `text` scope        no character of `text` carries `scope`
 *
 * `text` is the first occurrence in the case; `2:`text`` looks on the case's
 * second line only, and `text`#3 takes the third occurrence.
 */
import { hasScope, tokenAt, type Token } from './textmate';

export type AssertionKind = 'has' | 'exact' | 'not';

export interface ScopeAssertion {
  kind: AssertionKind;
  text: string;
  /** 1-based line of the case to search in; undefined = all lines. */
  line?: number;
  /** 1-based occurrence. */
  occurrence: number;
  scope: string;
  /** Where the assertion is written, for messages. */
  where: string;
}

export interface ScopeCase {
  title: string;
  where: string;
  lines: string[];
  assertions: ScopeAssertion[];
}

const KINDS: Record<string, AssertionKind> = { '>': 'has', '=': 'exact', '!': 'not' };
const ASSERTION = /^([>=!]) +(?:(\d+):)?`([^`]+)`(?:#(\d+))? +(\S+) *$/;

export function parseScopeFixture(fileName: string, content: string): ScopeCase[] {
  const cases: ScopeCase[] = [];
  let current: ScopeCase | undefined;
  const lines = content.split('\n');
  lines.forEach((raw, index) => {
    const where = `${fileName}:${index + 1}`;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('//')) return;
    if (line.startsWith('=== ')) {
      current = { title: line.slice(4).trim(), where, lines: [], assertions: [] };
      cases.push(current);
      return;
    }
    if (!current) throw new Error(`${where}: directive before the first "=== title" line`);
    if (line === '|' || line.startsWith('| ')) {
      if (current.assertions.length > 0) throw new Error(`${where}: source line after assertions in "${current.title}"`);
      current.lines.push(line.slice(2));
      return;
    }
    const m = ASSERTION.exec(line);
    if (!m) throw new Error(`${where}: cannot read ${JSON.stringify(line)}`);
    current.assertions.push({
      kind: KINDS[m[1]],
      line: m[2] === undefined ? undefined : Number(m[2]),
      text: m[3],
      occurrence: m[4] === undefined ? 1 : Number(m[4]),
      scope: m[5],
      where,
    });
  });
  for (const c of cases) {
    if (c.lines.length === 0) throw new Error(`${c.where}: case "${c.title}" has no source line`);
    if (c.assertions.length === 0) throw new Error(`${c.where}: case "${c.title}" asserts nothing`);
  }
  return cases;
}

export interface Located {
  line: number;
  start: number;
  end: number;
}

/** Finds the assertion's text in the case's lines (0-based line and columns). */
export function locate(lines: readonly string[], a: ScopeAssertion): Located | undefined {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (a.line !== undefined && i !== a.line - 1) continue;
    for (let at = lines[i].indexOf(a.text); at >= 0; at = lines[i].indexOf(a.text, at + 1)) {
      seen++;
      if (seen === a.occurrence) return { line: i, start: at, end: at + a.text.length };
    }
  }
  return undefined;
}

/** Returns a failure message, or undefined when the assertion holds. */
export function checkAssertion(lines: readonly string[], tokens: readonly Token[][], a: ScopeAssertion): string | undefined {
  const at = locate(lines, a);
  if (!at) return `${a.where}: \`${a.text}\`${a.occurrence > 1 ? `#${a.occurrence}` : ''} not found in the case`;
  const lineTokens = tokens[at.line];
  const carries = (column: number): boolean => hasScope(tokenAt(lineTokens, column), a.scope);
  const columns = [];
  for (let c = at.start; c < at.end; c++) columns.push(c);
  const label = `${a.where}: \`${a.text}\` (line ${at.line + 1}, columns ${at.start}-${at.end})`;
  if (a.kind === 'not') {
    const bad = columns.filter(carries);
    return bad.length ? `${label} must not carry ${a.scope} (it does at columns ${bad.join(',')})` : undefined;
  }
  const missing = columns.filter((c) => !carries(c));
  if (missing.length) return `${label} must carry ${a.scope} (missing at columns ${missing.join(',')})`;
  if (a.kind === 'exact') {
    if (tokenAt(lineTokens, at.start)?.start !== at.start) return `${label}: the token starts before the text`;
    if (tokenAt(lineTokens, at.end - 1)?.end !== at.end) return `${label}: the token goes on after the text`;
  }
  return undefined;
}
