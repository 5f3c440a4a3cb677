#!/usr/bin/env python3
"""Measures nnl's element-wise exp, log and tanh of a matrix against glibc (Octave's), numpy and
the correctly rounded value (mpmath), in ulps: the bounds INTENDED.md states.

    swift build && python3 Tests/differential/ulp_bounds.py      (needs numpy and mpmath)

A number alone is computed by glibc (exp(1) == e); this measures the vectorised kernels, which
every matrix goes through. The arguments are 41 121 values (numpy's seeded normals and uniforms,
a fine grid on -5..5, whole numbers and halves), written and read back with %.17g.
"""
import math
import pathlib
import subprocess
import tempfile

import mpmath
import numpy as np

NNL = pathlib.Path(__file__).parent.parent.parent / ".build" / "debug" / "nnl"
PROGRAM = """np.random.seed(0);
x = [np.random.randn(1, 20000) * 5, np.random.rand(1, 20000) * 40 - 20, -5:0.01:5, 1:100, 0.5:0.5:10];
printf("%.17g %.17g %.17g %.17g\\n", [x; exp(x); log(abs(x) + 1e-300); tanh(x)]);
"""


def ulps(a, b):
    ok = np.isfinite(a) & np.isfinite(b) & (b != 0)
    return np.abs(a[ok] - b[ok]) / np.spacing(np.abs(b[ok]))


def main():
    with tempfile.NamedTemporaryFile("w", suffix=".nnl") as f:
        f.write(PROGRAM)
        f.flush()
        out = subprocess.run([str(NNL), "run", f.name], capture_output=True, text=True, check=True).stdout
    x, e, l, t = np.loadtxt(out.splitlines()).T
    ax = np.abs(x) + 1e-300
    mpmath.mp.prec = 120
    for name, ours, arg, numpy_f, libm, exact in [("exp", e, x, np.exp, math.exp, mpmath.exp),
                                                    ("log", l, ax, np.log, math.log, mpmath.log),
                                                    ("tanh", t, x, np.tanh, math.tanh, mpmath.tanh)]:
        npy = numpy_f(arg)
        glibc = np.array([libm(v) for v in arg])
        rounded = np.array([float(exact(mpmath.mpf(float(v)))) for v in arg])
        agree = npy == glibc
        print(f"{name}: {len(x)} values; nnl differs from glibc in {np.sum(ours != glibc)} (max {ulps(ours, glibc).max():.0f} ulp), "
              f"from numpy in {np.sum(ours != npy)} (max {ulps(ours, npy).max():.0f} ulp), "
              f"from the correctly rounded value in {np.sum(ours != rounded)} (max {ulps(ours, rounded).max():.0f} ulp); "
              f"where numpy and glibc agree ({np.sum(agree)}), nnl differs in {np.sum(agree & (ours != npy))}; "
              f"glibc is not correctly rounded in {np.sum(glibc != rounded)}, numpy in {np.sum(npy != rounded)}")


if __name__ == "__main__":
    main()
