/**
 * The packaged extension: what `npm run package` puts into the .vsix. It packages a fresh .vsix
 * into a temp folder (or checks env UNITGUARD_VSIX, e.g. unitguard.vsix after npm run package).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipEntries, zipEntryData, type ZipEntry } from './zipEntries';

const repoRoot = path.resolve(__dirname, '../../..');
const maxBytes = 1.5 * 1024 * 1024;

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  main: string;
  activationEvents: string[];
  contributes: {
    languages: Array<{ id: string; configuration?: string }>;
    grammars: Array<{ path: string }>;
  };
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/** Runs vsce from the project's devDependencies: `vsce package --no-dependencies --out FILE`. */
function packageVsix(out: string): void {
  const vscePackage = require.resolve('@vscode/vsce/package.json', { paths: [repoRoot] });
  const bin = (JSON.parse(readFileSync(vscePackage, 'utf8')) as { bin: Record<string, string> }).bin.vsce;
  const result = spawnSync(process.execPath, [path.join(path.dirname(vscePackage), bin), 'package', '--no-dependencies', '--out', out], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `vsce package failed:\n${result.stdout}\n${result.stderr}`);
  assert.doesNotMatch(`${result.stdout}${result.stderr}`, /WARNING/, 'vsce warns while packaging');
}

const inExtension = (file: string): string => `extension/${path.posix.normalize(file.replace(/^\.\//, ''))}`;

describe('the .vsix', () => {
  let scratch: string | undefined;
  let vsix: string;
  let zip: Buffer;
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    if (process.env.UNITGUARD_VSIX) {
      vsix = path.resolve(repoRoot, process.env.UNITGUARD_VSIX);
    } else {
      scratch = mkdtempSync(path.join(tmpdir(), 'unitguard-vsix-'));
      vsix = path.join(scratch, 'unitguard.vsix');
      packageVsix(vsix);
    }
    zip = readFileSync(vsix);
    entries = zipEntries(zip);
    names = entries.map((entry) => entry.name);
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the zip reader lists and reads it as unzip does', (t) => {
    if (spawnSync('unzip', ['-v']).status !== 0) {
      t.skip('unzip not installed');
      return;
    }
    const listed = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual([...names].sort(), listed.stdout.split('\n').filter(Boolean).sort());
    for (const entry of entries.filter((e) => !e.name.endsWith('/'))) {
      // unzip reads member names as wildcard patterns: escape [ ] * ?.
      const pattern = entry.name.replace(/[[\]*?]/g, (c) => `\\${c}`);
      const piped = spawnSync('unzip', ['-p', vsix, pattern], { maxBuffer: 64 * 1024 * 1024 });
      assert.ok(zipEntryData(zip, entry).equals(piped.stdout), `${entry.name}: content differs from unzip -p`);
    }
  });

  test(`is smaller than ${maxBytes} bytes`, () => {
    assert.ok(statSync(vsix).size < maxBytes, `${vsix} is ${statSync(vsix).size} bytes`);
  });

  const required: Array<[string, () => RegExp | string]> = [
    ['the client bundle (package.json main)', () => inExtension(manifest.main)],
    ['the client bundle', () => 'extension/dist/client.js'],
    ['the server bundle', () => 'extension/dist/server.js'],
    ['the manifest', () => 'extension/package.json'],
    ...manifest.contributes.grammars.map((g, i): [string, () => string] => [`grammar ${i + 1} (${g.path})`, () => inExtension(g.path)]),
    ...manifest.contributes.languages.map((l, i): [string, () => string] => [`the language configuration of language ${i + 1}`, () => inExtension(l.configuration ?? 'missing')]),
    ['the README', () => /^extension\/readme\.md$/i],
    ['the LICENSE', () => /^extension\/license(\.txt|\.md)?$/i],
    ['the CHANGELOG', () => /^extension\/changelog\.md$/i],
    ['the VSIX manifest', () => 'extension.vsixmanifest'],
  ];
  for (const [what, expected] of required) {
    test(`holds ${what}`, () => {
      const wanted = expected();
      const found = typeof wanted === 'string' ? names.includes(wanted) : names.some((name) => wanted.test(name));
      assert.ok(found, `${String(wanted)} not in ${names.join(', ')}`);
    });
  }

  const forbidden: Array<[string, RegExp]> = [
    ['TypeScript sources', /\.(c|m)?ts$/],
    ['source maps', /\.map$/],
    ['node_modules', /(^|\/)node_modules\//],
    ['tests', /(^|\/)(test|tests|\.test-output|\.vscode-test)\//],
    ['test files', /\.test\.(js|ts)$/],
    ['source folders', /^extension\/(server|client|scripts|out|bin)\//],
    ['build info', /\.tsbuildinfo$/],
    ['other packages', /\.vsix$/],
    // The extension never loads the CLI; it ships with the npm package (bin/unitguard.js).
    ['the CLI bundle', /^extension\/dist\/cli\.js$/],
  ];
  for (const [what, pattern] of forbidden) {
    test(`holds no ${what}`, () => {
      assert.deepEqual(names.filter((name) => pattern.test(name)), []);
    });
  }

  test('its package.json is the project manifest (same identity, entry, activation, languages)', () => {
    const entry = entries.find((e) => e.name === 'extension/package.json');
    assert.ok(entry);
    const packaged = JSON.parse(zipEntryData(zip, entry).toString('utf8')) as Manifest;
    assert.deepEqual(
      [packaged.publisher, packaged.name, packaged.version, packaged.main, packaged.activationEvents, packaged.contributes.languages],
      [manifest.publisher, manifest.name, manifest.version, manifest.main, manifest.activationEvents, manifest.contributes.languages],
    );
  });

  test('the VSIX manifest names the extension and its version', () => {
    const entry = entries.find((e) => e.name === 'extension.vsixmanifest');
    assert.ok(entry);
    const xml = zipEntryData(zip, entry).toString('utf8');
    const identity = /<Identity\b[^>]*>/.exec(xml)?.[0] ?? '';
    assert.match(identity, new RegExp(`Id="${manifest.name}"`));
    assert.match(identity, new RegExp(`Version="${manifest.version.replace(/\./g, '\\.')}"`));
    assert.match(identity, new RegExp(`Publisher="${manifest.publisher}"`));
  });

  // Packaged with --no-dependencies: the bundles must not load anything but Node's own modules,
  // the other parts of the server (which the package must hold) and, for the client, the vscode
  // API the editor provides.
  const serverParts = ['./lspLibrary.js', './serverFeatures.js'];
  const bundles: Array<[string, string[]]> = [
    ['extension/dist/client.js', ['vscode']],
    ['extension/dist/server.js', serverParts],
    ['extension/dist/serverFeatures.js', ['./lspLibrary.js']],
    ['extension/dist/lspLibrary.js', []],
  ];
  for (const [bundle, allowed] of bundles) {
    test(`${bundle} requires only Node built-ins${allowed.length ? ` and ${allowed.join(', ')}` : ''}`, () => {
      const entry = entries.find((e) => e.name === bundle);
      assert.ok(entry, `${bundle} missing`);
      const data = zipEntryData(zip, entry);
      assert.equal(data.length, entry.size);
      const code = data.toString('utf8');
      const required = new Set(Array.from(code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g), (match) => match[1]));
      assert.ok(required.size > 0, 'found no require() calls; the check would prove nothing');
      const outside = [...required].filter((name) => !allowed.includes(name) && !builtinModules.includes(name.replace(/^node:/, '')));
      assert.deepEqual(outside, []);
      const parts = [...required].filter((name) => name.startsWith('./')).map((name) => path.posix.join(path.posix.dirname(bundle), name));
      assert.deepEqual(parts.filter((part) => !names.includes(part)), [], 'a part the bundle requires is not in the package');
    });
  }
});
