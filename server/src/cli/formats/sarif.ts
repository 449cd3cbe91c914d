import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range, Severity } from '../../core';
import { packageInfo } from '../../node/packageInfo';
import { knownRules, type RuleInfo } from '../rules';
import { writeJsonArray } from './jsonArray';
import type { FileReport, Formatter, RunReport } from './report';

/**
 * SARIF 2.1.0, the format code-scanning services read. Locations are
 * relative to the folder the command ran in (`%SRCROOT%`) when the file lies
 * below it; regions are 1-based and columns count UTF-16 code units.
 */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export function toSarif(run: RunReport): object {
  const { log, list, results } = sarifLog(run);
  for (const result of results()) list.push(result);
  return log;
}

/**
 * The log of a run with an empty list of results, and the results, made one at a time. A code
 * that no rule of the table has becomes a rule of its own, in the order the results name them.
 */
function sarifLog(run: RunReport): { log: object; list: object[]; results: () => Iterable<object> } {
  const info = packageInfo();
  const rules = knownRules();
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  for (const file of run.files) {
    for (const diagnostic of file.diagnostics) {
      if (ruleIndex.has(diagnostic.code)) continue;
      ruleIndex.set(diagnostic.code, rules.length);
      rules.push({ id: diagnostic.code, defaultSeverity: diagnostic.severity, description: '' });
    }
  }
  const list: object[] = [];
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'UnitGuard',
            version: info.version,
            semanticVersion: info.version,
            ...(info.homepage ? { informationUri: info.homepage } : {}),
            rules: rules.map(toRule),
          },
        },
        invocations: [
          {
            executionSuccessful: run.errors.length === 0,
            toolExecutionNotifications: run.errors.map((error) => ({
              level: 'error',
              message: { text: `${error.path}: ${error.message}` },
            })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(run.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: list,
      },
    ],
  };
  function* results(): Iterable<object> {
    for (const file of run.files) {
      const location = artifactLocation(file, run.cwd);
      for (const diagnostic of file.diagnostics) yield toResult(diagnostic, location, ruleIndex.get(diagnostic.code) as number);
    }
  }
  return { log, list, results };
}

/** Words of rule ids that are written in capitals. */
const ACRONYMS: Record<string, string> = { bom: 'BOM', nul: 'NUL', utf8: 'UTF-8', uri: 'URI', id: 'ID' };

function toRule(rule: RuleInfo): object {
  const words = rule.id.split('-').map((word) => ACRONYMS[word] ?? word);
  const title = words.join(' ');
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: title.charAt(0).toUpperCase() + title.slice(1) },
    ...(rule.description ? { fullDescription: { text: rule.description } } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function toResult(diagnostic: Diagnostic, location: SarifArtifactLocation, index: number): object {
  const fixes = diagnostic.fixes ?? [];
  return {
    ruleId: diagnostic.code,
    ruleIndex: index,
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: toRegion(diagnostic.range) } }],
    ...(fixes.length > 0
      ? {
          fixes: fixes.map((fix) => ({
            description: { text: fix.title },
            // safe: applied by `check --fix`; review: changes the sandbox (mayBreak: what its new restrictions may break).
            properties: { risk: fix.risk ?? 'review', ...(fix.mayBreak !== undefined ? { mayBreak: fix.mayBreak } : {}) },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: fix.edits.map((edit) => ({
                  deletedRegion: toRegion(edit.range),
                  insertedContent: { text: edit.newText },
                })),
              },
            ],
          })),
        }
      : {}),
  };
}

/** 0-based LSP range to a 1-based SARIF region; the end column is the one after the last character. */
export function toRegion(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactLocation(file: FileReport, cwd: string): SarifArtifactLocation {
  if (file.absolutePath === undefined) return { uri: encodeSegments(file.path.split(/[\\/]/)), uriBaseId: SRCROOT };
  const rel = relative(cwd, file.absolutePath);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { uri: pathToFileURL(file.absolutePath).href };
  }
  return { uri: encodeSegments(rel.split(sep)), uriBaseId: SRCROOT };
}

/**
 * A relative URI reference from path segments: everything but RFC 3986's
 * unreserved characters and a few harmless sub-delimiters is percent-encoded,
 * so backslashes, `%`, `#`, `?`, `:` and spaces in file names survive.
 */
export function encodeSegments(segments: readonly string[]): string {
  return segments
    .map((segment) =>
      Array.from(new TextEncoder().encode(segment), (byte) => {
        const c = String.fromCharCode(byte);
        return /[A-Za-z0-9\-._~!$&'()*+,;=@]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }).join(''),
    )
    .join('/');
}

function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The results list as `JSON.stringify` lays out an empty one: the last property of the run. */
const NO_RESULTS = '"results": []';

/**
 * `JSON.stringify(toSarif(run), null, 2)`, with the results written one at a time: a large
 * report is never held whole as one object or one string.
 */
export const sarifFormatter: Formatter = {
  showsFixes: true,
  printsAtEnd: true,
  file: () => undefined,
  end: (run, write) => {
    const { log, results } = sarifLog(run);
    const text = `${JSON.stringify(log, null, 2)}\n`;
    // The last one: a message that quotes the words has its quotes escaped.
    const at = text.lastIndexOf(NO_RESULTS);
    writeJsonArray(`${text.slice(0, at)}"results": `, results(), 3, text.slice(at + NO_RESULTS.length), write);
  },
};
