#!/bin/sh
# Builds nnl in release mode, then runs it next to numpy and GNU Octave (when octave-cli is
# installed), interleaved, and writes bench/RESULTS.md: one table per nnl kernel level (by
# default NNL_CPU=avx2 and nnl's own choice), with the CPU's level and numpy's SIMD dispatch
# and BLAS. Options go to bench/bench.py (--rounds N, --no-octave, --levels L1,L2). numpy's
# commands run without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (bench.py removes them). The
# kernel-only micro-benchmark is bench/kernels/run.sh.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python3 -c "import threadpoolctl" 2>/dev/null || python3 -m pip install -q threadpoolctl
swift build -c release --product nnl
python3 bench/bench.py "$@"
