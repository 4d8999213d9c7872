#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL (Debian's) on loopback for the tests.
#   scripts/postgres.sh start DIR PORT   -> prints the connection string
#   scripts/postgres.sh stop DIR
#   scripts/postgres.sh resume DIR PORT  -> starts a stopped server again on its existing data
set -euo pipefail
cmd="$1"; dir="$(realpath -m "$2")"; port="${3:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_db_user() {
  # initdb refuses to run as root: use the postgres account there.
  # From /, which the postgres account can enter (the caller may sit in a private temporary folder).
  if [ "$(id -u)" = "0" ]; then (cd / && su postgres -s /bin/bash -c "$1"); else bash -c "$1"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
    as_db_user "'$bin/initdb' -D '$dir/data' -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_db_user "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o \"-h 127.0.0.1 -p $port -k '$dir' -c max_connections=300 -c fsync=off\" -w start >/dev/null"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  resume)
    as_db_user "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o \"-h 127.0.0.1 -p $port -k '$dir' -c max_connections=300 -c fsync=off\" -w start >/dev/null"
    ;;
  stop)
    as_db_user "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start DIR [PORT] | resume DIR PORT | stop DIR" >&2; exit 2 ;;
esac
