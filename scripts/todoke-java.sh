#!/usr/bin/env bash
# Runs a main class of the tools module (sample generator, OCR benchmark) or the engine on the tools jar and its
# dependencies (the engine among them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_THREAD_LIMIT=1
jar=$(ls "$root"/tools/target/tools-*.jar 2>/dev/null | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1 || true)
if [[ -z "$jar" || ! -d "$root/tools/target/lib" ]]; then
  (cd "$root" && ./mvnw -q -B -pl tools -am -DskipTests package >&2)
  jar=$(ls "$root"/tools/target/tools-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1)
fi
main=$1; shift
. "$root/scripts/jvm-flags.sh"
# shellcheck disable=SC2046
exec java $(todoke_jvm_flags) ${TODOKE_JAVA_OPTS:-} -Dtodoke.templates="${TODOKE_TEMPLATES:-$root/config/forms}" -cp "$jar:$root/tools/target/lib/*" "$main" "$@"
