#!/usr/bin/env python3
"""Writes a linker symbol-ordering file from a callgrind profile of peerbot.

    order_file.py CALLGRIND_OUT BINARY > support/peerbot.order

Every function the profile saw run, in the order callgrind first met it, that is defined in
BINARY's text. lld places those functions side by side at the start of .text, so the pages the
daemon executes are few and close together (see support/README.md).
"""
import re
import subprocess
import sys


def main() -> None:
    profile, binary = sys.argv[1], sys.argv[2]
    defined = set()
    listing = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tTwW":
            defined.add(fields[2])
    seen = set()
    order = []
    with open(profile, errors="replace") as lines:
        for line in lines:
            # "fn=(12) name" defines a function, "cfn=(13) name" a callee; later lines use the number alone.
            match = re.match(r"c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
            if match and match.group(1) not in seen:
                seen.add(match.group(1))
                if match.group(1) in defined:
                    order.append(match.group(1))
    if not order:
        sys.exit("order_file.py: the profile names no function of the binary (was it built with symbols?)")
    sys.stdout.write("\n".join(order) + "\n")
    print(f"order_file.py: {len(order)} functions", file=sys.stderr)


if __name__ == "__main__":
    main()
