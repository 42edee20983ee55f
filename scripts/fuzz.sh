#!/usr/bin/env bash
# libFuzzer over MatrixCrypto's decoders (Megolm and Olm messages, session keys, pickles,
# canonical JSON): builds swift-crypto with SwiftPM, compiles the harness together with the
# MatrixCrypto sources under -sanitize=fuzzer,address, runs a fixed number of inputs.
#
#   scripts/fuzz.sh [RUNS]        default 200000; FUZZ_SCRATCH picks the build directory
#
# The corpus and any crash files stay under .local/fuzz/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-200000}"
SCRATCH="${FUZZ_SCRATCH:-$ROOT/.build-fuzz}"
WORK="$ROOT/.local/fuzz"
CHECKOUT="$SCRATCH/checkouts/swift-crypto/Sources"

cd "$ROOT"
swift build --scratch-path "$SCRATCH" --target MatrixCrypto >&2
BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)"

objects=()
for module in Crypto CryptoExtras CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper CXKCP CXKCPShims SwiftASN1; do
  [ -d "$BIN/$module.build" ] || continue
  while IFS= read -r object; do objects+=("$object"); done < <(find "$BIN/$module.build" -name '*.o')
done

mkdir -p "$WORK/corpus" "$WORK/artifacts"
echo "fuzz.sh: compiling the harness" >&2
swiftc ${FUZZ_SWIFTFLAGS:--O} -g -sanitize=fuzzer,address -parse-as-library -swift-version 5 -module-name MatrixCryptoFuzz \
  -I "$BIN/Modules" \
  -Xcc -fmodule-map-file="$CHECKOUT/CCryptoBoringSSL/include/module.modulemap" \
  -Xcc -fmodule-map-file="$CHECKOUT/CCryptoBoringSSLShims/include/module.modulemap" \
  -Xcc -fmodule-map-file="$CHECKOUT/CXKCP/include/module.modulemap" \
  -Xcc -fmodule-map-file="$CHECKOUT/CXKCPShims/include/module.modulemap" \
  $(find Sources/MatrixCrypto -name '*.swift' | sort) Tests/Fuzz/MatrixCryptoFuzz.swift \
  "${objects[@]}" -o "$WORK/matrixcrypto-fuzz"

echo "fuzz.sh: running $RUNS inputs" >&2
FUZZ_SEED_DIR="$WORK/corpus" "$WORK/matrixcrypto-fuzz" -runs="$RUNS" -max_len=4096 -rss_limit_mb=2048 \
  -malloc_limit_mb=256 -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 "$WORK/corpus"
