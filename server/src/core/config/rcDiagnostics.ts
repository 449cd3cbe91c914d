/**
 * Problems of a `.unitguardrc` text, on the lines that have them: keys the file does not take
 * (with the key or rule meant, when one is close), values they do not take, rule ids nothing
 * answers to, and a security policy file that cannot be used. Reads the text the way the INI
 * reader of the node side does (`key = value`, `[section]`, `;` and `#` comments); finding the
 * policy file is left to the caller.
 */
import { NOTE_IS_NOT_A_RULE, TOO_MANY_PROBLEMS } from '../features/problemLimit';
import { SYSTEMD_VERSION_RANGE } from '../settings';
import type { Diagnostic, Range } from '../types';
import { parseRuleLevel } from './overrides';
import { suggestions, bestSuggestion } from '../rules/similarity';
import { RETIRED_RULES, configurableIds, isConfigurableId } from '../rules/registry';
import { RC_FILE_NAME } from './rcFile';

/** The diagnostic code of every finding in a `.unitguardrc`. */
export const RC_DIAGNOSTIC_CODE = 'unitguardrc';

/** The top-level keys, with the spellings the reader also takes. */
export const RC_KEYS: Readonly<Record<string, string>> = {
  'systemd-version': 'the systemd release the units target, 200-999',
  'security-policy': 'a systemd-analyze --security-policy JSON file, relative to this file',
  root: 'true: do not read .unitguardrc files in folders above',
};
const KEY_SPELLINGS: Readonly<Record<string, string>> = { systemdVersion: 'systemd-version', systemd_version: 'systemd-version', securityPolicy: 'security-policy' };

export interface RcCheckOptions {
  /** Why the policy file a `security-policy` value names cannot be used; undefined when it can (or was not looked at). */
  policyProblem?: (value: string) => string | undefined;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function closest(word: string, candidates: Iterable<string>): string | undefined {
  return bestSuggestion(suggestions(word, candidates))?.value;
}

/** The problems of a `.unitguardrc` text, each on the key or value it is about. */
export function checkRcText(text: string, options: RcCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (range: Range, severity: Diagnostic['severity'], message: string): void => {
    out.push({ range, severity, code: RC_DIAGNOSTIC_CODE, message });
  };
  let section = '';
  const lines = text.split(/\r?\n|\r/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n] ?? '';
    const line = raw.replace(/^\uFEFF/, '');
    const offset = raw.length - line.length;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) continue;
    const indent = offset + (line.length - line.trimStart().length);
    const header = /^\[([^\]]*)\]\s*$/.exec(trimmed);
    if (header) {
      section = (header[1] ?? '').trim();
      if (section !== 'rules') push(lineRange(n, indent, indent + trimmed.length), 'warning', `[${section}] is not a section of ${RC_FILE_NAME}: only [rules] is read, and what stands under it is ignored`);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) {
      push(lineRange(n, indent, indent + trimmed.length), 'warning', `Not a setting: write key = value`);
      continue;
    }
    const key = line.slice(0, eq).trim();
    const keyStart = offset + line.indexOf(key);
    const keyRange = lineRange(n, keyStart, keyStart + key.length);
    const valueText = line.slice(eq + 1).replace(/\s[;#].*$/, '').trim();
    const valueStart = valueText === '' ? offset + eq + 1 : offset + eq + 1 + line.slice(eq + 1).indexOf(valueText);
    const valueRange = lineRange(n, valueStart, valueStart + valueText.length);
    if (section === 'rules') {
      checkRule(key, keyRange, valueText, valueRange, push);
      continue;
    }
    if (section !== '') continue;
    const name = KEY_SPELLINGS[key] ?? key;
    if (name === 'systemd-version') {
      const version = /^[0-9]+$/.test(valueText) ? Number(valueText) : NaN;
      if (!(version >= SYSTEMD_VERSION_RANGE.min && version <= SYSTEMD_VERSION_RANGE.max)) {
        push(valueRange.start.character === valueRange.end.character ? keyRange : valueRange, 'error', `'${valueText}' is not a systemd release: give a number from ${SYSTEMD_VERSION_RANGE.min} to ${SYSTEMD_VERSION_RANGE.max}; the editor's setting is used instead`);
      }
    } else if (name === 'security-policy') {
      if (valueText === '') push(keyRange, 'error', 'Give the path of a systemd-analyze --security-policy JSON file, relative to this file');
      else {
        const problem = options.policyProblem?.(valueText);
        if (problem) push(valueRange, 'error', `The security policy cannot be used (${problem}): units are not scored until it can`);
      }
    } else if (name === 'root') {
      if (!/^(true|false|yes|no|1|0|on|off)$/i.test(valueText)) push(valueRange.start.character === valueRange.end.character ? keyRange : valueRange, 'warning', `root takes true or false; '${valueText}' counts as false`);
    } else if (isConfigurableId(key)) {
      push(keyRange, 'warning', `'${key}' is a rule: it is read under [rules], not here`);
    } else {
      const meant = closest(key, Object.keys(RC_KEYS)) ?? closest(key, configurableIds());
      const hint = meant === undefined ? '' : meant in RC_KEYS ? `; did you mean '${meant}'?` : `; did you mean the rule '${meant}', under [rules]?`;
      push(keyRange, 'warning', `'${key}' is not a setting of ${RC_FILE_NAME} (it takes ${Object.keys(RC_KEYS).join(', ')} and a [rules] section)${hint}`);
    }
  }
  return out;
}

function checkRule(id: string, keyRange: Range, value: string, valueRange: Range, push: (range: Range, severity: Diagnostic['severity'], message: string) => void): void {
  if (parseRuleLevel(value) === undefined) {
    push(valueRange.start.character === valueRange.end.character ? keyRange : valueRange, 'error', `'${value}' is not a level: give error, warning, information, hint or off; the line is ignored`);
  }
  if (Object.prototype.hasOwnProperty.call(RETIRED_RULES, id)) {
    push(keyRange, 'warning', `Rule '${id}' is no longer reported (${RETIRED_RULES[id]}); its setting has no effect`);
  } else if (id === TOO_MANY_PROBLEMS) {
    push(keyRange, 'warning', NOTE_IS_NOT_A_RULE);
  } else if (!isConfigurableId(id)) {
    const meant = closest(id, configurableIds());
    push(keyRange, 'warning', `No rule, hardening pair or group is named '${id}'; the setting matches nothing${meant ? `; did you mean '${meant}'?` : ''}`);
  }
}
