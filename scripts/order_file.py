#!/usr/bin/env python3
"""Writes a linker symbol-ordering file from a callgrind profile of peerbot.

    order_file.py CALLGRIND_OUT BINARY > support/peerbot.order

Every function the profile saw run, in the order callgrind first met it, that is defined in
BINARY's text; then BoringSSL's variants for CPU features valgrind does not emulate (ADX,
AVX-512, VPCLMULQDQ, SHA extensions), which the bot runs instead of the ones the profile saw on
a CPU that has them. lld places those functions side by side at the start of .text, so the pages
the daemon executes are few and close together (see support/README.md).
"""
import re
import subprocess
import sys


CPU_VARIANT = re.compile(r"^CCryptoBoringSSL_.*(adx|avx|vpclmulqdq|shaext|bmi2|aesni)")


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
    # Sorted, so the file does not change from one run to the next for the same binary.
    for name in sorted(defined - seen):
        if CPU_VARIANT.search(name):
            order.append(name)
    if not order:
        sys.exit("order_file.py: the profile names no function of the binary (was it built with symbols?)")
    sys.stdout.write("\n".join(order) + "\n")
    print(f"order_file.py: {len(order)} functions", file=sys.stderr)


if __name__ == "__main__":
    main()
