/**
 * Docs and details through completionItem/resolve: lists carry no docs, the
 * `data` of an item leads back to the Markdown the list used to carry (the
 * same doc functions, called the same way) and to its detail line, and the
 * LSP lists stay light: `itemDefaults` for clients that apply them and full
 * items for the others, the detail left to resolve for clients that resolve
 * it, and short sort texts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, createUnitDocument, resolveCompletion, type Position, type UnitCompletionItem } from '../../server/src/core';
import { directiveRow, enumValues } from '../../server/src/core/kb';
import { addressFamilyDoc, capabilityDoc, directiveDoc, enumValueDoc, namespaceDoc, specialUnitDoc, specifierDoc, syscallGroupDoc } from '../../server/src/core/kb/docs';
import { directiveMarkdown } from '../../server/src/core/features/docs/directiveMarkdown';
import { blocks } from '../../server/src/core/features/docs/markdown';
import { sectionMarkdown } from '../../server/src/core/features/docs/sectionMarkdown';
import {
  addressFamilyMarkdown,
  capabilityMarkdown,
  enumValueMarkdown,
  errnoMarkdown,
  namespaceMarkdown,
  signalMarkdown,
  specialUnitMarkdown,
  specifierMarkdown,
  syscallGroupMarkdown,
  syscallMarkdown,
} from '../../server/src/core/features/docs/valueMarkdown';
import { completionDetail } from '../../server/src/core/features/completion';
import { rankKey, shortSortTexts } from '../../server/src/core/features/completion/ranking';
import { clientSupport, completionOptions, NO_CLIENT_SUPPORT, resolveItem, toCompletionList, type ClientSupport } from '../../server/src/lsp/handlers/completion';
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { COMPACT_COMPLETIONS, expandCompletions, sortTextAfter } from '../../client/src/compactCompletions';

const SERVICE = 'file:///etc/systemd/system/web.service';

function endOf(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function itemsAt(text: string, version: number, uri = SERVICE): UnitCompletionItem[] {
  return complete(createUnitDocument(uri, text, 1), endOf(text), { systemdVersion: version }, { workspaceUnits: ['db.service'] });
}

function itemAt(text: string, version: number, label: string, uri = SERVICE): UnitCompletionItem {
  const items = itemsAt(text, version, uri);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no "${label}" after ${JSON.stringify(text)}: ${items.slice(0, 20).map((i) => i.label).join(' ')}`);
  return item;
}

interface DocCase {
  name: string;
  text: string;
  version: number;
  label: string;
  /** The docs the list used to carry for this item: the doc function, called as the list called it. */
  before: () => string | undefined;
  /** Plain facts the docs must hold, so that both sides being empty cannot pass. */
  contains: string[];
  uri?: string;
}

const row = (name: string, section: string) => {
  const found = directiveRow(name, section);
  assert.ok(found, `${name} in [${section}]`);
  return found;
};

const DOC_CASES: DocCase[] = [
  {
    name: 'a setting',
    text: '[Service]\nProt',
    version: 262,
    label: 'ProtectSystem',
    before: () => directiveMarkdown(row('ProtectSystem', 'Service'), { detail: 'completion', systemdVersion: 262 }),
    contains: [directiveDoc('ProtectSystem')?.summary ?? 'no summary', 'systemd.exec.html#ProtectSystem='],
  },
  {
    name: 'a setting whose docs depend on the target release (256)',
    text: '[Unit]\nDefault',
    version: 256,
    label: 'DefaultDependencies',
    before: () => directiveMarkdown(row('DefaultDependencies', 'Unit'), { detail: 'completion', systemdVersion: 256 }),
    contains: ['may set up its private folders before /tmp and /var/tmp are mounted'],
  },
  {
    name: 'the same setting at 262',
    text: '[Unit]\nDefault',
    version: 262,
    label: 'DefaultDependencies',
    before: () => directiveMarkdown(row('DefaultDependencies', 'Unit'), { detail: 'completion', systemdVersion: 262 }),
    contains: ['silently becomes a disconnected tmpfs'],
  },
  {
    name: 'a value',
    text: '[Service]\nProtectSystem=',
    version: 262,
    label: 'strict',
    before: () => enumValueMarkdown('ProtectSystem', 'strict', 'completion', 262),
    contains: [enumValueDoc('ProtectSystem', 'strict') ?? 'no doc for strict'],
  },
  {
    name: 'a value newer than some releases (says when it came)',
    text: '[Service]\nPrivateTmp=',
    version: 262,
    label: 'disconnected',
    before: () => enumValueMarkdown('PrivateTmp', 'disconnected', 'completion', 262),
    contains: [`Added in systemd ${enumValues('PrivateTmp')?.values.find((v) => v.value === 'disconnected')?.since}.`],
  },
  {
    name: 'a value of a namespace-type setting (value and namespace docs)',
    text: '[Service]\nRestrictNamespaces=',
    version: 262,
    label: 'net',
    before: () => blocks(enumValueMarkdown('RestrictNamespaces', 'net', 'completion', 262), namespaceMarkdown('net', 'completion')),
    contains: [enumValueDoc('RestrictNamespaces', 'net') ?? 'no doc for net', namespaceDoc('net') ?? 'no namespace doc for net'],
  },
  {
    name: 'a system call group',
    text: '[Service]\nSystemCallFilter=',
    version: 262,
    label: '@privileged',
    before: () => syscallGroupMarkdown('@privileged', 'completion'),
    contains: [syscallGroupDoc('@privileged') ?? 'no doc for @privileged', '**Includes:**'],
  },
  {
    name: 'a system call after `~` (the label has the prefix, the docs go by the name)',
    text: '[Service]\nSystemCallFilter=~re',
    version: 262,
    label: '~reboot',
    before: () => syscallMarkdown('reboot'),
    contains: ['`reboot` · system call', '@reboot'],
  },
  {
    name: 'a capability',
    text: '[Service]\nCapabilityBoundingSet=~',
    version: 262,
    label: '~CAP_SYS_ADMIN',
    before: () => capabilityMarkdown('CAP_SYS_ADMIN', 'completion'),
    contains: [capabilityDoc('CAP_SYS_ADMIN') ?? 'no doc for CAP_SYS_ADMIN'],
  },
  {
    name: 'an address family',
    text: '[Service]\nRestrictAddressFamilies=',
    version: 262,
    label: 'AF_NETLINK',
    before: () => addressFamilyMarkdown('AF_NETLINK', 'completion'),
    contains: [addressFamilyDoc('AF_NETLINK') ?? 'no doc for AF_NETLINK'],
  },
  {
    name: 'a signal',
    text: '[Service]\nKillSignal=',
    version: 262,
    label: 'SIGTERM',
    before: () => signalMarkdown('SIGTERM'),
    contains: ['`SIGTERM` · signal 15'],
  },
  {
    name: 'an error name',
    text: '[Service]\nSystemCallErrorNumber=',
    version: 262,
    label: 'EPERM',
    before: () => errnoMarkdown('EPERM'),
    contains: ['`EPERM` · error 1'],
  },
  {
    name: 'kill',
    text: '[Service]\nSystemCallErrorNumber=',
    version: 262,
    label: 'kill',
    before: () => 'Kill the process with `SIGSYS` instead of returning an error: the default without this setting.',
    contains: ['SIGSYS'],
  },
  {
    name: 'the `~` that starts a deny-list',
    text: '[Service]\nSystemCallFilter=',
    version: 262,
    label: '~',
    before: () => 'Start an inverted list: everything except the names that follow (a deny-list for capabilities, system calls and address families).',
    contains: ['inverted list'],
  },
  {
    name: 'a well-known unit',
    text: '[Unit]\nAfter=',
    version: 262,
    label: 'network-online.target',
    before: () => specialUnitMarkdown('network-online.target', 'completion'),
    contains: [specialUnitDoc('network-online.target') ?? 'no doc for network-online.target'],
  },
  {
    name: 'a time unit',
    text: '[Service]\nRestartSec=5',
    version: 262,
    label: '5min',
    before: () => '`min`: minutes (also `minute`, `minutes`, `m`).',
    contains: ['minutes'],
  },
  {
    name: 'a size suffix',
    text: '[Service]\nMemoryMax=512',
    version: 262,
    label: '512M',
    before: () => '`M`: mebibytes (1024 K).',
    contains: ['1024 K'],
  },
  {
    name: 'a specifier',
    text: '[Service]\nExecStart=/bin/echo %',
    version: 262,
    label: '%n',
    before: () => specifierMarkdown('n', 'completion', 262),
    contains: [specifierDoc('n') ?? 'no doc for %n'],
  },
  {
    name: 'a section header',
    text: '[',
    version: 262,
    label: '[Service]',
    before: () => sectionMarkdown('Service', 'completion'),
    contains: ['systemd.service(5)'],
  },
  {
    name: 'a section offered on an empty line',
    text: '[Unit]\nDescription=x\n',
    version: 262,
    label: '[Install]',
    before: () => sectionMarkdown('Install', 'completion'),
    contains: ['systemd.unit(5)'],
  },
];

describe('the list carries no docs, resolve gives the docs it used to carry', () => {
  for (const c of DOC_CASES) {
    test(c.name, () => {
      const item = itemAt(c.text, c.version, c.label, c.uri);
      assert.ok(!('documentation' in item), 'the item carries no docs');
      assert.ok(item.data, 'the item carries data');
      assert.ok(JSON.stringify(item.data).length <= 80, `data stays small: ${JSON.stringify(item.data)}`);
      const before = c.before();
      assert.ok(before && before.length > 0, 'the old docs are not empty');
      const resolved = resolveCompletion(item.data, { systemdVersion: c.version });
      assert.equal(resolved, before);
      for (const fact of c.contains) assert.ok(resolved?.includes(fact), `the docs lack "${fact}":\n${resolved}`);
    });
  }

  test('the docs follow the target release given to resolve', () => {
    const item = itemAt('[Unit]\nDefault', 262, 'DefaultDependencies');
    assert.notEqual(resolveCompletion(item.data, { systemdVersion: 256 }), resolveCompletion(item.data, { systemdVersion: 262 }));
  });

  test('items without docs carry data for their detail only', () => {
    for (const [text, label, detail] of [
      ['[Unit]\nAfter=', 'db.service', 'unit in the workspace'],
      ['[Service]\nLimitNOFILE=', 'infinity', 'no limit'],
      ['[Service]\nNoNewPrivileges=', 'on', 'boolean: true'],
    ] as const) {
      const item = itemAt(text, 262, label);
      assert.ok(item.data, `${label} after ${text}`);
      assert.equal(resolveCompletion(item.data, { systemdVersion: 262 }), undefined, `${label}: no docs`);
      assert.equal(completionDetail(item.data), detail, `${label}: detail`);
    }
  });

  test('details that depend on the list: the security weight in deny-lists only', () => {
    const deny = itemAt('[Service]\nCapabilityBoundingSet=~', 262, '~CAP_SYS_ADMIN');
    const allow = itemAt('[Service]\nCapabilityBoundingSet=', 262, 'CAP_SYS_ADMIN');
    assert.match(completionDetail(deny.data) ?? '', /^capability 21 · security weight \d+$/);
    assert.equal(completionDetail(allow.data), 'capability 21');
    assert.match(completionDetail(itemAt('[Service]\nSystemCallFilter=~', 262, '~@privileged').data) ?? '', /^group of \d+ system calls · security weight \d+$/);
    assert.match(completionDetail(itemAt('[Service]\nSystemCallFilter=', 262, '@privileged').data) ?? '', /^group of \d+ system calls$/);
  });

  const DETAIL_ONLY: string[] = ['bool', 'kw', 'flag', 'ws'];
  const wholeLists = ['[Service]\n', '[Service]\nSystemCallFilter=', '[Service]\nCapabilityBoundingSet=~', '[Unit]\nAfter=', '[Service]\nExecStart=/bin/x %', '[', '[Service]\nRestrictNamespaces='];
  for (const text of wholeLists) {
    test(`every item after ${JSON.stringify(text)} resolves to a detail (table values: where there is one) and to docs (unless it is a plain word or a workspace unit)`, () => {
      const items = itemsAt(text, 262);
      assert.ok(items.length > 0);
      for (const item of items) {
        assert.ok(!('documentation' in item) && !('detail' in item), item.label);
        assert.ok(item.data, `${item.label}: no data`);
        // Values of a table have a detail only when there is something to say (a release, an old spelling).
        if (item.data.k !== 'val' && item.data.k !== 'nsval') assert.ok(completionDetail(item.data), `${item.label}: ${JSON.stringify(item.data)} resolves to no detail`);
        if (DETAIL_ONLY.includes(item.data.k) || (item.data.k === 'text' && item.data.n === 'infinity')) continue;
        assert.ok((resolveCompletion(item.data, { systemdVersion: 262 }) ?? '').length > 10, `${item.label}: ${JSON.stringify(item.data)} resolves to no docs`);
      }
    });
  }

  const garbage: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 0],
    ['a string', 'dir'],
    ['an array', ['dir', 'ProtectSystem']],
    ['an unknown kind', { k: 'nope', n: 'ProtectSystem' }],
    ['an inherited key as kind', { k: 'toString', n: 'x' }],
    ['a name that is not a string', { k: 'dir', n: 5, s: 'Service' }],
    ['a section that is not a string', { k: 'dir', n: 'ProtectSystem', s: 7 }],
    ['a setting without its section', { k: 'dir', n: 'ProtectSystem' }],
    ['a setting in the wrong section', { k: 'dir', n: 'ProtectSystem', s: 'Unit' }],
    ['an unknown section', { k: 'sec', n: 'Nope' }],
    ['a value without its setting', { k: 'val', n: 'strict' }],
    ['an unknown system call', { k: 'call', n: 'not_a_call' }],
    ['an unknown fixed text', { k: 'text', n: 'constructor' }],
    ['an unknown time unit', { k: 'time', n: 'fortnight' }],
  ];
  garbage.push(['a deny flag that is not 1', { k: 'cap', n: 'CAP_SYS_ADMIN', i: true }], ['a plain word that is no boolean', { k: 'bool', n: 'maybe' }]);
  for (const [name, data] of garbage) {
    test(`resolve of ${name} gives nothing`, () => {
      assert.equal(resolveCompletion(data, { systemdVersion: 262 }), undefined);
      assert.equal(completionDetail(data), undefined);
    });
  }
});

/** What a client that applies itemDefaults sees: each item with the defaults filled in. */
function withDefaults(list: CompletionList): CompletionItem[] {
  const defaults = list.itemDefaults ?? {};
  return list.items.map((item) => {
    const seen: CompletionItem = { ...item };
    if (seen.textEdit === undefined && defaults.editRange && 'start' in defaults.editRange) {
      seen.textEdit = { range: defaults.editRange, newText: item.textEditText ?? item.label };
      delete seen.textEditText;
    }
    if (seen.data === undefined && defaults.data !== undefined) seen.data = defaults.data;
    if (seen.insertTextFormat === undefined && defaults.insertTextFormat !== undefined) seen.insertTextFormat = defaults.insertTextFormat;
    return seen;
  });
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

const ALL_DEFAULTS: ClientSupport = { editRange: true, insertTextFormat: true, data: true, resolvesDetail: true, triggerSuggest: false, compact: false };
const VSCODE: ClientSupport = { ...ALL_DEFAULTS, triggerSuggest: true };
/** This product's VS Code extension: compact lists, which its middleware expands. */
const EXTENSION: ClientSupport = { ...VSCODE, compact: true };

interface PayloadCase {
  name: string;
  text: string;
  /** Items in the list, as the core computes them. */
  count: number;
  /**
   * Most JSON bytes of the list. The docs used to make these lists 214 to
   * 270 KB, and the detail lines and seven-digit sort texts 50 and 46 KB
   * for VS Code; what is left is one entry per item (label, kind, a sort
   * text of two characters, and the edit text where it is not the label)
   * plus, for VS Code, the command that re-opens the suggestions after a
   * setting (about 11.8 KB of the first list). Clients that keep the detail
   * in the list, or cannot take itemDefaults, get heavier lists. The compact
   * lists this product's extension asks for leave the edit text and the
   * command out of setting items, and the kind and sort text out of an item
   * whose are those the item before it implies (17.8 and 29.0 KB before the
   * last two: 14.6 and 14.3 KB).
   */
  budget: { defaults: number; vsCode: number; extension: number; fullResolving: number; fullWithDetail: number; defaultsWithDetail: number };
}

const PAYLOAD_CASES: PayloadCase[] = [
  {
    name: 'an empty line in [Service]',
    text: '[Service]\n',
    count: 289,
    budget: { defaults: 26_000, vsCode: 38_000, extension: 15_000, fullResolving: 60_000, fullWithDetail: 71_000, defaultsWithDetail: 37_000 },
  },
  {
    name: 'after SystemCallFilter=',
    text: '[Service]\nSystemCallFilter=',
    count: 592,
    budget: { defaults: 30_000, vsCode: 30_000, extension: 15_000, fullResolving: 108_000, fullWithDetail: 122_000, defaultsWithDetail: 44_000 },
  },
];

describe('LSP lists: light, and the same items', () => {
  for (const c of PAYLOAD_CASES) {
    const items = itemsAt(c.text, 262);
    const variants: [string, ClientSupport, number][] = [
      ['itemDefaults, detail on resolve', ALL_DEFAULTS, c.budget.defaults],
      ['VS Code: itemDefaults, detail on resolve, re-trigger command', VSCODE, c.budget.vsCode],
      ['our extension: compact, expanded by its middleware', EXTENSION, c.budget.extension],
      ['no itemDefaults, detail on resolve', { ...NO_CLIENT_SUPPORT, resolvesDetail: true }, c.budget.fullResolving],
      ['no itemDefaults, detail in the list (Neovim 0.7, Eglot)', NO_CLIENT_SUPPORT, c.budget.fullWithDetail],
      ['itemDefaults, detail in the list', { ...ALL_DEFAULTS, resolvesDetail: false }, c.budget.defaultsWithDetail],
    ];
    for (const [variant, support, budget] of variants) {
      test(`${c.name} (${variant}): at most ${budget} bytes, no docs, the same items, edits and filter texts`, () => {
        assert.equal(items.length, c.count);
        const list = toCompletionList(items, support);
        const size = bytes(list);
        assert.ok(size <= budget, `${size} bytes, budget ${budget}`);
        assert.ok(!JSON.stringify(list).includes('"documentation"'), 'no docs in the list');
        assert.equal(list.isIncomplete, false);
        assert.equal(list.items.length, items.length);
        // The extension's middleware runs on what vscode-languageclient made of the list, defaults applied.
        const applied = support.editRange ? withDefaults(list) : list.items;
        const seen = support.compact ? expandCompletions(applied, CompletionItemKind.Property) : applied;
        const kinds = toCompletionList(items, NO_CLIENT_SUPPORT).items.map((i) => i.kind);
        items.forEach((item, i) => {
          const lsp = seen[i];
          assert.equal(lsp.label, item.label);
          assert.equal(lsp.kind, kinds[i], `${item.label}: kind`);
          assert.equal(lsp.sortText, item.sortText, item.label);
          assert.ok(lsp.sortText && lsp.sortText.length <= 2, `${item.label}: sort text ${lsp.sortText}`);
          assert.equal(lsp.detail, support.resolvesDetail ? undefined : completionDetail(item.data), `${item.label}: detail in the list`);
          assert.equal(lsp.filterText ?? lsp.label, item.filterText, item.label);
          assert.deepStrictEqual(lsp.textEdit, item.textEdit, item.label);
          assert.equal(lsp.insertTextFormat ?? 1, 1, item.label);
          assert.equal(lsp.command?.command, support.triggerSuggest ? item.command?.command : undefined, item.label);
          assert.equal(lsp.tags?.includes(1) ?? false, item.deprecated === true, item.label);
          // What the editor sends back on resolve gets the same docs as the core item.
          const resolved = resolveItem(JSON.parse(JSON.stringify(lsp)), { systemdVersion: 262 });
          assert.equal(resolved.documentation && typeof resolved.documentation === 'object' ? resolved.documentation.value : undefined, resolveCompletion(item.data, { systemdVersion: 262 }), item.label);
          assert.equal(resolved.detail, completionDetail(item.data), `${item.label}: detail on resolve`);
          assert.ok(resolved.detail, `${item.label}: has a detail`);
        });
      });
    }

    test(`${c.name}: with itemDefaults, items repeat nothing the defaults hold`, () => {
      const list = toCompletionList(items, VSCODE);
      const defaults = list.itemDefaults;
      assert.ok(defaults?.editRange && defaults.insertTextFormat === 1 && defaults.data !== undefined, JSON.stringify(defaults));
      for (const item of list.items) {
        assert.equal(item.textEdit, undefined, `${item.label}: the range is the default`);
        assert.notEqual(item.textEditText, item.label, `${item.label}: the edit text is the label`);
        assert.equal(item.insertTextFormat, undefined, item.label);
        assert.notEqual(item.filterText, item.label, item.label);
        assert.notDeepStrictEqual(item.data, defaults.data, item.label);
      }
    });
  }

  test('without itemDefaults support, items keep a whole textEdit and their own data', () => {
    const list = toCompletionList(itemsAt('[Service]\n', 262), NO_CLIENT_SUPPORT);
    assert.equal(list.itemDefaults, undefined);
    for (const item of list.items) {
      assert.ok(item.textEdit && 'range' in item.textEdit, item.label);
      assert.equal(item.textEditText, undefined, item.label);
      assert.ok(item.data !== undefined && item.data !== 0, item.label);
    }
  });

  test('items without docs in a list whose default data names docs resolve to nothing', () => {
    // After After=, the well-known units share the default; the workspace unit has no docs.
    const items = itemsAt('[Unit]\nAfter=', 262);
    const list = toCompletionList(items, ALL_DEFAULTS);
    const seen = withDefaults(list);
    const db = seen.find((i) => i.label === 'db.service');
    assert.ok(db);
    assert.equal(resolveItem(db, { systemdVersion: 262 }).documentation, undefined);
    assert.equal(resolveItem(db, { systemdVersion: 262 }).detail, 'unit in the workspace');
    const network = seen.find((i) => i.label === 'network-online.target');
    assert.ok(network && resolveItem(network, { systemdVersion: 262 }).documentation);
  });

  test('only the defaults the client applies are used', () => {
    const items = itemsAt('[Service]\n', 262);
    const rangeOnly = toCompletionList(items, { ...NO_CLIENT_SUPPORT, editRange: true });
    assert.deepStrictEqual(Object.keys(rangeOnly.itemDefaults ?? {}), ['editRange']);
    assert.ok(rangeOnly.items.every((i) => i.data !== undefined && i.textEdit === undefined));
    const dataOnly = toCompletionList(items, { ...NO_CLIENT_SUPPORT, data: true });
    assert.deepStrictEqual(Object.keys(dataOnly.itemDefaults ?? {}), ['data']);
    assert.ok(dataOnly.items.every((i) => i.textEdit !== undefined));
  });

  test('an empty list has no defaults', () => {
    assert.deepStrictEqual(toCompletionList([], VSCODE), { isIncomplete: false, items: [] });
  });

  test('a target release other than the editor\'s goes into data, and resolve documents that release', () => {
    const items = itemsAt('[Unit]\nDefault', 256);
    for (const support of [ALL_DEFAULTS, NO_CLIENT_SUPPORT]) {
      const list = toCompletionList(items, support, 256);
      const item = (support.data ? withDefaults(list) : list.items).find((i) => i.label === 'DefaultDependencies');
      assert.ok(item);
      assert.equal((item.data as { v?: number }).v, 256);
      const docs = resolveItem(JSON.parse(JSON.stringify(item)), { systemdVersion: 262 }).documentation;
      assert.deepStrictEqual(docs, { kind: 'markdown', value: resolveCompletion(items.find((i) => i.label === 'DefaultDependencies')?.data, { systemdVersion: 256 }) });
    }
    const plain = withDefaults(toCompletionList(items, ALL_DEFAULTS)).find((i) => i.label === 'DefaultDependencies');
    assert.equal((plain?.data as { v?: number }).v, undefined, 'no release recorded when it is the editor\'s');
    for (const v of [0, -1, 1.5, '256', null, 1e9]) {
      const odd = { label: 'DefaultDependencies', data: { k: 'dir', s: 'Unit', v } };
      assert.equal((resolveItem(odd, { systemdVersion: 262 }).documentation as { value: string }).value, resolveCompletion({ k: 'dir', n: 'DefaultDependencies', s: 'Unit' }, { systemdVersion: 262 }), `v = ${v}`);
    }
  });
});

describe('compact lists: what an item shares with the item before it', () => {
  const EXTENSION_ONLY: ClientSupport = { ...NO_CLIENT_SUPPORT, compact: true };

  test('the kind and the sort text are left out exactly where the item before them implies them', () => {
    for (const text of ['[Service]\n', '[Service]\nSystemCallFilter=', '[Unit]\nAfter=', '[Service]\nCapabilityBoundingSet=', '[Socket]\n']) {
      const items = itemsAt(text, 262);
      const full = toCompletionList(items, NO_CLIENT_SUPPORT).items;
      const compact = toCompletionList(items, EXTENSION_ONLY).items;
      compact.forEach((item, i) => {
        const kindBefore = i === 0 ? CompletionItemKind.Property : full[i - 1].kind;
        assert.equal(item.kind === undefined, full[i].kind === kindBefore, `${text}: the kind of ${full[i].label}`);
        const after = i === 0 ? undefined : sortTextAfter(full[i - 1].sortText ?? '');
        assert.equal(item.sortText === undefined, full[i].sortText === after, `${text}: the sort text of ${full[i].label}`);
      });
      // Most of a ranked list follows on from the item before.
      assert.ok(compact.filter((i) => i.sortText === undefined).length >= items.length / 2, `${text}: sort texts left out`);
    }
  });

  test('the extension puts back kinds and sort texts from the item before, in any order of kinds and ranks', () => {
    const P = CompletionItemKind.Property;
    const F = CompletionItemKind.Function;
    const M = CompletionItemKind.Module;
    const list = {
      items: [
        { label: 'ExecStart=' },
        { label: 'Type=', sortText: '07' },
        { label: '@default', kind: M },
        { label: '@aio', sortText: '09' },
        { label: 'read', kind: F, sortText: '0z' },
        { label: 'write' },
        { label: 'User=', kind: P, sortText: '10' },
        { label: 'Group=', sortText: '10' },
      ],
    };
    expandCompletions(list, P);
    assert.deepStrictEqual(
      list.items.map((i) => [i.label, i.kind, i.sortText]),
      [
        ['ExecStart', P, undefined],
        ['Type', P, '07'],
        ['@default', M, '08'],
        ['@aio', M, '09'],
        ['read', F, '0z'],
        ['write', F, '10'],
        ['User', P, '10'],
        ['Group', P, '10'],
      ],
    );
    assert.equal(sortTextAfter('zz'), '100', 'past the widest key, one digit more');
    assert.equal(sortTextAfter('9'), 'a');
  });
});

describe('short sort texts', () => {
  test('the core gives keys of one or two base-36 characters, in the order of the rank keys', () => {
    for (const [text, width] of [
      ['[Service]\nProtectSystem=', 1],
      ['[Service]\n', 2],
      ['[Service]\nSystemCallFilter=', 2],
    ] as const) {
      const items = itemsAt(text, 262);
      assert.ok(items.every((i) => /^[0-9a-z]+$/.test(i.sortText) && i.sortText.length === width), `${text}: ${items.slice(0, 5).map((i) => i.sortText).join(' ')}`);
    }
  });

  test('shortSortTexts keeps the order and the ties of any keys, at the smallest fixed width', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => rankKey(`x${i}`, '', { tier: i % 3, index: (i * 7919) % 100_003 }));
    for (const n of [1, 2, 36, 37, 1296, 1297, 3000]) {
      const items = [...keys(n), ...keys(Math.min(n, 5))].map((sortText) => ({ sortText }));
      const before = items.map((i) => i.sortText);
      shortSortTexts(items);
      const after = items.map((i) => i.sortText);
      const widths = new Set(after.map((k) => k.length));
      assert.equal(widths.size, 1, `n = ${n}: one width`);
      const distinct = new Set(before).size;
      assert.equal([...widths][0], Math.max(1, Math.ceil(Math.log(distinct) / Math.log(36) - 1e-9)), `n = ${n}: width for ${distinct} keys`);
      for (let i = 0; i < before.length; i += 1 + Math.floor(before.length / 200)) {
        for (let j = 0; j < before.length; j += 1 + Math.floor(before.length / 200)) {
          const was = Math.sign(before[i].localeCompare(before[j], 'en'));
          assert.equal(Math.sign(after[i] < after[j] ? -1 : after[i] > after[j] ? 1 : 0), before[i] < before[j] ? -1 : before[i] > before[j] ? 1 : 0, `${before[i]} vs ${before[j]}`);
          assert.equal(Math.sign(after[i].toLowerCase().localeCompare(after[j].toLowerCase(), 'en')), was, `case-folded ${before[i]} vs ${before[j]}`);
        }
      }
    }
  });
});

describe('what the client supports', () => {
  test('VS Code: itemDefaults, detail on resolve, the re-trigger command', () => {
    const support = clientSupport({
      clientInfo: { name: 'Visual Studio Code', version: '1.95.0' },
      capabilities: {
        textDocument: {
          completion: {
            completionItem: { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
        },
      },
    });
    assert.deepStrictEqual(support, { editRange: true, insertTextFormat: true, data: true, resolvesDetail: true, triggerSuggest: true, compact: false });
  });

  test('compact lists only when the client asks for them', () => {
    // What the extension sends is what the server reads.
    assert.equal(clientSupport({ capabilities: {}, initializationOptions: { workspaceTrusted: true, ...COMPACT_COMPLETIONS } }).compact, true);
    for (const options of [undefined, null, {}, { completionItems: true }, { completionItems: 'Compact' }, 'compact']) {
      assert.equal(clientSupport({ capabilities: {}, initializationOptions: options }).compact, false, JSON.stringify(options));
    }
  });

  test('Neovim 0.7 and Eglot 1.9: none of it', () => {
    const neovim = { clientInfo: { name: 'Neovim', version: '0.7.2' }, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } } } } };
    const eglot = { clientInfo: { name: 'Eglot' }, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true, deprecatedSupport: true, tagSupport: { valueSet: [1] } }, contextSupport: true } } } };
    for (const params of [neovim, eglot]) assert.deepStrictEqual(clientSupport(params), NO_CLIENT_SUPPORT);
  });

  test('odd params give no support', () => {
    for (const params of [undefined, null, 'x', [], { capabilities: 5 }, { capabilities: { textDocument: { completion: { completionItem: { resolveSupport: { properties: 'detail' } }, completionList: { itemDefaults: 'data' } } } } }, { clientInfo: { name: 7 } }]) {
      assert.deepStrictEqual(clientSupport(params), NO_CLIENT_SUPPORT, JSON.stringify(params));
    }
  });

  test('the completion options: trigger characters and resolve', () => {
    const options = completionOptions();
    assert.equal(options.resolveProvider, true);
    for (const c of ['[', '=', '%', '~', '@', ' ', ':']) assert.ok(options.triggerCharacters?.includes(c), c);
  });
});

describe('resolveItem takes what editors send back', () => {
  const settings = { systemdVersion: 262 };
  test('an item of the list gets its detail and its docs as Markdown, the rest unchanged', () => {
    const item = { label: 'ProtectSystem', kind: 10, sortText: '0k', data: { k: 'dir', s: 'Service' }, textEdit: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, newText: 'ProtectSystem=' } };
    const resolved = resolveItem(item, settings);
    assert.deepStrictEqual({ ...resolved, documentation: undefined, detail: undefined }, { ...item, documentation: undefined, detail: undefined });
    assert.equal(resolved.detail, 'no | yes | full | strict · systemd 214+');
    assert.deepStrictEqual(resolved.documentation, { kind: 'markdown', value: directiveMarkdown(row('ProtectSystem', 'Service'), { detail: 'completion', systemdVersion: 262 }) });
  });
  for (const [name, item] of [
    ['no data', { label: 'yes' }],
    ['the no-docs marker', { label: 'db.service', data: 0 }],
    ['unknown data', { label: 'x', data: { k: 'dir', n: 'Nope', s: 'Service' } }],
    ['data of the wrong shape', { label: 'x', data: 'garbage' }],
  ] as const) {
    test(`an item with ${name} comes back unchanged`, () => {
      assert.deepStrictEqual(resolveItem(item, settings), item);
    });
  }
  for (const [name, params] of [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ProtectSystem'],
    ['an array', [{ label: 'x' }]],
    ['an object without a label', { data: { k: 'dir', n: 'ProtectSystem', s: 'Service' } }],
    ['a label that is not a string', { label: 5 }],
  ] as const) {
    test(`${name} is an InvalidParams error`, () => {
      assert.throws(() => resolveItem(params, settings), (error: unknown) => (error as { code?: number }).code === -32602);
    });
  }
});
