#!/usr/bin/env bash
# Back up Virage: the database (pg_dump, custom format) and the media files
# (uploads, H5P libraries and contents, certificates' PDFs), into one folder.
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/virage/media scripts/backup.sh [DIR]
# DIR defaults to backups/<UTC date-time>. Restore with scripts/restore.sh DIR.
set -euo pipefail
: "${DATABASE_URL:?Set DATABASE_URL (postgres://user@host:port/name).}"
MEDIA_ROOT="${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}"
DIR="${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$DIR"

pg_dump --format=custom --no-owner --no-privileges --file="$DIR/database.dump" "$DATABASE_URL"
if [ -d "$MEDIA_ROOT" ]; then
  tar --create --gzip --file="$DIR/media.tar.gz" --directory="$MEDIA_ROOT" .
else
  tar --create --gzip --file="$DIR/media.tar.gz" --files-from=/dev/null
fi
( cd "$DIR" && sha256sum database.dump media.tar.gz > SHA256SUMS )
echo "Backup written to $DIR ($(du -sh "$DIR" | cut -f1))."
