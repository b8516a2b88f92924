#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the database named by
# DATABASE_URL (created if missing; must be empty or a Virage database, whose
# objects are replaced) and into MEDIA_ROOT.
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/virage/media scripts/restore.sh DIR
set -euo pipefail
DIR="${1:?Usage: scripts/restore.sh DIR (a folder written by scripts/backup.sh)}"
: "${DATABASE_URL:?Set DATABASE_URL (postgres://user@host:port/name).}"
MEDIA_ROOT="${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}"
( cd "$DIR" && sha256sum --check --quiet SHA256SUMS ) || { echo "The backup in $DIR is damaged (checksums differ)."; exit 1; }

name="${DATABASE_URL##*/}"; name="${name%%\?*}"
server="${DATABASE_URL%/*}/postgres"
if [ -z "$(psql "$server" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
  psql "$server" -qc "CREATE DATABASE \"$name\""
fi
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$DIR/database.dump"
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$DIR/media.tar.gz" --directory="$MEDIA_ROOT"
echo "Restored $DIR into $name and $MEDIA_ROOT."
