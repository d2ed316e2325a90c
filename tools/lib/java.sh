# Shared by tools/*: finds a JDK >= 25 and builds the project when its sources changed.
# Sourced, not run. Sets JAVA_HOME and JAVA; defines ensure_built and jit_flags.

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

# The JDK's major version, from its `release` file (instant), else from `java -version`.
java_major() {
  local v=""
  [ -f "$1/release" ] && v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
  [ -n "$v" ] || v="$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
  echo "$v"
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  local d
  for d in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -x "$d/bin/java" ] && [ "$(java_major "$d")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$d"
      return 0
    fi
  done
  echo "error: no JDK 25 or newer found (set JAVA_HOME, or install Temurin 25 under /usr/lib/jvm)" >&2
  return 1
}

find_jdk || exit 1
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

# A digest of everything the build reads; the build is redone when it changes.
source_digest() {
  (cd "$ROOT" && find pom.xml */pom.xml */src -type f 2>/dev/null | LC_ALL=C sort | xargs sha1sum 2>/dev/null | sha1sum | cut -d' ' -f1)
}

# Maven builds the project; on a fresh Debian machine it is installed from Debian's packages.
. "$ROOT/tools/lib/deps.sh"
ensure_maven() { _ensure_deb_command mvn maven; }

ensure_built() {
  local stamp="$ROOT/runtime/target/.build-stamp" digest
  digest="$(source_digest)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] && [ -f "$ROOT/runtime/target/jworkers-runtime.jar" ]; then
    return 0
  fi
  ensure_maven || return 1
  echo "building jworkers (sources changed or first run)..." >&2
  local log="$ROOT/runtime/target-build.log"
  if ! (cd "$ROOT" && mvn -B -q package -DskipTests >"$log" 2>&1); then
    echo "error: the build failed; see $log" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  rm -f "$log"
  echo "$digest" > "$stamp"
}

# JVM flags that put the Graal compiler on JVMCI so GraalJS runs with its JIT.
jit_flags() {
  local jit="$ROOT/runtime/target/jit"
  echo "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$jit/compiler.jar:$jit/collections.jar:$jit/word.jar:$jit/truffle-compiler.jar"
}

runtime_classpath() {
  echo "$ROOT/runtime/target/jworkers-runtime.jar:$ROOT/runtime/target/lib/*"
}
