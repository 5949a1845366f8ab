#!/usr/bin/env bash
# Runs every test: the unit, format and corpus tests in a normal build, the same tests again
# under AddressSanitizer and UndefinedBehaviorSanitizer, and a short run of each fuzzer.
# Usage: scripts/test.sh [--quick]   (--quick: the normal build only)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

./scripts/install-deps.sh

echo "== build and test"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBOUNCEGUARD_TESTS=ON -DBOUNCEGUARD_BENCH=ON > /dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== benchmark scripts, at a tiny scale, so that they keep working"
python3 bench/make_inputs.py --scale small --out build/bench-small
# --cold empties the page cache, which only root may do, and not in every container.
cold=$( (sync && echo 3 > /proc/sys/vm/drop_caches) 2> /dev/null && echo --cold || true)
python3 bench/compare.py --inputs build/bench-small --bounceguard build/bounceguard --runs 1 --sisimai-runs 1 $cold
python3 bench/instructions.py --input build/bench-small/all-bounce.mbox --bounceguard build/bounceguard --messages 20
build/bench/microbenchmarks --benchmark_min_time=0.01 > /dev/null

if [ "${1:-}" = "--quick" ]; then exit 0; fi

echo "== build and test under AddressSanitizer and UBSan"
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBOUNCEGUARD_SANITIZE=ON \
  -DBOUNCEGUARD_BENCH=OFF > /dev/null
cmake --build build-sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j "$jobs"

echo "== fuzz each parser briefly"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DBOUNCEGUARD_FUZZ=ON -DBOUNCEGUARD_TESTS=OFF -DBOUNCEGUARD_BENCH=OFF > /dev/null
cmake --build build-fuzz -j "$jobs"
./fuzz/run-fuzzers.sh build-fuzz 30
