#!/bin/sh
# Builds the kernel benchmark (whole-module, like a release build) and runs it next to numpy.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${TMPDIR:-/tmp}/nnl-kernel-bench
swiftc -O -wmo -target-cpu native -module-name NNLMatrix "$here"/../../Sources/NNLMatrix/*.swift "$here/main.swift" -o "$out"
"$out"
python3 "$here/numpy_bench.py"
