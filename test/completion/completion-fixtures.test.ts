/**
 * Table-driven completion tests: every case in test/fixtures/completion/*.txt
 * runs `complete` at the `|` cursor and checks its expectations. Docs
 * (`doc`, `has-doc`, `doc-excludes`) are the ones `resolveCompletion` gives
 * for the item's `data`, and the `detail` the one `completionDetail` gives,
 * as an editor gets them on completionItem/resolve.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, createUnitDocument, resolveCompletion, type UnitCompletionItem } from '../../server/src/core';
import { completionDetail } from '../../server/src/core/features/completion';
import { list, pair, readCases } from './fixtureCases';

/** The items in the order an editor shows them before filtering: by sortText, then label. */
export function ordered(items: readonly UnitCompletionItem[]): UnitCompletionItem[] {
  return [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : a.label.localeCompare(b.label)));
}

const cases = readCases('completion');

describe('completion fixtures', () => {
  test('there are fixture cases', () => {
    assert.ok(cases.length >= 40, `found ${cases.length} cases`);
  });

  for (const c of cases) {
    test(c.title, () => {
      const document = createUnitDocument(c.uri, c.text, 1);
      const unitsLine = c.expectations.find((e) => e.key === 'units');
      const items = ordered(complete(document, c.cursor, { systemdVersion: c.systemdVersion }, { workspaceUnits: unitsLine ? list(unitsLine.value) : [] }));
      const labels = items.map((i) => i.label);
      for (const item of items) assert.ok(!('documentation' in item) && !('detail' in item), `${item.label}: the item carries docs or a detail`);
      const docOf = (item: UnitCompletionItem): string => resolveCompletion(item.data, { systemdVersion: c.systemdVersion }) ?? '';
      const find = (label: string, where: number): UnitCompletionItem => {
        const item = items.find((i) => i.label === label);
        assert.ok(item, `line ${where}: no item "${label}" among ${labels.slice(0, 40).join(' ')}${labels.length > 40 ? ' …' : ''}`);
        return item;
      };
      for (const { key, value, line } of c.expectations) {
        const at = `line ${line}`;
        switch (key) {
          case 'units':
            break;
          case 'includes':
            for (const label of list(value)) find(label, line);
            break;
          case 'excludes':
            for (const label of list(value)) assert.ok(!labels.includes(label), `${at}: "${label}" is offered but should not be`);
            break;
          case 'empty':
            assert.deepStrictEqual(labels, [], `${at}: expected no items`);
            break;
          case 'count-min':
            assert.ok(items.length >= Number(value), `${at}: ${items.length} items, expected at least ${value}`);
            break;
          case 'first':
            assert.equal(labels[0], value, `${at}: first item; the list starts ${labels.slice(0, 8).join(' ')}`);
            break;
          case 'top': {
            // `top: 5 = a, b` — these labels are among the first five.
            const [n, names] = pair(value, '=');
            for (const label of list(names)) {
              const index = labels.indexOf(label);
              assert.ok(index >= 0 && index < Number(n), `${at}: "${label}" is at ${index}, expected among the first ${n}: ${labels.slice(0, Number(n)).join(' ')}`);
            }
            break;
          }
          case 'before': {
            const [a, b] = pair(value, '<');
            find(a, line);
            find(b, line);
            assert.ok(labels.indexOf(a) < labels.indexOf(b), `${at}: "${a}" (at ${labels.indexOf(a)}) should come before "${b}" (at ${labels.indexOf(b)})`);
            break;
          }
          case 'deprecated':
            for (const label of list(value)) assert.equal(find(label, line).deprecated, true, `${at}: "${label}" should be marked deprecated`);
            break;
          case 'not-deprecated':
            for (const label of list(value)) assert.ok(!find(label, line).deprecated, `${at}: "${label}" should not be marked deprecated`);
            break;
          case 'command':
            for (const label of list(value)) assert.equal(find(label, line).command?.command, 'editor.action.triggerSuggest', `${at}: "${label}" should re-trigger suggest`);
            break;
          case 'no-command':
            for (const label of list(value)) assert.equal(find(label, line).command, undefined, `${at}: "${label}" should not carry a command`);
            break;
          case 'insert': {
            const [label, text] = pair(value, '=>');
            const item = find(label, line);
            assert.equal(item.textEdit.newText, text, `${at}: text inserted by "${label}"`);
            assert.equal(item.insertText, text, `${at}: insertText of "${label}"`);
            break;
          }
          case 'replaces': {
            const [label, text] = pair(value, '=>');
            const item = find(label, line);
            assert.equal(document.tree.lines.textAt(item.textEdit.range), text === '""' ? '' : text, `${at}: text replaced by "${label}"`);
            break;
          }
          case 'doc': {
            const [label, text] = pair(value, ' ~ ');
            const doc = docOf(find(label, line));
            assert.ok(doc.includes(text), `${at}: the doc of "${label}" lacks "${text}":\n${doc}`);
            break;
          }
          case 'has-doc':
            for (const label of list(value)) assert.ok(docOf(find(label, line)).trim().length > 20, `${at}: "${label}" has no doc`);
            break;
          case 'doc-excludes': {
            const [label, text] = pair(value, ' ~ ');
            const doc = docOf(find(label, line));
            assert.ok(!doc.includes(text), `${at}: the doc of "${label}" should not contain "${text}":\n${doc}`);
            break;
          }
          case 'detail': {
            const [label, text] = pair(value, ' ~ ');
            const detail = completionDetail(find(label, line).data) ?? '';
            assert.ok(detail.includes(text), `${at}: the detail of "${label}" is "${detail}", expected "${text}" in it`);
            break;
          }
          case 'kind': {
            const [label, kind] = pair(value, '=');
            assert.equal(find(label, line).kind, kind, `${at}: kind of "${label}"`);
            break;
          }
          case 'all-kind':
            assert.ok(items.length > 0, `${at}: no items`);
            for (const item of items) assert.ok(list(value).includes(item.kind), `${at}: "${item.label}" is a ${item.kind}, expected ${value}`);
            break;
          case 'all-prefix':
            assert.ok(items.length > 0, `${at}: no items`);
            for (const item of items) assert.ok(item.textEdit.newText.startsWith(value), `${at}: "${item.textEdit.newText}" does not start with "${value}"`);
            break;
          default:
            assert.fail(`${at}: unknown expectation "${key}"`);
        }
      }
    });
  }
});
