/**
 * Colours in VS Code's own default themes: the scopes are only useful if
 * common themes tell section headers, keys, values and comments apart.
 *
 * The theme files come from a VS Code install (they are not part of this
 * repository): the folder in env UNITGUARD_VSCODE_THEMES, else the
 * theme-defaults extension of a code-server install in node_modules or in
 * ~/.cache/unitguard-tools. Without one the tests are skipped, loudly.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IRawTheme } from 'vscode-textmate';
import { loadGrammar, repoRoot, splitLines, tokenizeLinesStyled, type StyledToken } from './textmate';

const THEMES_SUBPATH = 'node_modules/code-server/lib/vscode/extensions/theme-defaults/themes';

function findThemesDir(): { dir?: string; tried: string[] } {
  const fromEnv = process.env.UNITGUARD_VSCODE_THEMES;
  const tried = fromEnv
    ? [path.resolve(fromEnv)]
    : [path.join(repoRoot, THEMES_SUBPATH), path.join(os.homedir(), '.cache/unitguard-tools/code-server', THEMES_SUBPATH)];
  return { dir: tried.find((d) => existsSync(path.join(d, 'dark_plus.json'))), tried };
}

/** A theme file with its `include` chain resolved (base rules first, as VS Code applies them). */
function loadTheme(dir: string, file: string): IRawTheme {
  const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    include?: string;
    tokenColors?: IRawTheme['settings'];
    colors?: Record<string, string>;
  };
  const base = json.include ? loadTheme(dir, path.normalize(json.include)) : { settings: [] };
  const foreground = json.colors?.['editor.foreground'];
  const defaults = foreground ? [{ settings: { foreground } }] : [];
  return { settings: [...base.settings, ...defaults, ...(json.tokenColors ?? [])] };
}

const SAMPLE = [
  '[Service]',
  'ProtectSystem=strict',
  'ExecStart=-/usr/bin/daemon --unit %n',
  '# hardening below',
  'PrivateTmp=yes',
].join('\n');

/** [what, line (1-based), text on that line]. */
const PARTS = {
  section: [1, 'Service'],
  key: [2, 'ProtectSystem'],
  value: [2, 'strict'],
  comment: [4, 'hardening below'],
  boolean: [5, 'yes'],
  executable: [3, '/usr/bin/daemon'],
  specifier: [3, '%n'],
} as const;
type Part = keyof typeof PARTS;

/** Pairs that must differ in colour in every default theme. */
const MUST_DIFFER: [Part, Part][] = [
  ['section', 'key'],
  ['section', 'value'],
  ['key', 'value'],
  ['comment', 'value'],
  ['comment', 'key'],
  ['boolean', 'value'],
  ['executable', 'value'],
  ['specifier', 'value'],
];

/**
 * Pairs a theme cannot tell apart whatever the scope: High Contrast Light
 * gives strings and language constants (true, null, ...) one colour.
 */
const ALLOWED_SAME: Record<string, [Part, Part][]> = {
  'hc_light.json': [['boolean', 'value']],
};

const THEMES = [
  'dark_plus.json',
  'light_plus.json',
  'dark_modern.json',
  'light_modern.json',
  '2026-dark.json',
  '2026-light.json',
  'hc_black.json',
  'hc_light.json',
];

const { dir, tried } = findThemesDir();
if (!dir) {
  console.log(`SKIPPED: VS Code theme files not found (looked in ${tried.join(', ')}); set UNITGUARD_VSCODE_THEMES to a theme-defaults/themes folder`);
  if (process.env.CI === 'true') {
    test('VS Code theme files are installed in CI', () => assert.fail(`theme files not found in ${tried.join(', ')}`));
  }
}

describe('colours in VS Code default themes', { skip: dir ? false : 'VS Code theme files not found' }, () => {
  for (const file of THEMES) {
    const themeDir = dir ?? '';
    test(file, { skip: !dir || !existsSync(path.join(themeDir, file)) ? `${file} not in ${themeDir}` : false }, async () => {
      const loaded = await loadGrammar({ theme: loadTheme(themeDir, file) });
      const lines = splitLines(SAMPLE);
      const styled = tokenizeLinesStyled(loaded, lines);
      const style = (part: Part): StyledToken => {
        const [line, text] = PARTS[part];
        const column = lines[line - 1].indexOf(text);
        const token = styled[line - 1].find((t) => t.start <= column && column < t.end);
        assert.ok(token, `no token for ${part}`);
        return token;
      };
      const colours = Object.fromEntries((Object.keys(PARTS) as Part[]).map((p) => [p, style(p).foreground]));
      const allowed = ALLOWED_SAME[file] ?? [];
      for (const [a, b] of MUST_DIFFER) {
        if (allowed.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) continue;
        assert.notEqual(colours[a], colours[b], `${file}: ${a} and ${b} share ${colours[a]} (${JSON.stringify(colours)})`);
      }
    });
  }

  test('Dark+ and Light+ set the section header bold', { skip: !dir }, async () => {
    for (const file of ['dark_plus.json', 'light_plus.json']) {
      const loaded = await loadGrammar({ theme: loadTheme(dir ?? '', file) });
      const [header] = tokenizeLinesStyled(loaded, ['[Service]']);
      const name = header.find((t) => t.start <= 1 && 1 < t.end);
      assert.ok(name && (name.fontStyle & 2) !== 0, `${file}: the section name is not bold`);
    }
  });
});
