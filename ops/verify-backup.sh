#!/usr/bin/env bash
# Backs up a CRM database with pg_dump, restores it into a scratch database with pg_restore,
# and proves the restore reproduces the data: row count and an order-independent checksum of
# every row, table by table. Exits non-zero if any table differs.
#
#   ops/verify-backup.sh crm                   # database name; PGHOST/PGPORT/PGUSER as usual
#   KEEP_DUMP=/backups/crm-$(date +%F).dump ops/verify-backup.sh crm
set -euo pipefail

source_db="${1:?usage: ops/verify-backup.sh DATABASE}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
scratch="${source_db}_restore_check_$$"
dump="${KEEP_DUMP:-$(mktemp --suffix=.dump)}"
cleanup() {
  psql -qd postgres -c "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
  [[ -n "${KEEP_DUMP:-}" ]] || rm -f "$dump"
}
trap cleanup EXIT

echo "backing up $source_db -> $dump"
pg_dump --format=custom --no-owner --file="$dump" "$source_db"
echo "restoring into $scratch"
psql -qd postgres -c "CREATE DATABASE $scratch" >/dev/null
pg_restore --no-owner --exit-on-error --dbname="$scratch" "$dump"

# count and checksum per table; the checksum sums a hash of each row, so row order does not matter
fingerprint() {
  psql -qAtd "$1" <<'SQL'
DO $$
DECLARE t text; n bigint; h numeric;
BEGIN
  CREATE TEMP TABLE fp (tbl text, rows bigint, checksum numeric);
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
    EXECUTE format('SELECT count(*), coalesce(sum((''x'' || substr(md5(r::text), 1, 15))::bit(60)::bigint), 0) FROM %I r', t)
      INTO n, h;
    INSERT INTO fp VALUES (t, n, h);
  END LOOP;
END $$;
SELECT tbl || ' ' || rows || ' ' || checksum FROM fp ORDER BY tbl;
SQL
}

before="$(fingerprint "$source_db")"
after="$(fingerprint "$scratch")"
printf '%-28s %12s %s\n' table rows result
status=0
while read -r table rows checksum; do
  restored="$(grep "^$table " <<<"$after" || true)"
  if [[ "$restored" == "$table $rows $checksum" ]]; then
    printf '%-28s %12s %s\n' "$table" "$rows" same
  else
    printf '%-28s %12s %s\n' "$table" "$rows" "DIFFERS (restored: ${restored#"$table "})"
    status=1
  fi
done <<<"$before"
[[ $status -eq 0 ]] && echo "restore reproduces every table" || echo "RESTORE DIFFERS"
exit $status
