"""The same measurements with numpy, for ratios taken in the same run as main.swift."""
import time
import numpy as np


def best(f, reps):
    result = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        f()
        result = min(result, time.perf_counter() - start)
    return result


x = np.random.uniform(-5, 5, 10**6)
for name, f, arg in [("tanh", np.tanh, x), ("exp", np.exp, x), ("log", np.log, np.abs(x))]:
    out = np.empty_like(arg)
    print(f"numpy {name}: {best(lambda: f(arg, out=out), 30) / 1e6 * 1e9:.2f} ns/element")
a, b = np.random.randn(128, 784), np.random.randn(784, 1000)
print(f"numpy product 128×784·784×1000: {2 * 128 * 784 * 1000 / best(lambda: a @ b, 10) / 1e9:.1f} GFLOP/s")
w1, X, b1 = np.random.randn(4, 2), np.random.randn(2, 400), np.random.randn(4, 1)
z1 = w1 @ X
t = [best(f, 2000) * 1e6 for f in (lambda: w1 @ X, lambda: z1 + b1, lambda: np.tanh(z1), lambda: np.sum(z1, axis=1, keepdims=True))]
print("numpy course shapes: W1@X %.2f µs, +b1 %.2f µs, tanh 4×400 %.2f µs, sum(Z, axis=1) %.2f µs" % tuple(t))
