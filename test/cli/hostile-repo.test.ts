/**
 * A cloned repository is hostile input: links to /proc, /etc or a whole file system, FIFOs and
 * policies outside the repository. Each case ran away, hung, echoed a secret or wrote outside the
 * folder named before the guard; now it ends quickly with a plain message.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempFolder } from './cliHarness';

const UNIT = '[Service]\nExecStart=/bin/true\n';

interface Case {
  name: string;
  /** Files to make: text, or `-> target` for a link. */
  files: Record<string, string>;
  args: string[];
  status: number;
  stderr?: RegExp;
  stdout?: RegExp;
  /** Never on stderr or stdout: what the refused file holds. */
  notEchoed?: RegExp;
}

const cases: Case[] = [
  {
    name: 'a drop-in linked to /proc/self/pagemap is not read',
    files: { 't/web.service': UNIT, 't/web.service.d/o.conf': '-> /proc/self/pagemap' },
    args: ['check', 't/web.service'],
    status: 0,
  },
  {
    name: 'security refuses a drop-in linked out of the unit folder, naming it',
    files: { 't/web.service': UNIT, 't/web.service.d/o.conf': '-> /proc/self/pagemap' },
    args: ['security', 't/web.service'],
    status: 2,
    stderr: /^unitguard: t\/web\.service: cannot be read \(.*o\.conf: a link that leads outside '.*\/t'\)$/m,
  },
  {
    name: 'a unit linked to /proc/self/pagemap in a folder walk is skipped',
    files: { 't/x.service': '-> /proc/self/pagemap', 't/ok.service': UNIT },
    args: ['check', 't'],
    status: 0,
    stderr: /^unitguard: skipping 't\/x\.service': a link that leads outside 't'$/m,
  },
  {
    name: 'a security policy in /proc is refused',
    files: { 'p/web.service': UNIT, 'p/.unitguardrc': 'security-policy = /proc/self/pagemap\n' },
    args: ['security', 'p/web.service'],
    status: 2,
    stderr: /security policy \/proc\/self\/pagemap: outside the folder of the \.unitguardrc that names it/,
  },
  {
    name: 'a security policy of /etc/shadow is refused without a byte of it',
    files: { 's/web.service': UNIT, 's/.unitguardrc': 'security-policy = /etc/shadow\n' },
    args: ['security', 's/web.service'],
    status: 2,
    stderr: /security policy \/etc\/shadow: outside the folder/,
    notEchoed: /root:/,
  },
  {
    name: 'a policy linked out of the folder is refused in check too (exit 2)',
    files: { 's/web.service': UNIT, 's/.unitguardrc': 'security-policy = policy.json\n', 's/policy.json': '-> /etc/passwd' },
    args: ['check', 's/web.service'],
    status: 2,
    stderr: /security policy .*policy\.json: a link that leads outside/,
    notEchoed: /root:/,
  },
  {
    name: 'a policy named on the command line that is not JSON: one line, no content',
    files: { 'web.service': UNIT, 'bad.json': 'root:x:0:0:secret\n' },
    args: ['security', '--security-policy', 'bad.json', 'web.service'],
    status: 2,
    stderr: /^unitguard: cannot use the security policy 'bad\.json': not JSON( at character \d+)?\n$/,
    notEchoed: /secret/,
  },
  {
    name: 'a missing policy named on the command line: one line, no ENOENT',
    files: { 'web.service': UNIT },
    args: ['security', '--security-policy', 'nope.json', 'web.service'],
    status: 2,
    stderr: /^unitguard: cannot use the security policy 'nope\.json': no such file or directory\n$/,
  },
  {
    name: 'a missing policy named by .unitguardrc: check exits 2',
    files: { 'e/web.service': UNIT, 'e/.unitguardrc': 'security-policy = nope.json\n' },
    args: ['check', 'e/web.service'],
    status: 2,
    stderr: /^unitguard: security policy .*nope\.json: no such file or directory$/m,
  },
  {
    name: 'a .unitguardrc that is a FIFO-like link outside: exit 2, the unit still checked',
    files: { 'e/web.service': UNIT, 'e/.unitguardrc': '-> /etc/shadow' },
    args: ['check', 'e/web.service'],
    status: 2,
    stderr: /\.unitguardrc: cannot be read \(a link that leads outside/,
    notEchoed: /root:/,
  },
  {
    name: 'a link to / in the folder is not walked',
    files: { 'r/rootlink': '-> /', 'r/a.service': UNIT },
    args: ['check', 'r'],
    status: 0,
    stderr: /^unitguard: skipping 'r\/rootlink': a link that leads outside 'r'$/m,
  },
  // Control characters from a file reach the terminal as escapes: a unit cannot clear the screen,
  // move the cursor over its own findings or set the window's title.
  {
    name: "check: a file's name and key with terminal controls are printed escaped",
    files: { 'e/e\x1b[31mvil\x1b]0;T\x07.service': '[Service]\nExecStart=/bin/true\nExec\x1b]0;PWN\x07Start\u202e=x\n' },
    args: ['check', 'e'],
    status: 1,
    stdout: /^e\/e\\x1b\[31mvil\\x1b\]0;T\\x07\.service:3:1: error: .*Exec\\x1b\]0;PWN\\x07Start\\u202e/m,
    notEchoed: /[\x1b\x07\u202e]/,
  },
  {
    name: 'a .unitguardrc whose words hold terminal controls is quoted escaped',
    files: { 'c/x.service': UNIT, 'c/.unitguardrc': 'systemd-version = \x1b[2J\x1b[1A999\n[rules]\n\x1b[31mnot-a-rule = off\n' },
    args: ['check', 'c/x.service'],
    status: 2,
    stderr: /systemd-version: '\\x1b\[2J\\x1b\[1A999' is not a systemd version/,
    notEchoed: /\x1b/,
  },
  {
    name: "security prints a unit's name with terminal controls escaped",
    files: { 's/a\x1b[2Jb.service': UNIT },
    args: ['security', 's/a\x1b[2Jb.service'],
    status: 0,
    stdout: /Overall exposure level for a\\x1b\[2Jb\.service: /,
    notEchoed: /\x1b/,
  },
  {
    name: "harden's plan names the unit escaped",
    files: { 'h/a\x1b[2Jb.service': UNIT },
    args: ['harden', '--level', 'safe', 'h/a\x1b[2Jb.service'],
    status: 0,
    stdout: /^h\/a\\x1b\[2Jb\.service: safe: exposure/m,
    notEchoed: /\x1b/,
  },
];

function make(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (content.startsWith('-> ')) symlinkSync(content.slice(3), file);
    else writeFileSync(file, content);
  }
}

describe('hostile repositories', () => {
  for (const c of cases) {
    it(c.name, () => {
      const tmp = tempFolder('hostile');
      try {
        make(tmp.dir, c.files);
        const result = runCli(c.args, { cwd: tmp.dir });
        assert.equal(result.status, c.status, result.stderr);
        if (c.stderr) assert.match(result.stderr, c.stderr);
        if (c.stdout) assert.match(result.stdout, c.stdout);
        assert.doesNotMatch(result.stderr, /ENOENT|Error:|at [A-Za-z]+ \(/);
        if (c.notEchoed) assert.doesNotMatch(result.stderr + result.stdout, c.notEchoed);
      } finally {
        tmp.remove();
      }
    });
  }

  it('check --fix never writes through a link that leaves the folder named', () => {
    const tmp = tempFolder('hostile-fix');
    try {
      const victim = '[Service]\nExecStart=/bin/true\nNice=5\nNice=6\n';
      make(tmp.dir, { 'outside/victim.service': victim, 'repo/vendor': '-> ../outside', 'repo/x.service': '-> ../outside/victim.service' });
      const walked = runCli(['check', '--fix', '.'], { cwd: path.join(tmp.dir, 'repo') });
      assert.match(walked.stderr, /skipping 'vendor': a link that leads outside '\.'/);
      // Named on the command line, the link is read, but the file it leads to is not written.
      const named = runCli(['check', '--fix', 'x.service'], { cwd: path.join(tmp.dir, 'repo') });
      assert.equal(named.status, 2, named.stderr);
      assert.match(named.stderr, /cannot write 'x\.service': a link that leads outside/);
      assert.equal(readFileSync(path.join(tmp.dir, 'outside/victim.service'), 'utf8'), victim);
    } finally {
      tmp.remove();
    }
  });

  it('check --fix writes a file inside the folder in place, keeping CRLF line ends', () => {
    const tmp = tempFolder('hostile-fix-crlf');
    try {
      make(tmp.dir, { 'repo/a.service': '[Service]\r\nExecStart=/bin/true\r\nNice=5\r\nNice=6\r\n' });
      const result = runCli(['check', '--fix', 'repo'], { cwd: tmp.dir });
      assert.match(result.stderr, /fixed 'repo\/a\.service'/);
      assert.equal(readFileSync(path.join(tmp.dir, 'repo/a.service'), 'utf8'), '[Service]\r\nExecStart=/bin/true\r\nNice=6\r\n');
    } finally {
      tmp.remove();
    }
  });
});
