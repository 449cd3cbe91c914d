import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesArg, packageVersion, runCli } from './cliHarness';

const good = `${filesArg}/clean.target`;

/** Mistakes on the command line: exit 2, nothing on stdout, a message naming the mistake on stderr. */
const usageErrors: Array<{ args: string[]; message: RegExp }> = [
  { args: [], message: /usage: unitguard COMMAND/ },
  { args: ['lint', good], message: /unknown command 'lint'/ },
  { args: ['--frobnicate'], message: /unknown option '--frobnicate'/ },
  { args: ['help', 'lint'], message: /unknown command 'lint'/ },
  { args: ['check'], message: /no paths to check/ },
  { args: ['check', '--format', 'xml', good], message: /unknown format 'xml'/ },
  { args: ['check', '--format=', good], message: /unknown format ''/ },
  { args: ['check', good, '--format'], message: /option '--format' needs a value/ },
  { args: ['check', '--verbose', good], message: /unknown option '--verbose'/ },
  { args: ['check', '-x', good], message: /unknown option '-x'/ },
  { args: ['check', '--help=yes', good], message: /option '--help' takes no value/ },
  { args: ['check', '--systemd-version', 'abc', good], message: /--systemd-version must be a whole number from 200 to 999, not 'abc'/ },
  { args: ['check', '--systemd-version', '199', good], message: /not '199'/ },
  { args: ['check', '--systemd-version', '1000', good], message: /not '1000'/ },
  { args: ['check', '--systemd-version', '252.5', good], message: /not '252\.5'/ },
  { args: ['check', '--systemd-version', '-252', good], message: /not '-252'/ },
  { args: ['check', '--systemd-version', ' 252', good], message: /not ' 252'/ },
  { args: ['check', '--systemd-version', '0x100', good], message: /not '0x100'/ },
  { args: ['check', '--stdin-filename', 'x.service', good], message: /--stdin-filename needs '-' among the paths/ },
];

describe('usage', () => {
  for (const { args, message } of usageErrors) {
    it(`exit 2 for: unitguard ${args.join(' ')}`, () => {
      const result = runCli(args);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    });
  }

  const helps: Array<{ args: string[]; shows: RegExp }> = [
    { args: ['--help'], shows: /^usage: unitguard COMMAND[\s\S]*\n  check  / },
    { args: ['-h'], shows: /^usage: unitguard COMMAND/ },
    { args: ['help'], shows: /^usage: unitguard COMMAND/ },
    { args: ['help', 'check'], shows: /^usage: unitguard check [\s\S]*--systemd-version N[\s\S]*Exit status/ },
    { args: ['check', '--help'], shows: /^usage: unitguard check [\s\S]*--format FORMAT/ },
    { args: ['check', good, '-h'], shows: /^usage: unitguard check / },
  ];
  for (const { args, shows } of helps) {
    it(`exit 0 and help on stdout for: unitguard ${args.join(' ')}`, () => {
      const result = runCli(args);
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, shows);
    });
  }

  for (const flag of ['--version', '-V']) {
    it(`${flag} prints the package version`, () => {
      const result = runCli([flag]);
      assert.deepEqual([result.status, result.stdout, result.stderr], [0, `unitguard ${packageVersion()}\n`, '']);
    });
  }

  it('takes paths after --, even when they look like options', () => {
    const result = runCli(['check', '--', '--format']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read '--format': no such file or directory/);
  });
});
