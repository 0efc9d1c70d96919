"""gen.py's generators for SQLite and MySQL: LiteGen (what they share),
SqliteGen and MysqlGen."""

import math

from genlib import Gen, TEXTS, sql_text, yaml_str

FLOATS = [0.1 + 0.2, 1 / 3, -2 / 3 * 1e-200, 2.0 ** 53 + 2, 123456789.12345679,
          1e23, 2.5e-250, -1.7976931348623157e308, 6.02214076e23, -9.8765432109876e-270]
# Bytes: NUL, invalid UTF-8 (a lone continuation byte, a cut sequence, 0xff).
BYTES = [b"", b"\x00", b"\x00\x01\x00", b"\xff\xfe", b"\xc3\x28", b"\x80", b"abc\x00def",
         b"\xe2\x82", "é".encode(), b"'\\\n\t"]


def exact_sql(x):
    """`x` as SQL arithmetic that computes it exactly: its significand as an
    integer, divided by powers of two."""
    m, e = math.frexp(x)
    mant, exp = int(m * 2 ** 53), e - 53
    s = "(%d.0" % mant
    while exp < 0:
        step = min(-exp, 60)
        s += " / %d.0" % (2 ** step)
        exp += step
    return s + ")"


def hex_blob(b):
    return "X'" + b.hex().upper() + "'"


def mysql_text(s):
    # MySQL's string literal (backslash escapes on, as by default).
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


class LiteGen(Gen):
    """What SQLite and MySQL share; subclasses give their types and SQL."""
    section = None
    schema_preamble = None
    kinds = {}     # kind: (SQL type, Table spec type)
    payload = []   # (column, kind)
    floats = FLOATS
    zones = None   # timezone_convert's from and to

    def sql_text(self, s):
        return sql_text(s)

    def float_value(self):
        r = self.r
        if r.random() < 0.4:
            return repr(r.choice(self.floats))
        return repr(r.uniform(-1e6, 1e6))

    def blob(self):
        r = self.r
        if r.random() < 0.5:
            return hex_blob(r.choice(BYTES))
        return hex_blob(bytes(r.randint(0, 255) for _ in range(r.randint(1, 12))))

    def value(self, kind):
        r = self.r
        if kind in ("text", "varchar"):
            return self.maybe_null(self.sql_text(self.text()))
        if kind == "longtext":
            return self.maybe_null(self.sql_text(self.text() * r.randint(1, 40)))
        if kind == "integer":
            return self.maybe_null(str(r.randint(-1000, 1000)))
        if kind == "numeric":
            return self.maybe_null("%d.%03d" % (r.randint(-9999, 9999), r.randint(0, 999)))
        if kind == "real":
            return self.maybe_null(self.float_value())
        if kind == "boolean":
            return self.maybe_null(r.choice(["TRUE", "FALSE"]))
        if kind == "datetime":
            return self.maybe_null("'2024-%02d-%02d %02d:%02d:%02d.%06d'" % (
                r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59),
                r.randint(0, 59), r.randint(0, 999999)))
        if kind in ("blob", "bigblob"):
            return self.maybe_null(self.blob())
        if kind == "json":
            return self.maybe_null(self.sql_text('{"k": %d, "s": "%s"}' % (
                r.randint(0, 9), r.choice(["a", "ü", "q'x", 'say \\"hi\\"', "tab\\t", "🎉"]))))
        if kind == "mixed":
            # Every storage class, and values equal as numbers or as text
            # but of another class.
            return self.maybe_null(r.choice(["1", "1.0", "'1'", "X'31'", "-7", "0.30000000000000004",
                                             "'naïve'", "X'00FF'", "''", "X''", "1e300"]))
        raise ValueError(kind)

    def tables(self):
        r = self.r
        specs = []
        # t_single: one integer key, from 1 or beyond 2^53.
        cols = r.sample(self.payload, r.randint(5, len(self.payload)))
        specs.append({"name": "t_single", "key": [("id", "id")], "cols": cols, "unique": False,
                      "base": r.choice([1, 9007199254740993])})
        # t_composite: (text, int) key.
        cols = r.sample(self.payload, r.randint(5, len(self.payload)))
        specs.append({"name": "t_composite", "key": [("code", "code"), ("n", "n")], "cols": cols,
                      "unique": False})
        # t_unique: no primary key, a unique NOT NULL column.
        cols = r.sample(self.payload, r.randint(5, len(self.payload)))
        specs.append({"name": "t_unique", "key": [("ref", "ref")], "cols": cols, "unique": True})
        return specs

    def table_options(self, t):
        return ""

    def schema_sql(self, specs):
        out = [self.schema_preamble] if self.schema_preamble else []
        for t in specs:
            defs = ["%s %s NOT NULL" % (n, self.kinds[k][0]) for n, k in t["key"]]
            defs += ["%s %s" % (n, self.kinds[k][0]) for n, k in t["cols"]]
            keys = ", ".join(n for n, _ in t["key"])
            defs.append(("UNIQUE (%s)" if t["unique"] else "PRIMARY KEY (%s)") % keys)
            out.append("CREATE TABLE %s (\n  %s\n)%s;" % (t["name"], ",\n  ".join(defs),
                                                          self.table_options(t)))
            seen = set()
            rows = []
            for i in range(self.r.randint(15, 40)):
                if t["name"] == "t_single":
                    key = (str(t["base"] + i),)
                elif t["name"] == "t_composite":
                    key = (self.sql_text(self.r.choice(TEXTS[:8]) + "-" + str(i % 4)), str(i))
                else:
                    key = (self.sql_text("ref %d %s" % (i, self.r.choice(TEXTS))),)
                if key in seen:
                    continue
                seen.add(key)
                vals = list(key) + [self.value(k) for _, k in t["cols"]]
                rows.append("(" + ", ".join(vals) + ")")
            names = [n for n, _ in t["key"]] + [n for n, _ in t["cols"]]
            out.append("INSERT INTO %s (%s) VALUES\n  %s;" % (t["name"], ", ".join(names),
                                                             ",\n  ".join(rows)))
        return "\n".join(out) + "\n"

    def table_specs(self, specs):
        docs = []
        for t in specs:
            keys = ", ".join(n for n, _ in t["key"])
            doc = ["apiVersion: schemas.schemahero.io/v1alpha4", "kind: Table", "metadata:",
                   "  name: %s" % t["name"].replace("_", "-"), "spec:", "  database: propdb",
                   "  name: %s" % t["name"], "  schema:", "    %s:" % self.section]
            if t["unique"]:
                doc += ["      indexes:", "        - {columns: [%s], isUnique: true}" % keys]
            else:
                doc.append("      primaryKey: [%s]" % keys)
            doc.append("      columns:")
            doc += ["        - {name: %s, type: %s, constraints: {notNull: true}}" % (
                n, self.kinds[k][1]) for n, k in t["key"]]
            doc += ["        - {name: %s, type: %s}" % (n, self.kinds[k][1]) for n, k in t["cols"]]
            docs.append("\n".join(doc))
        return docs

    def where(self, t):
        r = self.r
        col, kind = r.choice(t["cols"])
        choices = ["%s IS NULL" % col, "%s IS NOT NULL" % col]
        if kind == "integer":
            choices.append("%s > %d" % (col, r.randint(-500, 500)))
        if kind in ("text", "varchar", "longtext"):
            choices.append("%s LIKE %s" % (col, sql_text(r.choice(["%a%", "%'%", "%é%", "p%"]))))
        if kind == "real":
            choices.append("%s < %d" % (col, r.randint(-1000, 1000) * 100))
        if t["name"] != "t_unique":
            choices.append("%s %% 3 = %d" % (t["key"][-1][0], r.randint(0, 2)))
        return r.choice(choices)

    def static_value(self, kind):
        r = self.r
        if kind in ("text", "varchar", "longtext"):
            return yaml_str(self.text()[:30])
        if kind == "integer":
            return str(r.randint(-5, 5))
        if kind == "numeric":
            return '"%d.5"' % r.randint(0, 99)
        if kind == "real":
            return '"%s"' % repr(r.choice([r.uniform(-10, 10), 0.1 + 0.2, 1e-200]))
        if kind == "boolean":
            return r.choice(["true", "false"])
        if kind == "datetime":
            return '"2025-01-02 03:04:05.678"'
        return None

    def transform_lines(self, t):
        r = self.r
        texts = [c for c, k in t["cols"] if k in ("text", "varchar")]
        stamps = [c for c, k in t["cols"] if k == "datetime"]
        lines = []
        if texts:
            lines += ["            - column: %s" % r.choice(texts),
                      "              transformType: format_change",
                      "              toValue: %s" % r.choice(["lowercase", "uppercase", "trim"])]
        if stamps:
            lines += ["            - column: %s" % stamps[0],
                      "              transformType: timezone_convert",
                      "              fromValue: %s" % self.zones[0],
                      "              toValue: %s" % self.zones[1]]
        return lines

    def qualified(self, where, alias):
        # where() names one column, first.
        return alias + "." + where

    def custom_update(self, t, where):
        r = self.r
        cols = [(c, k) for c, k in t["cols"] if self.calculated(c, k) is not None]
        if not cols:
            return None
        c, k = r.choice(cols)
        if r.random() < 0.5:
            return "UPDATE %s SET %s = %s WHERE %s" % (t["name"], c, self.calculated(c, k), where)
        # The table under an alias, its columns named through it.
        return "UPDATE %s AS x SET %s = %s WHERE %s" % (
            t["name"], c, self.calculated("x." + c, k), self.qualified(where, "x"))

class SqliteGen(LiteGen):
    section = "sqlite"
    # The declared type gives the column its affinity: TEXT and VARCHAR
    # text, INTEGER integer, NUMERIC, BOOLEAN and DATETIME numeric (an
    # integer or a real when the value reads as one), REAL real, BLOB none
    # (each value kept as written: the `mixed` column has every class).
    kinds = {"id": ("INTEGER", "integer"), "code": ("TEXT", "text"), "n": ("INTEGER", "integer"),
             "ref": ("TEXT", "text"),
             "text": ("TEXT", "text"), "varchar": ("VARCHAR(40)", "varchar(40)"),
             "integer": ("INTEGER", "integer"), "numeric": ("NUMERIC(12,3)", "'numeric(12,3)'"),
             "real": ("REAL", "real"), "boolean": ("BOOLEAN", "boolean"),
             "datetime": ("DATETIME", "datetime"), "blob": ("BLOB", "blob"),
             "mixed": ("BLOB", "blob"), "json": ("TEXT", "text")}
    payload = [("note", "text"), ("label", "varchar"), ("qty", "integer"), ("price", "numeric"),
               ("ratio", "real"), ("flag", "boolean"), ("seen_at", "datetime"), ("data", "blob"),
               ("misc", "mixed"), ("doc", "json")]
    # SQLite has no zone database: fixed offsets only.
    zones = ("UTC", "'+09:00'")

    # Doubles below 1e-280 in magnitude, some of which SQLite 3.40 reads back
    # one bit off from the 20-digit literal quote() gives them; written as
    # exact arithmetic (an integer halved by powers of two), not as a
    # literal, so that the table holds them exactly and the backup has to
    # keep them so.
    tiny = [float.fromhex("-0x1.db86b6201972ep-1019"), float.fromhex("0x1.f610e71510aefp-974"),
            float.fromhex("0x1.7d08689051703p-1015"), float.fromhex("0x1.d9227d733d669p-1013"),
            5e-324, -2.2250738585072014e-308]

    def float_value(self):
        r = self.r
        if r.random() < 0.15:
            return exact_sql(r.choice(self.tiny))
        return LiteGen.float_value(self)

    def table_options(self, t):
        return " WITHOUT ROWID" if t["name"] == "t_composite" else ""

    def calculated(self, col, kind):
        r = self.r
        if kind in ("text", "varchar"):
            return r.choice(["upper(%s)" % col, "%s || '''s'" % col, "coalesce(%s, 'ø')" % col,
                             "replace(%s, 'a', 'ä')" % col, "trim(%s)" % col])
        if kind == "integer":
            return r.choice(["%s + 1" % col, "%s * -2" % col, "coalesce(%s, 0) - 7" % col])
        if kind == "numeric":
            return "%s * 1.5" % col
        if kind == "real":
            return r.choice(["%s / 3" % col, "%s * 0.1" % col, "%s + 0.2" % col])
        if kind == "boolean":
            return "NOT %s" % col
        if kind == "blob":
            return r.choice(["substr(%s, 2)" % col, "coalesce(%s, zeroblob(3))" % col])
        if kind == "mixed":
            return r.choice(["typeof(%s)" % col, "coalesce(%s, zeroblob(2))" % col])
        return None

    def checksum_sql(self, specs):
        parts = []
        for t in specs:
            names = [n for n, _ in t["key"] + t["cols"]]
            row = " || char(31) || ".join("typeof(%s) || ':' || quote(%s)" % (n, n)
                                          for n in names)
            keys = ", ".join(n for n, _ in t["key"])
            parts.append("(SELECT coalesce(group_concat(r, char(10)), '-') FROM\n"
                         "    (SELECT %s AS r\n     FROM %s ORDER BY %s))" % (row, t["name"], keys))
        return "SELECT hex(\n  " + "\n  || char(30) || ".join(parts) + ");\n"


class MysqlGen(LiteGen):
    section = "mysql"
    schema_preamble = "SET NAMES utf8mb4;"
    kinds = {"id": ("BIGINT", "bigint"), "code": ("VARCHAR(64)", "varchar(64)"),
             "n": ("INT", "int"), "ref": ("VARCHAR(100)", "varchar(100)"),
             "text": ("TEXT", "text"), "varchar": ("VARCHAR(40)", "varchar(40)"),
             "longtext": ("LONGTEXT", "longtext"),
             "integer": ("INT", "int"), "numeric": ("DECIMAL(12,3)", "'decimal(12,3)'"),
             "real": ("DOUBLE", "double"), "boolean": ("TINYINT(1)", "tinyint(1)"),
             "datetime": ("DATETIME(6)", "datetime(6)"), "blob": ("VARBINARY(64)", "varbinary(64)"),
             "bigblob": ("BLOB", "blob"), "json": ("JSON", "json")}
    payload = [("note", "text"), ("label", "varchar"), ("body", "longtext"), ("qty", "integer"),
               ("price", "numeric"), ("ratio", "real"), ("flag", "boolean"),
               ("seen_at", "datetime"), ("data", "blob"), ("raw", "bigblob"), ("doc", "json")]
    # MariaDB keeps every double, subnormals and the largest too.
    floats = FLOATS + [5e-324, -2.2250738585072014e-308, 1.7976931348623157e308]
    zones = ("UTC", "Asia/Tokyo")

    def sql_text(self, s):
        return mysql_text(s)

    def table_options(self, t):
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"

    def calculated(self, col, kind):
        r = self.r
        if kind in ("text", "varchar", "longtext"):
            return r.choice(["upper(%s)" % col, "concat(%s, '''s')" % col,
                             "coalesce(%s, 'ø')" % col, "reverse(%s)" % col,
                             "replace(%s, '\\\\', '/')" % col])
        if kind == "integer":
            return r.choice(["%s + 1" % col, "%s * -2" % col, "coalesce(%s, 0) - 7" % col])
        if kind == "numeric":
            return "%s * 1.5" % col
        if kind == "real":
            return r.choice(["%s / 3" % col, "%s * 0.1" % col, "%s + 0.2" % col])
        if kind == "boolean":
            return "NOT %s" % col
        if kind == "datetime":
            return "%s + INTERVAL 1 DAY" % col
        if kind in ("blob", "bigblob"):
            return r.choice(["reverse(%s)" % col, "coalesce(%s, unhex('00FF'))" % col])
        return None

    def checksum_sql(self, specs):
        exact = ("BIGINT", "INT", "DECIMAL", "DOUBLE", "TINYINT", "DATETIME")
        parts = []
        for t in specs:
            vals = []
            for n, k in t["key"] + t["cols"]:
                if self.kinds[k][0].split("(")[0] in exact:
                    vals.append("IFNULL(CAST(%s AS CHAR), 'N')" % n)
                else:
                    vals.append("IFNULL(HEX(%s), 'N')" % n)
            order = ", ".join(n if self.kinds[k][0] in ("BIGINT", "INT") else
                              "CAST(%s AS BINARY)" % n for n, k in t["key"])
            parts.append("(SELECT IFNULL(MD5(GROUP_CONCAT(CONCAT_WS(',', %s)\n"
                         "     ORDER BY %s SEPARATOR '\\n')), '-') FROM %s)" % (
                             ", ".join(vals), order, t["name"]))
        return ("SET NAMES utf8mb4;\nSET SESSION group_concat_max_len = 4294967295;\n"
                "SELECT MD5(CONCAT_WS('|',\n  " + ",\n  ".join(parts) + "));\n")
