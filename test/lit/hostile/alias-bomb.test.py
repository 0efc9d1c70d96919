# Writes a billion-laughs document (10 levels of 10 aliases: 10^10 nodes once
# expanded): in a skipped kind ("lol"), or as the values of a staticUpdate's
# `set` followed by `where: *l9` ("set").
import os
import sys

def bomb(indent):
    lines = [indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(indent + "l%d: &l%d [%s]" % (i, i, ", ".join(["*l%d" % (i - 1)] * 10)))
    return "\n".join(lines)

if sys.argv[1] == "lol":
    print("apiVersion: v1\nkind: ConfigMap\ndata:\n" + bomb("  "))
else:
    head = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs", "update-head.yaml")
    print(open(head).read() + "          set:\n" + bomb("            ") + "\n          where: *l9")
