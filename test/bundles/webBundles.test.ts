/**
 * The web bundles (dist/web/, the package.json `browser` entry) run in a browser: in the web
 * extension host and in a Web Worker. They must load no Node built-in (fs, path, child_process,
 * node:*) and nothing but the vscode API the editor provides.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { browser?: string };

/** Every module a bundle loads: require("x"), import ... from "x", import("x"). */
function loadedModules(code: string): string[] {
  const name = String.raw`["'\x60]([@\w./:-]+)["'\x60]`;
  const patterns = [new RegExp(String.raw`\brequire\(\s*${name}\s*\)`, 'g'), new RegExp(String.raw`\bimport\s*[\w{}*,\s]*\bfrom\s*${name}`, 'g'), new RegExp(String.raw`\bimport\(\s*${name}\s*\)`, 'g')];
  return [...new Set(patterns.flatMap((pattern) => Array.from(code.matchAll(pattern), (match) => match[1])))];
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Names of Node built-ins a bundle loads, or mentions as `node:` modules. */
function nodeModulesIn(code: string): string[] {
  const loaded = loadedModules(code).filter((name) => nodeBuiltins.has(name) || name.startsWith('node:'));
  const named = Array.from(code.matchAll(/["'`](node:[a-z_/]+)["'`]/g), (match) => match[1]);
  return [...new Set([...loaded, ...named])].sort();
}

describe('the web bundles', () => {
  const bundles: Array<[string, string[]]> = [
    ['dist/web/client.js', ['vscode']],
    ['dist/web/server.js', []],
  ];

  test('package.json names the web client as its browser entry', () => {
    assert.equal(manifest.browser, './dist/web/client.js');
  });

  test('the scan finds Node built-ins where they are (the Node bundles)', () => {
    const code = readFileSync(path.join(repoRoot, 'dist/serverFeatures.js'), 'utf8');
    assert.ok(nodeModulesIn(code).length > 0, 'the Node server loads fs and path; the scan would prove nothing');
    assert.deepEqual(nodeModulesIn('var a=require("fs"),b=require("node:path");import("node:url")'), ['fs', 'node:path', 'node:url']);
  });

  for (const [bundle, allowed] of bundles) {
    test(`${bundle} loads no Node built-in and nothing but ${allowed.length ? allowed.join(', ') : 'itself'}`, () => {
      const file = path.join(repoRoot, bundle);
      assert.ok(existsSync(file), `${bundle} missing: run node scripts/build.mjs`);
      const code = readFileSync(file, 'utf8');
      assert.deepEqual(nodeModulesIn(code), []);
      assert.deepEqual(loadedModules(code).filter((name) => !allowed.includes(name)), []);
      assert.doesNotMatch(code, /\b__dirname\b|\bprocess\.binding\b|\bchild_process\b/, 'Node-only names in a browser bundle');
    });
  }
});
