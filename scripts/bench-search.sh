#!/usr/bin/env bash
# Search benchmark (called by scripts/bench.sh): generates BENCH_CASES synthetic cases (default 1,000,000), indexes
# them into a local Elasticsearch node under bench-out/elasticsearch and prints bulk throughput and p50/p95 latency
# of searches and statistics as Markdown. The node is stopped at the end; its unpacked distribution is kept.
#   BENCH_CASES=1000000  BENCH_QUERIES=200  BENCH_SEED=42  BENCH_ES_HEAP=2g
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench-out
cp=bench-out/search-classpath.txt
# One reactor build: the sibling modules come from their target/ dirs, nothing is installed into ~/.m2. Every
# module writes the classpath file; tools, built last, leaves its own.
./mvnw -q -B -pl tools -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$root/$cp" -Dmdep.includeScope=runtime >&2
jar=$(ls tools/target/tools-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1)
echo "- machine: $(nproc --all) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM; command: \`scripts/bench-search.sh\` (BENCH_CASES=${BENCH_CASES:-1000000})"
echo
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile="$root/scripts/bench-logback.xml" -cp "$jar:$(cat "$cp")" io.todoke.tools.search.SearchBenchmark \
  --cases "${BENCH_CASES:-1000000}" --queries "${BENCH_QUERIES:-200}" --seed "${BENCH_SEED:-42}" \
  --heap "${BENCH_ES_HEAP:-2g}" --var "$root/bench-out/elasticsearch"
