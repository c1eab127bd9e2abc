#!/usr/bin/env bash
# The scripted clerk: starts the app in a scratch directory on a generated set (path A and path B), then a clerk in
# Chromium (io.todoke.tools.clerk.ScriptedClerk) confirms every case through the real review page with the keyboard
# only, correcting each wrong or empty field with the generator's truth; the double check is on for every case
# (todoke.review.double-check.when=ALL, its default fields), so a second clerk then types those fields blind.
# Prints Markdown: keys and seconds per form for the first clerk (what confirming costs without the double check),
# for the second (what the double check adds), next to retyping every field.
#   BENCH_CLERK_A=10 BENCH_CLERK_B=10   forms of path A / path B (seed BENCH_CLERK_SEED=42)
#   BENCH_CLERK_KEEP=1                  keep the scratch directory (per-form rows in clerk-*.tsv)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
a_forms=${BENCH_CLERK_A:-10}
b_forms=${BENCH_CLERK_B:-10}
seed=${BENCH_CLERK_SEED:-42}
jar="$root/review-ui/target/todoke.jar"
[ -f "$jar" ] || { echo "no $jar: run make build first" >&2; exit 1; }

work=$(mktemp -d /tmp/todoke-bench-clerk.XXXXXX)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cp -r "$root/config" "$work/config"
mkdir -p "$work/var/inbox"
cd "$work"

"$root/scripts/todoke-java.sh" io.todoke.tools.samples.SampleGenerator --out "$work/a" --count "$a_forms" \
  --seed "$seed" >&2
"$root/scripts/todoke-java.sh" io.todoke.tools.rendered.RenderedGenerator --out "$work/b" --count "$b_forms" \
  --seed "$seed" --role calibration >&2

. "$root/scripts/jvm-flags.sh"
# shellcheck disable=SC2046
OMP_THREAD_LIMIT=1 java $(todoke_jvm_flags) -Xmx2g -jar "$jar" --server.port="$port" --spring.profiles.active=demo \
  --todoke.intake.auto-confirm=false --todoke.review.double-check.when=ALL > app.log 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
  kill -9 "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  cd /
  [ -n "${BENCH_CLERK_KEEP:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
# a busy shared machine can take minutes to start the app and its search node
for _ in $(seq 1 900); do curl -fsS "$base/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$base/actuator/health" >/dev/null 2>&1 || { echo "the app did not answer; see $work/app.log" >&2; exit 1; }

# Received as <set>-<name>: the clerk finds a case's truth by the name its fax came under.
for set in a b; do
  find "$work/$set" -maxdepth 1 -type f ! -name '*.json' | while read -r f; do
    cp "$f" "$work/var/inbox/$set-$(basename "$f")"
  done
done

cookies="$work/cookies"
token=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$cookies" -b "$cookies" -o /dev/null -d "username=clerk&password=clerk-demo&_csrf=$token" "$base/login"
# Every fax read: the inbox empty and nothing being read, three times in a row.
quiet=0
for _ in $(seq 1 720); do
  reading=$(curl -s -b "$cookies" "$base/queue/live" | grep -o 'id="being-read">[0-9]*' | grep -o '[0-9]*$' || echo 1)
  if [ -z "$(ls -A var/inbox | grep -v '^\.' || true)" ] && [ "${reading:-1}" = 0 ]; then
    quiet=$((quiet + 1))
    [ $quiet -ge 3 ] && break
  else
    quiet=0
  fi
  sleep 5
done

clerk() {
  "$root/scripts/todoke-java.sh" io.todoke.tools.clerk.ScriptedClerk --base "$base" --user "$1" --password "$2" \
    --mode "$3" --truth "a=$work/a" --truth "b=$work/b" --out "$work/clerk-$3.tsv"
}
started=$(date +%s)
clerk clerk clerk-demo first
clerk clerk2 clerk2-demo second
echo "(both clerks: $(( $(date +%s) - started )) s for the whole run)" >&2

python3 - "$work/clerk-first.tsv" "$work/clerk-second.tsv" <<'PY'
import csv, sys, statistics
def rows(p):
    try:
        return list(csv.reader(open(p, encoding="utf-8"), delimiter="\t"))
    except FileNotFoundError:
        return []
first, second = rows(sys.argv[1]), rows(sys.argv[2])
print("| set | forms | fields corrected per form | first clerk: keys per form | seconds per form "
      "| retyping every field: keys per form | double check, second clerk: keys per form | seconds per form "
      "| agreed | to a lead |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, sets in (("path A", {"a"}), ("path B", {"b"}), ("all", {"a", "b"})):
    f = [r for r in first if r[0] in sets]
    s = [r for r in second if r[0] in sets]
    if not f:
        continue
    mean = lambda rs, i, k=1: statistics.mean(float(r[i]) / k for r in rs) if rs else float("nan")
    print(f"| {label} | {len(f)} | {mean(f, 5):.1f} | {mean(f, 2):.1f} | {mean(f, 3, 1000):.1f} | {mean(f, 4):.1f} "
          f"| {mean(s, 2):.1f} | {mean(s, 3, 1000):.1f} | {sum(r[7] == 'agreed' for r in s)} "
          f"| {sum(r[7] == 'disagreed' for r in s)} |")
clicks = sum(int(r[6]) for r in first + second)
errors = sum(r[7] == "error" for r in first + second)
print()
print(f"Mouse clicks (a tenth option has no digit key): {clicks}; forms the server refused and left for a person: {errors}.")
PY
