/**
 * Drives the VS Code workbench in a browser page the way a user does (Explorer, Quick Open,
 * keyboard shortcuts, mouse) and reads what the user sees from the DOM. Every wait polls the
 * page with a deadline; none sleeps for a fixed time. A wait that runs out saves a screenshot
 * named after what it waited for.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';

export interface TokenStyle {
  text: string;
  color: string;
  fontWeight: string;
  fontStyle: string;
  /** Where the token is on the page (CSS pixels). */
  box: { x: number; y: number; width: number; height: number };
}

export interface Problem {
  /** The file the marker belongs to (its name as the Problems panel shows it). */
  file: string;
  message: string;
  /** 'error' | 'warning' | 'info' | 'hint', from the marker icon. */
  severity: string;
  source: string;
  code: string;
  /** 1-based line and column, from the panel's "[Ln 3, Col 1]". */
  line: number;
  column: number;
}

export interface OutlineItem {
  label: string;
  /** 1 for top-level symbols. */
  level: number;
  /** The symbol kind VS Code shows in the row's label, e.g. "namespace", "property". */
  kind: string;
}

// The functions passed to page.evaluate run in the browser. This project compiles without the
// DOM library, so they see the few DOM members they use through these module-local declarations.
interface PageElement {
  textContent: string | null;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number; top: number; right: number };
  scrollIntoView?(options: { block: string }): void;
  /** For an iframe of the same origin: the document inside it. */
  contentDocument?: PageDocument | null;
}
interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  body: PageElement | null;
  documentElement: { clientHeight: number; clientWidth: number; scrollWidth: number };
  defaultView: { getComputedStyle(element: PageElement, pseudo?: string): { content: string } } | null;
}
declare const document: PageDocument;
declare function getComputedStyle(element: PageElement): { color: string; fontWeight: string; fontStyle: string };
declare function requestAnimationFrame(callback: () => void): number;

/** What a rendered markdown preview shows: its heading, paragraphs and table rows, as text. */
/** How a webview lays out its page (see Workbench.webviewLayout). */
export interface WebviewLayout {
  width: number;
  height: number;
  scrollWidth: number;
  /** The start of the table cells that reach past the right edge. */
  overflowing: string[];
  /** What the cells of the row shown before their text (CSS `::before`), in order. */
  labels: string[];
  /** Where the first table row starts, from the top of the page. */
  firstRowTop: number;
}

export interface RenderedMarkdown {
  heading: string;
  paragraphs: string[];
  rows: Array<{ cells: string[]; links: Array<{ text: string; href: string }> }>;
}

const defaultTimeoutMs = 30_000;
const pollMs = 100;

export class Workbench {
  private shots = 0;
  readonly screenshots: string[] = [];

  constructor(
    readonly page: Page,
    readonly outputDir: string,
  ) {
    mkdirSync(outputDir, { recursive: true });
  }

  /** Opens the workbench on a folder and waits until the Explorer lists its files. */
  static async open(page: Page, baseUrl: string, folder: string, outputDir: string, query: Record<string, string> = {}): Promise<Workbench> {
    const params = new URLSearchParams({ folder, ...query });
    await page.goto(`${baseUrl}/?${params.toString()}`, { timeout: 60_000 });
    const workbench = new Workbench(page, outputDir);
    await workbench.waitFor('the Explorer to list the workspace', async () =>
      (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0 || undefined,
      60_000,
    );
    return workbench;
  }

  /**
   * Polls `probe` until it returns something other than undefined/false/null, and returns that.
   * On timeout, saves a screenshot and throws with the last value seen.
   */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = defaultTimeoutMs): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined && value !== null && value !== false) return value;
        last = value;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) break;
      await this.page.waitForTimeout(pollMs);
    }
    const shot = await this.screenshot(`timeout-${what}`).catch(() => 'none');
    const detail = lastError instanceof Error ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail}; screenshot ${shot})`);
  }

  /**
   * The text of a file once a save has written it whole: no longer `before`, holding `written`,
   * and ending as `before` ends. Read while the save is under way, a file can be empty or cut short.
   */
  async savedText(file: string, before: string, written: string): Promise<string> {
    const end = before.slice(before.trimEnd().lastIndexOf('\n') + 1);
    return this.waitFor(`${path.basename(file)} saved`, async () => {
      const text = readFileSync(file, 'utf8');
      return text !== before && text.includes(written) && text.endsWith(end) ? text : undefined;
    });
  }

  /** Saves a PNG of the whole page as NN-name.png in the output folder and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shots += 1;
    const safe = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const file = path.join(this.outputDir, `${String(this.shots).padStart(2, '0')}-${safe}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    this.screenshots.push(file);
    return file;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab to be active. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    await this.focusEditorArea();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(relativePath);
    // Until the filter applies, the list shows recently opened files: Enter must go to this one.
    await this.waitFor(`Quick Open to offer ${relativePath} first`, async () =>
      (await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).count()) > 0 || undefined,
    );
    await this.page.keyboard.press('Enter');
    await this.waitFor(`the editor of ${relativePath}`, async () => {
      const active = await this.page.locator('.tabs-container .tab.active').getAttribute('aria-label', { timeout: 1_000 });
      const lines = await this.page.locator('.editor-instance .monaco-editor .view-lines .view-line').count();
      return (active?.startsWith(name) && lines > 0) || undefined;
    });
  }

  /** Clicks a file in the Explorer (top-level files) and waits for its editor. */
  async clickInExplorer(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.waitFor(`the editor of ${name}`, async () => {
      const active = await this.page.locator('.tabs-container .tab.active').getAttribute('aria-label', { timeout: 1_000 });
      return active?.startsWith(name) || undefined;
    });
  }

  /** Moves the cursor to a line (Ctrl+G) so that it is in view. */
  async goToLine(line: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}`); // Go to Line is Quick Open in ':' mode; keep the prefix
    await this.page.keyboard.press('Enter');
    await this.waitFor(`the cursor on line ${line}`, async () => {
      const status = await this.statusText('status.editor.selection');
      return status?.startsWith(`Ln ${line},`) || undefined;
    });
  }

  /** Runs a command from the Command Palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.focusEditorArea();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    // Enter, not a click: the mouse stays where it was and leaves no tooltip behind.
    await this.waitFor(`the Command Palette to offer ${title} first`, async () =>
      (await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).count()) > 0 || undefined,
    );
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** The text of a status bar entry, e.g. 'status.editor.mode' (the language mode). */
  async statusText(id: string): Promise<string | undefined> {
    const entry = this.page.locator(`[id="${id}"]`);
    if ((await entry.count()) === 0) return undefined;
    return ((await entry.first().textContent({ timeout: 1_000 })) ?? '').trim();
  }

  /** Waits until the status bar's language mode matches and returns it. */
  async waitForLanguageMode(expected: string | RegExp): Promise<string> {
    return this.waitFor(`the language mode ${expected}`, async () => {
      const mode = await this.statusText('status.editor.mode');
      const ok = typeof expected === 'string' ? mode === expected : mode !== undefined && expected.test(mode);
      return ok ? mode : undefined;
    });
  }

  /**
   * The rendered tokens of the visible editor line whose text is `lineText`, with their computed
   * styles. Undefined while the line is not rendered.
   */
  async lineTokens(lineText: string): Promise<TokenStyle[] | undefined> {
    return this.page.evaluate((wanted) => {
      const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line');
      for (const line of Array.from(lines)) {
        if ((line.textContent ?? '').replace(/\u00a0/g, ' ') !== wanted) continue;
        return Array.from(line.querySelectorAll(':scope > span > span')).map((span) => {
          const style = getComputedStyle(span);
          const r = span.getBoundingClientRect();
          return {
            text: (span.textContent ?? '').replace(/\u00a0/g, ' '),
            color: style.color,
            fontWeight: style.fontWeight,
            fontStyle: style.fontStyle,
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
          };
        });
      }
      return undefined;
    }, lineText);
  }

  /**
   * The style of the token `tokenText` on the line `lineText`, once the line is rendered: the
   * token with exactly that text, else the first one containing it.
   */
  async tokenStyle(lineText: string, tokenText: string): Promise<TokenStyle> {
    return this.waitFor(`the token "${tokenText}" on the line "${lineText}"`, async () => {
      const tokens = await this.lineTokens(lineText);
      return tokens?.find((token) => token.text === tokenText) ?? tokens?.find((token) => token.text.includes(tokenText));
    });
  }

  /** The colour of unscoped text in the editor (the theme's editor foreground), as rgb(...). */
  async editorForeground(): Promise<string> {
    return this.waitFor('an editor', () =>
      this.page.evaluate(() => {
        const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
        return lines ? getComputedStyle(lines).color : undefined;
      }),
    );
  }

  /** Expands or collapses the Explorer's folder view (the first pane of the Explorer). */
  async setExplorerFoldersExpanded(expanded: boolean): Promise<void> {
    const header = this.page.locator('.explorer-viewlet .pane-header').first();
    if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
    await this.waitFor(`the Explorer folders view to be ${expanded ? 'expanded' : 'collapsed'}`, async () =>
      ((await header.getAttribute('aria-expanded')) === 'true') === expanded || undefined,
    );
  }

  /** Expands the Outline view in the Explorer and waits until it lists items that satisfy `expected`. */
  async showOutline(expected: (items: OutlineItem[]) => boolean): Promise<OutlineItem[]> {
    const header = this.page.locator('.pane-header', { hasText: 'Outline' }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    return this.waitFor('the Outline to list the expected symbols', async () => {
      const items = await this.outlineItems();
      return items.length > 0 && expected(items) ? items : undefined;
    });
  }

  /** Collapses the Outline's tree (its Collapse All action) and returns the top-level items. */
  async outlineTopLevel(expected: (items: OutlineItem[]) => boolean): Promise<OutlineItem[]> {
    await this.showOutline(() => true);
    return this.waitFor('the collapsed Outline to list the expected symbols', async () => {
      const collapse = this.page.locator('.pane-header', { hasText: 'Outline' }).locator('.action-label[aria-label*="Collapse"]');
      if ((await collapse.count()) > 0 && (await collapse.first().isEnabled())) await collapse.first().click();
      const items = await this.outlineItems();
      return items.length > 0 && items.every((item) => item.level === 1) && expected(items) ? items : undefined;
    });
  }

  /** The rendered rows of the Outline view. */
  async outlineItems(): Promise<OutlineItem[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.outline-pane .monaco-list-row')).map((row) => {
        const ariaLabel = row.getAttribute('aria-label') ?? '';
        const kind = /\(([^)]*)\)$/.exec(ariaLabel)?.[1] ?? '';
        const label = (row.querySelector('.label-name')?.textContent ?? '').trim();
        return { label, level: Number(row.getAttribute('aria-level') ?? '0'), kind };
      }),
    );
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and, with `filter`, types it into the panel's filter box. */
  async showProblems(filter?: string): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.focusEditorArea();
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
    }
    if (filter !== undefined) {
      // The filter box can be redrawn (and emptied) while the panel settles: fill it until it keeps the text.
      const box = this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      await this.waitFor(`the Problems filter "${filter}"`, async () => {
        if ((await box.inputValue({ timeout: 1_000 })) !== filter) await box.fill(filter, { timeout: 1_000 });
        await this.page.waitForTimeout(200);
        return (await box.inputValue({ timeout: 1_000 })) === filter || undefined;
      });
    }
  }

  /** The messages of the notification toasts on screen (bottom right). */
  async notifications(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.notifications-toasts .notification-list-item-message')).map((m) => (m.textContent ?? '').trim()),
    );
  }

  /** The markers the Problems panel lists, grouped under their files as rendered. */
  async problems(): Promise<Problem[]> {
    return this.page.evaluate(() => {
      const result: Problem[] = [];
      let file = '';
      for (const row of Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))) {
        if (row.getAttribute('aria-level') === '1') {
          file = (row.querySelector('.label-name')?.textContent ?? '').trim();
          continue;
        }
        const message = row.querySelector('.marker-message');
        if (!message) continue;
        const icon = row.querySelector('.marker-icon');
        const severity = ['error', 'warning', 'info', 'hint'].find((s) => icon?.classList.contains(s)) ?? '';
        const position = /Ln\s*(\d+),\s*Col\s*(\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
        result.push({
          file,
          message: (message.textContent ?? '').trim(),
          severity,
          source: (row.querySelector('.marker-source')?.textContent ?? '').trim(),
          code: (row.querySelector('.marker-code')?.textContent ?? '').trim(),
          line: position ? Number(position[1]) : 0,
          column: position ? Number(position[2]) : 0,
        });
      }
      return result;
    });
  }

  /**
   * Hovers over the token `tokenText` on the line `lineText` and returns the hover's text.
   * Hovers are flaky to trigger, so it moves the mouse away and back until one shows.
   */
  async hover(lineText: string, tokenText: string, timeoutMs = defaultTimeoutMs): Promise<string> {
    return this.waitFor(`a hover over "${tokenText}"`, async () => {
      const { box } = await this.tokenStyle(lineText, tokenText);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height * 6);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      const hover = this.page.locator('.monaco-hover-content').filter({ visible: true });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 2_000 });
      } catch {
        return undefined;
      }
      const text = (await hover.first().innerText()).trim();
      return text.length > 0 ? text : undefined;
    }, timeoutMs);
  }

  /** Puts the cursor at the end of the line `line` (1-based), triggers suggestions (Ctrl+Space) and returns their labels. */
  async triggerSuggest(line: number): Promise<string[]> {
    await this.goToLine(line);
    await this.page.keyboard.press('End');
    return this.waitFor('the suggest widget', async () => {
      if (!(await this.page.locator('.suggest-widget.visible').isVisible())) await this.page.keyboard.press('Control+Space');
      const labels = await this.page.locator('.suggest-widget.visible .monaco-list-row .label-name').allTextContents();
      return labels.length > 0 ? labels.map((label) => label.trim()) : undefined;
    });
  }

  /** Types text into the active editor key by key at the cursor, as a user does. */
  async typeInEditor(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.type(text, { delay: 40 });
  }

  /** Waits until the suggest widget (opened by typing or Ctrl+Space) lists labels that satisfy `expected`; returns them. */
  async waitForSuggestions(what: string, expected: (labels: string[]) => boolean): Promise<string[]> {
    return this.waitFor(`the suggest widget to offer ${what}`, async () => {
      const labels = (await this.page.locator('.suggest-widget.visible .monaco-list-row .label-name').allTextContents()).map((label) => label.trim());
      return labels.length > 0 && expected(labels) ? labels : undefined;
    });
  }

  /**
   * Moves the suggest widget's focus to the item `label` (arrow keys), opens its details side
   * panel (Ctrl+Space on a focused item) and returns the details' text.
   */
  async suggestionDetails(label: string): Promise<string> {
    const focused = this.page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name');
    const rows = await this.page.locator('.suggest-widget.visible .monaco-list-row').count();
    await this.waitFor(`the suggest widget's focus on ${label}`, async () => {
      if (((await focused.textContent({ timeout: 1_000 })) ?? '').trim() === label) return true;
      await this.page.keyboard.press('ArrowDown');
      return undefined;
    }, Math.max(defaultTimeoutMs, rows * 500));
    const details = this.page.locator('.suggest-details-container .suggest-details').filter({ visible: true });
    return this.waitFor(`the details of ${label}`, async () => {
      if ((await details.count()) === 0) await this.page.keyboard.press('Control+Space');
      const text = (await details.first().innerText({ timeout: 1_000 })).trim();
      return text.length > 0 ? text : undefined;
    });
  }

  /** The href of every link in the visible hover. */
  async hoverLinks(): Promise<string[]> {
    const links = this.page.locator('.monaco-hover-content a').filter({ visible: true });
    const hrefs: string[] = [];
    for (let i = 0; i < (await links.count()); i++) {
      const link = links.nth(i);
      hrefs.push((await link.getAttribute('data-href')) ?? (await link.getAttribute('href')) ?? '');
    }
    return hrefs;
  }

  /** Moves the mouse off the editor and presses Escape until no hover is shown. */
  async dismissHover(): Promise<void> {
    await this.page.mouse.move(2, 2);
    await this.waitFor('the hover to close', async () => {
      if ((await this.page.locator('.monaco-hover-content').filter({ visible: true }).count()) === 0) return true;
      await this.page.keyboard.press('Escape');
      return undefined;
    });
  }

  /**
   * The light bulb the editor shows for code actions on the cursor line: in the gutter, or
   * floating in the text when the gutter has no room. `autoFix` when a preferred quick fix is
   * among them. Undefined while there is none.
   */
  private lightBulbLocator() {
    return this.page
      .locator('.editor-instance .monaco-editor [class*="codicon-gutter-lightbulb"], .editor-instance .monaco-editor .lightBulbWidget .codicon')
      .filter({ visible: true });
  }

  async lightBulb(): Promise<{ autoFix: boolean } | undefined> {
    const bulb = this.lightBulbLocator();
    if ((await bulb.count()) === 0) return undefined;
    const classes = (await bulb.first().getAttribute('class', { timeout: 1_000 })) ?? '';
    return { autoFix: /auto-?fix/.test(classes) };
  }

  /**
   * Opens the code action menu the way `how` says (a click on the light bulb, or Ctrl+. on the
   * cursor) and waits until it lists `title`; returns every action title listed.
   */
  async quickFixMenu(title: string, how: 'light bulb' | 'keyboard'): Promise<string[]> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action').filter({ visible: true });
    return this.waitFor(`the quick-fix menu to offer "${title}"`, async () => {
      if ((await rows.count()) === 0) {
        if (how === 'light bulb') await this.lightBulbLocator().first().click({ timeout: 2_000 });
        else {
          await this.focusEditor();
          await this.page.keyboard.press('Control+.');
        }
        await rows.first().waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
      }
      const titles = (await rows.allInnerTexts()).map((text) => text.trim().split('\n')[0].trim());
      return titles.includes(title) ? titles : undefined;
    });
  }

  /** Chooses `title` in the open quick-fix menu (arrow keys + Enter) and waits for the menu to close. */
  async chooseQuickFix(title: string): Promise<void> {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    const count = await this.page.locator('.action-widget .monaco-list-row.action').count();
    await this.waitFor(`the quick-fix menu's focus on "${title}"`, async () => {
      if (((await focused.first().innerText({ timeout: 1_000 })) ?? '').trim().startsWith(title)) return true;
      await this.page.keyboard.press('ArrowDown');
      return undefined;
    }, Math.max(defaultTimeoutMs, count * 500));
    await this.page.keyboard.press('Enter');
    await this.waitFor('the quick-fix menu to close', async () => (await this.page.locator('.action-widget .monaco-list-row.action').filter({ visible: true }).count()) === 0);
  }

  /** The text of the active editor's rendered lines (the whole file when it fits on screen). */
  async visibleEditorLines(): Promise<string[]> {
    return this.page.evaluate(() => {
      const lines = Array.from(document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line'));
      const top = (line: PageElement): number => line.getBoundingClientRect().y;
      return lines.sort((a, b) => top(a) - top(b)).map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
    });
  }

  /** The CodeLenses the active editor shows: their text and where they are on the page. */
  async codeLenses(): Promise<Array<{ text: string; y: number }>> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.editor-instance .monaco-editor .codelens-decoration')).map((lens) => ({
        text: (lens.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
        y: lens.getBoundingClientRect().y,
      })),
    );
  }

  /**
   * Waits until a webview shows `text` in view, painted, and returns the frame of the webview's
   * host page. The page itself may run no script (the report's does not), so it is read and
   * clicked through the host, whose `active-frame` iframe holds it (same origin).
   */
  async webviewShowing(what: string, text: string, timeoutMs = defaultTimeoutMs): Promise<Frame> {
    return this.waitFor(what, async () => {
      for (const host of this.page.frames()) {
        if (host.parentFrame() !== this.page.mainFrame() || host.isDetached()) continue;
        const hostElement = await host.frameElement().catch(() => undefined);
        if (!hostElement || !(await hostElement.isVisible().catch(() => false))) continue;
        const shown = await host
          .evaluate((wanted) => {
            const inner = document.querySelector('iframe#active-frame');
            const doc = inner?.contentDocument;
            if (!inner || !doc?.body || !(doc.body.textContent ?? '').includes(wanted)) return false;
            // The innermost element that holds the text, scrolled into view.
            const all = Array.from(doc.querySelectorAll('body *')).filter((e) => (e.textContent ?? '').includes(wanted));
            const target = all[all.length - 1];
            if (!target) return false;
            target.scrollIntoView?.({ block: 'nearest' });
            const box = target.getBoundingClientRect();
            const frame = inner.getBoundingClientRect();
            return box.width > 0 && box.y >= 0 && box.y + box.height <= Math.min(doc.documentElement.clientHeight, frame.height);
          }, text)
          .catch(() => false);
        if (!shown) continue;
        await host.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
        return host;
      }
      return undefined;
    }, timeoutMs);
  }

  /** The heading, paragraphs and table rows of the markdown rendered in the webview of `host`. */
  async renderedMarkdown(host: Frame): Promise<RenderedMarkdown> {
    return host.evaluate(() => {
      const text = (element: PageElement | null): string => (element?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
      const doc = document.querySelector('iframe#active-frame')?.contentDocument;
      const root = doc?.querySelector('.markdown-body') ?? doc?.body ?? null;
      return {
        heading: text(root?.querySelector('h1') ?? null),
        paragraphs: Array.from(root?.querySelectorAll('p') ?? []).map(text),
        rows: Array.from(root?.querySelectorAll('tbody tr') ?? []).map((row) => ({
          cells: Array.from(row.querySelectorAll('td')).map(text),
          links: Array.from(row.querySelectorAll('a')).map((link) => ({
            text: text(link),
            href: link.getAttribute('data-href') ?? link.getAttribute('href') ?? '',
          })),
        })),
      };
    });
  }

  /**
   * How the webview of `host` lays out its page: its width and what scrolls sideways, the table
   * cells that reach past its right edge, what the cells of the row whose second cell is `rowKey`
   * show before their text, and where the first table row starts.
   */
  async webviewLayout(host: Frame, rowKey: string): Promise<WebviewLayout> {
    return host.evaluate((key) => {
      const doc = document.querySelector('iframe#active-frame')?.contentDocument;
      if (!doc) throw new Error('no webview document');
      const width = doc.documentElement.clientWidth;
      const cells = Array.from(doc.querySelectorAll('td'));
      const overflowing = cells.filter((cell) => cell.getBoundingClientRect().right > width + 1).map((cell) => (cell.textContent ?? '').slice(0, 40));
      const row = Array.from(doc.querySelectorAll('tbody tr')).find((r) => r.querySelectorAll('td')[1]?.textContent === key);
      const labels = Array.from(row?.querySelectorAll('td') ?? [])
        .map((cell) => doc.defaultView?.getComputedStyle(cell, '::before').content ?? '')
        .filter((content) => content !== 'none' && content !== 'normal' && content !== '')
        .map((content) => content.replace(/^"|"$/g, ''));
      const first = doc.querySelector('tbody tr');
      return { width, height: doc.documentElement.clientHeight, scrollWidth: doc.documentElement.scrollWidth, overflowing, labels, firstRowTop: first?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY };
    }, rowKey);
  }

  /** Clicks the link `linkText` in the table row that holds `rowText`, in the webview showing it. */
  async clickWebviewLink(rowText: string, linkText: string): Promise<void> {
    for (const frame of this.page.frames()) {
      if ((await frame.frameElement().then((e) => e.getAttribute('id')).catch(() => null)) !== 'active-frame') continue;
      const link = frame.locator('tbody tr', { hasText: rowText }).locator('a', { hasText: linkText }).first();
      if ((await link.count()) === 0) continue;
      await link.click({ timeout: 10_000 });
      return;
    }
    throw new Error(`no webview shows a link "${linkText}" in the row of ${rowText}`);
  }

  /**
   * Drags the sash between the first two side-by-side editor groups so that the first one takes
   * `share` of the editor area's width, and waits for the layout to follow.
   */
  async splitEditorGroups(share: number): Promise<void> {
    const area = await this.page.locator('.part.editor').boundingBox();
    const sash = this.page.locator('.part.editor .monaco-sash.vertical').filter({ visible: true }).first();
    const box = await sash.boundingBox();
    if (!area || !box) throw new Error('no side-by-side editor groups to resize');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const to = area.x + area.width * share;
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to, from.y, { steps: 10 });
    await this.page.mouse.up();
    const first = this.page.locator('.part.editor .editor-group-container').first();
    await this.waitFor('the editor groups to take their new widths', async () => {
      const group = await first.boundingBox();
      return group !== null && Math.abs(group.x + group.width - to) < 8;
    });
  }

  /** Hides the bottom panel (Problems, Output, ...) when it is shown (Ctrl+J), to give the editors the height. */
  async hidePanel(): Promise<void> {
    await this.hidePart('.part.panel', 'Control+J', 'the panel');
  }

  /** Hides the side bar (Explorer, Outline) when it is shown (Ctrl+B), to give the editors the width. */
  async hideSideBar(): Promise<void> {
    await this.hidePart('.part.sidebar', 'Control+B', 'the side bar');
  }

  private async hidePart(selector: string, toggle: string, what: string): Promise<void> {
    const part = this.page.locator(selector).first();
    if (!(await part.isVisible())) return;
    await this.focusEditorArea();
    await this.page.keyboard.press(toggle);
    await this.waitFor(`${what} to close`, async () => !(await part.isVisible()));
  }

  /**
   * Moves the mouse off the workbench's widgets (to the empty middle of the status bar) and waits
   * until no tooltip or hover is shown; a hover left behind by a widget that moved is closed with
   * a click there.
   */
  async movePointerAway(): Promise<void> {
    const bar = await this.page.locator('.part.statusbar').boundingBox();
    const viewport = this.page.viewportSize();
    const spot = bar ? { x: bar.x + bar.width / 2, y: bar.y + bar.height / 2 } : { x: 2, y: (viewport?.height ?? 10) - 2 };
    await this.page.mouse.move(spot.x, spot.y, { steps: 5 });
    const hovers = this.page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').filter({ visible: true });
    let polls = 0;
    await this.waitFor('the tooltips to close', async () => {
      if ((await hovers.count()) === 0) return true;
      // A hover whose element moved away from under the mouse gets no mouseleave: a click closes it.
      polls += 1;
      if (polls % 10 === 0) await this.page.mouse.click(spot.x, spot.y);
      return undefined;
    });
  }

  /** Gives the keyboard to the active editor (or the editor area when none is open). */
  private async focusEditor(): Promise<void> {
    const editor = this.page.locator('.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context').first();
    if ((await editor.count()) > 0) await editor.focus();
  }

  private async focusEditorArea(): Promise<void> {
    await this.focusEditor();
    if ((await this.page.locator('.editor-instance .monaco-editor').count()) === 0) {
      await this.page.locator('.monaco-workbench').first().focus();
    }
  }
}
