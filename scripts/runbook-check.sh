#!/usr/bin/env bash
# Runs every shell block of docs/OPERATIONS.md, as written there, in a sandbox: a temporary root that stands in for
# /opt, /etc, /var, /srv and /usr/local/src, a throwaway PostgreSQL cluster with no role or database yet (the runbook
# creates them), and stand-ins for what cannot run on a build machine (systemd, mounts, package installs, the
# build). What the stand-ins do instead is checked for real:
#
#   apt-get install    every package named exists in this machine's Debian release (apt-cache show)
#   git clone / make   a copy of this checkout; `make -n build` must resolve; the jar is a placeholder
#   useradd            the real useradd on a copy of /etc/passwd etc. in the sandbox (--prefix)
#   install/chown      the real commands, the sandbox's user and group names turned into their ids
#   mount              the fstab line parses (findmnt --verify) and names the mount point
#   systemctl          daemon-reload: systemd-analyze verify on the installed unit; the rest is logged, and the
#                      upgrade's stop/start order is checked from that log
#   nginx -t           the real nginx with Debian's nginx.conf read from the sandbox, a self-signed certificate;
#                      then the site is started on free ports in front of a stand-in instance and requested
#   runuser -u postgres   the real createuser/createdb/psql against the throwaway cluster
#   java -jar ... --reindex   logged (the command itself: ReindexCommandTest)
#
# Every ```sh block in the runbook must carry a marker line `<!-- runbook-check: NAME -->` just above it, and every
# NAME must be run here: a block added to the runbook without a check fails this script.
#
#   scripts/runbook-check.sh        exit 0 when every block ran; keeps nothing (KEEP=1 keeps the sandbox)
set -euo pipefail

[ "$(id -u)" = 0 ] || { echo "runbook-check: run as root, as the runbook is (useradd, install -o, runuser)" >&2; exit 1; }
REPO=$(cd "$(dirname "$0")/.." && pwd)
DOC=${RUNBOOK:-$REPO/docs/OPERATIONS.md}
R=$(mktemp -d "${TMPDIR:-/tmp}/todoke-runbook.XXXXXX")
chmod 755 "$R"
export TODOKE_PG_STATE=$R/pg.state TODOKE_PG_BARE=1
cleanup() {
  "$REPO/scripts/test-postgres.sh" stop || true
  [ -n "${KEEP:-}" ] && echo "sandbox kept: $R" >&2 || rm -rf "$R"
}
trap cleanup EXIT

fail() { echo "runbook-check: $*" >&2; exit 1; }

# --- the runbook's blocks -------------------------------------------------------------------------------------
# NAME -> the block's lines, indentation removed.
block() {
  awk -v name="$1" '
    $0 ~ "<!-- runbook-check: " name " -->" { armed = 1; next }
    armed && /^[[:space:]]*```sh[[:space:]]*$/ { inside = 1; armed = 0; match($0, /^[[:space:]]*/); indent = RLENGTH; next }
    inside && /^[[:space:]]*```[[:space:]]*$/ { exit }
    inside { print substr($0, indent + 1) }
  ' "$DOC"
}

unmarked=$(awk '/<!-- runbook-check: / { marked = NR } /^[[:space:]]*```sh/ && marked != NR - 1 { print NR }' "$DOC")
[ -z "$unmarked" ] || fail "shell blocks without a runbook-check marker at lines: $unmarked"
NAMES=$(sed -n 's/.*<!-- runbook-check: \([a-z0-9-]*\) -->.*/\1/p' "$DOC")

# The server's absolute paths, moved into the sandbox.
PATHS='opt/todoke|etc/todoke|etc/systemd|etc/nginx|etc/fstab|var/lib/todoke|var/log/todoke|srv/todoke|srv/backup|usr/local/src/todoke|root'
sandboxed() { sed -E "s#(^|[[:space:]'\"=:>(])/($PATHS)#\\1$R/\\2#g"; }

RAN=()
run_block() { # NAME DIR
  local name=$1 dir=$2 body
  body=$(block "$name")
  [ -n "$body" ] || fail "no block named $name in $DOC"
  printf '%s\n' "$body" | sandboxed >"$R/block-$name.sh"
  echo "== $name" >>"$R/commands.log"
  (cd "$dir" && PATH="$R/stub:$PATH" bash -euo pipefail "$R/block-$name.sh" </dev/null) >"$R/block-$name.out" 2>&1 \
    || { cat "$R/block-$name.out" >&2; fail "block $name failed (sandboxed: $R/block-$name.sh)"; }
  RAN+=("$name")
  echo "ok  $name"
}

# --- the sandbox ----------------------------------------------------------------------------------------------
mkdir -p "$R/stub" "$R/etc/systemd/system" "$R/run" "$R/log" # as on a Debian server
# The accounts as the server has them, without the host's password hashes.
for f in passwd group login.defs; do cp "/etc/$f" "$R/etc/"; done
( umask 077; : >"$R/etc/shadow"; : >"$R/etc/gshadow" )
: >"$R/etc/fstab"
: >"$R/commands.log"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PG_BIN/psql" ] || fail "PostgreSQL not installed (scripts/install-deps.sh test)"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || fail "nginx not installed (scripts/install-deps.sh test)"
[ -x /usr/bin/systemd-analyze ] || fail "systemd-analyze not installed (package systemd)"
"$REPO/scripts/test-postgres.sh" start >/dev/null
# shellcheck disable=SC1090
. "$R/pg.state"
PGPORT_SANDBOX=$PORT

# Each stand-in stops at its first failing command, like the real one would fail.
stub() { sed '1a set -euo pipefail' >"$R/stub/$1"; chmod 755 "$R/stub/$1"; }
LOG='echo "$(basename "$0") $*" >>'"$R/commands.log"

stub apt-get <<EOF
#!/usr/bin/env bash
$LOG
[ "\$1" = install ] || { echo "apt-get stand-in: only install" >&2; exit 2; }
shift
for p in "\$@"; do
  case \$p in -*) continue ;; esac
  apt-cache show --no-all-versions "\$p" >/dev/null 2>&1 || { echo "no package \$p in this Debian release" >&2; exit 100; }
done
EOF
stub git <<EOF
#!/usr/bin/env bash
$LOG
case \$1 in
  clone) mkdir -p "\$3" && (cd "$REPO" && /usr/bin/git ls-files -co --exclude-standard -z | xargs -0 tar -cf - ) | tar -C "\$3" -xf - ;;
  checkout|fetch) ;;
  *) echo "git stand-in: \$1" >&2; exit 2 ;;
esac
EOF
stub make <<EOF
#!/usr/bin/env bash
$LOG
[ "\$*" = build ] || { echo "make stand-in: only build" >&2; exit 2; }
/usr/bin/make -n build >/dev/null
mkdir -p review-ui/target && printf 'PK\005\006%018d' 0 >review-ui/target/todoke.jar
EOF
stub useradd <<EOF
#!/usr/bin/env bash
$LOG
args=()
for a in "\$@"; do args+=("\${a#$R}"); done  # the home directory as on the server
exec /usr/sbin/useradd --prefix "$R" "\${args[@]}"
EOF
# install and chown with owners from the sandbox's passwd and group files.
cat >"$R/stub/ids.sh" <<EOF
uid_of() { awk -F: -v n="\$1" '\$1 == n { print \$3 }' "$R/etc/passwd" | grep . || { echo "no user \$1" >&2; exit 1; }; }
gid_of() { awk -F: -v n="\$1" '\$1 == n { print \$3 }' "$R/etc/group" | grep . || { echo "no group \$1" >&2; exit 1; }; }
EOF
stub install <<EOF
#!/usr/bin/env bash
. "$R/stub/ids.sh"
args=()
while [ \$# -gt 0 ]; do
  case \$1 in
    -o) args+=(-o "\$(uid_of "\$2")"); shift 2 ;;
    -g) args+=(-g "\$(gid_of "\$2")"); shift 2 ;;
    *) args+=("\$1"); shift ;;
  esac
done
exec /usr/bin/install "\${args[@]}"
EOF
stub chown <<EOF
#!/usr/bin/env bash
. "$R/stub/ids.sh"
args=() owner=
for a in "\$@"; do
  case \$a in
    -*) args+=("\$a") ;;
    *) if [ -z "\$owner" ]; then
         owner=\$(uid_of "\${a%%:*}")
         case \$a in *:*) owner=\$owner:\$(gid_of "\${a#*:}") ;; esac
         args+=("\$owner")
       else args+=("\$a"); fi ;;
  esac
done
exec /usr/bin/chown "\${args[@]}"
EOF
stub mount <<EOF
#!/usr/bin/env bash
$LOG
awk -v m="\$1" '\$2 == m { found = 1 } END { exit !found }' "$R/etc/fstab" || { echo "\$1 is not in fstab" >&2; exit 32; }
findmnt --verify --tab-file "$R/etc/fstab" 2>&1 | grep -v 'unreachable on boot' | grep '\[E\]' && exit 32 || true
EOF
stub systemctl <<EOF
#!/usr/bin/env bash
$LOG
case \$1 in
  daemon-reload)
    out=\$(/usr/bin/systemd-analyze verify "$R/etc/systemd/system/todoke.service" 2>&1 || true)
    # The build machine has no todoke user, mounts or /opt/todoke: only complaints about the unit's syntax count.
    bad=\$(printf '%s\n' "\$out" | grep 'todoke.service' | grep -v -e 'Failed to resolve' -e 'not found' -e 'No such file' || true)
    [ -z "\$bad" ] || { echo "\$bad" >&2; exit 1; } ;;
  enable|start|stop|reload|restart) [ "\$1" != enable ] || [ -f "$R/etc/systemd/system/\${@: -1}.service" ] \
      || { echo "no unit \${@: -1}" >&2; exit 5; } ;;
  *) echo "systemctl stand-in: \$1" >&2; exit 2 ;;
esac
EOF
stub journalctl <<EOF
#!/usr/bin/env bash
$LOG
EOF
stub nginx <<EOF
#!/usr/bin/env bash
$LOG
# The installed site names the server's paths (its certificate): read them in the sandbox too.
sed -i -E "s#(^|[[:space:]])/etc/nginx#\\1$R/etc/nginx#g" "$R"/etc/nginx/sites-enabled/*
exec /usr/sbin/nginx -c "$R/etc/nginx/nginx.conf" "\$@"
EOF
stub java <<EOF
#!/usr/bin/env bash
$LOG
[ -f todoke.jar ] || { echo "no todoke.jar in \$PWD" >&2; exit 1; }
EOF
stub runuser <<EOF
#!/usr/bin/env bash
$LOG
[ "\$1" = -u ] && [ "\$3" = -- ] || { echo "runuser stand-in: runuser -u USER -- CMD" >&2; exit 2; }
user=\$2; shift 3
case \$user in
  postgres) export PGHOST=127.0.0.1 PGPORT=$PGPORT_SANDBOX PGUSER=postgres; unset PGDATABASE PGPASSWORD
            cmd=\$1; shift
            # createuser --pwprompt asks twice; without a terminal it reads standard input.
            printf 'todoke-pass\ntodoke-pass\n' | "$PG_BIN/\$cmd" "\$@" ;;
  todoke) exec "\$@" ;;
  *) echo "runuser stand-in: unknown user \$user" >&2; exit 2 ;;
esac
EOF
# Debian's nginx configuration, with its paths in the sandbox.
mkdir -p "$R/etc/nginx" "$R/log/nginx"
cp -r /etc/nginx/. "$R/etc/nginx/"
rm -f "$R/etc/nginx/sites-enabled/"*
sed -i -e "s#/etc/nginx#$R/etc/nginx#g" -e "s#/run/nginx.pid#$R/run/nginx.pid#" \
  -e "s#/var/log/nginx#$R/log/nginx#g" "$R/etc/nginx/nginx.conf"
# A certificate for the site, as the administrator receives it from a CA.
WORK=$R/root && mkdir -p "$WORK"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=todoke.example.local \
  -keyout "$WORK/todoke.example.local.key" -out "$WORK/todoke.example.local.fullchain.pem" >/dev/null 2>&1

SRC=$R/usr/local/src/todoke
# --- install --------------------------------------------------------------------------------------------------
run_block install-code "$WORK"
[ -f "$SRC/review-ui/target/todoke.jar" ] || fail "install-code: no review-ui/target/todoke.jar"
run_block install-dirs "$SRC"
grep -q '^todoke:' "$R/etc/passwd" || fail "install-dirs: no todoke user"
for d in "$R/opt/todoke/var" "$R/var/lib/todoke/work" "$R/var/log/todoke"; do
  [ "$(stat -c %U "$d" 2>/dev/null || true)" != root ] && [ -d "$d" ] || fail "install-dirs: $d missing or owned by root"
done
[ -f "$R/opt/todoke/todoke.jar" ] && [ -d "$R/opt/todoke/config/forms" ] || fail "install-dirs: jar or config not copied"
run_block install-shared "$SRC"
for d in inbox archive error; do [ -d "$R/srv/todoke/$d" ] || fail "install-shared: no /srv/todoke/$d"; done
run_block install-service "$SRC"
[ "$(stat -c %a "$R/etc/todoke/todoke.env")" = 640 ] || fail "install-service: the environment file is not mode 640"
grep -q '^systemctl enable --now todoke$' "$R/commands.log" || fail "install-service: the service is not enabled"
# The administrator's edit of the environment file: this sandbox's database and folders.
sed -i -e "s#^PGHOST=.*#PGHOST=127.0.0.1#" -e "s#^PGPORT=.*#PGPORT=$PGPORT_SANDBOX#" \
  -e "s#^PGPASSWORD=.*#PGPASSWORD=todoke-pass#" -e "s#=/srv/todoke#=$R/srv/todoke#" "$R/etc/todoke/todoke.env"
run_block database "$WORK"
PGPASSWORD=todoke-pass "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PGPORT_SANDBOX" -U todoke -d todoke -At \
  -c "select pg_encoding_to_char(encoding) from pg_database where datname = current_database() and datdba = (select oid from pg_roles where rolname = 'todoke')" \
  | grep -qx UTF8 || fail "database: no UTF8 database todoke owned by todoke"
# The first start, in place of the application (which UpgradeTest starts for real): the schema from the
# migrations, one fax read and its original in the shared archive, the cluster id in the marker.
for m in $(ls "$REPO"/case-store/src/main/resources/db/migration/V*.sql | sort -V); do
  PGPASSWORD=todoke-pass "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT_SANDBOX" -U todoke \
    -d todoke -f "$m" >/dev/null
done
PGPASSWORD=todoke-pass "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT_SANDBOX" -U todoke -d todoke \
  -c "insert into fax_document (id, inbox, file_name, sha256, archive_path, size_bytes, state, received_at)
      values ('00000000-0000-0000-0000-000000000001', 'fax', 'fax.pdf', repeat('a', 64), '2026/04/01/first.pdf', 9,
              'READ', now())" >/dev/null
mkdir -p "$R/srv/todoke/archive/2026/04/01" && echo '%PDF-1.4' >"$R/srv/todoke/archive/2026/04/01/first.pdf"
echo runbook-check >"$R/srv/todoke/archive/.todoke-cluster-id"

# --- TLS ------------------------------------------------------------------------------------------------------
run_block tls-proxy "$WORK"
[ -f "$R/etc/nginx/sites-enabled/todoke.conf" ] || fail "tls-proxy: the site is not installed"
grep -q '^nginx -t$' "$R/commands.log" || fail "tls-proxy: nginx -t did not run"
# The site at work: the administrator's edit points it at an instance (here a stand-in that echoes the headers it
# gets) and at free ports; then HTTP is redirected, HTTPS proxied with the forwarded headers, metrics refused.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
BACKEND=$(free_port) HTTP_PORT=$(free_port) HTTPS_PORT=$(free_port)
python3 - "$BACKEND" >"$R/log/backend.log" 2>&1 <<'PY' &
import http.server, json, sys
class Echo(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({k.lower(): v for k, v in self.headers.items()}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
        self.wfile.write(body)
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
PY
BACKEND_PID=$!
SITE=$R/etc/nginx/sites-enabled/todoke.conf
sed -i -E -e "s#server 10\.0\.5\.11:8080#server 127.0.0.1:$BACKEND#" -e "/server 10\.0\.5\.12:8080/d" \
  -e "s#listen 80;#listen 127.0.0.1:$HTTP_PORT;#" -e "s#listen 443 ssl#listen 127.0.0.1:$HTTPS_PORT ssl#" "$SITE"
/usr/sbin/nginx -c "$R/etc/nginx/nginx.conf" || fail "tls-proxy: nginx does not start with the site"
stop_proxy() {
  /usr/sbin/nginx -c "$R/etc/nginx/nginx.conf" -s stop 2>/dev/null || true
  kill "$BACKEND_PID" 2>/dev/null || true
}
trap 'stop_proxy; cleanup' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$BACKEND/" && break; sleep 0.1; done
CURL=(curl -sS --max-time 10 --resolve "todoke.example.local:$HTTPS_PORT:127.0.0.1"
  --resolve "todoke.example.local:$HTTP_PORT:127.0.0.1" --cacert "$WORK/todoke.example.local.fullchain.pem")
redirect=$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://todoke.example.local:$HTTP_PORT/queue")
[ "$redirect" = "301 https://todoke.example.local/queue" ] || fail "tls-proxy: HTTP is not redirected to HTTPS: $redirect"
echoed=$("${CURL[@]}" -D "$R/log/headers" "https://todoke.example.local:$HTTPS_PORT/queue") \
  || fail "tls-proxy: HTTPS through the proxy failed"
for expected in '"x-forwarded-proto": "https"' "\"x-forwarded-port\": \"$HTTPS_PORT\"" \
    '"host": "todoke.example.local"' '"x-forwarded-for": "127.0.0.1"'; do
  grep -qF "$expected" <<<"$echoed" || fail "tls-proxy: the instance did not get $expected: $echoed"
done
grep -qi '^strict-transport-security: max-age' "$R/log/headers" || fail "tls-proxy: no Strict-Transport-Security"
metrics=$("${CURL[@]}" -o /dev/null -w '%{http_code}' "https://todoke.example.local:$HTTPS_PORT/actuator/prometheus")
[ "$metrics" = 404 ] || fail "tls-proxy: /actuator/prometheus answers $metrics through the proxy"
stop_proxy

# --- backups, restore -----------------------------------------------------------------------------------------
run_block backup "$WORK"
ls "$R"/srv/backup/todoke-*/MANIFEST >/dev/null 2>&1 || fail "backup: no backup written"
# restore.sh needs the folders the backup holds; it refuses non-empty ones, which the block moves away first.
mv "$R"/srv/backup/todoke-* "$R/srv/backup/todoke-2026-04-01"
run_block restore "$WORK"
"$PG_BIN/psql" -X -h 127.0.0.1 -p "$PGPORT_SANDBOX" -U postgres -d postgres -At -c "select datname from pg_database order by 1" \
  | tr '\n' ' ' | grep -q 'todoke todoke_old' || fail "restore: expected a new database todoke beside todoke_old"
grep -q 'java -jar todoke.jar --reindex' "$R/commands.log" || fail "restore: no reindex"
[ "$(PGPASSWORD=todoke-pass "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PGPORT_SANDBOX" -U todoke -d todoke -At \
  -c 'select archive_path from fax_document')" = 2026/04/01/first.pdf ] || fail "restore: the fax row is not back"
[ "$(stat -c %U "$R/srv/todoke/archive/2026/04/01/first.pdf")" != root ] || fail "restore: the original is not back or owned by root"

# --- upgrade --------------------------------------------------------------------------------------------------
run_block upgrade-build "$SRC"
run_block upgrade-restart "$WORK"
order=$(sed -n '/^== upgrade-restart$/,$p' "$R/commands.log" | grep '^systemctl' | tr '\n' ';')
[ "$order" = "systemctl stop todoke;systemctl start todoke;systemctl start todoke;" ] \
  || fail "upgrade-restart: expected stop, then start one after the other: $order"

for n in $NAMES; do
  printf '%s\n' "${RAN[@]}" | grep -qx "$n" || fail "the block $n in the runbook is not run by this script"
done
echo "every shell block of $(basename "$DOC") ran (${#RAN[@]})"
