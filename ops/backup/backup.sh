#!/usr/bin/env bash
# Scheduled backups of the CRM database: pg_dump in PostgreSQL's custom format into a directory,
# keeping N days. The compose service "backup" runs it as `backup.sh nightly`; without compose,
# a cron line does the same: 30 2 * * * PGHOST=... PGUSER=... PGDATABASE=crm /path/to/backup.sh once
#
#   backup.sh once      one backup now, then drop backups older than the retention
#   backup.sh nightly   one now unless a backup of the last 24 h exists, then one every day at
#                       CRM_BACKUP_AT; runs until stopped
#   backup.sh check     exits 0 while the newest backup is younger than 25 h (a healthcheck)
#
# Environment: the usual PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (default crm);
# CRM_BACKUP_DIR (/backups), CRM_BACKUP_KEEP_DAYS (14), CRM_BACKUP_AT (02:30, local time: TZ).
# A backup is named crm-YYYY-MM-DDTHHMMSS.dump; restore it as README "Operations" shows.
set -euo pipefail

dir="${CRM_BACKUP_DIR:-/backups}"
keep_days="${CRM_BACKUP_KEEP_DAYS:-14}"
at="${CRM_BACKUP_AT:-02:30}"
export PGDATABASE="${PGDATABASE:-crm}"

log() { echo "$(date '+%F %T %Z') backup: $*"; }

newest_within_minutes() {
  [[ -n "$(find "$dir" -maxdepth 1 -name 'crm-*.dump' -mmin "-$1" -print -quit 2>/dev/null)" ]]
}

backup_once() {
  mkdir -p "$dir"
  file="$dir/crm-$(date +%Y-%m-%dT%H%M%S).dump"
  # written under another name and renamed when complete and readable, so a dump cut short
  # (database gone, disk full) never passes for a backup, nor is counted by the retention
  trap 'rm -f "$file.partial"' EXIT
  pg_dump --format=custom --no-owner --file="$file.partial" "$PGDATABASE"
  pg_restore --list "$file.partial" >/dev/null
  mv "$file.partial" "$file"
  log "wrote $file ($(du -h "$file" | cut -f1))"
  # only after a good backup, so failing dumps never eat the last good ones
  find "$dir" -maxdepth 1 -name 'crm-*.dump' -mmin "+$((keep_days * 1440))" -print -delete \
    | while read -r old; do log "removed $old (older than $keep_days days)"; done
}

# a backup in a process of its own, where any failing step stops it (set -e)
backup_in_child() {
  bash "${BASH_SOURCE[0]}" once || log "FAILED; the next try is at $at"
}

seconds_until_next_run() {
  local now next
  now="$(date +%s)"
  next="$(date -d "today $at" +%s)"
  if (( next <= now )); then
    next="$(date -d "tomorrow $at" +%s)"
  fi
  echo $(( next - now ))
}

case "${1:-}" in
  once)
    backup_once
    ;;
  nightly)
    date -d "today $at" >/dev/null 2>&1 || { log "CRM_BACKUP_AT=$at is not a time of day (HH:MM)"; exit 2; }
    log "backing up $PGDATABASE every day at $at ($(date +%Z)) into $dir, keeping $keep_days days"
    if ! newest_within_minutes 1440; then
      backup_in_child
    fi
    # as a container's first process, bash would ignore "docker stop"; the sleep runs in the
    # background so that the trap is taken at once
    sleeper=""
    trap 'log "stopped"; [[ -z "$sleeper" ]] || kill "$sleeper" 2>/dev/null; exit 0' TERM INT
    while true; do
      sleep "$(seconds_until_next_run)" &
      sleeper=$!
      wait "$sleeper"
      sleeper=
      backup_in_child
    done
    ;;
  check)
    newest_within_minutes 1500
    ;;
  *)
    echo "usage: $0 once|nightly|check" >&2
    exit 2
    ;;
esac
