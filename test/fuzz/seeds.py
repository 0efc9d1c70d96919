#!/usr/bin/env python3
"""Builds the fuzzers' seed corpora from the test inputs.

usage: seeds.py SRC_ROOT OUT_DIR

OUT_DIR/yaml and OUT_DIR/compile get every YAML file of test/lit and examples;
OUT_DIR/expr gets every SQL expression of those files (`where`, `condition`,
`expression` values) and of the typing corpus (test/typing/corpus/*.txt);
OUT_DIR/sql gets every customSQL `sql` text of those files and every
statement case (`sql ...` lines) of the typing corpus.
Seeds are named by content hash, so the corpora are deterministic.
"""
import hashlib
import os
import sys

import yaml

EXPR_KEYS = ("where", "condition", "expression")


def yaml_files(root):
    for top in ("test/lit", "examples"):
        for d, _, files in sorted(os.walk(os.path.join(root, top))):
            for f in sorted(files):
                if f.endswith((".yaml", ".yml")):
                    yield os.path.join(d, f)


def values_in(node, keys):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in keys and isinstance(v, str):
                yield v
            else:
                yield from values_in(v, keys)
    elif isinstance(node, list):
        for v in node:
            yield from values_in(v, keys)


def typing_expressions(root):
    corpus = os.path.join(root, "test", "typing", "corpus")
    if not os.path.isdir(corpus):
        return
    for f in sorted(os.listdir(corpus)):
        if not f.endswith(".txt"):
            continue
        for line in open(os.path.join(corpus, f), encoding="utf-8"):
            line = line.strip()
            if line.startswith("where "):
                yield line[len("where "):]
            elif line.startswith("set ") and " = " in line:
                yield line.split(" = ", 1)[1]


def typing_statements(root):
    corpus = os.path.join(root, "test", "typing", "corpus")
    if not os.path.isdir(corpus):
        return
    for f in sorted(os.listdir(corpus)):
        if f.endswith(".txt"):
            for line in open(os.path.join(corpus, f), encoding="utf-8"):
                if line.startswith("sql "):
                    yield line[len("sql "):].strip()


def write(out, data):
    os.makedirs(out, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def main():
    root, out = sys.argv[1], sys.argv[2]
    exprs, sqls = set(), set()
    for path in yaml_files(root):
        data = open(path, "rb").read()
        write(os.path.join(out, "yaml"), data)
        write(os.path.join(out, "compile"), data)
        try:
            for doc in yaml.safe_load_all(data):
                exprs.update(values_in(doc, EXPR_KEYS))
                sqls.update(values_in(doc, ("sql",)))
        except (yaml.YAMLError, ValueError):
            pass  # broken on purpose (a diagnostics test), or YAML 1.1 reads it otherwise
    exprs.update(typing_expressions(root))
    sqls.update(typing_statements(root))
    for e in sorted(exprs):
        write(os.path.join(out, "expr"), e.encode("utf-8"))
    for s in sorted(sqls):
        write(os.path.join(out, "sql"), s.encode("utf-8"))


if __name__ == "__main__":
    main()
