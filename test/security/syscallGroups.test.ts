/**
 * The system call groups of each release equal those systemd-analyze of that release prints
 * (`systemd-analyze syscall-filter`): the knowledge base's (262) plus the per-version differences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syscallGroupNames } from '../../server/src/core/kb';
import { groupItems } from '../../server/src/core/security/syscallFilter';
import { runAnalyzer, securityAnalyzers } from './support';

/** Group name → items, from the output of `systemd-analyze syscall-filter`. */
function parseGroups(output: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (/^@[a-z-]+$/.test(line)) groups.set(line, (current = []));
    else if (/^\S/.test(line)) current = undefined; // a section that is not a group (unlisted calls)
    else if (current && /^\s+[@a-z0-9_-]+$/.test(line)) current.push(line.trim());
  }
  return groups;
}

for (const analyzer of securityAnalyzers()) {
  test(`system call groups at ${analyzer.version} equal systemd-analyze ${analyzer.label}'s`, () => {
    const r = runAnalyzer(analyzer, ['syscall-filter', '--no-pager']);
    assert.equal(r.status, 0, r.stderr);
    const theirs = parseGroups(r.stdout);
    assert.ok(theirs.size > 20, `only ${theirs.size} groups read`);
    const problems: string[] = [];
    for (const name of new Set([...theirs.keys(), ...syscallGroupNames])) {
      const ours = groupItems(name, analyzer.version);
      const their = theirs.get(name);
      if (!ours || !their) {
        if (ours || their) problems.push(`${name}: ${ours ? 'not in this release' : 'missing from ours'}`);
        continue;
      }
      const extra = ours.filter((i) => !their.includes(i));
      const missing = their.filter((i) => !ours.includes(i));
      if (extra.length || missing.length) problems.push(`${name}: ours adds ${extra.join(' ') || '-'}, lacks ${missing.join(' ') || '-'}`);
    }
    console.log(`systemd-analyze ${analyzer.label}: ${theirs.size} groups, ${problems.length} differences`);
    assert.deepEqual(problems, []);
  });
}
