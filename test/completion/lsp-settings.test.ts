/** The target version as clients send it: what is taken and what is refused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSystemdVersion, SettingsStore } from '../../server/src/lsp/settings';

test('readSystemdVersion', () => {
  const table: [unknown, number | undefined][] = [
    [256, 256],
    [262, 262],
    ['257', 257],
    [' 250 ', 250],
    [200, 200],
    [999, 999],
    [199, undefined],
    [1000, undefined],
    [256.5, undefined],
    ['v256', undefined],
    ['', undefined],
    [null, undefined],
    [Number.NaN, undefined],
    [{}, undefined],
  ];
  for (const [input, expected] of table) assert.equal(readSystemdVersion(input), expected, JSON.stringify(input));
});

test('initialize takes initializationOptions.systemdVersion, or a unitguard section in it, and the client name', () => {
  const a = new SettingsStore();
  assert.equal(a.get().systemdVersion, 262, 'the default');
  a.initialize({ initializationOptions: { systemdVersion: 250 }, clientInfo: { name: 'Neovim' } });
  assert.equal(a.get().systemdVersion, 250);
  assert.equal(a.client, 'Neovim');
  const b = new SettingsStore();
  b.initialize({ initializationOptions: { unitguard: { systemdVersion: 255 } } });
  assert.equal(b.get().systemdVersion, 255);
  const c = new SettingsStore();
  c.initialize({ initializationOptions: { systemdVersion: 'new' } });
  c.initialize(null);
  c.initialize({ initializationOptions: [] });
  assert.equal(c.get().systemdVersion, 262, 'bad values keep the default');
});
