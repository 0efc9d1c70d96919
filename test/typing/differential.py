"""What the differential typing tests of every dialect share (test/typing/*/).

read_corpus: the cases of a corpus file, one per line, with the `# known:`
mark that precedes a case. types_by_case: the type --emit=ir prints for each
case's `out = <expr>` (one DataMigration `cN` per case). Python 3 standard
library only.
"""
import re


def read_corpus(path):
    """[(line, known)]: blank lines and comments skipped; `# known: <why>`
    marks the next case."""
    cases, known = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^#\s*known:\s*(.+)$", line)
            if m:
                known = m.group(1)
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cases.append((line, known))
            known = None
    return cases


def types_by_case(ir_text):
    """{case: type name} from --emit=ir: the type of `set out = ...` under
    `migration cN`, without its modifiers."""
    types, current = {}, None
    for text in ir_text.splitlines():
        m = re.match(r"^migration c(\d+) ", text)
        if m:
            current = int(m.group(1))
            continue
        m = re.match(r"^\s*set out = .*: ([a-z ]+?)(\(\d+(,\d+)?\))?\) @\S+$", text)
        if m and current is not None:
            types[current] = m.group(1)
    return types
