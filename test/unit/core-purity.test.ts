import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { judgeSpecifier, scanSource, sourceViews, typeScriptFiles } from './purityScanner';

const repoRoot = path.resolve(__dirname, '../../..');
const coreDir = path.join(repoRoot, 'server/src/core');

test('the language core imports no editor, LSP or Node.js module and uses no Node.js global', () => {
  const files = typeScriptFiles(coreDir);
  const relative = files.map((f) => path.relative(coreDir, f));
  assert.ok(relative.includes(path.join('syntax', 'parser.ts')) && files.length >= 8, `scanned ${relative.join(', ')}`);
  const problems = files.flatMap((file) =>
    scanSource(readFileSync(file, 'utf8')).map((p) => `${path.relative(repoRoot, file)}:${p.line}: ${p.message}`),
  );
  assert.deepStrictEqual(problems, []);
});

describe('the purity scanner', () => {
  const flagged = (source: string) => scanSource(source).map((p) => `${p.line}: ${p.message}`);

  const forbidden: [string, string][] = [
    ['vscode', "import * as vscode from 'vscode';"],
    ['vscode-languageserver', "import { createConnection } from 'vscode-languageserver/node';"],
    ['vscode-languageserver (type-only too)', "import type { Connection } from 'vscode-languageserver';"],
    ['vscode-languageserver-protocol', "import { InitializeRequest } from 'vscode-languageserver-protocol';"],
    ['vscode-languageclient', "export { LanguageClient } from 'vscode-languageclient/node';"],
    ['LSP types as values', "import { Range } from 'vscode-languageserver-types';"],
    ['text document as values', "import { TextDocument } from 'vscode-languageserver-textdocument';"],
    ['fs', "import { readFileSync } from 'fs';"],
    ['fs/promises', "import { readFile } from 'fs/promises';"],
    ['path with node: prefix', "import path from 'node:path';"],
    ['child_process via require', "const cp = require('child_process');"],
    ['os via dynamic import', "const os = await import('os');"],
    ['side-effect import', "import 'node:process';"],
    ['import equals require', "import crypto = require('crypto');"],
    ['multi-line import', "import {\n  readFileSync,\n  writeFileSync,\n} from 'fs';"],
    ['process.env', 'const debug = process.env.DEBUG;'],
    ['process[...]', "const x = process['argv'];"],
    ['process inside a template expression', 'const s = `level ${process.env.LEVEL}`;'],
    ['Buffer', "const b = Buffer.from('x');"],
    ['__dirname', 'const here = __dirname;'],
    ['require of a computed name', 'const m = require(name);'],
    ['node types reference', '/// <reference types="node" />\nexport const a = 1;'],
  ];
  for (const [what, source] of forbidden) {
    test(`flags ${what}`, () => {
      assert.notDeepStrictEqual(flagged(source), [], source);
    });
  }

  const allowed: [string, string][] = [
    ['relative imports', "import { parse } from './syntax/parser';\nexport * from '../types';"],
    ['LSP types as types', "import type { Range } from 'vscode-languageserver-types';\nexport type { Position } from 'vscode-languageserver-types';"],
    ['text document as types', "import type { TextDocument } from 'vscode-languageserver-textdocument';"],
    ['words in comments', "// uses process.env and require('fs')\n/* import x from 'vscode' */\nexport const a = 1;"],
    ['words in strings', "const m = 'the process. ends; require(\"fs\") and Buffer';\nconst t = `spawns a process.`;"],
    ['a regular expression holding quotes and slashes', "const re = /[\"'\\/]process\\./g;\nconst ok = 1;"],
    ['division is not a regular expression', 'const half = total / 2 / count;'],
    ['member names', 'const p = task.process.id;\nconst b = view.Buffer;\nconst arr = new ArrayBuffer(8);'],
    ['identifiers containing the words', 'const processes = subprocessCount;\nconst requirement = 1;'],
  ];
  for (const [what, source] of allowed) {
    test(`allows ${what}`, () => {
      assert.deepStrictEqual(flagged(source), [], source);
    });
  }

  test('flags a real core file once it imports a Node.js module', () => {
    const parser = readFileSync(path.join(coreDir, 'syntax/parser.ts'), 'utf8');
    assert.deepStrictEqual(flagged(parser), []);
    assert.deepStrictEqual(flagged(`${parser}\nimport { readFileSync } from 'node:fs';\n`).length, 1);
  });

  test('reports the line of each problem', () => {
    const source = "import { a } from './a';\n\nimport fs from 'fs';\nconst x = 1;\nconst y = process.cwd();\n";
    assert.deepStrictEqual(
      scanSource(source).map((p) => p.line),
      [3, 5],
    );
  });

  test('keeps lengths and line breaks in its views', () => {
    const source = "const a = 'x'; // c\n/* b\n */ const t = `a${b}c`;\n";
    const { code, bare } = sourceViews(source);
    assert.equal(code.length, source.length);
    assert.equal(bare.length, source.length);
    assert.deepStrictEqual(code.split('\n').length, source.split('\n').length);
    assert.ok(!code.includes('// c') && code.includes("'x'"));
    assert.ok(!bare.includes('x') && bare.includes('${b}'));
  });

  test('judges module names', () => {
    assert.equal(judgeSpecifier('./parser', false), undefined);
    assert.equal(judgeSpecifier('vscode-languageserver-types', true), undefined);
    assert.notEqual(judgeSpecifier('vscode-languageserver-types', false), undefined);
    assert.notEqual(judgeSpecifier('node:fs', true), undefined);
    assert.notEqual(judgeSpecifier('util', false), undefined);
    assert.equal(judgeSpecifier('some-pure-package', false), undefined);
  });
});
