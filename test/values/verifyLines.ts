/**
 * What `systemd-analyze verify` says about each line of unit files: one unit carries hundreds of
 * settings, one run of verify reads many units, and verify names the line of every value it
 * refuses. A setting whose parser fails fatally stops the parse of its unit at its line; the lines
 * after it are read again in another round.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyzer, type Analyzer } from '../security/support';

export interface ProbeLine {
  readonly section: string;
  readonly key: string;
  readonly value: string;
}

/** A unit file to write: its name, the probe lines, and lines each round writes first (per section). */
export interface ProbeFile {
  readonly name: string;
  readonly lines: readonly ProbeLine[];
  readonly preamble?: Readonly<Record<string, readonly string[]>>;
}

/**
 * - `accepted`: verify said nothing about the line, or only something that is no verdict on the value;
 * - `rejected`: it refused the value (or an item of it), or stopped the parse there;
 * - `unknown-key`: the release does not know the setting in that section;
 * - `not-applied`: the release knows the setting but no longer (or, in this build, does not) apply it.
 */
export type Verdict = 'accepted' | 'rejected' | 'unknown-key' | 'not-applied';

export interface LineVerdict {
  readonly verdict: Verdict;
  /** What verify said about the line. */
  readonly messages: readonly string[];
}

/** Messages about a setting rather than its value, or warnings on a value systemd applies: no verdict. */
const NOT_ABOUT_THE_VALUE: readonly RegExp[] = [
  // Deprecated settings and spellings, still applied.
  /^Unit uses [A-Za-z]+=.*(please use|is deprecated)/,
  /^Unit uses KillMode=none/,
  /is obsolete, automatically updating to/,
  /^Unit dependency type [A-Za-z]+= is obsolete, replacing by/,
  /^[A-Za-z]+= is deprecated/,
  /^Setting [A-Za-z]+= is deprecated/,
  // Applied, with a word of caution.
  /^Special user nobody configured, this is not safe!/,
];

/** The setting is known but has no effect in this release or build. */
const NOT_APPLIED: readonly RegExp[] = [/^Support for option [A-Za-z]+= has been (removed|disabled)/, /has been disabled at compile time/, /^Support for option .* is not compiled in/];

function verdictOf(messages: readonly string[], fatal: boolean): Verdict {
  if (messages.some((m) => /^Unknown key (name )?'/.test(m))) return 'unknown-key';
  if (messages.some((m) => NOT_APPLIED.some((p) => p.test(m)))) return 'not-applied';
  if (fatal) return 'rejected';
  return messages.some((m) => !NOT_ABOUT_THE_VALUE.some((p) => p.test(m))) ? 'rejected' : 'accepted';
}

/** The unit's text, grouped by section in first-seen order, and the 1-based line of each probe. */
export function unitText(lines: readonly ProbeLine[], preamble: Readonly<Record<string, readonly string[]>> = {}): { text: string; lineOf: number[] } {
  const out: string[] = [];
  const lineOf: number[] = new Array(lines.length);
  const sections = [...new Set([...Object.keys(preamble), ...lines.map((l) => l.section)])];
  for (const section of sections) {
    out.push(`[${section}]`, ...(preamble[section] ?? []));
    lines.forEach((l, i) => {
      if (l.section !== section) return;
      out.push(`${l.key}=${l.value}`);
      lineOf[i] = out.length;
    });
  }
  return { text: out.join('\n') + '\n', lineOf };
}

const escape = (text: string) => text.replace(/[.\\+*?()[\]{}|^$]/g, '\\$&');

/** verify's verdict on each probe line of each file (same order as given). */
export function verifyFiles(analyzer: Analyzer, files: readonly ProbeFile[]): LineVerdict[][] {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-values-'));
  const verdicts = files.map((f) => new Array<LineVerdict>(f.lines.length));
  let pending = files.map((f) => f.lines.map((_, i) => i));
  try {
    for (let round = 0; pending.some((p) => p.length > 0); round++) {
      assert.ok(round < 400, `the parser keeps stopping`);
      const written = files.flatMap((file, f) => {
        const todo = pending[f] as number[];
        if (todo.length === 0) return [];
        const { text, lineOf } = unitText(
          todo.map((i) => file.lines[i] as ProbeLine),
          file.preamble,
        );
        writeFileSync(join(dir, file.name), text);
        return [{ f, file, todo, lineOf }];
      });
      // Without --recursive-errors=no: with it, verify does not resolve dependencies, and so never
      // checks the unit names of Requires=, After=, ...
      const r = runAnalyzer({ ...analyzer, env: { ...analyzer.env, SYSTEMD_LOG_LEVEL: 'notice' } }, ['verify', '--man=no', ...written.map((w) => join(dir, w.file.name))]);
      // 247 colours its messages even into a pipe.
      const plain = (r.stderr + r.stdout).replace(/\x1b\[[0-9;]*m/g, '');
      const next = files.map((): number[] => []);
      for (const { f, file, todo, lineOf } of written) {
        const said = new Map<number, string[]>();
        for (const m of plain.matchAll(new RegExp(`/${escape(file.name)}:(\\d+): (.*)`, 'g'))) {
          const at = Number(m[1]);
          said.set(at, [...(said.get(at) ?? []), m[2] as string]);
        }
        // "has fatal error" (247 on), "failed to load properly" (247, on other errors than
        // ENOEXEC): the parse stopped at the last line verify spoke of.
        const stopped = new RegExp(`^${escape(file.name)}: Unit configuration has fatal error|^Unit ${escape(file.name)} failed to load properly`, 'm').test(plain);
        const stoppedAt = stopped ? Math.max(0, ...said.keys()) : Infinity;
        assert.ok(stoppedAt > 0, `${file.name}: the parser stopped without naming a line:\n${plain.slice(0, 2000)}`);
        todo.forEach((index, k) => {
          const line = lineOf[k] as number;
          if (line > stoppedAt) (next[f] as number[]).push(index);
          else {
            const messages = said.get(line) ?? [];
            (verdicts[f] as LineVerdict[])[index] = { verdict: verdictOf(messages, line === stoppedAt), messages };
          }
        });
      }
      pending = next;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return verdicts;
}
