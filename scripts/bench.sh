#!/usr/bin/env bash
# `make bench`: the benchmarks behind docs/BENCHMARKS.md. Writes its tables to bench-out/ and prints them.
#   BENCH_FAXES=200   faxes generated for the OCR benchmark
#   BENCH_SEED=42     their seed
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
mkdir -p bench-out

faxes=${BENCH_FAXES:-200}
seed=${BENCH_SEED:-42}

machine() {
  echo "- machine: $(nproc --all) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
}

{
  echo "## OCR"
  echo
  echo "Command: \`make bench\` (BENCH_FAXES=$faxes BENCH_SEED=$seed)"
  machine
  echo
  TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.ocr.samples.OcrBenchmark \
    --generate "$faxes" --seed "$seed" --work bench-out/faxes
} | tee bench-out/ocr.md

if ls search-index/target/search-index-*.jar >/dev/null 2>&1 && [ -x scripts/bench-search.sh ]; then
  scripts/bench-search.sh | tee bench-out/search.md
fi

if [ -f review-ui/target/todoke.jar ]; then
  {
    echo "## Review page"
    echo
    echo "Command: \`scripts/bench-review.sh\` (called by \`make bench\`)"
    machine
    echo
    scripts/bench-review.sh
  } | tee bench-out/review.md
fi
