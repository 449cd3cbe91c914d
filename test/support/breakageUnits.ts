/** The single-file units of rule fixtures, for tests that edit them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../protocol/harness';

const RULES = path.join(repoRoot, 'test/fixtures/rules');

export interface FixtureUnit {
  name: string;
  uri: string;
  text: string;
}

/** The unit file each fixture of a group of rules (`breakage`, `structure`, ...) checks, when it checks one without other files. */
export function ruleFixtureUnits(group: string): FixtureUnit[] {
  const root = path.join(RULES, group);
  return readdirSync(root)
    .filter((dir) => existsSync(path.join(root, dir, 'expected.json')))
    .flatMap((dir) => {
      const expected = JSON.parse(readFileSync(path.join(root, dir, 'expected.json'), 'utf8')) as { check: string; with?: string[] };
      if (expected.with && expected.with.length > 0) return [];
      return [{ name: `${group}/${dir}`, uri: `file:///etc/systemd/system/${expected.check}`, text: readFileSync(path.join(root, dir, expected.check), 'utf8') }];
    });
}

/** The unit file each breakage fixture checks, when it checks one without other files. */
export function breakageUnits(): FixtureUnit[] {
  return ruleFixtureUnits('breakage');
}
