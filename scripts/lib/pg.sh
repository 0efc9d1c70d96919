# Start and stop a throw-away PostgreSQL 15 server: a temporary folder owned by
# postgres, a unix socket in it, no TCP, and fsync off. Sourced by scripts/test.
PG_BIN=/usr/lib/postgresql/15/bin

pg_start() {
  PG_DIR=$(mktemp -d /tmp/shc-pg.XXXXXX)
  chown postgres: "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # One role must give a password (scram-sha-256), so that the redaction test
  # can check that PGPASSWORD and .pgpass work; every other role is trusted.
  runuser -u postgres -- sed -i '1i local all shc_secret scram-sha-256' "$PG_DIR/data/pg_hba.conf"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-k $PG_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PGHOST="$PG_DIR" PGUSER=postgres PGDATABASE=postgres
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  unset PG_DIR PGHOST
}
