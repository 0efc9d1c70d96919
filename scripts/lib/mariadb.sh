# Start and stop a throw-away MariaDB server: a temporary data directory, a
# unix socket in it, no TCP, no binary log, and no flushing at commit. Sourced
# by scripts/test. root logs in without a password over the socket; user
# shc_secret (any database) gives a password, for the redaction test. The
# time zone tables are loaded (CONVERT_TZ with named zones needs them).
#
#   mariadb_start   exports SHC_MYSQL_SOCKET (and SHC_MYSQL_SECRET_PASSWORD)
#   mariadb_stop    stops the server and removes the directory

mariadb_start() {
  MARIADB_DIR=$(mktemp -d /tmp/shc-mariadb.XXXXXX)
  local data=$MARIADB_DIR/data sock=$MARIADB_DIR/mysqld.sock i
  mariadb-install-db --no-defaults --datadir="$data" --user=root \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
    >"$MARIADB_DIR/install.log" 2>&1 || { cat "$MARIADB_DIR/install.log" >&2; return 1; }
  mariadbd --no-defaults --datadir="$data" --socket="$sock" --skip-networking --user=root \
    --pid-file="$MARIADB_DIR/mysqld.pid" --log-error="$MARIADB_DIR/server.log" \
    --innodb-flush-log-at-trx-commit=0 --skip-log-bin --sync-binlog=0 --innodb-doublewrite=0 \
    --innodb-buffer-pool-size=32M --innodb-log-file-size=16M --max-connections=60 \
    --skip-innodb-adaptive-hash-index --performance-schema=OFF \
    >/dev/null 2>&1 &
  MARIADB_PID=$!
  for i in $(seq 300); do
    mariadb --no-defaults -S "$sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    if ! kill -0 "$MARIADB_PID" 2>/dev/null; then
      cat "$MARIADB_DIR/server.log" >&2
      return 1
    fi
    sleep 0.1
  done
  mariadb --no-defaults -S "$sock" -u root -e 'SELECT 1' >/dev/null 2>&1 ||
    { cat "$MARIADB_DIR/server.log" >&2; return 1; }
  # The zone tables: all of /usr/share/zoneinfo (about 2 s here).
  mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null |
    mariadb --no-defaults -S "$sock" -u root mysql ||
    { echo "mariadb: loading the time zone tables failed" >&2; return 1; }
  SHC_MYSQL_SECRET_PASSWORD='s3cr:t/p@ss?w#rd'
  mariadb --no-defaults -S "$sock" -u root -e \
    "CREATE USER shc_secret@localhost IDENTIFIED BY '$SHC_MYSQL_SECRET_PASSWORD';
     GRANT ALL ON *.* TO shc_secret@localhost;" ||
    { echo "mariadb: creating user shc_secret failed" >&2; return 1; }
  export SHC_MYSQL_SOCKET=$sock SHC_MYSQL_SECRET_PASSWORD
}

mariadb_stop() {
  [ -n "${MARIADB_DIR:-}" ] || return 0
  if [ -n "${MARIADB_PID:-}" ] && kill -0 "$MARIADB_PID" 2>/dev/null; then
    kill "$MARIADB_PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$MARIADB_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$MARIADB_PID" 2>/dev/null || true
    wait "$MARIADB_PID" 2>/dev/null || true
  fi
  rm -rf "$MARIADB_DIR"
  unset MARIADB_DIR MARIADB_PID SHC_MYSQL_SOCKET SHC_MYSQL_SECRET_PASSWORD
}
