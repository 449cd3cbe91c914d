import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, minimalEdit, unifiedDiff } from '../../server/src/core';
import { insertLinesEdit, moveEntryEdits, removeEntryEdit } from '../../server/src/core/edits/lineEdits';

const URI = 'file:///etc/systemd/system/app.service';

function insert(text: string, section: string, lines: string[]): string {
  return applyEdits(text, [insertLinesEdit(createUnitDocument(URI, text), section, lines)]);
}

describe('fix edits: inserting lines', () => {
  const cases: { name: string; text: string; section: string; expected: string }[] = [
    {
      name: 'after the last setting of the section, before blank lines and comments',
      text: '[Service]\nExecStart=/bin/true\nUser=app\n\n# tail\n[Install]\nWantedBy=multi-user.target\n',
      section: 'Service',
      expected: '[Service]\nExecStart=/bin/true\nUser=app\nNew=1\n\n# tail\n[Install]\nWantedBy=multi-user.target\n',
    },
    {
      name: 'after a continued value',
      text: '[Service]\nExecStart=/bin/true \\\n  --flag\n[Install]\n',
      section: 'Service',
      expected: '[Service]\nExecStart=/bin/true \\\n  --flag\nNew=1\n[Install]\n',
    },
    {
      name: 'keeping CRLF line breaks',
      text: '[Service]\r\nExecStart=/bin/true\r\n',
      section: 'Service',
      expected: '[Service]\r\nExecStart=/bin/true\r\nNew=1\r\n',
    },
    {
      name: 'at the end of a file without a final line break',
      text: '[Service]\nExecStart=/bin/true',
      section: 'Service',
      expected: '[Service]\nExecStart=/bin/true\nNew=1',
    },
    {
      name: 'into an empty section',
      text: '[Unit]\n[Service]\nExecStart=/bin/true\n',
      section: 'Unit',
      expected: '[Unit]\nNew=1\n[Service]\nExecStart=/bin/true\n',
    },
    {
      name: 'into the last of two sections with the same name',
      text: '[Service]\nA=1\n[Unit]\n[Service]\nB=2\n',
      section: 'Service',
      expected: '[Service]\nA=1\n[Unit]\n[Service]\nB=2\nNew=1\n',
    },
    {
      name: 'creating [Unit] at the top, after leading comments',
      text: '# header\n[Service]\nExecStart=/bin/true\n',
      section: 'Unit',
      expected: '# header\n[Unit]\nNew=1\n\n[Service]\nExecStart=/bin/true\n',
    },
    {
      name: 'creating the type section before [Install]',
      text: '[Unit]\nDescription=x\n\n[Install]\nWantedBy=multi-user.target\n',
      section: 'Service',
      expected: '[Unit]\nDescription=x\n\n[Service]\nNew=1\n\n[Install]\nWantedBy=multi-user.target\n',
    },
    {
      name: 'creating a section at the end',
      text: '[Unit]\nDescription=x\n',
      section: 'Service',
      expected: '[Unit]\nDescription=x\n\n[Service]\nNew=1\n',
    },
    {
      name: 'creating a section at the end of a file without a final break',
      text: '[Unit]\nDescription=x',
      section: 'Service',
      expected: '[Unit]\nDescription=x\n\n[Service]\nNew=1\n',
    },
    { name: 'into an empty file', text: '', section: 'Service', expected: '[Service]\nNew=1\n' },
    {
      name: 'after a byte order mark',
      text: '\uFEFF[Service]\nExecStart=/bin/true\n',
      section: 'Unit',
      expected: '\uFEFF[Unit]\nNew=1\n\n[Service]\nExecStart=/bin/true\n',
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(insert(c.text, c.section, ['New=1']), c.expected));
});

describe('fix edits: removing and moving lines', () => {
  it('removes a line with its break', () => {
    const text = '[Service]\nA=1\nB=2\n';
    const doc = createUnitDocument(URI, text);
    assert.equal(applyEdits(text, [removeEntryEdit(doc, doc.tree.sections[0].entries[0])]), '[Service]\nB=2\n');
  });

  it('removes the last line of a file without a final break, with the break before it', () => {
    const text = '[Service]\nA=1\nB=2';
    const doc = createUnitDocument(URI, text);
    assert.equal(applyEdits(text, [removeEntryEdit(doc, doc.tree.sections[0].entries[1])]), '[Service]\nA=1');
  });

  it('removes every line of a continued value', () => {
    const text = '[Service]\nA=1 \\\n 2\nB=3\n';
    const doc = createUnitDocument(URI, text);
    assert.equal(applyEdits(text, [removeEntryEdit(doc, doc.tree.sections[0].entries[0])]), '[Service]\nB=3\n');
  });

  it('moves a line to another section, creating it', () => {
    const text = '[Service]\nExecStart=/bin/true\nAfter=network.target\n';
    const doc = createUnitDocument(URI, text);
    const entry = doc.tree.sections[0].entries[1];
    assert.equal(applyEdits(text, moveEntryEdits(doc, entry, 'Unit')), '[Unit]\nAfter=network.target\n\n[Service]\nExecStart=/bin/true\n');
  });

  it('moves the last line of a section into the section created right after it', () => {
    const text = '[Unit]\nDescription=x\nUser=app\n[Install]\nWantedBy=multi-user.target\n';
    const doc = createUnitDocument(URI, text);
    const entry = doc.tree.sections[0].entries[1];
    assert.equal(applyEdits(text, moveEntryEdits(doc, entry, 'Service')), '[Unit]\nDescription=x\n[Service]\nUser=app\n\n[Install]\nWantedBy=multi-user.target\n');
  });

  it('refuses overlapping edits', () => {
    const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const s = { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } };
    assert.throws(() => applyEdits('abcdef', [{ range: r, newText: 'x' }, { range: s, newText: 'y' }]));
  });
});

describe('minimal edits and diffs', () => {
  it('turns a text into another with one edit of the changed middle', () => {
    const pairs: [string, string][] = [
      ['a\nb\nc\n', 'a\nb\nX\nc\n'],
      ['a\r\nb\r\n', 'a\r\nb\r\nc\r\n'],
      ['same', 'same'],
      ['', 'new\n'],
      ['x😀y', 'x😁y'],
    ];
    for (const [before, after] of pairs) {
      const edit = minimalEdit(before, after);
      assert.equal(edit ? applyEdits(before, [edit]) : before, after);
    }
  });

  it('prints a unified diff with context', () => {
    const diff = unifiedDiff('a\nb\nc\nd\ne\nf\ng\n', 'a\nb\nc\nd\nNEW\ne\nf\ng\n', 'units/x.service');
    assert.equal(diff, '--- a/units/x.service\n+++ b/units/x.service\n@@ -2,6 +2,7 @@\n b\n c\n d\n+NEW\n e\n f\n g\n');
    assert.equal(unifiedDiff('same\n', 'same\n', 'x'), '');
    assert.match(unifiedDiff('a', 'b', 'x'), /No newline at end of file/);
  });

  it('writes removed lines before the lines that replace them, as diff(1) does', () => {
    const diff = unifiedDiff('[Service]\nA=1\nB=2\n', '[Service]\nA=9\nB=8\n', 'x.service');
    assert.equal(diff, '--- a/x.service\n+++ b/x.service\n@@ -1,3 +1,3 @@\n [Service]\n-A=1\n-B=2\n+A=9\n+B=8\n');
  });
});
