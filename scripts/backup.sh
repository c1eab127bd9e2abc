#!/usr/bin/env bash
# Backs up a Todoke installation on PostgreSQL: the database first, then the archive and error folders.
#
#   scripts/backup.sh DEST_DIR
#
# Connection: libpq's variables (PGHOST, PGPORT, PGUSER, PGDATABASE; the password in PGPASSWORD or ~/.pgpass).
# Folders: TODOKE_INTAKE_ARCHIVE_DIR and TODOKE_INTAKE_ERROR_DIR (default var/archive, var/error), the same
# variables the application reads, so `set -a; . /etc/todoke/todoke.env; set +a` first gives both the same view.
# The application may keep running.
#
# Why this order: Todoke writes a fax's original into the archive before its row says it is archived, and never
# deletes from the archive. A dump taken first therefore only names originals the archive copy taken after it
# holds. The other way round, rows committed between the two steps would name originals missing from the backup.
# Originals archived after the dump are in the backup without a row; restore.sh lists them.
#
# Writes DEST_DIR/todoke.dump (pg_dump custom format), archive.tar, error.tar and MANIFEST.
set -euo pipefail

dest=${1:?usage: scripts/backup.sh DEST_DIR}
archive=${TODOKE_INTAKE_ARCHIVE_DIR:-var/archive}
errors=${TODOKE_INTAKE_ERROR_DIR:-var/error}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
pg_dump=$( [ -n "$PG_BIN" ] && [ -x "$PG_BIN/pg_dump" ] && echo "$PG_BIN/pg_dump" || command -v pg_dump || true)
[ -n "$pg_dump" ] || { echo "pg_dump not found (apt-get install postgresql-client)" >&2; exit 1; }
[ -d "$archive" ] || { echo "archive folder $archive not found (TODOKE_INTAKE_ARCHIVE_DIR)" >&2; exit 1; }
[ -d "$errors" ] || { echo "error folder $errors not found (TODOKE_INTAKE_ERROR_DIR)" >&2; exit 1; }
if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
  echo "$dest is not empty; give each backup its own folder" >&2
  exit 1
fi
mkdir -p "$dest"
umask 077 # the backup holds personal data

# 1. The database: one consistent snapshot, whatever the application does meanwhile.
"$pg_dump" --format=custom --no-owner --file="$dest/todoke.dump"
# 2. Then the folders (only ever added to), including their .todoke-cluster-id markers.
tar -C "$archive" -cf "$dest/archive.tar" .
tar -C "$errors" -cf "$dest/error.tar" .

{
  echo "created $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database ${PGDATABASE:-$(id -un)} on ${PGHOST:-local socket}:${PGPORT:-5432}"
  echo "archive $(cd "$archive" && pwd) $(find "$archive" -type f | wc -l) file(s)"
  echo "error $(cd "$errors" && pwd) $(find "$errors" -type f | wc -l) file(s)"
  (cd "$dest" && sha256sum todoke.dump archive.tar error.tar)
} >"$dest/MANIFEST"
echo "backup written to $dest"
