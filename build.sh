#!/usr/bin/env bash
# Entry point: ./build.sh <Target...> [--parameter value]   (./build.sh --help lists targets and parameters)
# Builds build/_build.csproj only when something under build/ (or global.json) changed since the last build,
# then starts the built assembly directly: a warm call costs one find over build/ plus process start.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$ROOT/build/_build.csproj"
DLL="$ROOT/.artifacts/dotnet/bin/_build/release/_build.dll"
STAMP="$ROOT/.artifacts/dotnet/_build.inputs.sha256"

fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

wanted_sdk() { sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n1; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK is not installed. Install .NET SDK $(wanted_sdk) or a later 10.x \
(Debian/Ubuntu: https://learn.microsoft.com/dotnet/core/install/linux), then run this again."

# Only compiling needs the SDK that global.json names; running the built assembly needs the runtime alone.
require_sdk() {
  if ! (cd "$ROOT" && dotnet --version >/dev/null 2>&1); then
    installed="$(dotnet --list-sdks 2>/dev/null | awk '{print $1}' | paste -sd, - || true)"
    fail "no installed .NET SDK satisfies global.json (wants $(wanted_sdk), rolling forward within 10.x; installed: ${installed:-none}). \
Install .NET SDK 10.0 (10.0.100 or later)."
  fi
}

inputs_hash() {
  (cd "$ROOT" && find build global.json -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name 'global.json' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# Warm path: when the built assembly and its stamp exist and nothing under build/ (no source, no folder: an added,
# deleted or renamed file changes its folder) nor global.json changed since the stamp, the sources are what was built.
# "Changed" is the inode's change time (ctime), which every write, touch, rename or checkout sets to now and nothing
# sets back: a file whose modification time was rewound (git-restore-mtime, cp -p, rsync -t, tar) still counts.
# Only otherwise are the sources hashed; an unchanged hash (a file touched, a checkout of the same content) refreshes
# the stamp's time so the next call takes the warm path again.
changed_since_stamp() {
  (cd "$ROOT" && find build global.json \( -path '*/bin' -o -path '*/obj' \) -prune -o -cnewer "$STAMP" \
      \( -type d -o -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name 'global.json' \) -print -quit)
}

started="${EPOCHSECONDS:-$(date +%s)}"
if [[ -f "$DLL" && -f "$STAMP" && -z "$(changed_since_stamp)" ]]; then
  : # warm: nothing changed since the last build
elif hash="$(inputs_hash)"; [[ ! -f "$DLL" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$hash" ]]; then
  require_sdk
  printf 'build.sh: compiling the build project (sources changed)...\n' >&2
  if ! log="$(cd "$ROOT" && dotnet build "$PROJECT" -c Release --nologo -v quiet -clp:NoSummary 2>&1)"; then
    printf '%s\n' "$log" | grep -E 'error|Error' | sort -u >&2 || printf '%s\n' "$log" >&2
    fail "the build project does not compile (see the errors above)."
  fi
  mkdir -p "$(dirname "$STAMP")"
  printf '%s' "$hash" > "$STAMP"
  touch -d "@$started" "$STAMP"   # a source saved while compiling changed after the stamp: hashed again next time
else
  touch -d "@$started" "$STAMP"
fi

cd "$ROOT"
exec dotnet "$DLL" "$@"
