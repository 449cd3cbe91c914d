/** The single-file units of the breakage rule fixtures, for tests that edit them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../protocol/harness';

const ROOT = path.join(repoRoot, 'test/fixtures/rules/breakage');

export interface FixtureUnit {
  name: string;
  uri: string;
  text: string;
}

/** The unit file each breakage fixture checks, when it checks one without other files. */
export function breakageUnits(): FixtureUnit[] {
  return readdirSync(ROOT)
    .filter((dir) => existsSync(path.join(ROOT, dir, 'expected.json')))
    .flatMap((dir) => {
      const expected = JSON.parse(readFileSync(path.join(ROOT, dir, 'expected.json'), 'utf8')) as { check: string; with?: string[] };
      if (expected.with && expected.with.length > 0) return [];
      return [{ name: dir, uri: `file:///etc/systemd/system/${expected.check}`, text: readFileSync(path.join(ROOT, dir, expected.check), 'utf8') }];
    });
}
