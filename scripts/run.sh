#!/usr/bin/env bash
# Starts Todoke in the foreground with its local Elasticsearch node and H2 database under var/, and,
# once it answers, copies the sample faxes into the inbox so a newcomer sees cases arrive.
# Ctrl+C stops the app, which stops its Elasticsearch node.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${TODOKE_PORT:-8080}
jar=review-ui/target/todoke.jar
[ -f "$jar" ] || { echo "No $jar: run 'make run' (it builds first)." >&2; exit 1; }
if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
  echo "Port $port is in use: another Todoke or another program is running there. Stop it, or run TODOKE_PORT=8081 make run." >&2
  exit 1
fi
mkdir -p var/inbox

feed_samples() {
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      cat <<MSG

  Todoke is up: http://localhost:$port/
  Demo sign-in (demo profile only):  clerk / clerk-demo   staff / staff-demo   admin / admin-demo
  Copying the sample faxes into var/inbox ...

MSG
      find samples -maxdepth 1 -type f \( -name '*.pdf' -o -name '*.tif' -o -name '*.tiff' -o -name '*.png' -o -name '*.jpg' \) \
        -exec cp -n {} var/inbox/ \;
      return 0
    fi
    sleep 1
  done
  echo "Todoke did not answer on port $port within 3 minutes; see the log above." >&2
}
feed_samples &

# Run as root, the local Elasticsearch node runs as the unprivileged user todoke-es, which must be able to reach its
# data directory. A checkout under /root or in a private directory is not reachable: keep the node's files under
# /var/lib/todoke instead (the same place on every run, so the index survives a restart).
extra=()
if [ "$(id -u)" -eq 0 ]; then
  dir=$(pwd)
  while [ "$dir" != / ]; do
    if [ "$(( $(stat -c %a "$dir" | tail -c 2) & 1 ))" -eq 0 ]; then
      es_dir="/var/lib/todoke/elasticsearch$(pwd | tr / _)"
      mkdir -p "$es_dir"
      echo "$(pwd) is not reachable by the Elasticsearch user; its files go to $es_dir" >&2
      extra+=("--search.elasticsearch.local.var-dir=$es_dir")
      break
    fi
    dir=$(dirname "$dir")
  done
fi

export OMP_THREAD_LIMIT=1
. scripts/jvm-flags.sh
# shellcheck disable=SC2046
exec java $(todoke_jvm_flags) ${TODOKE_JAVA_OPTS:--Xmx2g} -jar "$jar" --server.port="$port" --spring.profiles.active="${TODOKE_PROFILES:-demo}" "${extra[@]}"
