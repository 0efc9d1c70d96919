#!/bin/sh
# roundtrip.sh TOOL SEED DB: the backup/revert property for one seed.
# gen.py makes random tables and migrations; apply --backup runs them all,
# revert undoes them newest first; the md5 over every row of every table (in
# key order) must then be the one from before apply. Prints one line.
tool=$1 seed=$2 db=$3
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
uri="postgresql:///$db?host=$PGHOST&user=postgres"
q() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
python3 "$here/gen.py" "$seed" "$dir" || exit 1
dropdb --if-exists "$db" 2>/dev/null && createdb "$db" || exit 1
q -f "$dir/schema.sql" >/dev/null || exit 1
before=$(q -f "$dir/checksum.sql")
if ! "$tool" apply --backup --uri "$uri" "$dir/migrations.yaml" >"$dir/apply.out" 2>"$dir/apply.err"; then
  echo "seed $seed: apply --backup failed"; cat "$dir/apply.out" "$dir/apply.err"; exit 1
fi
applied=$(q -f "$dir/checksum.sql")
rows=$(q -c "SELECT count(*) FROM schemahero_data_backups WHERE kind <> 'applied'")
for name in $(tac "$dir/names"); do
  if ! "$tool" revert "$name" --uri "$uri" >"$dir/revert.out" 2>&1; then
    echo "seed $seed: revert $name failed"; cat "$dir/revert.out"; exit 1
  fi
done
after=$(q -f "$dir/checksum.sql")
ledger=$(q -c "SELECT count(*) FROM schemahero_data_migrations")
changed=no
[ "$applied" = "$before" ] || changed=yes
if [ "$after" = "$before" ]; then
  echo "seed $seed: identical after revert ($(wc -l <"$dir/names") migrations, $rows rows backed up, data changed by apply: $changed, ledger rows left: $ledger)"
else
  echo "seed $seed: DIFFERENT after revert ($before before, $after after)"
  cat "$dir/migrations.yaml"
fi
dropdb "$db"
