#!/usr/bin/env bash
# Fetches systemd-analyze from other Debian releases, so the knowledge base and the exposure score
# can be compared with systemd's own on more versions than the one Debian 12 installs (252):
#   247 from bullseye (Debian 11; its systemd-analyze has no --offline, so it checks settings only),
#   254 from bookworm-backports, 257 from trixie (Debian 13), 262 from sid.
# Each release is unpacked (never installed) into $UNITGUARD_TOOLS_CACHE/systemd/<version>/ from
# the `systemd` and `libsystemd-shared` packages, plus those of their libraries this host has too
# old (trixie's C library and OpenSSL). The packages are pinned below by file and SHA-256; when
# the archive has dropped a pinned file, the release's current packages are taken instead, found
# through its InRelease (signature checked with Debian's keyring) and Packages index (hash checked).
# Writes $UNITGUARD_TOOLS_CACHE/systemd/analyzers.json, a list of
#   {"version": 262, "package": "262.1-1", "suite": "sid", "bin": ".../systemd-analyze",
#    "libpath": "dir:dir", "loader": ".../ld-linux-x86-64.so.2" or ""}
# (run it as `loader --library-path libpath:<system dirs> bin ...` when loader is set, else with
# LD_LIBRARY_PATH=libpath), and prints its path last. Exits non-zero when a release cannot be had.
set -euo pipefail

mirror="${UNITGUARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
cache="${UNITGUARD_TOOLS_CACHE:-$HOME/.cache/unitguard-tools}/systemd"

# suite version | pinned packages: file sha256 (the first is systemd itself)
releases=(
  "bullseye 247.3-7+deb11u5"
  "bookworm-backports 254.26-1~bpo12+1"
  "trixie 257.13-1~deb13u1"
  "sid 262.1-1"
)
pinned() { # suite
  case "$1" in
  bullseye) cat <<'EOF'
pool/main/s/systemd/systemd_247.3-7+deb11u5_amd64.deb fc04e069a39bcdab529a75f48a6575fe7172cf02dcd5b697866312b7ba728a6c
EOF
  ;;
  bookworm-backports) cat <<'EOF'
pool/main/s/systemd/systemd_254.26-1~bpo12+1_amd64.deb f55abada0c5c0409f7323e3deecb5d837ecfae75a31524133ac41302d41eff54
pool/main/s/systemd/libsystemd-shared_254.26-1~bpo12+1_amd64.deb 4b1ab8da02aea748cf3fbd75ec6a2734d92ae4e1f287afb33e2025f971a3058a
EOF
  ;;
  trixie) cat <<'EOF'
pool/main/s/systemd/systemd_257.13-1~deb13u1_amd64.deb ee81302a1d5b7434762b6e784a572854d4b6cf6235e33e2d104ad4e1cae71ab4
pool/main/s/systemd/libsystemd-shared_257.13-1~deb13u1_amd64.deb 2d349824e57f88507e2a33360610d8afc143a4ad5e80ee4bf8f37b826d6f37f9
pool/main/g/glibc/libc6_2.41-12+deb13u5_amd64.deb b59b0625cd1a791375d40dab23a4d5d3d0641e3d0a773501becdc3725b7f99cf
pool/main/o/openssl/libssl3t64_3.5.9-1~deb13u1_amd64.deb ffefb9af363e0e4592251b2533eb06453c8e470f7772e40263c4b2129251a6d5
EOF
  ;;
  sid) cat <<'EOF'
pool/main/s/systemd/systemd_262.1-1_amd64.deb 17cfb580aa1ad0a06bb68e7c284d06cd4ee856269a0c3e4f2a89205c3f9a1608
pool/main/s/systemd/libsystemd-shared_262.1-1_amd64.deb 0fdbfa3a91fa6b2279468d3cb9d0012f7c637616acaa8babeaa123470e4a2f4a
EOF
  ;;
  esac
}

say() { echo "systemd-releases: $*"; }
die() { echo "systemd-releases: ERROR: $*" >&2; exit 1; }

for tool in curl dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
mkdir -p "$cache"

fetch() { curl -fsS --retry 3 -m 300 -o "$2" "$1"; } # URL FILE

# fetch_deb FILE SHA256 DEST: downloads a pool file, checks its hash and unpacks it into DEST.
fetch_deb() {
  local deb
  deb="$3/$(basename "$1")"
  fetch "$mirror/$1" "$deb" || return 1
  echo "$2  $deb" | sha256sum -c --quiet - >/dev/null 2>&1 || { rm -f "$deb"; die "$1 does not have the expected SHA-256"; }
  # Called where errexit is off (under `if`, `||`): every step says when it fails.
  dpkg-deb -x "$deb" "$3" || return 1
  basename "$1" >>"$3/PACKAGES" || return 1
  rm "$deb"
}

# Field FIELD of package PKG in a Packages file.
field() { # packages-file pkg field
  awk -v RS= -v pkg="$2" -v f="$3" '
    index($0, "Package: " pkg "\n") == 1 || index($0, "\nPackage: " pkg "\n") > 0 {
      n = split($0, lines, "\n")
      for (i = 1; i <= n; i++) if (index(lines[i], f ": ") == 1) { print substr(lines[i], length(f) + 3); exit }
    }' "$1"
}

# current_packages SUITE: the suite's current systemd, prints "version" then "file sha256" lines.
current_packages() {
  local suite="$1" work="$cache/index/$1" sha dep name need have pkgs pkg until
  for tool in gpgv xz; do command -v "$tool" >/dev/null || die "$tool is missing"; done
  mkdir -p "$work"
  fetch "$mirror/dists/$suite/InRelease" "$work/InRelease" || die "cannot download the InRelease of $suite"
  gpgv --keyring "$keyring" --output "$work/Release" "$work/InRelease" 2>/dev/null ||
    die "the InRelease of $suite does not verify with $keyring"
  # A signed but outdated index (replayed over plain http) is refused.
  until=$(sed -n 's/^Valid-Until: //p' "$work/Release")
  if [ -n "$until" ] && [ "$(date -d "$until" +%s)" -lt "$(date +%s)" ]; then die "the Release of $suite expired on $until"; fi
  grep -qE "^(Suite|Codename): $suite\$" "$work/Release" || die "the Release fetched for $suite is for another suite"
  sha=$(awk '/^SHA256:/{s=1;next} /^[^ ]/{s=0} s && $3=="main/binary-amd64/Packages.xz"{print $1}' "$work/Release")
  [ -n "$sha" ] || die "$suite lists no main/binary-amd64/Packages.xz"
  fetch "$mirror/dists/$suite/main/binary-amd64/Packages.xz" "$work/Packages.xz" || die "cannot download the Packages of $suite"
  echo "$sha  $work/Packages.xz" | sha256sum -c --quiet - >/dev/null || die "Packages.xz of $suite does not match its Release"
  xz -dc "$work/Packages.xz" >"$work/Packages"
  field "$work/Packages" systemd Version
  # The two packages, plus those of their libraries that this host has too old or not at all.
  pkgs="systemd"
  [ -n "$(field "$work/Packages" libsystemd-shared Version)" ] && pkgs="$pkgs libsystemd-shared"
  for dep in $( { field "$work/Packages" systemd Depends; field "$work/Packages" systemd Pre-Depends
                  field "$work/Packages" libsystemd-shared Depends; field "$work/Packages" libsystemd-shared Pre-Depends; } |
                tr ',' '\n' | sed -E 's/\|.*//; s/^ +//; s/ +$//' | grep -v '^$' | sed -E 's/ +/_/g' | sort -u); do
    name=${dep%%_*}
    case "$name" in systemd | libsystemd-shared | libsystemd0 | systemd-dev) continue ;; esac
    need=$(sed -nE 's/^[^(]*\(>=_?([^)]*)\)$/\1/p' <<<"$dep")
    have=$(dpkg-query -W -f '${Version}' "$name" 2>/dev/null || true)
    if [ -n "$have" ] && { [ -z "$need" ] || dpkg --compare-versions "$have" ge "$need"; }; then continue; fi
    case " $pkgs " in *" $name "*) ;; *) pkgs="$pkgs $name" ;; esac
  done
  for pkg in $pkgs; do
    [ -n "$(field "$work/Packages" "$pkg" Filename)" ] || die "$suite has no package $pkg"
    echo "$(field "$work/Packages" "$pkg" Filename) $(field "$work/Packages" "$pkg" SHA256)"
  done
}

# unpack SUITE VERSION DEST LIST: fetches and unpacks the "file sha256" lines of LIST into DEST.
unpack() {
  rm -rf "$3.partial"
  mkdir -p "$3.partial" || return 1
  while read -r file sha; do
    [ -n "$file" ] || continue
    fetch_deb "$file" "$sha" "$3.partial" || { rm -rf "$3.partial"; return 1; }
  done <<<"$4"
  [ -x "$3.partial/usr/bin/systemd-analyze" ] || { rm -rf "$3.partial"; return 1; }
  rm -rf "$3"
  mv "$3.partial" "$3" || return 1
}

entries=()
for release in "${releases[@]}"; do
  read -r suite version <<<"$release"
  dest="$cache/$version"
  if [ ! -x "$dest/usr/bin/systemd-analyze" ]; then
    if ! unpack "$suite" "$version" "$dest" "$(pinned "$suite")"; then
      say "NOTE: the archive no longer has systemd $version in $suite; taking its current one"
      list=$(current_packages "$suite")
      version=$(head -1 <<<"$list")
      dest="$cache/$version"
      [ -x "$dest/usr/bin/systemd-analyze" ] || unpack "$suite" "$version" "$dest" "$(tail -n +2 <<<"$list")" ||
        die "cannot download systemd $version of $suite"
    fi
  fi
  major=${version%%.*}
  major=${major%%-*}
  bin="$dest/usr/bin/systemd-analyze"
  libpath="$dest/usr/lib/x86_64-linux-gnu/systemd:$dest/lib/systemd:$dest/usr/lib/x86_64-linux-gnu:$dest/lib/x86_64-linux-gnu"
  # With the release's own C library when it needed a newer one than this host's.
  loader=""
  [ -e "$dest/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" ] && loader="$dest/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
  if [ -n "$loader" ]; then
    shown=$("$loader" --library-path "$libpath:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu" "$bin" --version 2>&1 | head -1) || true
  else
    shown=$(LD_LIBRARY_PATH="$libpath" "$bin" --version 2>&1 | head -1) || true
  fi
  case "$shown" in "systemd $major "*) ;; *) die "systemd-analyze $version does not run here: $shown" ;; esac
  say "systemd-analyze $version ($suite): $bin"
  entries+=("{\"version\": $major, \"package\": \"$version\", \"suite\": \"$suite\", \"bin\": \"$bin\", \"libpath\": \"$libpath\", \"loader\": \"$loader\"}")
done

manifest="$cache/analyzers.json"
{
  echo "["
  for i in "${!entries[@]}"; do
    sep=","
    [ "$i" -eq $((${#entries[@]} - 1)) ] && sep=""
    echo "  ${entries[$i]}$sep"
  done
  echo "]"
} >"$manifest"
echo "$manifest"
