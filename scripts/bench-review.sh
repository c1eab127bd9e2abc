#!/usr/bin/env bash
# Review page readiness: starts the app in a scratch directory with its own database and Elasticsearch node,
# feeds the sample faxes, signs in as a clerk and times what the review page needs before a clerk can work:
# the page HTML and the fax page image (sequentially, so an upper bound of what a browser fetching in parallel
# waits). Prints a Markdown table. BENCH_ROUNDS (default 20) requests per case.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${BENCH_ROUNDS:-20}
jar="$root/review-ui/target/todoke.jar"
[ -f "$jar" ] || { echo "no $jar: run make build first" >&2; exit 1; }

work=$(mktemp -d /tmp/todoke-bench-review.XXXXXX)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cp -r "$root/config" "$work/config"
mkdir -p "$work/var/inbox"
cd "$work"
OMP_THREAD_LIMIT=1 java -Xmx2g -jar "$jar" --server.port="$port" --spring.profiles.active=demo \
  --todoke.intake.auto-confirm=false > app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 180); do curl -fsS "$base/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
cp "$root"/samples/fax-*.pdf "$root"/samples/fax-*.tif var/inbox/

jar_cookies="$work/cookies"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -d "username=clerk&password=clerk-demo&_csrf=$token" "$base/login"

ids=()
for _ in $(seq 1 240); do
  mapfile -t ids < <(curl -s -b "$jar_cookies" "$base/queue" | grep -o '/review/[0-9a-f-]\{36\}' | sort -u | sed 's|/review/||')
  [ ${#ids[@]} -ge 8 ] && break
  sleep 1
done
[ ${#ids[@]} -gt 0 ] || { echo "no case reached the queue; see $work/app.log" >&2; exit 1; }

samples=()
for id in "${ids[@]}"; do
  for r in $(seq 0 "$rounds"); do
    html=$(curl -s -b "$jar_cookies" -o "$work/page.html" -w '%{time_total}' "$base/review/$id")
    img=$(grep -o "/cases/$id/pages/[0-9]*\.png" "$work/page.html" | head -n 1)
    t_img=$(curl -s -b "$jar_cookies" -o /dev/null -w '%{time_total}' "$base$img")
    # the first request per case warms caches and JIT; it is not counted
    [ "$r" -gt 0 ] && samples+=("$(python3 -c "print(($html+$t_img)*1000)")")
  done
done

printf '%s\n' "${samples[@]}" | python3 -c '
import sys, statistics
v = sorted(float(x) for x in sys.stdin)
q = lambda p: v[min(len(v) - 1, int(round(p * (len(v) - 1))))]
print("| review page ready (HTML + page image) | requests | p50 ms | p95 ms | max ms |")
print("| --- | ---: | ---: | ---: | ---: |")
print(f"| {len(v)//'"$rounds"'} cases x '"$rounds"' rounds | {len(v)} | {q(0.5):.1f} | {q(0.95):.1f} | {v[-1]:.1f} |")
'
