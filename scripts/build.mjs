// Bundles the extension client, the language server and the CLI with esbuild: for Node, and the
// client and the server once more for browsers (dist/web/, the package.json `browser` entry).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

// UNITGUARD_NO_MINIFY=1 keeps names, for reading CPU profiles of the bundles (`node --cpu-prof`).
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: process.env.UNITGUARD_NO_MINIFY === undefined, sourcemap: false, logLevel: 'warning' };

/** The web bundles: no Node built-ins (a test scans them); the server is one file, run as a Web Worker. */
const web = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };

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
    b.onResolve({ filter: /^\.\/nodeFeatures$/ }, () => ({ path: './serverFeatures.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [serverParts] }),
  build({ ...common, entryPoints: ['server/src/lsp/nodeFeatures.ts'], outfile: 'dist/serverFeatures.js', plugins: [serverParts] }),
  build({ ...common, entryPoints: ['vscode-languageserver/node'], outfile: 'dist/lspLibrary.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['server/src/cli/securityMain.ts'], outfile: 'dist/cli-security.js' }),
  build({ ...web, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] }),
  build({ ...web, entryPoints: ['server/src/lsp/browserMain.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
]);
for (const bin of ['bin/unitguard.js', 'bin/unitguard-language-server.js']) chmodSync(bin, 0o755);
