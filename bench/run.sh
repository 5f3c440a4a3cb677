#!/bin/sh
# Builds nnl in release mode, then runs it next to numpy and GNU Octave (when octave-cli is
# installed), interleaved, and writes bench/RESULTS.md. Options go to bench/bench.py
# (--rounds N, --no-octave). The kernel-only micro-benchmark is bench/kernels/run.sh.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product nnl
python3 bench/bench.py "$@"
