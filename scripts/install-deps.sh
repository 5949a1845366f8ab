#!/usr/bin/env bash
# Installs every Debian package that building, testing and benchmarking bounceguard needs.
# Safe to run again: apt skips what is already installed.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  # libraries
  libgmime-3.0-dev libglib2.0-dev libvectorscan-dev libicu-dev
  zlib1g-dev liblzma-dev libzstd-dev libbz2-dev libarchive-dev
  libfmt-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev
  libunbound-dev libldns-dev dns-root-data libjemalloc-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  nsd ldnsutils python3-spf python3-yaml libsisimai-perl hyperfine valgrind
)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo_if_needed apt-get update -qq
sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
