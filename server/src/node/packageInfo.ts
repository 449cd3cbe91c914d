import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What the tools say about themselves (`--version`, SARIF's tool section). */
export interface PackageInfo {
  name: string;
  version: string;
  /** The project's home page, for links in reports. */
  homepage: string | undefined;
}

const PACKAGE_NAME = 'unitguard';
let cached: PackageInfo | undefined;

/**
 * Finds the extension's package.json above this file: `dist/` in the bundle,
 * `out/server/src/node/` when run from the compiled sources.
 */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  cached = { name: PACKAGE_NAME, version: '0.0.0-unknown', homepage: undefined };
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest?.name === PACKAGE_NAME) {
      cached = {
        name: PACKAGE_NAME,
        version: typeof manifest.version === 'string' ? manifest.version : cached.version,
        homepage: homepageOf(manifest),
      };
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return cached;
}

interface Manifest {
  name?: unknown;
  version?: unknown;
  homepage?: unknown;
  repository?: unknown;
}

function readManifest(path: string): Manifest | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

function homepageOf(manifest: Manifest): string | undefined {
  if (typeof manifest.homepage === 'string') return manifest.homepage;
  const repository = manifest.repository;
  const url =
    typeof repository === 'string'
      ? repository
      : repository !== null && typeof repository === 'object' && typeof (repository as { url?: unknown }).url === 'string'
        ? (repository as { url: string }).url
        : undefined;
  return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}
