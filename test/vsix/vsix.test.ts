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
/**
 * What the package may weigh: the desktop client and server bundles, the browser client and its
 * worker server (the same language service, bundled for the web), the icon and the screenshots
 * of the extension's page. A bundle that drags in something it does not load shows up here.
 */
const maxBytes = 2 * 1024 * 1024;

interface Manifest {
  name: string;
  icon?: string;
  scripts: Record<string, string>;
  publisher: string;
  version: string;
  main: string;
  browser: string;
  activationEvents: string[];
  contributes: {
    languages: Array<{ id: string; configuration?: string }>;
    grammars: Array<{ path: string }>;
  };
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/** The options `npm run package` gives `vsce package`, with `--out` set to `out`. */
function packageOptions(out: string): string[] {
  const options = /\bvsce package ([^&|;]*)/.exec(manifest.scripts.package)?.[1].trim().split(/\s+/);
  assert.ok(options && options.includes('--out'), `no vsce package --out in the package script: ${manifest.scripts.package}`);
  options[options.indexOf('--out') + 1] = out;
  return options;
}

/** Runs vsce from the project's devDependencies as `npm run package` does, into FILE. */
function packageVsix(out: string): void {
  const vscePackage = require.resolve('@vscode/vsce/package.json', { paths: [repoRoot] });
  const bin = (JSON.parse(readFileSync(vscePackage, 'utf8')) as { bin: Record<string, string> }).bin.vsce;
  const result = spawnSync(process.execPath, [path.join(path.dirname(vscePackage), bin), 'package', ...packageOptions(out)], {
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
    ['the web client bundle (package.json browser)', () => inExtension(manifest.browser)],
    ['the web server bundle (its Web Worker)', () => 'extension/dist/web/server.js'],
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

  test('holds the icon package.json names, a square PNG of 128 or 256 pixels that the VSIX manifest uses', () => {
    assert.ok(manifest.icon, 'package.json names no icon');
    const entry = entries.find((e) => e.name === inExtension(manifest.icon ?? ''));
    assert.ok(entry, `${manifest.icon} is not in the package`);
    const png = zipEntryData(zip, entry);
    assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'the icon is not a PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width === height && (width === 128 || width === 256), `the icon is ${width}×${height}`);
    const xml = zipEntryData(zip, entries.find((e) => e.name === 'extension.vsixmanifest') ?? entry).toString('utf8');
    assert.match(xml, new RegExp(`<Asset Type="Microsoft\\.VisualStudio\\.Services\\.Icons\\.Default" Path="${inExtension(manifest.icon).replace(/\./g, '\\.')}"`));
  });

  /** The packaged readme: the extension's page. */
  function packagedReadme(): { name: string; text: string } {
    const readmes = entries.filter((e) => /^extension\/readme\.md$/i.test(e.name));
    assert.equal(readmes.length, 1, `readmes: ${readmes.map((e) => e.name).join(', ')}`);
    return { name: readmes[0].name, text: zipEntryData(zip, readmes[0]).toString('utf8') };
  }

  /** The targets of a markdown text's links and images (`[t](x)`, `![t](x)`, `<img src="x">`). */
  function linkTargets(markdown: string): Array<{ image: boolean; target: string }> {
    const links = [...markdown.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ image: m[1] === '!', target: m[2] }));
    const images = [...markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => ({ image: true, target: m[1] }));
    return [...links, ...images];
  }

  test('its readme is the extension page from docs/marketplace, with no name that differs only in case', () => {
    const readme = packagedReadme();
    assert.equal(readme.text, readFileSync(path.join(repoRoot, 'docs', 'marketplace', 'README.md'), 'utf8'));
    assert.match(readme.text, /^#+ What you get$/m);
    const lower = names.map((name) => name.toLowerCase());
    assert.deepEqual(names.filter((_, i) => lower.indexOf(lower[i]) !== i), [], 'two entries differ only in case');
  });

  test("its readme's images are in the package, and its relative links resolve inside it", () => {
    const readme = packagedReadme();
    const targets = linkTargets(readme.text);
    const images = targets.filter((t) => t.image);
    assert.ok(images.length >= 3, `the readme shows ${images.length} images`);
    // An image must load offline: relative to the readme (the package's root), never a URL.
    assert.deepEqual(images.filter((t) => /^[a-z][\w+.-]*:/i.test(t.target)), [], 'an image is not in the package');
    const unresolved = targets
      .filter((t) => !/^([a-z][\w+.-]*:|#)/i.test(t.target))
      .map((t) => path.posix.normalize(path.posix.join(path.posix.dirname(readme.name), decodeURI(t.target.replace(/[?#].*$/, '')))))
      .filter((entry) => !entry.startsWith('extension/') || !names.includes(entry));
    assert.deepEqual(unresolved, []);
    for (const image of images) {
      const data = zipEntryData(zip, entries.find((e) => e.name === path.posix.join('extension', image.target)) ?? entries[0]);
      assert.ok(data.subarray(1, 4).toString('latin1') === 'PNG', `${image.target} is not a PNG`);
    }
  });

  test('its package.json is the project manifest (same identity, entry, activation, languages)', () => {
    const entry = entries.find((e) => e.name === 'extension/package.json');
    assert.ok(entry);
    const packaged = JSON.parse(zipEntryData(zip, entry).toString('utf8')) as Manifest;
    assert.deepEqual(
      [packaged.publisher, packaged.name, packaged.version, packaged.main, packaged.browser, packaged.activationEvents, packaged.contributes.languages],
      [manifest.publisher, manifest.name, manifest.version, manifest.main, manifest.browser, manifest.activationEvents, manifest.contributes.languages],
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

  // The web bundles run in a browser: the client may load the vscode API and nothing else, the server (a Web Worker) nothing.
  const webBundles: Array<[string, string[]]> = [
    ['extension/dist/web/client.js', ['vscode']],
    ['extension/dist/web/server.js', []],
  ];
  for (const [bundle, allowed] of webBundles) {
    test(`${bundle} loads ${allowed.length ? `only ${allowed.join(', ')}` : 'nothing'}, no Node built-in`, () => {
      const entry = entries.find((e) => e.name === bundle);
      assert.ok(entry, `${bundle} missing`);
      const code = zipEntryData(zip, entry).toString('utf8');
      const required = new Set(Array.from(code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g), (match) => match[1]));
      assert.deepEqual([...required].filter((name) => !allowed.includes(name)), []);
      assert.doesNotMatch(code, /["'`]node:[a-z_/]+["'`]/, 'a node: module in a browser bundle');
    });
  }
});
