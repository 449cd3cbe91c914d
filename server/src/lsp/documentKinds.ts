/**
 * What an open document is to the server: a unit file, a patch (a `.patch` or `.diff` file, or a
 * mail that carries one), or either of them shown as a read-only view of another version (the
 * HEAD side of a diff, a commit in a history view, the base of a pull request). A patch is read
 * for the units its hunks change and is never checked as a unit itself. A view gets hover and the
 * lens, but no diagnostics: they would stand in the Problems panel beside the working copy's, as
 * problems of a file nobody can edit.
 */

/** The language VS Code (and most editors) give `.patch` and `.diff` files. */
export const PATCH_LANGUAGE = 'diff';

/** Patches and mails by name, whatever language the editor gave them. */
const PATCH_NAME = /\.(patch|diff|eml|mbox)$/i;

/**
 * URI schemes of read-only views of another version of a file: VS Code's git extension (`git:`,
 * the HEAD and index sides of a diff, the timeline), GitLens (`gitlens:`), GitHub Pull Requests
 * (`review:` the base of a checked-out pull request, `pr:` both sides of one that is not,
 * `githubpr:`, `gitpr:` and `githubcommit:` in its create and commit views) and VS Code's local
 * history (`vscode-local-history:`).
 */
export const READ_ONLY_VIEW_SCHEMES: readonly string[] = ['git', 'gitlens', 'review', 'pr', 'githubpr', 'gitpr', 'githubcommit', 'vscode-local-history'];

function schemeOf(uri: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase() ?? '';
}

function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '');
}

/** A patch document: the `diff` language, or a `.patch`, `.diff`, `.eml` or `.mbox` file. */
export function isPatchDocument(uri: string, languageId: string): boolean {
  return languageId === PATCH_LANGUAGE || PATCH_NAME.test(pathOf(uri));
}

/** The language of `.unitguardrc` files. */
export const RC_LANGUAGE = 'unitguardrc';

/** A `.unitguardrc` settings file: checked as settings, never as a unit. */
export function isRcDocument(uri: string, languageId: string): boolean {
  return languageId === RC_LANGUAGE || /(^|\/)\.unitguardrc$/.test(pathOf(uri));
}

/** A read-only view of another version of a file (by its URI scheme): no diagnostics are published for it. */
export function isReadOnlyView(uri: string): boolean {
  return READ_ONLY_VIEW_SCHEMES.includes(schemeOf(uri));
}
