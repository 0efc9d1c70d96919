# A table with a 64-byte name and columns of 63 and 64 bytes, for postgres (or
# for the dialect given as argument).
import sys
cols = ["c" * 63, "c" * 64, "\u00e9" * 32]
lines = ["apiVersion: schemas.schemahero.io/v1alpha4", "kind: Table", "metadata:", "  name: t",
         "spec:", "  database: testdb", "  name: " + "t" * 64, "  schema:"]
for dialect in sys.argv[1:] or ["postgres"]:
    lines += ["    %s:" % dialect, "      primaryKey: [id]", "      columns:",
              "        - name: id", "          type: integer"]
    for c in cols:
        lines += ["        - name: " + c, "          type: text"]
print("\n".join(lines))
