import * as vscode from 'vscode';

/**
 * The committed text of each open unit file, read through VS Code's git extension and sent to the
 * server (`unitguard/baseline`), so that the lens of a changed unit says what it scored at HEAD:
 * `Exposure 4.2 OK 🙂 (HEAD 9.6)`. Only in a trusted workspace, and only when the git extension is
 * there and enabled; otherwise nothing is sent and the lens is as it was. The server runs no git.
 */

/** The notification: `{ uri, text }`, `text: null` when the file is not in HEAD. */
export const BASELINE_NOTIFICATION = 'unitguard/baseline';

/** The parts of the git extension's API (version 1) read here. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: { readonly commit?: string } | undefined; readonly onDidChange: vscode.Event<void> };
  show(ref: string, path: string): Promise<string>;
}

interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
}

interface GitExtension {
  readonly enabled: boolean;
  /** The extension finds git after it activates (or when `git.enabled` is switched on). */
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

/** Sends a document's committed text; `asUri` writes its URI as the language client does. */
type Send = (uri: string, text: string | null) => void;

/** Whether a document is a unit file in a folder git may track. */
function isUnitFile(document: vscode.TextDocument): boolean {
  return document.languageId === 'systemd-unit' && document.uri.scheme === 'file';
}

async function gitExtension(): Promise<GitExtension | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return undefined;
  }
}

/** The git API once the extension is enabled (at once, or when it says so); undefined when it cannot be had. */
async function gitApi(git: GitExtension, disposables: vscode.Disposable[]): Promise<GitApi | undefined> {
  if (!git.enabled) {
    const enabled = await new Promise<boolean>((resolve) => {
      disposables.push(git.onDidChangeEnablement((now) => now && resolve(true)), new vscode.Disposable(() => resolve(false)));
    });
    if (!enabled) return undefined;
  }
  try {
    return git.getAPI(1);
  } catch {
    return undefined;
  }
}

/** Starts sending baselines (now, or once the workspace is trusted); the result stops it. */
export function startHeadBaselines(send: Send, asUri: (uri: vscode.Uri) => string): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  let stopped = false;
  /** What was last sent per document, so that nothing is sent twice. */
  const sent = new Map<string, string | null>();

  const begin = async (): Promise<void> => {
    const git = await gitExtension();
    const api = git && !stopped ? await gitApi(git, disposables) : undefined;
    if (!api || stopped) return;
    const update = async (document: vscode.TextDocument): Promise<void> => {
      if (!isUnitFile(document)) return;
      const repository = api.getRepository(document.uri);
      if (!repository) return;
      let text: string | null;
      try {
        text = await repository.show('HEAD', document.uri.fsPath);
      } catch {
        // Not committed yet (or no commit at all): there is nothing to compare with.
        text = null;
      }
      const uri = asUri(document.uri);
      if (stopped || document.isClosed || sent.get(uri) === text) return;
      sent.set(uri, text);
      send(uri, text);
    };
    // The API hands out a new object for a repository each time: repositories are told apart by their root.
    const rootOf = (repository: GitRepository | null): string | undefined => repository?.rootUri.toString();
    const updateAll = (repository?: GitRepository): void => {
      for (const document of vscode.workspace.textDocuments) {
        if (!repository || rootOf(api.getRepository(document.uri)) === rootOf(repository)) void update(document);
      }
    };
    // HEAD moves on a commit, a checkout or a pull: the texts are read again.
    const watched = new Set<string>();
    const watch = (repository: GitRepository): void => {
      const root = rootOf(repository) as string;
      if (watched.has(root)) return;
      watched.add(root);
      let head = repository.state.HEAD?.commit;
      disposables.push(
        repository.state.onDidChange(() => {
          const now = repository.state.HEAD?.commit;
          if (now === head) return;
          head = now;
          updateAll(repository);
        }),
      );
    };
    for (const repository of api.repositories) watch(repository);
    disposables.push(
      api.onDidOpenRepository((repository) => {
        watch(repository);
        updateAll(repository);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => void update(document)),
      vscode.workspace.onDidCloseTextDocument((document) => sent.delete(asUri(document.uri))),
    );
    updateAll();
  };

  if (vscode.workspace.isTrusted) void begin();
  else disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void begin()));
  return new vscode.Disposable(() => {
    stopped = true;
    for (const d of disposables) d.dispose();
  });
}
