#!/usr/bin/env bash
# Sets up bounceguard on a fresh Debian 12 machine: installs the packages it needs, builds it,
# and scans the bundled sample mailbox so you can see what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBOUNCEGUARD_BENCH=OFF > /dev/null
cmake --build build --target bounceguard_cli
echo
echo "$ ./build/bounceguard scan examples/sample.mbox"
./build/bounceguard scan examples/sample.mbox
