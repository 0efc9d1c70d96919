"""The PostgreSQL generator of gen.py (the backup/revert property test), and
what the SQLite and MySQL ones (genlite.py) build on."""
import random

TEXTS = ["plain", "it's", "say \"hi\"", "back\\slash", "naïve café", "日本語", "emoji 🎉",
         "  padded  ", "", "MiXeD", "semi;colon", "line\nbreak", "tab\there", "O'Brien's"]


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


def yaml_str(s):
    # A double-quoted YAML scalar.
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        else:
            out += ch
    return out + '"'


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def maybe_null(self, v, p=0.2):
        return "NULL" if self.r.random() < p else v

    def text(self):
        return self.r.choice(TEXTS) + ("" if self.r.random() < 0.5 else str(self.r.randint(0, 99)))

    def value(self, typ):
        r = self.r
        if typ == "text" or typ.startswith("varchar"):
            return self.maybe_null(sql_text(self.text()))
        if typ == "integer":
            return self.maybe_null(str(r.randint(-1000, 1000)))
        if typ == "numeric(12,3)":
            return self.maybe_null("%d.%03d" % (r.randint(-9999, 9999), r.randint(0, 999)))
        if typ == "double precision":
            return self.maybe_null(repr(r.uniform(-1e6, 1e6)))
        if typ == "boolean":
            return self.maybe_null(r.choice(["TRUE", "FALSE"]))
        if typ == "timestamp":
            return self.maybe_null("'2024-%02d-%02d %02d:%02d:%02d.%06d'" % (
                r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59),
                r.randint(0, 59), r.randint(0, 999999)))
        if typ == "timestamptz":
            return self.maybe_null("'2023-%02d-%02d %02d:%02d:%02d+%02d'" % (
                r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59),
                r.randint(0, 59), r.randint(0, 12)))
        if typ == "jsonb":
            return self.maybe_null(sql_text('{"k": %d, "s": "%s"}' % (
                r.randint(0, 9), r.choice(["a", "ü", "q'x"]).replace("'", "''"))))
        if typ == "text[]":
            return self.maybe_null("ARRAY[%s]::text[]" % ", ".join(
                sql_text(self.text()) for _ in range(r.randint(0, 3))))
        raise ValueError(typ)

    def tables(self):
        r = self.r
        payload = [("note", "text"), ("label", "varchar(40)"), ("qty", "integer"),
                   ("price", "numeric(12,3)"), ("ratio", "double precision"),
                   ("flag", "boolean"), ("seen_at", "timestamp"), ("changed_at", "timestamptz"),
                   ("doc", "jsonb"), ("tags", "text[]")]
        specs = []
        # t_single: one bigint key.
        cols = r.sample(payload, r.randint(4, len(payload)))
        specs.append({"name": "t_single", "key": [("id", "bigint")], "cols": cols, "unique": False})
        # t_composite: (text, int) key.
        cols = r.sample(payload, r.randint(4, len(payload)))
        specs.append({"name": "t_composite", "key": [("code", "text"), ("n", "integer")],
                      "cols": cols, "unique": False})
        # t_unique: no primary key, a unique NOT NULL column.
        cols = r.sample(payload, r.randint(4, len(payload)))
        specs.append({"name": "t_unique", "key": [("ref", "text")], "cols": cols, "unique": True})
        return specs

    def schema_sql(self, specs):
        out = []
        for t in specs:
            defs = ["%s %s NOT NULL" % (n, ty) for n, ty in t["key"]]
            defs += ["%s %s" % (n, ty) for n, ty in t["cols"]]
            keys = ", ".join(n for n, _ in t["key"])
            defs.append(("UNIQUE (%s)" if t["unique"] else "PRIMARY KEY (%s)") % keys)
            out.append("CREATE TABLE %s (\n  %s\n);" % (t["name"], ",\n  ".join(defs)))
            seen = set()
            rows = []
            for i in range(self.r.randint(15, 40)):
                if t["name"] == "t_single":
                    key = (str(i + 1),)
                elif t["name"] == "t_composite":
                    key = (sql_text(self.r.choice(TEXTS[:8]) + "-" + str(i % 4)), str(i))
                else:
                    key = (sql_text("ref %d %s" % (i, self.r.choice(TEXTS))),)
                if key in seen:
                    continue
                seen.add(key)
                vals = list(key) + [self.value(ty) for _, ty in t["cols"]]
                rows.append("(" + ", ".join(vals) + ")")
            names = [n for n, _ in t["key"]] + [n for n, _ in t["cols"]]
            out.append("INSERT INTO %s (%s) VALUES\n  %s;" % (t["name"], ", ".join(names),
                                                             ",\n  ".join(rows)))
        return "\n".join(out) + "\n"

    def where(self, t):
        r = self.r
        col, ty = r.choice(t["cols"])
        choices = ["%s IS NULL" % col, "%s IS NOT NULL" % col]
        if ty == "integer":
            choices.append("%s > %d" % (col, r.randint(-500, 500)))
        if ty in ("text", "varchar(40)"):
            choices.append("%s LIKE %s" % (col, sql_text(r.choice(["%a%", "%'%", "%é%", "p%"]))))
        key = t["key"][-1][0]
        if t["key"][-1][1] in ("bigint", "integer"):
            choices.append("%s %% 3 = %d" % (key, r.randint(0, 2)))
        return r.choice(choices)

    def static_value(self, ty):
        r = self.r
        if ty in ("text", "varchar(40)"):
            return yaml_str(self.text()[:30])
        if ty == "integer":
            return str(r.randint(-5, 5))
        if ty == "numeric(12,3)":
            return '"%d.5"' % r.randint(0, 99)
        if ty == "double precision":
            return '"%s"' % repr(r.uniform(-10, 10))
        if ty == "boolean":
            return r.choice(["true", "false"])
        if ty == "timestamp":
            return '"2025-01-02 03:04:05.678"'
        if ty == "timestamptz":
            return '"2025-06-07 08:09:10+02"'
        return None

    def calculated(self, col, ty):
        r = self.r
        if ty in ("text", "varchar(40)"):
            return r.choice(["upper(%s)" % col, "%s || '''s'" % col, "coalesce(%s, 'ø')" % col,
                             "reverse(%s)" % col])
        if ty == "integer":
            return r.choice(["%s + 1" % col, "%s * -2" % col, "coalesce(%s, 0) - 7" % col])
        if ty == "numeric(12,3)":
            return "%s * 1.5" % col
        if ty == "double precision":
            return "%s / 3" % col
        if ty == "boolean":
            return "NOT %s" % col
        return None

    def operation(self, t):
        """(kind, yaml lines) or None when this table has no column for it."""
        r = self.r
        kind = r.choice(["staticUpdate", "calculatedUpdate", "transformUpdate", "customUpdate",
                         "customDelete"])
        where = self.where(t)
        if kind == "staticUpdate":
            cols = [(c, ty) for c, ty in t["cols"] if self.static_value(ty) is not None]
            if not cols:
                return None
            sets = r.sample(cols, min(len(cols), r.randint(1, 3)))
            lines = ["      - staticUpdate:", "          table: %s" % t["name"], "          set:"]
            lines += ["            %s: %s" % (c, self.static_value(ty)) for c, ty in sets]
            lines.append("          where: %s" % yaml_str(where))
            return kind, lines
        if kind == "calculatedUpdate":
            cols = [(c, ty) for c, ty in t["cols"] if self.calculated(c, ty) is not None]
            if not cols:
                return None
            c, ty = r.choice(cols)
            return kind, ["      - calculatedUpdate:", "          table: %s" % t["name"],
                          "          calculations:", "            - column: %s" % c,
                          "              expression: %s" % yaml_str(self.calculated(c, ty)),
                          "          where: %s" % yaml_str(where)]
        if kind == "transformUpdate":
            lines = self.transform_lines(t)
            if not lines:
                return None
            return kind, (["      - transformUpdate:", "          table: %s" % t["name"],
                           "          transformations:"] + lines +
                          ["          where: %s" % yaml_str(where)])
        if kind == "customUpdate":
            sql = self.custom_update(t, where)
            if sql is None:
                return None
        else:
            sql = "DELETE FROM %s WHERE %s" % (t["name"], where)
        return "customSQL", ["      - customSQL:", "          validate: true",
                             "          sql: %s" % yaml_str(sql)]

    def transform_lines(self, t):
        """A transformUpdate's transformations, or [] when the table has no
        column for one."""
        r = self.r
        texts = [c for c, ty in t["cols"] if ty in ("text", "varchar(40)")]
        stamps = [c for c, ty in t["cols"] if ty == "timestamp"]
        lines = []
        if texts:
            lines += ["            - column: %s" % r.choice(texts),
                      "              transformType: format_change",
                      "              toValue: %s" % r.choice(["lowercase", "uppercase", "trim"])]
        if stamps:
            lines += ["            - column: %s" % stamps[0],
                      "              transformType: timezone_convert",
                      "              fromValue: UTC", "              toValue: Asia/Tokyo"]
        return lines

    def custom_update(self, t, where):
        """customSQL that is one UPDATE of t, or None."""
        r = self.r
        cols = [(c, ty) for c, ty in t["cols"] if self.calculated(c, ty) is not None]
        if not cols:
            return None
        c, ty = r.choice(cols)
        alias = r.choice(["", " AS x"])
        return "UPDATE %s%s SET %s = %s WHERE %s" % (t["name"], alias, c, self.calculated(c, ty),
                                                   where)

    # The spec key of the migrations' operations.
    section = "postgres"

    def table_specs(self, specs):
        """The Table documents migrations.yaml starts with: none here, the
        tables are made by schema.sql."""
        return []

    def migrations(self, specs):
        docs, names = self.table_specs(specs), []
        while len(names) < self.r.randint(5, 9):
            t = self.r.choice(specs)
            op = self.operation(t)
            if op is None:
                continue
            kind, lines = op
            name = "m%02d-%s" % (len(names) + 1, kind.lower())
            doc = ["apiVersion: schemas.schemahero.io/v1alpha4", "kind: DataMigration",
                   "metadata:", "  name: %s" % name, "spec:", "  database: propdb"]
            if names:
                doc.append("  requires: [%s]" % names[-1])
            doc += ["  schema:", "    %s:" % self.section] + lines
            docs.append("\n".join(doc))
            names.append(name)
        return "\n---\n".join(docs) + "\n", names

    def checksum_sql(self, specs):
        parts = []
        for t in specs:
            keys = ", ".join(n for n, _ in t["key"])
            parts.append("(SELECT coalesce(md5(string_agg(x::text, E'\\n' ORDER BY %s)), '-') "
                         "FROM %s x)" % (keys, t["name"]))
        return "SELECT md5(" + " || ".join(parts) + ");\n"


# --- SQLite and MySQL --------------------------------------------------------
#
# The same three tables and kinds of operation, each column with a kind
# (which values it gets, which expressions change it) apart from its SQL
# type. Gen above is postgres, left as it was so its files stay the same.

# Floats that need 17 significant digits, exponents large and small.
