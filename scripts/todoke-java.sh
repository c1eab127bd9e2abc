#!/usr/bin/env bash
# Runs a main class of ocr-engine (sample generator, benchmark, CLI) on the module's jar and dependencies.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_THREAD_LIMIT=1
jar=$(ls "$root"/ocr-engine/target/ocr-engine-*.jar 2>/dev/null | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1 || true)
if [[ -z "$jar" || ! -d "$root/ocr-engine/target/lib" ]]; then
  (cd "$root" && ./mvnw -q -B -pl ocr-engine -am -DskipTests package >&2)
  jar=$(ls "$root"/ocr-engine/target/ocr-engine-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1)
fi
main=$1; shift
. "$root/scripts/jvm-flags.sh"
# shellcheck disable=SC2046
exec java $(todoke_jvm_flags) ${TODOKE_JAVA_OPTS:-} -Dtodoke.templates="${TODOKE_TEMPLATES:-$root/config/forms}" -cp "$jar:$root/ocr-engine/target/lib/*" "$main" "$@"
