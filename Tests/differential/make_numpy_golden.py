#!/usr/bin/env python3
"""Writes golden tests whose expected output is numpy's.

    python3 Tests/differential/make_numpy_golden.py      (needs numpy)

Each case is nnl code and the same computation in Python; nnl prints every element of its
result with printf("%.17g\\n", ...) (column by column), and the expectation is numpy's value
printed the same way, so the test holds to the last bit. A fifth item is an nnl-only expectation
(`% expect warning: ...`) written after the statement.
"""
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).parent.parent / "NNLTests" / "Golden" / "fidelity"

# (nnl setup, nnl expression, python setup, python expression)
WRONG_VALUES = [
    ("", "np.maximum(0, NaN)", "", "np.maximum(0, np.nan)"),
    ("", "np.minimum([1 NaN 3], 2)", "", "np.minimum([1, np.nan, 3], 2)"),
    ("a = [1 2 3]; b = [4 5 6];", "np.dot(a, b)", "a = np.array([1, 2, 3.]); b = np.array([4, 5, 6.])", "np.dot(a, b)"),
    ("", "np.dot([1; 2; 3], [4; 5; 6])", "", "np.dot([1, 2, 3.], [4, 5, 6.])"),
    ("np.random.seed(1); X = np.random.randn(5, 7);", "np.sum(X)",
     "np.random.seed(1); X = np.random.randn(5, 7)", "np.sum(X)"),
    ("np.random.seed(3); X = np.random.randn(40, 30);", "np.sum(X)",
     "np.random.seed(3); X = np.random.randn(40, 30)", "np.sum(X)"),
    ("np.random.seed(3); X = np.random.randn(40, 30);", "np.mean(X)",
     "np.random.seed(3); X = np.random.randn(40, 30)", "np.mean(X)"),
    ("np.random.seed(2); X = np.random.randn(3, 4);", "np.sum(X, axis=1)",
     "np.random.seed(2); X = np.random.randn(3, 4)", "np.sum(X, axis=1)"),
]


# The numpy a learner types: each result's shape and every value, as numpy computes them.
NUMPY_HABITS = [
    ("W1 = [1 2; 3 4]; X = [1 0; 2 1];", "W1 @ X", "W1 = np.array([[1, 2], [3, 4.]]); X = np.array([[1, 0], [2, 1.]])", "W1 @ X"),
    ("W1 = [1 2; 3 4]; X = [1 0; 2 1];", "np.matmul(W1, X)", "W1 = np.array([[1, 2], [3, 4.]]); X = np.array([[1, 0], [2, 1.]])", "np.matmul(W1, X)"),
    ("A1 = [1 2 3; 4 5 6];", "A1 ** 2", "A1 = np.array([[1, 2, 3], [4, 5, 6.]])", "A1 ** 2",
     "% expect warning: `**` is numpy's spelling of the element-wise power; nnl writes it `.^`"),
    ("X = zeros(2, 400);", "X.shape[1]", "X = np.zeros((2, 400))", "X.shape[1]"),
    ("X = zeros(2, 400);", "X.shape[0]", "X = np.zeros((2, 400))", "X.shape[0]"),
    ("", "np.array([[1, 2], [3, 4]])", "", "np.array([[1, 2], [3, 4.]])"),
    ("", "np.where([1 -2 3; -4 5 -6] > 0, 1, 0)", "", "np.where(np.array([[1, -2, 3], [-4, 5, -6]]) > 0, 1, 0)"),
    ("", "np.linalg.norm([3 4; 1 2])", "", "np.linalg.norm(np.array([[3, 4], [1, 2.]]))"),
    ("", "np.squeeze([1; 2; 3])", "", "np.squeeze(np.array([[1], [2], [3.]]))"),
    ("", "np.reshape(np.arange(6), (2, 3))", "", "np.reshape(np.arange(6.), (2, 3))"),
    ("X = np.arange(6);", "X.reshape(3, -1)", "X = np.arange(6.)", "X.reshape(3, -1)"),
    ("", "np.arange(2, 11, 3)", "", "np.arange(2, 11, 3)"),
    ("", "np.arange(0, 1, 0.1)", "", "np.arange(0, 1, 0.1)"),
    ("", "[np.pi, np.e]", "", "[np.pi, np.e]"),
    ("np.random.seed(1);", "np.random.randint(0, 10, size=(2, 3))", "np.random.seed(1)", "np.random.randint(0, 10, size=(2, 3))"),
    ("np.random.seed(5);", "np.random.randint(7)", "np.random.seed(5)", "np.random.randint(7)"),
    ("", "np.argmax([1 9 3; 9 2 4])", "", "np.argmax(np.array([[1, 9, 3], [9, 2, 4]]))"),
    ("", "np.argmax([1 9 3; 9 2 4], axis=0)", "", "np.argmax(np.array([[1, 9, 3], [9, 2, 4]]), axis=0)"),
    ("", "np.argmax([1 9 3; 9 2 4], axis=1)", "", "np.argmax(np.array([[1, 9, 3], [9, 2, 4]]), axis=1)"),
    ("", "np.transpose([1 2 3; 4 5 6])", "", "np.transpose(np.array([[1, 2, 3], [4, 5, 6]]))"),
    ("A = [1 2; 3 4]; B = [5 6];", "np.concatenate((A, B), axis=0)", "A = np.array([[1, 2], [3, 4]]); B = np.array([[5, 6]])", "np.concatenate((A, B), axis=0)"),
    ("a = [1 2]; b = [3 4 5];", "np.concatenate((a, b))", "a = np.array([1, 2]); b = np.array([3, 4, 5])", "np.concatenate((a, b))"),
    ("a = [1 2]; b = [3 4];", "np.vstack((a, b))", "a = np.array([1, 2]); b = np.array([3, 4])", "np.vstack((a, b))"),
    ("a = [1; 2]; b = [3; 4];", "np.hstack((a, b))", "a = np.array([[1], [2]]); b = np.array([[3], [4]])", "np.hstack((a, b))"),
    ("", "np.prod([1 2; 3 4])", "", "np.prod(np.array([[1, 2], [3, 4]]))"),
    ("", "np.cumsum([1 2; 3 4])", "", "np.cumsum(np.array([[1, 2], [3, 4]]))"),
    ("", "np.cumsum([1 2; 3 4], axis=0)", "", "np.cumsum(np.array([[1, 2], [3, 4]]), axis=0)"),
    ("np.random.seed(4); X = np.random.randn(3, 5);", "np.std(X)", "np.random.seed(4); X = np.random.randn(3, 5)", "np.std(X)"),
    ("np.random.seed(4); X = np.random.randn(3, 5);", "np.var(X, axis=1)", "np.random.seed(4); X = np.random.randn(3, 5)", "np.var(X, axis=1)"),
    ("", "np.isnan([1 NaN 3])", "", "np.isnan([1, np.nan, 3])"),
    ("", "np.clip([-2 0.5 3], 0, 1)", "", "np.clip(np.array([-2, 0.5, 3]), 0, 1)"),
    ("", "np.allclose([1 2], [1 2.000001])", "", "np.allclose([1, 2], [1, 2.000001])"),
    ("", "np.log1p([1e-10 1])", "", "np.log1p([1e-10, 1])"),
    ("", "np.float64(3)", "", "np.float64(3)"),
    ("", "np.maximum([1 5], [3 2])", "", "np.maximum([1, 5], [3, 2])"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.mean(X, axis=0)", "np.random.seed(7); X = np.random.randn(30, 50)", "np.mean(X, axis=0)"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.mean(X, axis=1, keepdims=True)", "np.random.seed(7); X = np.random.randn(30, 50)", "np.mean(X, axis=1, keepdims=True)"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.sum(X ** 2)", "np.random.seed(7); X = np.random.randn(30, 50)", "np.sum(X ** 2)"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.std(X, axis=0)", "np.random.seed(7); X = np.random.randn(30, 50)", "np.std(X, axis=0)"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.var(X)", "np.random.seed(7); X = np.random.randn(30, 50)", "np.var(X)"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.linalg.norm(X)", "np.random.seed(7); X = np.random.randn(30, 50)", "np.linalg.norm(X)"),
    ("np.random.seed(7); X = np.random.randn(30, 50);", "np.cumsum(X(1:3, 1:4))", "np.random.seed(7); X = np.random.randn(30, 50)", "np.cumsum(X[0:3, 0:4])"),
    ("np.random.seed(7); X = np.random.randn(6, 5);", "np.prod(X, axis=1)", "np.random.seed(7); X = np.random.randn(6, 5)", "np.prod(X, axis=1)"),
]


# Issue 23 (round 3): numpy's values where nnl differed, and the course's numpy one-liners.
ROUND3 = [
    ("", "np.max([1 NaN 3])", "", "np.max([1, np.nan, 3])"),
    ("", "np.min([1 NaN 3])", "", "np.min([1, np.nan, 3])"),
    ("X = [1 NaN; 3 4; 5 6];", "np.max(X, axis=0)", "X = np.array([[1, np.nan], [3, 4], [5, 6]])", "np.max(X, axis=0)"),
    ("X = [1 NaN; 3 4; 5 6];", "np.min(X, axis=1, keepdims=True)", "X = np.array([[1, np.nan], [3, 4], [5, 6]])", "np.min(X, axis=1, keepdims=True)"),
    ("X = [1 2; 3 4; 5 6];", "np.max(X, axis=1)", "X = np.array([[1, 2], [3, 4], [5, 6.]])", "np.max(X, axis=1)"),
    ("", "np.arange(1, 2, 0.1)", "", "np.arange(1, 2, 0.1)"),
    ("", "np.arange(-4, 4, 0.02)", "", "np.arange(-4, 4, 0.02)"),
    ("", "np.arange(0.3, 5, 0.7)", "", "np.arange(0.3, 5, 0.7)"),
    ("", "np.arange(5, 1, -0.3)", "", "np.arange(5, 1, -0.3)"),
    ("np.random.seed(3); X = np.random.randn(4, 5);", "np.linalg.norm(X, axis=1, keepdims=True)",
     "np.random.seed(3); X = np.random.randn(4, 5)", "np.linalg.norm(X, axis=1, keepdims=True)"),
    ("np.random.seed(3); X = np.random.randn(4, 5);", "X ./ np.linalg.norm(X, axis=1, keepdims=True)",
     "np.random.seed(3); X = np.random.randn(4, 5)", "X / np.linalg.norm(X, axis=1, keepdims=True)"),
    ("np.random.seed(3); X = np.random.randn(4, 5);", "np.linalg.norm(X, axis=0)",
     "np.random.seed(3); X = np.random.randn(4, 5)", "np.linalg.norm(X, axis=0)"),
    ("X = zeros(2, 7);", "X.shape[-1]", "X = np.zeros((2, 7))", "X.shape[-1]"),
    ("X = zeros(2, 7);", "X.shape[-2]", "X = np.zeros((2, 7))", "X.shape[-2]"),
    ("cost = [[0.6931]];", "float(np.squeeze(cost))", "cost = np.array([[0.6931]])", "float(np.squeeze(cost))"),
    ("", "int(-2.7)", "", "int(-2.7)"),
    ("A = [1 2; 3 4];", "A ** 2", "A = np.array([[1, 2], [3, 4.]])", "A ** 2",
     "% expect warning: `**` is numpy's spelling of the element-wise power; nnl writes it `.^`"),
    # 14: a number alone is correctly rounded where numpy and Octave agree.
    ("", "exp(1) == e", "", "np.exp(1.0) == np.e"),
    ("", "log(3)", "", "np.log(3.0)"),
    ("", "np.exp(-0.5)", "", "np.exp(-0.5)"),
    # 15: products in numpy's order (OpenBLAS on AVX2: see INTENDED.md).
    ("np.random.seed(1); W2 = np.random.randn(1, 4); A1 = np.random.randn(4, 400);", "W2 * A1",
     "np.random.seed(1); W2 = np.random.randn(1, 4); A1 = np.random.randn(4, 400)", "W2 @ A1"),
    ("np.random.seed(2); A = np.random.randn(2, 2); B = np.random.randn(2, 2);", "A * B",
     "np.random.seed(2); A = np.random.randn(2, 2); B = np.random.randn(2, 2)", "A @ B"),
    ("np.random.seed(3); A = np.random.randn(20, 30); B = np.random.randn(30, 50);", "A * B",
     "np.random.seed(3); A = np.random.randn(20, 30); B = np.random.randn(30, 50)", "A @ B"),
    ("np.random.seed(5); dZ1 = np.random.randn(4, 400); X = np.random.randn(2, 400);", "dZ1 * X'",
     "np.random.seed(5); dZ1 = np.random.randn(4, 400); X = np.random.randn(2, 400)", "dZ1 @ X.T"),
    ("np.random.seed(6); dZ2 = np.random.randn(1, 400); A1 = np.random.randn(4, 400);", "dZ2 * A1'",
     "np.random.seed(6); dZ2 = np.random.randn(1, 400); A1 = np.random.randn(4, 400)", "dZ2 @ A1.T"),
]


def nan_reductions(seed, count):
    """Random matrices with NaN in random places, reduced as numpy does: every element, or along
    an axis, with and without keepdims."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(count):
        rows, cols = int(rng.integers(1, 5)), int(rng.integers(1, 6))
        values = rng.integers(-9, 10, size=(rows, cols)) / rng.choice([1, 2, 4])
        values[rng.random((rows, cols)) < 0.25] = np.nan
        nnl = "[" + "; ".join(" ".join("NaN" if np.isnan(v) else repr(float(v)) for v in row) for row in values) + "]"
        py = "np.array([" + ", ".join("[" + ", ".join("np.nan" if np.isnan(v) else repr(float(v)) for v in row) + "]" for row in values) + "])"
        f = str(rng.choice(["np.max", "np.min", "np.sum", "np.mean"]))
        axis = str(rng.choice(["", ", axis=0", ", axis=1", ", axis=1, keepdims=True", ", axis=0, keepdims=True"]))
        cases.append((f"X = {nnl};", f"{f}(X{axis})", f"X = {py}", f"{f}(X{axis})"))
    return cases


def fmt(x):
    return "%.17g" % x if np.isfinite(x) else ("NaN" if np.isnan(x) else ("Inf" if x > 0 else "-Inf"))


def write(name, title, cases, shapes=False):
    lines = [f"% Generated by Tests/differential/make_numpy_golden.py: expected values are numpy {np.__version__}'s.",
             f"% {title}"]
    for nnl_setup, nnl_expr, py_setup, py_expr, *note in cases:
        scope = {"np": np}
        exec(py_setup, scope)
        value = np.asarray(eval(py_expr, scope), dtype=float)
        value = value.reshape(1, -1) if value.ndim < 2 else value
        if shapes:
            lines.append(f'{nnl_setup} v = {nnl_expr}; printf("%d×%d\\n", size(v)); printf("%.17g\\n", v)  {"".join(note)}'.strip())
            lines.append(f"% expect: {value.shape[0]}×{value.shape[1]}")
        else:
            lines.append(f'{nnl_setup} printf("%.17g\\n", {nnl_expr})'.strip())
        lines += [f"% expect: {fmt(x)}" for x in value.flatten(order="F")]
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.nnl").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    write("numpy_wrong_values", "Issue 13, \"Wrong values\": the numpy rows.", WRONG_VALUES)
    write("numpy_habits", "The numpy a learner types, with numpy's shapes (1-D arrays are rows) and values.", NUMPY_HABITS, shapes=True)
    write("numpy_round3", "Issue 23: numpy's values where nnl differed (NaN in max/min, arange, norm along an axis, ...).", ROUND3, shapes=True)
    write("numpy_nan_reductions", "numpy's reductions of random matrices with NaN (seeded: the same cases each run).",
          nan_reductions(23, 60), shapes=True)
