# bench/batching-specs.sh, sourced by bench/batching.sh and
# bench/batching-engines.sh: the specs both benchmarks apply.
#
#   batching_specs DIR DIALECT NOTE_EXPRESSION
#
# writes DIR/DIALECT-table.yaml (big: id bigint primary key, v, note) and
# DIR/DIALECT-migration.yaml (one calculatedUpdate of every row: v = v * 2 +
# 1, note = NOTE_EXPRESSION).
batching_specs() { # $1 folder, $2 dialect key, $3 the note expression
  cat > "$1/$2-table.yaml" <<YAML
apiVersion: schemas.schemahero.io/v1alpha4
kind: Table
metadata: {name: big}
spec:
  name: big
  schema:
    $2:
      primaryKey: [id]
      columns:
        - {name: id, type: bigint, constraints: {notNull: true}}
        - {name: v, type: integer}
        - {name: note, type: text}
YAML
  cat > "$1/$2-migration.yaml" <<YAML
apiVersion: schemas.schemahero.io/v1alpha4
kind: DataMigration
metadata: {name: backfill}
spec:
  name: backfill
  schema:
    $2:
      - calculatedUpdate:
          table: big
          calculations:
            - {column: v, expression: "v * 2 + 1"}
            - {column: note, expression: "$3"}
YAML
}
