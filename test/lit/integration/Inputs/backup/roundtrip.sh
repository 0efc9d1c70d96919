#!/bin/sh
# roundtrip.sh TOOL SEED DB [postgres|sqlite|mysql]: the backup/revert
# property for one seed on one engine (postgres when not given).
# gen.py makes random tables and migrations; apply --backup runs them all,
# revert undoes them newest first; the fingerprint of every row of every
# table (in key order; gen.py says how, per engine) must then be the one
# from before apply. Prints one line.
#
# DB is, on postgres, a database on the server of $PGHOST; on sqlite, the
# path of the database file (made afresh); on mysql, a database on the
# MariaDB server of $SHC_MYSQL_SOCKET, as root (dropped and created again).
tool=$1 seed=$2 db=$3 engine=${4:-postgres}
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
case $engine in
postgres)
  uri="postgresql:///$db?host=$PGHOST&user=postgres"
  dialect=
  q() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
  create() { dropdb --if-exists "$db" 2>/dev/null && createdb "$db"; }
  load() { q -f "$1" >/dev/null; }
  checksum() { q -f "$dir/checksum.sql"; }
  count() { q -c "$1"; }
  drop() { dropdb "$db"; }
  ;;
sqlite)
  case $db in /*) ;; *) db=$PWD/$db ;; esac
  uri="sqlite://$db"
  dialect="--dialect sqlite"
  sq() { python3 "$here/../sqlite/sq.py" "$@"; }
  create() { rm -f "$db" "$db-journal" "$db-wal" "$db-shm"; }
  load() { sq seed "$db" "$1"; }
  # checksum.sql gives the hex of every value; its md5 is shorter to show.
  checksum() {
    set -- $(sq query "$db" "$(cat "$dir/checksum.sql")" | md5sum)
    echo "$1"
  }
  count() { sq query "$db" "$1"; }
  drop() { rm -f "$db" "$db-journal" "$db-wal" "$db-shm"; }
  ;;
mysql)
  uri="mysql://root@/$db?socket=$SHC_MYSQL_SOCKET"
  dialect="--dialect mysql"
  my() { mariadb --no-defaults -S "$SHC_MYSQL_SOCKET" -u root -N -B "$@"; }
  create() { my -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\`"; }
  load() { my "$db" <"$1"; }
  checksum() { my "$db" <"$dir/checksum.sql"; }
  count() { my "$db" -e "$1"; }
  drop() { my -e "DROP DATABASE \`$db\`"; }
  ;;
*)
  echo "roundtrip.sh: unknown engine $engine (postgres, sqlite or mysql)" >&2; exit 2
  ;;
esac
python3 "$here/gen.py" "$seed" "$dir" "$engine" || exit 1
create || exit 1
load "$dir/schema.sql" || exit 1
before=$(checksum)
if ! "$tool" apply --backup $dialect --uri "$uri" "$dir/migrations.yaml" >"$dir/apply.out" 2>"$dir/apply.err"; then
  echo "seed $seed: apply --backup failed"; cat "$dir/apply.out" "$dir/apply.err"; exit 1
fi
applied=$(checksum)
rows=$(count "SELECT count(*) FROM schemahero_data_backups WHERE kind <> 'applied'")
for name in $(tac "$dir/names"); do
  if ! "$tool" revert "$name" $dialect --uri "$uri" >"$dir/revert.out" 2>&1; then
    echo "seed $seed: revert $name failed"; cat "$dir/revert.out"; exit 1
  fi
done
after=$(checksum)
ledger=$(count "SELECT count(*) FROM schemahero_data_migrations")
changed=no
[ "$applied" = "$before" ] || changed=yes
if [ "$after" = "$before" ]; then
  echo "seed $seed: identical after revert ($(wc -l <"$dir/names") migrations, $rows rows backed up, data changed by apply: $changed, ledger rows left: $ledger)"
else
  echo "seed $seed: DIFFERENT after revert ($before before, $after after)"
  cat "$dir/migrations.yaml"
fi
drop
