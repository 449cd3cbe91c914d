import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFilePatch, filePositionAt, parsePatch, rangeInPatch, textsFromHunks, type FileChange, type ParsedPatch } from '../../server/src/core';

/**
 * The patch reader on patches made by the tools people send them with (test/fixtures/review/
 * patches: git 2.39 and GNU diff 3.8; see the folder's README).
 */
const repoRoot = path.resolve(__dirname, '../../..');
const fixtures = path.join(repoRoot, 'test/fixtures/review');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

interface ExpectedFile {
  old: string | undefined;
  new: string | undefined;
  change: FileChange;
  /** `-a,b +c,d` per hunk. */
  hunks: string[];
}

interface Case {
  name: string;
  file: string;
  files: ExpectedFile[];
  /** Subjects of the mails, for mails. */
  subjects?: string[];
  /** The first added line: its text and 0-based line in the patch and in the new file. */
  firstAdded?: { text: string; patchLine: number; newLine: number };
}

const cases: Case[] = [
  {
    name: 'git diff: two hunks',
    file: 'patches/git-diff.patch',
    files: [{ old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-1,5 +1,5', '-31,6 +31,7'] }],
    firstAdded: { text: 'Description=nftables firewall', patchLine: 7, newLine: 1 },
  },
  {
    name: 'git format-patch: a mail with headers, a message, a diffstat and a signature',
    file: 'nftables-hardening.patch',
    files: [{ old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-5,16 +5,47'] }],
    subjects: ['[PATCH] nftables.service: harden the service'],
    firstAdded: { text: 'RequiresMountsFor=/var', patchLine: 21, newLine: 7 },
  },
  {
    name: 'git format-patch --stdout: a series of two mails on one file',
    file: 'patches/series.mbox',
    files: [
      { old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-10,7 +10,7'] },
      { old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-11,6 +11,7'] },
    ],
    subjects: ['[PATCH 1/2] nftables.service: ProtectSystem=strict', '[PATCH 2/2] nftables.service: keep CAP_NET_ADMIN only'],
  },
  {
    name: 'diff -u of two copies, with time stamps',
    file: 'patches/diff-u.patch',
    files: [{ old: 'nftables.service.orig', new: 'nftables.service', change: 'modified', hunks: ['-10,11 +10,13'] }],
    firstAdded: { text: 'ProtectSystem=strict', patchLine: 7, newLine: 12 },
  },
  {
    name: 'diff -ruN of two trees: the tree folders come off, the epoch time stamp is a new file',
    file: 'patches/diff-ruN.patch',
    files: [
      { old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-10,11 +10,13'] },
      { old: undefined, new: 'nftables.service.d/10-kernel.conf', change: 'added', hunks: ['-0,0 +1,3'] },
    ],
  },
  {
    name: 'several files: a README, a quoted non-ASCII name, a unit and a new drop-in (/dev/null)',
    file: 'patches/several-files.patch',
    files: [
      { old: 'README', new: 'README', change: 'modified', hunks: ['-1,1 +1,1'] },
      { old: 'café.service', new: 'café.service', change: 'modified', hunks: ['-1,2 +1,3'] },
      { old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-12,6 +12,7'] },
      { old: undefined, new: 'nftables.service.d/10-devices.conf', change: 'added', hunks: ['-0,0 +1,2'] },
    ],
  },
  {
    name: 'renames: one with a change, one without hunks',
    file: 'patches/rename.patch',
    files: [
      { old: 'README', new: 'README.md', change: 'renamed', hunks: [] },
      { old: 'nftables.service', new: 'nft.service', change: 'renamed', hunks: ['-1,5 +1,5'] },
    ],
  },
  {
    name: 'a deleted file',
    file: 'patches/delete.patch',
    files: [{ old: 'café.service', new: undefined, change: 'deleted', hunks: ['-1,3 +0,0'] }],
  },
  {
    name: 'CRLF line breaks all through',
    file: 'patches/crlf.patch',
    files: [{ old: 'nftables.service', new: 'nftables.service', change: 'modified', hunks: ['-1,5 +1,5', '-31,6 +31,7'] }],
    firstAdded: { text: 'Description=nftables firewall', patchLine: 7, newLine: 1 },
  },
];

/** Every hunk line is where it says it is: the patch line holds its prefix and text. */
function assertPositions(text: string, patch: ParsedPatch): void {
  const lines = text.split(/\r\n|\n|\r/);
  assert.equal(patch.lineCount, lines.length);
  for (const file of patch.files) {
    for (const hunk of file.hunks) {
      assert.match(lines[hunk.headerLine], /^@@ /);
      let old = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
      let added = hunk.newCount === 0 ? hunk.newStart : hunk.newStart - 1;
      for (const line of hunk.lines) {
        assert.equal(lines[line.patchLine], line.kind + line.text, `patch line ${line.patchLine}`);
        if (line.kind !== '+') assert.equal(line.oldLine, old++);
        if (line.kind !== '-') assert.equal(line.newLine, added++);
      }
      assert.equal(hunk.lines.filter((l) => l.kind !== '+').length, hunk.oldCount, 'old lines as the header counts');
      assert.equal(hunk.lines.filter((l) => l.kind !== '-').length, hunk.newCount, 'new lines as the header counts');
    }
  }
}

describe('patches as git and diff write them', () => {
  for (const c of cases) {
    it(c.name, () => {
      const text = read(c.file);
      const patch = parsePatch(text);
      assert.deepEqual(patch.problems, []);
      assert.deepEqual(
        patch.files.map((f) => ({ old: f.oldPath, new: f.newPath, change: f.change, hunks: f.hunks.map((h) => `-${h.oldStart},${h.oldCount} +${h.newStart},${h.newCount}`) })),
        c.files,
      );
      if (c.subjects) assert.deepEqual(patch.mails.map((m) => m.subject), c.subjects);
      else assert.deepEqual(patch.mails, []);
      assertPositions(text, patch);
      if (c.firstAdded) {
        const added = patch.files.flatMap((f) => f.hunks.flatMap((h) => h.lines)).find((l) => l.kind === '+');
        assert.deepEqual(added && { text: added.text, patchLine: added.patchLine, newLine: added.newLine }, c.firstAdded);
      }
    });
  }

  it('a mail: its headers, and the signature after the last hunk is not a removed line', () => {
    const patch = parsePatch(read('nftables-hardening.patch'));
    assert.deepEqual(patch.mails, [{ headerLine: 0, from: 'Review Example <review@example.org>', date: 'Mon, 3 Nov 2025 10:00:00 +0100', subject: '[PATCH] nftables.service: harden the service' }]);
    const hunk = patch.files[0].hunks[0];
    assert.ok(!hunk.lines.some((l) => l.text.startsWith('- ')), 'no "-- " line in the hunk');
    assert.equal(hunk.lines[hunk.lines.length - 1].text, 'WantedBy=sysinit.target');
    assert.equal(patch.files[0].mail, 0);
  });

  it('the CRLF patch is the LF patch with other line breaks, and reads the same', () => {
    const crlf = read('patches/crlf.patch');
    assert.ok(crlf.includes('\r\n'), 'the fixture keeps its CRLF line breaks');
    const lf = parsePatch(read('patches/git-diff.patch'));
    assert.deepEqual(parsePatch(crlf).files, lf.files);
    assert.equal(parsePatch(read('patches/git-diff.patch').replace(/\n/g, '\r\n')).files[0].hunks[1].lines.length, 7);
  });

  it('a hunk that ends early is said, and what it has is kept', () => {
    const text = read('patches/git-diff.patch').split('\n').slice(0, -4).join('\n');
    const patch = parsePatch(text);
    assert.equal(patch.problems.length, 1);
    assert.match(patch.problems[0].message, /ends early/);
    assert.equal(patch.files[0].hunks[1].lines.length, 4);
  });

  it('a text without file headers holds no patch', () => {
    assert.deepEqual(parsePatch(read('nftables.service')).files, []);
    assert.deepEqual(parsePatch('').files, []);
  });

  it('"\\ No newline at end of file" belongs to the line before it', () => {
    const patch = parsePatch(['--- a/x.service', '+++ b/x.service', '@@ -1,2 +1,2 @@', ' [Service]', '-ExecStart=/bin/a', '\\ No newline at end of file', '+ExecStart=/bin/b', '\\ No newline at end of file', ''].join('\n'));
    const hunk = patch.files[0].hunks[0];
    assert.equal(hunk.lines.length, 3);
    assert.ok(hunk.oldNoNewlineAtEnd && hunk.newNoNewlineAtEnd);
    const applied = applyFilePatch('[Service]\nExecStart=/bin/a', patch.files[0]);
    assert.deepEqual(applied, { ok: true, text: '[Service]\nExecStart=/bin/b', offsets: [0] });
  });
});

describe('the texts a patch stands between', () => {
  const example = read('example.service');
  const hardened = read('example.hardened.service');

  const applications: { name: string; patch: string; old: string; expected: string }[] = [
    { name: 'git diff', patch: 'patches/git-diff.patch', old: example, expected: hardened },
    { name: 'CRLF patch', patch: 'patches/crlf.patch', old: example, expected: hardened },
    { name: 'format-patch mail', patch: 'nftables-hardening.patch', old: read('nftables.service'), expected: read('nftables.hardened.service') },
  ];
  for (const a of applications) {
    it(`${a.name}: applied to the full text, and taken back out of the result`, () => {
      const file = parsePatch(read(a.patch)).files[0];
      const forward = applyFilePatch(a.old, file);
      assert.ok(forward.ok, forward.ok ? '' : forward.message);
      assert.equal(forward.text, a.expected);
      const back = applyFilePatch(forward.text, file, 'reverse');
      assert.deepEqual(back, { ok: true, text: a.old, offsets: file.hunks.map(() => 0) });
    });
  }

  it('keeps the CRLF line breaks of the text it is applied to', () => {
    const file = parsePatch(read('patches/git-diff.patch')).files[0];
    const applied = applyFilePatch(example.replace(/\n/g, '\r\n'), file);
    assert.ok(applied.ok);
    assert.equal(applied.text, hardened.replace(/\n/g, '\r\n'));
  });

  it('finds a hunk that moved, and says how far from its header, as patch(1) does', () => {
    const file = parsePatch(read('patches/git-diff.patch')).files[0];
    const applied = applyFilePatch(`# a comment\n# and another\n${example}`, file);
    assert.ok(applied.ok);
    assert.deepEqual(applied.offsets, [2, 2]);
    assert.equal(applied.text, `# a comment\n# and another\n${hardened}`);
    const below = applyFilePatch(example.replace('MemoryDenyWriteExecute=yes\n', 'MemoryDenyWriteExecute=yes\n').replace('[Service]\n', '[Service]\n# moved\n'), file);
    assert.ok(below.ok);
    assert.deepEqual(below.offsets, [0, 1]);
  });

  it('fails clearly when the hunks do not apply', () => {
    const file = parsePatch(read('patches/git-diff.patch')).files[0];
    const applied = applyFilePatch(example.replace('MemoryDenyWriteExecute=yes', 'MemoryDenyWriteExecute=no'), file);
    assert.equal(applied.ok, false);
    assert.ok(!applied.ok);
    assert.equal(applied.hunk, 1);
    assert.match(applied.message, /^hunk 2 \(@@ -31,6 \+31,7 @@\) does not apply: line 33 is "MemoryDenyWriteExecute=no", the hunk expects "MemoryDenyWriteExecute=yes"/);
  });

  it('from the hunks only: each shown line at its own line number, nothing else', () => {
    const file = parsePatch(read('patches/git-diff.patch')).files[0];
    const texts = textsFromHunks(file);
    assert.ok(texts.old && texts.new);
    const lines = texts.new.text.split('\n');
    const real = hardened.split('\n');
    assert.deepEqual([...texts.new.shown].sort((a, b) => a - b), [0, 1, 2, 3, 4, 30, 31, 32, 33, 34, 35, 36]);
    for (const n of texts.new.shown) assert.equal(lines[n], real[n]);
    for (let n = 0; n < lines.length - 1; n++) if (!texts.new.shown.has(n)) assert.equal(lines[n], '');
    assert.equal(texts.new.whole, false);
  });

  it('from the hunks only: a section header the hunks do not show may be put above a hunk', () => {
    const file = parsePatch(read('patches/git-diff.patch')).files[0];
    const texts = textsFromHunks(file, { lineBefore: (_f, hunk) => (hunk === 1 ? '[Service]' : undefined) });
    assert.equal(texts.new?.text.split('\n')[29], '[Service]');
    assert.ok(!texts.new?.shown.has(29));
  });

  it('a new file is whole from its hunks; it has no old text', () => {
    const file = parsePatch(read('patches/several-files.patch')).files[3];
    const texts = textsFromHunks(file);
    assert.equal(texts.old, undefined);
    assert.deepEqual(texts.new && { text: texts.new.text, whole: texts.new.whole }, { text: '[Service]\nPrivateDevices=yes\n', whole: true });
  });

  it('maps a range of the new file onto the patch document', () => {
    const file = parsePatch(read('patches/git-diff.patch')).files[0];
    // SystemCallArchitectures=native is line 34 of the new file, line 16 of the patch.
    assert.deepEqual(rangeInPatch(file, 'new', { start: { line: 33, character: 0 }, end: { line: 33, character: 30 } }), { start: { line: 15, character: 1 }, end: { line: 15, character: 31 } });
    assert.equal(rangeInPatch(file, 'new', { start: { line: 10, character: 0 }, end: { line: 10, character: 3 } }), undefined);
  });

  it('a position in the patch to the file position it shows, for hover on a patch line', () => {
    const files = parsePatch(read('patches/several-files.patch')).files;
    const at = (line: number, character: number) => {
      const found = filePositionAt(files, { line, character });
      return found && { path: found.file.newPath, side: found.side, line: found.line, character: found.character, kind: found.kind };
    };
    // Patch line 23 is "+PrivateTmp=yes", the 15th line of the new nftables.service.
    assert.deepEqual(at(23, 3), { path: 'nftables.service', side: 'new', line: 14, character: 2, kind: '+' });
    // A removed line is in the old text; a context line in the new one.
    assert.deepEqual(at(5, 1), { path: 'README', side: 'old', line: 0, character: 0, kind: '-' });
    assert.deepEqual(at(22, 4), { path: 'nftables.service', side: 'new', line: 13, character: 3, kind: ' ' });
    // The prefix, hunk headers and file headers show no file position.
    for (const [line, character] of [[23, 0], [19, 3], [17, 5], [0, 3]]) assert.equal(at(line, character), undefined, `${line}:${character}`);
  });
});
