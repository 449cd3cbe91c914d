/**
 * Loads the systemd unit grammar the way VS Code does (vscode-textmate on the
 * Oniguruma WebAssembly build) and tokenizes whole documents line by line.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

export const repoRoot = path.resolve(__dirname, '../../..');
export const grammarPath = path.join(repoRoot, 'syntaxes', 'systemd-unit.tmLanguage.json');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'grammar');
export const SCOPE_NAME = 'source.systemd-unit';

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The Oniguruma build VS Code uses; the WebAssembly module is loaded once per process. */
export function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** VS Code's StandardTokenType numbers, as `tokenTypes` in package.json name them. */
export const TOKEN_TYPES = { other: 0, comment: 1, string: 2, regex: 3 } as const;
export type TokenTypeName = keyof typeof TOKEN_TYPES;

export interface GrammarSetup {
  theme?: vsctm.IRawTheme;
  /** `contributes.grammars[].tokenTypes` from package.json. */
  tokenTypes?: Record<string, string>;
}

export interface LoadedGrammar {
  grammar: vsctm.IGrammar;
  registry: vsctm.Registry;
}

export async function loadGrammar(setup: GrammarSetup = {}): Promise<LoadedGrammar> {
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    theme: setup.theme,
    loadGrammar: async (scopeName) =>
      scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const tokenTypes: Record<string, number> = {};
  for (const [selector, name] of Object.entries(setup.tokenTypes ?? {})) {
    const value = TOKEN_TYPES[name as TokenTypeName];
    if (value === undefined) throw new Error(`unknown token type "${name}" for selector "${selector}"`);
    tokenTypes[selector] = value;
  }
  const grammar = await registry.loadGrammarWithConfiguration(SCOPE_NAME, 1, {
    tokenTypes: tokenTypes as unknown as vsctm.ITokenTypeMap,
  });
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load from ${grammarPath}`);
  return { grammar, registry };
}

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Splits like VS Code's text model: `\r\n`, `\r` and `\n` each end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokens of every line, the rule stack carried from line to line as in the editor. */
export function tokenizeLines(grammar: vsctm.IGrammar, lines: readonly string[]): Token[][] {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => {
      const end = Math.min(t.endIndex, line.length);
      return { start: t.startIndex, end, text: line.slice(t.startIndex, end), scopes: t.scopes };
    });
  });
}

export interface StyledToken {
  start: number;
  end: number;
  foreground: string;
  fontStyle: number;
  tokenType: number;
}

/** Binary tokens (theme colours and standard token types) of every line. */
export function tokenizeLinesStyled(loaded: LoadedGrammar, lines: readonly string[]): StyledToken[][] {
  const colors = loaded.registry.getColorMap();
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = loaded.grammar.tokenizeLine2(line, state);
    state = result.ruleStack;
    const out: StyledToken[] = [];
    const n = result.tokens.length / 2;
    for (let i = 0; i < n; i++) {
      const start = result.tokens[2 * i];
      const end = i + 1 < n ? result.tokens[2 * i + 2] : line.length;
      const meta = result.tokens[2 * i + 1];
      out.push({
        start,
        end,
        // EncodedTokenAttributes: token type in bits 8-9, font style in 11-14, foreground in 15-23.
        tokenType: (meta >>> 8) & 0b11,
        fontStyle: (meta >>> 11) & 0b1111,
        foreground: colors[(meta >>> 15) & 0x1ff] ?? '',
      });
    }
    return out;
  });
}

/** A token scope matches a wanted scope when equal to it or more specific (`a.b` matches `a`). */
export function scopeMatches(scope: string, wanted: string): boolean {
  return scope === wanted || scope.startsWith(wanted + '.');
}

export function hasScope(token: Token | undefined, wanted: string): boolean {
  return !!token && token.scopes.some((s) => scopeMatches(s, wanted));
}

/** The token that holds the character at `column` (undefined past the end). */
export function tokenAt(tokens: readonly Token[], column: number): Token | undefined {
  return tokens.find((t) => t.start <= column && column < t.end);
}

/** Human-readable tokens of a line, for assertion messages. */
export function describeTokens(tokens: readonly Token[]): string {
  const strip = (s: string): string => s.replace(/\.systemd-unit$/, '');
  return tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.slice(1).map(strip).join(' ')}`).join('\n');
}
