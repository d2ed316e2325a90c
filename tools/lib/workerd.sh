# shellcheck shell=bash
# Sourced helper: installs Cloudflare's workerd (the reference runtime the
# benchmarks compare against) from npm into a per-version cache folder.
#
#   source tools/lib/workerd.sh
#   ensure_workerd || exit 1
#   "$WORKERD_BIN" --version
#
# The cache lives in $ROOT/.cache/npm/workerd-<version>; ROOT defaults to the
# project root (two levels above this file). Nothing is installed when the
# cached copy is already there and runs.

WORKERD_VERSION="${WORKERD_VERSION:-1.20261117.1}"

ensure_workerd() {
    local root dir bin log
    root="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
    dir="$root/.cache/npm/workerd-$WORKERD_VERSION"
    bin="$dir/node_modules/.bin/workerd"
    log="$dir/npm-install.log"

    if [[ -x "$bin" ]] && "$bin" --version >/dev/null 2>&1; then
        WORKERD_BIN="$bin"
        export WORKERD_BIN
        return 0
    fi

    if ! command -v npm >/dev/null 2>&1; then
        echo "ensure_workerd: npm is not installed; install Node.js/npm to get workerd@$WORKERD_VERSION" >&2
        return 1
    fi

    echo "ensure_workerd: installing workerd@$WORKERD_VERSION into $dir" >&2
    mkdir -p "$dir" || {
        echo "ensure_workerd: cannot create $dir" >&2
        return 1
    }
    if ! npm install --prefix "$dir" --no-audit --no-fund "workerd@$WORKERD_VERSION" >"$log" 2>&1; then
        echo "ensure_workerd: 'npm install workerd@$WORKERD_VERSION' failed (see $log)" >&2
        return 1
    fi
    if ! [[ -x "$bin" ]] || ! "$bin" --version >/dev/null 2>&1; then
        echo "ensure_workerd: workerd@$WORKERD_VERSION installed but $bin does not run (see $log)" >&2
        return 1
    fi

    WORKERD_BIN="$bin"
    export WORKERD_BIN
}
