#!/bin/sh
# Builds the kernel benchmark once per kernel level this CPU runs (whole-module, with the
# level's flags from Package.swift) and runs each next to numpy. NNL_LEVELS="avx2" picks levels.
set -e
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../../Sources"
out=${TMPDIR:-/tmp}/nnl-kernel-bench
flags() {
    case $1 in
        AVX2) echo "-D NNL_FMA -Xcc -mavx2 -Xcc -mfma" ;;
        AVX512) echo "-D NNL_FMA -Xcc -mavx2 -Xcc -mfma -Xcc -mavx512f -Xcc -mavx512dq -Xcc -mavx512vl -Xcc -mavx512bw" ;;
    esac
}
# The modules every level imports, built once.
deps=$(mktemp -d)
for module in KernelInterface Interruption; do
    swiftc -O -wmo -parse-as-library -module-name $module -emit-module -emit-module-path "$deps/$module.swiftmodule" \
        -c "$src/$module"/*.swift -o "$deps/$module.o"
done
have=$(grep -o 'avx512bw\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')
for level in ${NNL_LEVELS:-Baseline AVX2 AVX512}; do
    case "$level:$have" in AVX2:*avx2*|AVX512:*avx512bw*|Baseline:*) ;; *) continue ;; esac
    # shellcheck disable=SC2046
    swiftc -O -wmo -module-name Kernels $(flags "$level") -I "$deps" "$deps"/*.o \
        "$src/Kernels/Kernels$level"/*.swift "$here/main.swift" -o "$out-$level"
    "$out-$level"
done
rm -r "$deps"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$here/numpy_bench.py"
