import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUnitDocument } from '../../server/src/core';
import { UnitModel, type LineFilter } from '../../server/src/core/model/unitModel';

/**
 * A model built for the next version of a unit after an edit within one line takes over which lines
 * the last version's model took in: only a line on the edited lines is asked about again, and the
 * settings come out as those of a model built afresh.
 */

const URI = 'file:///etc/systemd/system/app.service';
const BEFORE = ['[Service]', 'ExecStartPre=/bin/a', 'ExecStartPre=bad', 'ExecStartPre=/bin/c', 'User=x', '[Install]', 'WantedBy=multi-user.target', ''].join('\n');

/** Systemd "refuses" the values `bad` and `worse`; every question is written down. */
function counting(asked: string[]): LineFilter {
  return (entry) => {
    asked.push(`${entry.key}=${entry.value}`);
    return entry.value !== 'bad' && entry.value !== 'worse';
  };
}

const NAMES = ['ExecStartPre', 'User', 'WantedBy'];

function settingsOf(model: UnitModel): string[] {
  return NAMES.flatMap((name) => [
    `${name}: all ${model.assignments(name).map((a) => `${a.order}:${a.entry.value}`).join(' ')}`,
    `${name}: effective ${model.effective(name).map((a) => `${a.order}:${a.entry.value}`).join(' ')}`,
  ]);
}

const CASES: { name: string; line: number; now: string; asked: string[] }[] = [
  { name: 'a refused line is taken in once mended', line: 2, now: 'ExecStartPre=/bin/b', asked: ['ExecStartPre=/bin/b'] },
  { name: 'a line taken in is refused once broken', line: 3, now: 'ExecStartPre=worse', asked: ['ExecStartPre=worse'] },
  { name: 'a line taken in stays so', line: 1, now: 'ExecStartPre=/bin/aa', asked: ['ExecStartPre=/bin/aa'] },
  { name: 'an edit of another setting asks nothing of the command lines', line: 4, now: 'User=y', asked: ['User=y'] },
  { name: 'an edit in another section', line: 6, now: 'WantedBy=default.target', asked: ['WantedBy=default.target'] },
];

describe('a model takes over from the last version which lines systemd takes in', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const previous = UnitModel.build(createUnitDocument(URI, BEFORE), [], counting([]));
      settingsOf(previous);
      const lines = BEFORE.split('\n');
      lines[c.line] = c.now;
      const after = createUnitDocument(URI, lines.join('\n'));
      const asked: string[] = [];
      const model = UnitModel.build(after, [], counting(asked));
      model.inherit(previous, after.tree.lines.lineStart(c.line), after.tree.lines.lineEnd(c.line), c.now.split('=')[0]);
      const found = settingsOf(model);
      assert.deepEqual(asked, c.asked);
      assert.deepEqual(found, settingsOf(UnitModel.build(after, [], counting([]))));
    });
  }

  it('asks about every line of a name the last version did not work out', () => {
    const previous = UnitModel.build(createUnitDocument(URI, BEFORE), [], counting([]));
    previous.effective('User');
    const after = createUnitDocument(URI, BEFORE.replace('User=x', 'User=y'));
    const asked: string[] = [];
    const model = UnitModel.build(after, [], counting(asked));
    model.inherit(previous, after.tree.lines.lineStart(4), after.tree.lines.lineEnd(4), 'User');
    model.effective('ExecStartPre');
    assert.deepEqual(asked, ['ExecStartPre=/bin/a', 'ExecStartPre=bad', 'ExecStartPre=/bin/c']);
  });

  it('a model of a few keys asks about each of their lines', () => {
    const previous = UnitModel.build(createUnitDocument(URI, BEFORE), [], counting([]));
    settingsOf(previous);
    const after = createUnitDocument(URI, BEFORE.replace('User=x', 'User=y'));
    const asked: string[] = [];
    const model = UnitModel.build(after, [], counting(asked), new Set(['ExecStartPre']));
    model.inherit(previous, after.tree.lines.lineStart(4), after.tree.lines.lineEnd(4), 'User');
    model.effective('ExecStartPre');
    assert.equal(asked.length, 3);
  });

  const CLEARING = ['[Service]', 'ExecStartPre=/bin/a', 'ExecStartPre=', 'ReadWritePaths=/srv', 'User=x', ''].join('\n');
  const clearingCases: { name: string; line: number; now: string; keys: string[] }[] = [
    { name: 'a line emptied adds its key', line: 3, now: 'ReadWritePaths=', keys: ['ExecStartPre', 'ReadWritePaths'] },
    { name: 'a bare ~ adds its key', line: 3, now: 'ReadWritePaths=~', keys: ['ExecStartPre', 'ReadWritePaths'] },
    { name: 'the only empty line of a key filled takes it away', line: 2, now: 'ExecStartPre=/bin/b', keys: [] },
    { name: 'another line leaves them as they were', line: 4, now: 'User=y', keys: ['ExecStartPre'] },
  ];
  for (const c of clearingCases) {
    it(`the keys with lines that may clear others: ${c.name}`, () => {
      const previous = UnitModel.build(createUnitDocument(URI, CLEARING));
      assert.deepEqual(previous.clearingKeys(), ['ExecStartPre']);
      const lines = CLEARING.split('\n');
      lines[c.line] = c.now;
      const after = createUnitDocument(URI, lines.join('\n'));
      const model = UnitModel.build(after);
      model.inherit(previous, after.tree.lines.lineStart(c.line), after.tree.lines.lineEnd(c.line), c.now.split('=')[0]);
      assert.deepEqual(model.clearingKeys(), c.keys);
      assert.deepEqual(UnitModel.build(after).clearingKeys(), c.keys);
    });
  }

  it('what the last version said of a key other than the edited one stands, unread', () => {
    // Given a last version that had a line of User= to clear (the texts differ only to show that
    // what it said is taken over, not looked at again).
    const previous = UnitModel.build(createUnitDocument(URI, CLEARING.replace('User=x', 'User=')));
    assert.deepEqual(previous.clearingKeys(), ['ExecStartPre', 'User']);
    const after = createUnitDocument(URI, CLEARING.replace('ReadWritePaths=/srv', 'ReadWritePaths=/var'));
    const model = UnitModel.build(after);
    model.inherit(previous, after.tree.lines.lineStart(3), after.tree.lines.lineEnd(3), 'ReadWritePaths');
    assert.deepEqual(model.clearingKeys(), ['ExecStartPre', 'User']);
  });
});
