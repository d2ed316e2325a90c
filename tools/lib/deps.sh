# shellcheck shell=bash
# Sourced helper: installs the Debian packages the tools need when their
# command is missing.
#
#   source tools/lib/deps.sh
#   ensure_wrk || exit 1

# _ensure_deb_command COMMAND PACKAGE: apt-get installs PACKAGE unless COMMAND
# is already on PATH. Uses sudo only when not running as root.
_ensure_deb_command() {
    local cmd="$1" pkg="$2"
    command -v "$cmd" >/dev/null 2>&1 && return 0

    local -a sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "ensure_$cmd: '$cmd' is missing and neither root nor sudo is available to install Debian package '$pkg'" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "ensure_$cmd: '$cmd' is missing and apt-get is not available to install '$pkg'" >&2
        return 1
    fi

    echo "ensure_$cmd: installing Debian package '$pkg'" >&2
    if ! { "${sudo[@]}" apt-get update -qq &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg"; } >&2; then
        echo "ensure_$cmd: 'apt-get install $pkg' failed" >&2
        return 1
    fi
    if ! command -v "$cmd" >/dev/null 2>&1; then
        echo "ensure_$cmd: package '$pkg' installed but '$cmd' is still not on PATH" >&2
        return 1
    fi
}

ensure_wrk() { _ensure_deb_command wrk wrk; }

ensure_curl() { _ensure_deb_command curl curl; }

# Cap'n Proto: the capnp tool and the C++ RPC library the interop tests build against.
ensure_capnp() {
    _ensure_deb_command capnp capnproto || return 1
    [[ -f /usr/include/capnp/rpc.capnp ]] && return 0
    local -a sudo=()
    [[ "$(id -u)" != 0 ]] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcapnp-dev >&2 && [[ -f /usr/include/capnp/rpc.capnp ]]
}
