#!/usr/bin/env bash
# Installs the Debian 12 packages pagewash needs to build and test, when any
# is missing. Uses apt-get as root, or through sudo.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config libfmt-dev libicu-dev libboost-program-options-dev
          libgtest-dev libsimdjson-dev libxxhash-dev libcld2-dev help2man
          zlib1g-dev libzstd-dev libbz2-dev liblzma-dev zstd
          python3 python3-jsonschema
          python3-dev pybind11-dev                 # the Python module (python/)
          python3-dask python3-distributed)        # tools/pagewash_dask.py and its cluster test
for option in "$@"; do
  case $option in
    --with-benchmark) packages+=(libbenchmark-dev) ;;
    --with-fuzz) packages+=(clang libclang-rt-14-dev) ;;  # libFuzzer and the sanitizers' runtimes
    *) echo "usage: tools/install-deps.sh [--with-benchmark] [--with-fuzz]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
