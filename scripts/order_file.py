#!/usr/bin/env python3
"""Writes a linker symbol-ordering file from a callgrind profile of peerbot.

    order_file.py [--idle IDLE_PART] BINARY CALLGRIND_PART... > support/peerbot.order

Every function the profile saw run, in the order callgrind first met it (the parts of a profile
dumped in pieces, in the order given), that is defined in BINARY's text; the functions of
IDLE_PART (the part dumped while the bot sat idle: the scheduler's tick, the long-poll) first,
so that what the idle bot runs lies in as few pages as possible; then BoringSSL's variants for CPU features valgrind does not emulate (ADX,
AVX-512, VPCLMULQDQ, SHA extensions), which the bot runs instead of the ones the profile saw on
a CPU that has them. lld places those functions side by side at the start of .text, so the pages
the daemon executes are few and close together (see support/README.md).
"""
import argparse
import re
import subprocess
import sys


CPU_VARIANT = re.compile(r"^CCryptoBoringSSL_.*(adx|avx|vpclmulqdq|shaext|bmi2|aesni)")


def functions(profile: str):
    """The functions a callgrind output names, in the order it first names them."""
    with open(profile, errors="replace") as lines:
        for line in lines:
            # "fn=(12) name" defines a function, "cfn=(13) name" a callee; later lines use the number alone.
            match = re.match(r"c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
            if match:
                yield match.group(1)


def main() -> None:
    arguments = argparse.ArgumentParser(description="linker symbol-ordering file from callgrind output")
    arguments.add_argument("--idle", help="the part of the profile dumped while the bot was idle")
    arguments.add_argument("binary")
    arguments.add_argument("profiles", nargs="+")
    options = arguments.parse_args()
    defined = set()
    listing = subprocess.run(["nm", "--defined-only", options.binary], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tTwW":
            defined.add(fields[2])
    seen = set()
    order = []
    idle = 0
    if options.idle:
        for name in functions(options.idle):
            if name not in seen:
                seen.add(name)
                if name in defined:
                    order.append(name)
        idle = len(order)
    for profile in options.profiles:
        for name in functions(profile):
            if name not in seen:
                seen.add(name)
                if name in defined:
                    order.append(name)
    # Sorted, so the file does not change from one run to the next for the same binary.
    for name in sorted(defined - seen):
        if CPU_VARIANT.search(name):
            order.append(name)
    if not order:
        sys.exit("order_file.py: the profile names no function of the binary (was it built with symbols?)")
    sys.stdout.write("\n".join(order) + "\n")
    print(f"order_file.py: {len(order)} functions, the first {idle} from the idle part", file=sys.stderr)


if __name__ == "__main__":
    main()
