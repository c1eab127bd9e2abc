#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: the database first, then the archive and error folders.
#
#   scripts/restore.sh BACKUP_DIR
#
# Stop every Todoke instance first. The target database (libpq's PGHOST, PGPORT, PGUSER, PGDATABASE) must exist
# and be empty, e.g. `createdb -O todoke todoke`; the folders (TODOKE_INTAKE_ARCHIVE_DIR, TODOKE_INTAKE_ERROR_DIR,
# default var/archive and var/error) must be empty or missing. Afterwards rebuild the search index
# (`java -jar todoke.jar --reindex`), then start the instances.
set -euo pipefail

src=${1:?usage: scripts/restore.sh BACKUP_DIR}
archive=${TODOKE_INTAKE_ARCHIVE_DIR:-var/archive}
errors=${TODOKE_INTAKE_ERROR_DIR:-var/error}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
tool() { if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/$1" ]; then echo "$PG_BIN/$1"; else command -v "$1" || true; fi; }
pg_restore=$(tool pg_restore)
psql=$(tool psql)
[ -n "$pg_restore" ] && [ -n "$psql" ] || { echo "pg_restore/psql not found (apt-get install postgresql-client)" >&2; exit 1; }
for f in todoke.dump archive.tar error.tar MANIFEST; do
  [ -f "$src/$f" ] || { echo "$src/$f missing: not a backup made by scripts/backup.sh" >&2; exit 1; }
done
(cd "$src" && sed -n '/ todoke.dump$\| archive.tar$\| error.tar$/p' MANIFEST | sha256sum --check --quiet) \
  || { echo "$src: checksums do not match its MANIFEST" >&2; exit 1; }
for dir in "$archive" "$errors"; do
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "$dir is not empty; restore into empty folders" >&2
    exit 1
  fi
done
tables=$("$psql" -X -At -v ON_ERROR_STOP=1 -c "select count(*) from pg_tables where schemaname = 'public'")
[ "$tables" = 0 ] || { echo "database ${PGDATABASE:-} is not empty ($tables tables); restore into a new one" >&2; exit 1; }

# 1. The database.
"$pg_restore" --no-owner --exit-on-error --single-transaction --dbname="${PGDATABASE:-$(id -un)}" "$src/todoke.dump"
# 2. The folders.
mkdir -p "$archive" "$errors"
tar -C "$archive" -xf "$src/archive.tar"
tar -C "$errors" -xf "$src/error.tar"

# Originals archived after the dump have no row: list them, so that an operator can feed them to the inbox again.
known=$("$psql" -X -At -v ON_ERROR_STOP=1 -c "select archive_path from fax_document where archive_path is not null")
orphans=0
while IFS= read -r file; do
  rel=${file#"$archive"/}
  if ! grep -qxF -- "$rel" <<<"$known" && ! grep -qxF -- "$file" <<<"$known"; then
    [ "$orphans" = 0 ] && echo "originals without a database row (received after the dump; copy them into an inbox to read them):"
    echo "  $file"
    orphans=$((orphans + 1))
  fi
done < <(find "$archive" -type f ! -name '.todoke-*' | sort)
echo "restored $src: database ${PGDATABASE:-}, $(find "$archive" -type f | wc -l) archive file(s), $orphans without a row"
echo "next: java -jar todoke.jar --reindex (rebuilds the search index), then start Todoke"
