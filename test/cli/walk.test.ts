import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lines, runCli, runJson, tempFolder, treeArg } from './cliHarness';

const CLEAN = '[Unit]\nDescription=Walk fixture\n';
/** A service systemd loads: one with nothing to run is refused (unit-refused). */
const CLEAN_SERVICE = `${CLEAN}\n[Service]\nExecStart=/bin/true\n`;

/** Runs `run` in a new folder holding `files` (paths relative to it, folders made as needed), removed afterwards. */
function withUnitFolder(files: Readonly<Record<string, string>>, run: (dir: string) => void): void {
  const tmp = tempFolder('walk-units');
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(tmp.dir, name)), { recursive: true });
      writeFileSync(path.join(tmp.dir, name), text);
    }
    run(tmp.dir);
  } finally {
    tmp.remove();
  }
}

describe('folder walking', () => {
  it('finds units, .in templates and drop-ins, in sorted order, and ignores other files', () => {
    const { json, result } = runJson([treeArg]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      json.files.map((f) => f.path),
      [
        'app.service',
        'app.service.d/10-limits.conf',
        'backup.timer',
        'nested/deeper/srv-data.mount',
        'nested/worker@.service.in',
        'service.d/50-timeout.conf',
      ].map((p) => `${treeArg}/${p}`),
    );
    // README.md, app.service.d/notes.txt, misc/settings.conf and unit.service.txt hold
    // broken headers: had they been checked, the run would have failed.
    assert.equal(runCli(['check', treeArg]).stdout, '');
  });

  it('checks a file named on the command line whatever its name', () => {
    const result = runCli(['check', `${treeArg}/misc/settings.conf`]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^test\/fixtures\/cli\/tree\/misc\/settings\.conf:1:1: error: .*\[invalid-section-header\]$/m);
  });

  it('joins paths below a folder given with a trailing slash or as ./', () => {
    const tree = runJson([`${treeArg}/nested/`]).json.files.map((f) => f.path);
    assert.deepEqual(tree, [`${treeArg}/nested/deeper/srv-data.mount`, `${treeArg}/nested/worker@.service.in`]);
    const here = runJson(['.'], { cwd: path.resolve(__dirname, '../../..', treeArg, 'nested') }).json.files.map((f) => f.path);
    assert.deepEqual(here, ['deeper/srv-data.mount', 'worker@.service.in']);
  });

  it('ends symbolic link loops, checks each real file once and skips version-control folders', () => {
    const tmp = tempFolder('walk');
    try {
      const root = path.join(tmp.dir, 'root');
      mkdirSync(path.join(root, 'sub'), { recursive: true });
      mkdirSync(path.join(root, '.git'));
      writeFileSync(path.join(root, 'a.service'), CLEAN_SERVICE);
      writeFileSync(path.join(root, 'sub', 'b.socket'), `${CLEAN}\n[Socket]\nListenStream=/run/b.sock\n`);
      writeFileSync(path.join(root, '.git', 'c.service'), '[Unit\n');
      symlinkSync('..', path.join(root, 'sub', 'loop')); // sub/loop -> root
      symlinkSync(root, path.join(root, 'sub', 'self')); // absolute link to the root
      symlinkSync('a.service', path.join(root, 'z-alias.service')); // an alias of a.service
      symlinkSync('missing.service', path.join(root, 'dangling.service'));
      symlinkSync('/dev/null', path.join(root, 'masked.service'));
      const { json, result } = runJson(['root'], { cwd: tmp.dir });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(json.files.map((f) => f.path), ['root/a.service', 'root/sub/b.socket']);
      assert.match(result.stderr, /skipping 'root\/dangling\.service': no such file or directory/);
    } finally {
      tmp.remove();
    }
  });

  it('follows a linked drop-in folder inside the folder named, names files by the link, and skips one outside', () => {
    const tmp = tempFolder('walk-link');
    try {
      // Sorted after the link, so that the folder is first entered through it.
      mkdirSync(path.join(tmp.dir, 'units', 'z-shared'), { recursive: true });
      writeFileSync(path.join(tmp.dir, 'units', 'z-shared', '10-x.conf'), '[Service]\nNice=5\n');
      symlinkSync('z-shared', path.join(tmp.dir, 'units', 'web.service.d'));
      mkdirSync(path.join(tmp.dir, 'elsewhere'));
      writeFileSync(path.join(tmp.dir, 'elsewhere', '20-y.conf'), '[Service]\nNice=6\n');
      symlinkSync('../elsewhere', path.join(tmp.dir, 'units', 'db.service.d'));
      const { json, result } = runJson(['units'], { cwd: tmp.dir });
      assert.deepEqual(json.files.map((f) => f.path), ['units/web.service.d/10-x.conf']);
      assert.match(result.stderr, /^unitguard: skipping 'units\/db\.service\.d': a link that leads outside 'units'$/m);
      // Named itself, the folder outside is walked.
      assert.deepEqual(runJson(['units/db.service.d'], { cwd: tmp.dir }).json.files.map((f) => f.path), ['units/db.service.d/20-y.conf']);
    } finally {
      tmp.remove();
    }
  });

  it('says a cause of the unit once, in a file of its own, when its first line is in a drop-in other units read too', () => {
    withUnitFolder({ 'web-api.service': '[Service]\nExecStart=/usr/bin/web-api\nProtectClock=yes\n', 'service.d/10-home.conf': '[Service]\nProtectHome=yes\n' }, (dir) => {
      const undone = (): string[] => lines(runCli(['check', '.'], { cwd: dir }).stdout).filter((l) => l.endsWith('[requires-one-of]'));
      // Every line of the cause in service.d/, which each service reads: the unit file says it, on its [Service].
      assert.deepEqual(undone(), ['web-api.service:1:1: warning: service.d/10-home.conf line 2: ProtectHome=yes can be undone: a process of the unit that may call mount() can remount the file system. Deny the @mount calls or drop CAP_SYS_ADMIN. [requires-one-of]']);
      // A line of the cause in the unit's own drop-in: that drop-in says it, once for both lines.
      mkdirSync(path.join(dir, 'web-api.service.d'));
      writeFileSync(path.join(dir, 'web-api.service.d', '20-tmp.conf'), '[Service]\nPrivateTmp=yes\n');
      const both = undone();
      assert.equal(both.length, 1, both.join('\n'));
      assert.match(both[0], /^web-api\.service\.d\/20-tmp\.conf:2:1: warning: 2 mount protections, ProtectHome=yes \(service\.d\/10-home\.conf line 2\) and PrivateTmp=yes \(line 2\), can be undone/);
    });
  });

  it('leaves a finding that a shared drop-in makes by itself to that drop-in: the unit does not say it again', () => {
    withUnitFolder({ 'web-api.service': '[Service]\nExecStart=/usr/bin/web-api\n', 'service.d/10-x.conf': '[Service]\nDynamicUser=yes\nBusName=a.b\n' }, (dir) => {
      const found = lines(runCli(['check', '.'], { cwd: dir }).stdout).filter((l) => l.endsWith('[conflicts-with]'));
      assert.deepEqual(found.map((l) => l.slice(0, l.indexOf(': '))), ['service.d/10-x.conf:2:1']);
    });
  });

  it('says so on stderr when a folder holds no unit files, without failing', () => {
    const tmp = tempFolder('walk-empty');
    try {
      writeFileSync(path.join(tmp.dir, 'notes.txt'), 'nothing\n');
      const result = runCli(['check', '.'], { cwd: tmp.dir });
      assert.equal(result.status, 0);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /no unit files found under '\.'/);
    } finally {
      tmp.remove();
    }
  });

  it('a drop-in named on the command line is checked with its unit and the unit\'s other drop-ins', () => {
    const tmp = tempFolder('walk-dropin');
    try {
      mkdirSync(path.join(tmp.dir, 'web.service.d'));
      writeFileSync(path.join(tmp.dir, 'web.service'), '[Service]\nExecStart=/bin/true\n');
      writeFileSync(path.join(tmp.dir, 'web.service.d', '10-start.conf'), '[Service]\nExecStart=/bin/false\n');
      const result = runCli(['check', 'web.service.d/10-start.conf'], { cwd: tmp.dir });
      assert.equal(result.status, 1, result.stderr);
      // Only with the unit's own ExecStart= does the drop-in's make a second command.
      assert.match(result.stdout, /^web\.service\.d\/10-start\.conf:2:1: error: systemd refuses to load this service: this is a second ExecStart= command/m);
    } finally {
      tmp.remove();
    }
  });

  it('sorts by UTF-16 code units, whatever order the files were made in', () => {
    const tmp = tempFolder('walk-order');
    try {
      const names = ['b.service', 'B.service', 'a-b.service', 'a.service', 'a.service.d', '10.target', 'é.slice', '_.path', 'z.timer'];
      for (const name of names) {
        if (name.endsWith('.d')) {
          mkdirSync(path.join(tmp.dir, name));
          writeFileSync(path.join(tmp.dir, name, 'x.conf'), CLEAN);
        } else writeFileSync(path.join(tmp.dir, name), CLEAN);
      }
      const found = runJson(['.'], { cwd: tmp.dir }).json.files.map((f) => f.path);
      assert.deepEqual(found, ['10.target', 'B.service', '_.path', 'a-b.service', 'a.service', 'a.service.d/x.conf', 'b.service', 'z.timer', 'é.slice']);
    } finally {
      tmp.remove();
    }
  });
});
