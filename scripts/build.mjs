// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning' };

/**
 * The language server is three files, so that it answers initialize having read only what that
 * takes: server.js (the entry: the connection and the initialize reply), serverFeatures.js (the
 * language service, which server.js requires with the next message) and lspLibrary.js (the LSP
 * library both use, loaded once so that they share its classes).
 */
const serverParts = {
  name: 'server-parts',
  setup(b) {
    b.onResolve({ filter: /^vscode-languageserver(\/node)?$/ }, () => ({ path: './lspLibrary.js', external: true }));
    b.onResolve({ filter: /^\.\/features$/ }, () => ({ path: './serverFeatures.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [serverParts] }),
  build({ ...common, entryPoints: ['server/src/lsp/features.ts'], outfile: 'dist/serverFeatures.js', plugins: [serverParts] }),
  build({ ...common, entryPoints: ['vscode-languageserver/node'], outfile: 'dist/lspLibrary.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['server/src/cli/securityMain.ts'], outfile: 'dist/cli-security.js' }),
]);
for (const bin of ['bin/unitguard.js', 'bin/unitguard-language-server.js']) chmodSync(bin, 0o755);
