import { readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/** The TypeScript sources below a folder (declaration files left out), in a stable order. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return typeScriptFiles(full);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
    });
}

/** One thing in a source file that ties it to an editor, the LSP wiring or Node.js. */
export interface PurityProblem {
  /** 1-based line. */
  line: number;
  message: string;
}

const EDITOR_PACKAGES = ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'vscode-jsonrpc'];
/** Packages of plain LSP types: allowed as `import type` / `export type` only. */
const TYPE_ONLY_PACKAGES = ['vscode-languageserver-types', 'vscode-languageserver-textdocument'];
const NODE_BUILTINS = new Set(builtinModules);
/** Node.js globals; `process` is matched as `process.` or `process[`. */
const NODE_GLOBALS: [RegExp, string][] = [
  [/(?<![\w$.])process\s*[.[]/g, 'uses the Node.js global "process"'],
  [/(?<![\w$.])Buffer(?![\w$])/g, 'uses the Node.js global "Buffer"'],
  [/(?<![\w$.])(__dirname|__filename)(?![\w$])/g, 'uses a Node.js module variable'],
  [/(?<![\w$.])require\s*\(/g, 'calls require()'],
  [/(?<![\w$.])global\s*\./g, 'uses the Node.js global "global"'],
];

/**
 * Finds imports of editor, LSP and Node.js modules and uses of Node.js
 * globals in TypeScript source. Comments are ignored, and so are string
 * contents when looking for globals (so a message mentioning "process." is
 * fine).
 */
export function scanSource(source: string): PurityProblem[] {
  const { code, bare } = sourceViews(source);
  const problems: PurityProblem[] = [];
  const lineOf = (index: number): number => {
    let line = 1;
    for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
    return line;
  };

  const importPatterns: { pattern: RegExp; typeGroup?: number; specGroup: number }[] = [
    { pattern: /(?<![\w$.])(?:import|export)\s+(type\s+)?[\w$*{}\s,]*?\bfrom\s*(['"])([^'"\n]+)\2/g, typeGroup: 1, specGroup: 3 },
    { pattern: /(?<![\w$.])import\s*(['"])([^'"\n]+)\1/g, specGroup: 2 },
    { pattern: /(?<![\w$.])import\s*\(\s*(['"`])([^'"`\n]+)\1/g, specGroup: 2 },
    { pattern: /(?<![\w$.])require\s*\(\s*(['"`])([^'"`\n]+)\1/g, specGroup: 2 },
  ];
  for (const { pattern, typeGroup, specGroup } of importPatterns) {
    for (const match of code.matchAll(pattern)) {
      // The keyword itself must be code, not text inside a string.
      const keyword = /^\w+/.exec(match[0])?.[0] ?? '';
      if (!bare.startsWith(keyword, match.index ?? 0)) continue;
      const spec = match[specGroup];
      const typeOnly = typeGroup !== undefined && match[typeGroup] !== undefined;
      const verdict = judgeSpecifier(spec, typeOnly);
      if (verdict) problems.push({ line: lineOf(match.index ?? 0), message: `imports "${spec}": ${verdict}` });
    }
  }
  for (const [pattern, message] of NODE_GLOBALS) {
    for (const match of bare.matchAll(pattern)) problems.push({ line: lineOf(match.index ?? 0), message });
  }
  for (const match of source.matchAll(/^\/\/\/\s*<reference\s+types\s*=\s*["']([^"']+)["']/gm)) {
    const verdict = judgeSpecifier(match[1], false);
    if (verdict) problems.push({ line: lineOf(match.index ?? 0), message: `references types "${match[1]}": ${verdict}` });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** Why a module may not be imported by the core, or undefined when it may. */
export function judgeSpecifier(spec: string, typeOnly: boolean): string | undefined {
  if (spec.startsWith('.')) return undefined;
  const packageName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if (TYPE_ONLY_PACKAGES.includes(packageName)) return typeOnly ? undefined : 'LSP type packages may be imported as types only';
  if (EDITOR_PACKAGES.includes(packageName) || packageName.startsWith('vscode-languageserver')) {
    return 'the core may not depend on the editor or the LSP wiring';
  }
  if (spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(packageName) || packageName === 'node') {
    return 'the core may not use Node.js modules';
  }
  return undefined;
}

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'of', 'in', 'yield', 'await', 'void', 'delete', 'throw', 'else', 'do', 'instanceof']);

/**
 * Two copies of the source with the same length and line breaks: `code`
 * without comments, and `bare` also without the contents of strings,
 * template text and regular expressions (template `${...}` parts stay code).
 */
export function sourceViews(source: string): { code: string; bare: string } {
  const code = source.split('');
  const bare = source.split('');
  const blank = (target: string[], from: number, to: number): void => {
    for (let k = from; k < to && k < target.length; k++) if (target[k] !== '\n' && target[k] !== '\r') target[k] = ' ';
  };
  const n = source.length;
  const templateDepths: number[] = [];
  let inTemplate = false;
  let lastSignificant = '';
  let lastWord = '';
  let i = 0;
  while (i < n) {
    const c = source[i];
    const d = source[i + 1];
    if (inTemplate) {
      if (c === '\\') {
        blank(bare, i, i + 2);
        i += 2;
      } else if (c === '`') {
        inTemplate = false;
        lastSignificant = '`';
        i++;
      } else if (c === '$' && d === '{') {
        templateDepths.push(0);
        inTemplate = false;
        lastSignificant = '{';
        i += 2;
      } else {
        blank(bare, i, i + 1);
        i++;
      }
      continue;
    }
    if (c === '/' && d === '/') {
      let j = source.indexOf('\n', i);
      if (j < 0) j = n;
      blank(code, i, j);
      blank(bare, i, j);
      i = j;
      continue;
    }
    if (c === '/' && d === '*') {
      const close = source.indexOf('*/', i + 2);
      const j = close < 0 ? n : close + 2;
      blank(code, i, j);
      blank(bare, i, j);
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(bare, i + 1, j);
      lastSignificant = c;
      i = j + 1;
      continue;
    }
    if (c === '`') {
      inTemplate = true;
      i++;
      continue;
    }
    if (c === '/' && (lastSignificant === '' || '(,=:[!&|?{};~+-*%<>^'.includes(lastSignificant) || REGEX_AFTER_WORD.has(lastWord))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== '\n') {
        const ch = source[j];
        if (ch === '\\') {
          j += 2;
          continue;
        }
        if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        else if (ch === '/' && !inClass) break;
        j++;
      }
      blank(bare, i + 1, j);
      lastSignificant = ')';
      lastWord = '';
      i = j + 1;
      continue;
    }
    if (templateDepths.length > 0) {
      const top = templateDepths.length - 1;
      if (c === '{') templateDepths[top]++;
      else if (c === '}') {
        if (templateDepths[top] === 0) {
          templateDepths.pop();
          inTemplate = true;
          i++;
          continue;
        }
        templateDepths[top]--;
      }
    }
    if (!/\s/.test(c)) {
      if (/[\w$]/.test(c)) lastWord = /[\w$]/.test(source[i - 1] ?? '') ? lastWord + c : c;
      else lastWord = '';
      lastSignificant = c;
    }
    i++;
  }
  return { code: code.join(''), bare: bare.join('') };
}
