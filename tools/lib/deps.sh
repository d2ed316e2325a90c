# shellcheck shell=bash
# Sourced helper: installs the Debian packages the tools need when their
# command (or, for libraries, their header) is missing.
#
#   source tools/lib/deps.sh
#   ensure_wrk || exit 1

# _deb_install WHO PACKAGE...: apt-get installs the packages, using sudo only
# when not running as root. WHO names the caller in messages.
_deb_install() {
    local who="$1"
    shift
    local -a sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "$who: neither root nor sudo is available to install Debian package(s) $*" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$who: apt-get is not available to install $*" >&2
        return 1
    fi

    echo "$who: installing Debian package(s) $*" >&2
    if ! { "${sudo[@]}" apt-get update -qq &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2; then
        echo "$who: 'apt-get install $*' failed" >&2
        return 1
    fi
}

# _ensure_deb_command COMMAND PACKAGE: apt-get installs PACKAGE unless COMMAND
# is already on PATH.
_ensure_deb_command() {
    local cmd="$1" pkg="$2"
    command -v "$cmd" >/dev/null 2>&1 && return 0

    _deb_install "ensure_$cmd" "$pkg" || return 1
    if ! command -v "$cmd" >/dev/null 2>&1; then
        echo "ensure_$cmd: package '$pkg' installed but '$cmd' is still not on PATH" >&2
        return 1
    fi
}

ensure_wrk() { _ensure_deb_command wrk wrk; }

ensure_curl() { _ensure_deb_command curl curl; }

# _capnp_missing: prints the Debian packages still needed to build a C++
# Cap'n Proto RPC program (the capnp compiler, the headers and libraries that
# pkg-config's capnp-rpc module points to, g++ and pkg-config).
_capnp_missing() {
    command -v g++ >/dev/null 2>&1 || echo g++
    command -v pkg-config >/dev/null 2>&1 || echo pkg-config
    command -v capnp >/dev/null 2>&1 || echo capnproto
    # Checked through pkg-config when it is there; without it, by the header.
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists capnp-rpc || echo libcapnp-dev
    else
        [[ -f /usr/include/capnp/ez-rpc.h ]] || echo libcapnp-dev
    fi
}

# ensure_capnp: installs what the C++ interop peer of the cluster RPC tests
# needs to build (see cluster/src/test/cpp/interop.c++).
ensure_capnp() {
    local -a missing
    mapfile -t missing < <(_capnp_missing)
    ((${#missing[@]} == 0)) && return 0

    _deb_install ensure_capnp "${missing[@]}" || return 1
    mapfile -t missing < <(_capnp_missing)
    if ((${#missing[@]} > 0)); then
        echo "ensure_capnp: installed, but still missing: ${missing[*]}" >&2
        return 1
    fi
}
