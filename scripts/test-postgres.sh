#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the persistence tests, from Debian's package: a temp dir, a free
# loopback port, run as the unprivileged `postgres` user when invoked as root (initdb refuses root).
#
#   scripts/test-postgres.sh start        start a cluster, print its JDBC URL (state in $TODOKE_PG_STATE)
#   scripts/test-postgres.sh url          print the JDBC URL of the running cluster
#   scripts/test-postgres.sh stop         stop it and delete its directory
#   scripts/test-postgres.sh run -- CMD   start, run CMD with TODOKE_TEST_POSTGRES_URL exported, stop (always)
# TODOKE_PG_BARE=1 starts a cluster with the superuser postgres only (scripts/runbook-check.sh creates the rest).
set -euo pipefail

# The newest installed server: Debian 12 ships 15, newer Ubuntu releases 16 or 17.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
STATE=${TODOKE_PG_STATE:-${TMPDIR:-/tmp}/todoke-test-postgres.state}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

url_of() { echo "jdbc:postgresql://127.0.0.1:$1/todoke?user=todoke&password=todoke"; }

start() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC1090
    . "$STATE"
    if as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then url_of "$PORT"; return; fi
    rm -f "$STATE"
  fi
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/todoke-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  if [ -z "${TODOKE_PG_BARE:-}" ]; then
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
      -c "create user todoke password 'todoke'" -c "create database todoke owner todoke" >/dev/null
  fi
  printf 'DIR=%q\nPORT=%q\n' "$dir" "$port" >"$STATE"
  url_of "$port"
}

stop() {
  [ -f "$STATE" ] || return 0
  # shellcheck disable=SC1090
  . "$STATE"
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR" "$STATE"
}

url() {
  [ -f "$STATE" ] || { echo "no test cluster running" >&2; exit 1; }
  # shellcheck disable=SC1090
  . "$STATE"
  url_of "$PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  run)
    shift; [ "${1:-}" = "--" ] && shift
    export TODOKE_PG_STATE="${STATE}.$$"
    STATE=$TODOKE_PG_STATE
    trap stop EXIT INT TERM
    TODOKE_TEST_POSTGRES_URL=$(start)
    export TODOKE_TEST_POSTGRES_URL
    echo "test PostgreSQL: $TODOKE_TEST_POSTGRES_URL" >&2
    "$@"
    ;;
  *) echo "usage: $0 start|stop|url|run -- command..." >&2; exit 2 ;;
esac
