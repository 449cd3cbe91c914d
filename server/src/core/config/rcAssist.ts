/**
 * Completion and hover in a `.unitguardrc`: its keys at the top, `[rules]`, the ids a rule line
 * may name (rules, hardening pairs, groups) and the levels they take. Pure: text and position in,
 * items or markdown out.
 */
import type { RuleLevel } from '../settings';
import type { Position, Range } from '../types';
import { pairingIds as PAIRING_IDS } from '../kb';
import { RETIRED_RULES, configurableIds, ruleInfo } from '../rules/registry';
import { RC_KEYS } from './rcDiagnostics';

export type RcItemKind = 'key' | 'section' | 'rule' | 'level' | 'value';

export interface RcCompletionItem {
  label: string;
  kind: RcItemKind;
  detail: string;
  /** The text that replaces `range`. */
  newText: string;
  range: Range;
}

export interface RcHover {
  contents: string;
  range: Range;
}

/** What each level does; keyed by the settings' RuleLevel, so a level added there must be described here. */
const LEVELS: Readonly<Record<RuleLevel, string>> = {
  error: 'reported as an error',
  warning: 'reported as a warning',
  information: 'reported as information',
  hint: 'shown as a hint only (not in the Problems panel)',
  off: 'not reported',
};

const BOOLEANS: Readonly<Record<string, string>> = { true: 'stop here: folders above are not read', false: 'read the folders above too (the default)' };

const pairingIds: ReadonlySet<string> = new Set(PAIRING_IDS);

/** What a configurable id is, in a few words. */
function idDetail(id: string): string {
  const rule = ruleInfo(id);
  if (rule) return `rule (${rule.group}), ${rule.defaultSeverity} by default`;
  if (pairingIds.has(id)) return 'hardening pair';
  return 'group of rules';
}

function idDoc(id: string): string {
  const rule = ruleInfo(id);
  if (rule) return `**${id}**: ${idDetail(id)}\n\n${rule.description}`;
  if (pairingIds.has(id)) return `**${id}**: a hardening pair (one check of the \`recommends\`/\`requires-one-of\` kind); a level here applies to it alone.`;
  return `**${id}**: a group of rules; a level here applies to every rule of the group that has none of its own.`;
}

interface LineContext {
  section: string;
  line: string;
  /** Offset of "=" in the line, -1 when there is none. */
  eq: number;
}

function contextAt(text: string, position: Position): LineContext | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  const line = lines[position.line];
  if (line === undefined) return undefined;
  let section = '';
  for (let n = 0; n < position.line; n++) {
    const header = /^\s*\[([^\]]*)\]\s*$/.exec(lines[n] ?? '');
    if (header) section = (header[1] ?? '').trim();
  }
  return { section, line, eq: line.indexOf('=') };
}

/** The word (letters, digits, `-`, `_`) around `character`, with its start and end. */
function wordAt(line: string, character: number): { start: number; end: number; text: string } {
  let start = Math.min(character, line.length);
  let end = start;
  while (start > 0 && /[\w-]/.test(line[start - 1] ?? '')) start--;
  while (end < line.length && /[\w-]/.test(line[end] ?? '')) end++;
  return { start, end, text: line.slice(start, end) };
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function completeRc(text: string, position: Position): RcCompletionItem[] {
  const context = contextAt(text, position);
  if (!context) return [];
  const { section, line, eq } = context;
  const word = wordAt(line, position.character);
  const here = range(position.line, word.start, word.end);
  if (/^\s*(\[|[;#])/.test(line)) return [];
  const item = (label: string, kind: RcItemKind, detail: string, newText = label): RcCompletionItem => ({ label, kind, detail, newText, range: here });
  if (eq >= 0 && position.character > eq) {
    const key = line.slice(0, eq).trim();
    if (section === 'rules') return Object.entries(LEVELS).map(([level, what]) => item(level, 'level', what));
    if (section !== '') return [];
    if (key === 'root') return Object.entries(BOOLEANS).map(([value, what]) => item(value, 'value', what));
    return [];
  }
  if (line.slice(0, position.character).trim() !== word.text.slice(0, position.character - word.start).trim()) return [];
  if (section === 'rules') {
    return configurableIds()
      .filter((id) => !(id in RETIRED_RULES))
      .map((id) => item(id, 'rule', idDetail(id), `${id} = `));
  }
  if (section !== '') return [];
  const items = Object.entries(RC_KEYS).map(([key, what]) => item(key, 'key', what, `${key} = `));
  if (!/^\s*\[rules\]\s*$/m.test(text)) items.push(item('[rules]', 'section', 'levels for rules, hardening pairs and groups', '[rules]'));
  return items;
}

export function hoverRc(text: string, position: Position): RcHover | undefined {
  const context = contextAt(text, position);
  if (!context) return undefined;
  const { section, line, eq } = context;
  const word = wordAt(line, position.character);
  if (word.text === '') return undefined;
  const at = range(position.line, word.start, word.end);
  if (eq >= 0 && word.start > eq) {
    const level = Object.prototype.hasOwnProperty.call(LEVELS, word.text) ? LEVELS[word.text as RuleLevel] : undefined;
    return section === 'rules' && level ? { contents: `**${word.text}**: ${level}`, range: at } : undefined;
  }
  if (section === 'rules') {
    const retired = RETIRED_RULES[word.text];
    if (retired) return { contents: `**${word.text}**: no longer reported (${retired})`, range: at };
    return configurableIds().includes(word.text) ? { contents: idDoc(word.text), range: at } : undefined;
  }
  const what = section === '' ? RC_KEYS[word.text] : undefined;
  return what ? { contents: `**${word.text}**: ${what}`, range: at } : undefined;
}
