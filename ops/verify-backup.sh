#!/usr/bin/env bash
# Backs up a CRM database with pg_dump, restores it into a scratch database with pg_restore,
# and proves the restore reproduces the database exactly as the dump saw it, also while the
# application keeps writing:
#
# - the dump is taken from a snapshot that a session of this script exports and keeps open
#   (pg_dump --snapshot), and the source side of every comparison is read in that same
#   snapshot, so rows written during the dump are in neither side;
# - every table: row count and an order-independent checksum of all its rows;
# - the schema: columns, constraints, indexes, triggers, views, functions, extensions and the
#   sequences' definitions, from pg_catalog;
# - every sequence's value. Sequences are outside transactions (no snapshot holds them; pg_dump
#   reads them as they are at that moment), so the restored value must lie between the source's
#   value before and after the dump: never below an id the dump holds.
#
# Exits non-zero if anything differs (or the dump or restore fails).
#
#   ops/verify-backup.sh crm                   # database name; PGHOST/PGPORT/PGUSER as usual
#   KEEP_DUMP=/backups/crm-$(date +%F).dump ops/verify-backup.sh crm
set -euo pipefail

source_db="${1:?usage: ops/verify-backup.sh DATABASE}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
scratch="${source_db}_restore_check_$$"
dump="${KEEP_DUMP:-$(mktemp --suffix=.dump)}"
workdir="$(mktemp -d)"
snapshot_pid=""
cleanup() {
  if [[ -n "$snapshot_pid" ]]; then
    kill "$snapshot_pid" 2>/dev/null || true
    wait "$snapshot_pid" 2>/dev/null || true
  fi
  psql -qd postgres -c "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
  [[ -n "${KEEP_DUMP:-}" ]] || rm -f "$dump"
  rm -rf "$workdir"
}
trap cleanup EXIT

# --- what is compared: each query prints "kind name value" lines, the same on both sides -------

# count and checksum per table; the checksum sums a hash of each row, so row order does not matter
rows_sql() {
  cat <<'SQL'
SELECT format('SELECT %L || '' '' || count(*) || '' '' || coalesce(sum((''x'' || substr(md5(r::text), 1, 15))::bit(60)::bigint), 0) FROM %I.%I r',
              tablename, schemaname, tablename)
FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
\gexec
SQL
}

# Expressions (checks, defaults, index and trigger definitions, views) are compared without casts,
# brackets and spaces: PostgreSQL prints a restored expression with its casts placed differently,
# e.g. CHECK (status IN ('A', 'B')) on a varchar column comes back as
# ARRAY[('A'::varchar)::text, ...] instead of (ARRAY['A'::varchar, ...])::text[]; the same check.
schema_sql() {
  cat <<'SQL'
SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not-null' ELSE '' END
       || CASE WHEN a.attidentity <> '' THEN ' identity-' || a.attidentity::text ELSE '' END
       || coalesce(' default ' || regexp_replace(pg_get_expr(d.adbin, d.adrelid), '::[a-z_ ]+(\[\])?|[()[:space:]]', '', 'g'), '')
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
  AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint ' || coalesce(nullif(conrelid, 0)::regclass::text, contypid::regtype::text) || '.' || conname
       || ' ' || regexp_replace(pg_get_constraintdef(oid), '::[a-z_ ]+(\[\])?|[()[:space:]]', '', 'g')
FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT 'index ' || tablename || '.' || indexname || ' ' || regexp_replace(indexdef, '::[a-z_ ]+(\[\])?|[()[:space:]]', '', 'g') FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'trigger ' || tgrelid::regclass || '.' || tgname || ' ' || regexp_replace(pg_get_triggerdef(oid), '::[a-z_ ]+(\[\])?|[()[:space:]]', '', 'g') || ' enabled=' || tgenabled::text
FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
UNION ALL
SELECT 'view ' || viewname || ' ' || md5(regexp_replace(definition, '::[a-z_ ]+(\[\])?|[()[:space:]]', '', 'g')) FROM pg_views WHERE schemaname = 'public'
UNION ALL
SELECT 'function ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))
FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
UNION ALL
SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension
UNION ALL
SELECT 'sequence ' || sequencename || ' ' || data_type || ' start=' || start_value || ' increment=' || increment_by
       || ' min=' || min_value || ' max=' || max_value || ' cache=' || cache_size || ' cycle=' || cycle
FROM pg_sequences WHERE schemaname = 'public'
ORDER BY 1;
SQL
}

# a sequence's position: its last value, or one step before its start when never used; and its step
sequences_sql() {
  cat <<'SQL'
SELECT sequencename || ' ' || coalesce(last_value, start_value - increment_by) || ' ' || increment_by
FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename;
SQL
}

# --- the source, in one snapshot shared with pg_dump -------------------------------------------

# A psql session that opens a REPEATABLE READ transaction, exports its snapshot and stays open
# (reading its commands from a pipe) until the dump has been taken and the source compared in it.
mkfifo "$workdir/to_psql"
psql -qAtX -v ON_ERROR_STOP=1 -d "$source_db" <"$workdir/to_psql" >"$workdir/from_psql" 2>"$workdir/psql_errors" &
snapshot_pid=$!
exec 3>"$workdir/to_psql"
# waits until the session has printed the line $1 (or died)
await_marker() {
  while ! grep -qx "$1" "$workdir/from_psql"; do
    # the session may print the marker and quit between the two looks: look once more
    if ! kill -0 "$snapshot_pid" 2>/dev/null && ! grep -qx "$1" "$workdir/from_psql"; then
      echo "the snapshot session ended:" >&2
      cat "$workdir/psql_errors" >&2
      exit 2
    fi
    sleep 0.1
  done
}
{
  echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
  echo "SELECT pg_export_snapshot();"
  echo "\\echo __snapshot__"
} >&3
await_marker __snapshot__
snapshot="$(head -n 1 "$workdir/from_psql")"
sequences_before="$(psql -qAtX -d "$source_db" -c "$(sequences_sql)")"

echo "backing up $source_db -> $dump (snapshot $snapshot)"
pg_dump --format=custom --no-owner --snapshot="$snapshot" --file="$dump" "$source_db"
sequences_after="$(psql -qAtX -d "$source_db" -c "$(sequences_sql)")"

# the source side, read in the dump's snapshot
{
  echo "\\o $workdir/source_rows"
  rows_sql
  echo "\\o $workdir/source_schema"
  schema_sql
  echo "\\o"
  echo "COMMIT;"
  echo "\\echo __compared__"
  echo "\\q"
} >&3
await_marker __compared__
exec 3>&-
wait "$snapshot_pid"
snapshot_pid=""

# --- the restore -----------------------------------------------------------------------------------

echo "restoring into $scratch"
psql -qd postgres -c "CREATE DATABASE $scratch" >/dev/null
pg_restore --no-owner --exit-on-error --dbname="$scratch" "$dump"
rows_sql | psql -qAtX -v ON_ERROR_STOP=1 -d "$scratch" -o "$workdir/restored_rows"
schema_sql | psql -qAtX -v ON_ERROR_STOP=1 -d "$scratch" -o "$workdir/restored_schema"
sequences_restored="$(psql -qAtX -d "$scratch" -c "$(sequences_sql)")"

# --- the comparison ------------------------------------------------------------------------------

status=0
printf '%-28s %12s %s\n' table rows result
while read -r table rows checksum; do
  restored="$(grep "^$table " "$workdir/restored_rows" || true)"
  if [[ "$restored" == "$table $rows $checksum" ]]; then
    printf '%-28s %12s %s\n' "$table" "$rows" same
  else
    printf '%-28s %12s %s\n' "$table" "$rows" "DIFFERS (restored: ${restored#"$table "})"
    status=1
  fi
done <"$workdir/source_rows"
# a table only the restore has
while read -r table _; do
  if ! grep -q "^$table " "$workdir/source_rows"; then
    printf '%-28s %12s %s\n' "$table" - "DIFFERS (only in the restore)"
    status=1
  fi
done <"$workdir/restored_rows"

echo
if schema_diff="$(diff "$workdir/source_schema" "$workdir/restored_schema")"; then
  awk '{ n[$1]++ } END { printf "schema same: %d columns, %d constraints, %d indexes, %d triggers, %d views, %d functions, %d extensions, %d sequences\n",
       n["column"], n["constraint"], n["index"], n["trigger"], n["view"], n["function"], n["extension"], n["sequence"] }' \
    "$workdir/source_schema"
else
  echo "schema DIFFERS (< source, > restore):"
  grep '^[<>]' <<<"$schema_diff"
  status=1
fi

echo
printf '%-34s %s\n' sequence result
while read -r name restored step; do
  before="$(awk -v s="$name" '$1 == s { print $2 }' <<<"$sequences_before")"
  after="$(awk -v s="$name" '$1 == s { print $2 }' <<<"$sequences_after")"
  if [[ -z "$before" || -z "$after" ]]; then
    printf '%-34s %s\n' "$name" "DIFFERS (only in the restore)"
    status=1
  elif (( step > 0 ? (before <= restored && restored <= after) : (before >= restored && restored >= after) )); then
    printf '%-34s %s\n' "$name" "same ($restored; source $before..$after during the dump)"
  else
    printf '%-34s %s\n' "$name" "DIFFERS (restored $restored; source $before..$after during the dump)"
    status=1
  fi
done <<<"$sequences_restored"

echo
[[ $status -eq 0 ]] && echo "restore reproduces every table, the schema and every sequence" || echo "RESTORE DIFFERS"
exit $status
