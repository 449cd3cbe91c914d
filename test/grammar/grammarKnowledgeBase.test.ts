/**
 * The grammar names some settings and specifiers itself (regular expressions
 * cannot look them up). These tests keep those lists in step with the
 * knowledge base, so a systemd update that adds a boolean setting, a command
 * setting or a specifier shows up here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { directiveNames, directiveRows, enumValues, specifiers } from '../../server/src/core/kb';
import { grammarPath } from './textmate';

const repository = (JSON.parse(readFileSync(grammarPath, 'utf8')) as { repository: Record<string, { begin?: string; patterns?: { match?: string }[] }> })
  .repository;

/** The setting names in an entry rule's `begin`: the alternation right after the line start. */
function namesOf(rule: string): string[] {
  const begin = repository[rule]?.begin ?? '';
  const m = /\*\+\(((?:[A-Za-z0-9]+\|)*[A-Za-z0-9]+)\)/.exec(begin);
  assert.ok(m, `no name list in repository.${rule}.begin`);
  return m[1].split('|').sort();
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();
/** A boolean value kind, a boolean condition, or an enumeration that also takes the boolean spellings. */
const acceptsBoolean = (name: string): boolean =>
  directiveRows.some((r) => r.name === name && r.valueKind.forms.some((f) => f.type === 'boolean' || (f.type === 'condition' && f.operand === 'boolean'))) ||
  enumValues(name)?.booleanTrue !== undefined ||
  enumValues(name)?.acceptsBoolean === true;
/** Settings systemd no longer reads but still accepts (ignored with a notice), kept for old units. */
const ignored = (name: string): boolean => directiveRows.some((r) => r.name === name && r.valueKind.forms.every((f) => f.type === 'ignored'));

test('command settings are the settings whose value is a command line', () => {
  const commands = sorted(directiveRows.filter((r) => r.valueKind.forms.some((f) => f.type === 'command')).map((r) => r.name));
  assert.ok(commands.includes('ExecStart'));
  assert.deepEqual(namesOf('entry-exec'), commands);
});

test('boolean settings are the settings that accept a boolean', () => {
  const booleans = sorted(directiveNames.filter((n) => acceptsBoolean(n) && !/^(Condition|Assert)/.test(n)));
  assert.ok(booleans.length > 50);
  const inGrammar = namesOf('entry-boolean');
  assert.deepEqual(booleans.filter((n) => !inGrammar.includes(n)), [], 'accept a boolean but are missing from the grammar');
  assert.deepEqual(
    inGrammar.filter((n) => !booleans.includes(n) && !(directiveNames.includes(n) && ignored(n))),
    [],
    'listed in the grammar but take no boolean',
  );
});

test('boolean conditions are the conditions that take a boolean', () => {
  const begin = repository['entry-condition-boolean']?.begin ?? '';
  const m = /\(\?:Condition\|Assert\)\(\?:([A-Za-z|]+)\)/.exec(begin);
  assert.ok(m, 'no condition list in repository.entry-condition-boolean.begin');
  const inGrammar = sorted(m[1].split('|').flatMap((s) => [`Condition${s}`, `Assert${s}`]));
  const booleans = sorted(directiveNames.filter((n) => /^(Condition|Assert)/.test(n) && acceptsBoolean(n)));
  assert.deepEqual(booleans.filter((n) => !inGrammar.includes(n)), []);
  assert.deepEqual(inGrammar.filter((n) => !directiveNames.includes(n)), []);
});

test('specifier letters match the knowledge base', () => {
  const patterns = repository.specifier?.patterns ?? [];
  const letters = patterns.flatMap((p) => {
    const m = /^%\[([A-Za-z]+)\]$/.exec(p.match ?? '');
    return m ? [...m[1]] : [];
  });
  assert.ok(patterns.some((p) => p.match === '%%'), 'no rule for %%');
  assert.deepEqual(sorted(letters), sorted(specifiers.filter((s) => s.letter !== '%').map((s) => s.letter)));
});
