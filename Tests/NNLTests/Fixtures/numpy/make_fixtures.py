#!/usr/bin/env python3
"""Writes NAME.nnl + NAME.expected pairs next to this script.

Each program prints with printf("%.17g\\n", ...) (the template is reused for every element,
column-major). NAME.expected holds what numpy computes for the same program, one value per
line, column-major, so the interpreter is checked against numpy and not against a hand copy.
Each numpy twin below mirrors its program's operations and draw order one for one.
Octave semantics where the languages differ: reshape and linear indexing are column-major,
round is half away from zero, sum/mean/max of a matrix work down columns, ranges a:s:b.

Run: python3 make_fixtures.py   (numpy >= 1.17; the legacy RandomState is frozen),
then python3 octave_check.py to confirm GNU Octave prints the same for every program.
"""
import glob
import math
import os
import textwrap

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = []


def fixture(name, source):
    """Registers a program and its numpy twin (which returns the printed values in order)."""
    def register(twin):
        FIXTURES.append((name, textwrap.dedent(source).lstrip(), twin))
        return twin
    return register


def seed(k):
    np.random.seed(k)


def randn(r, c):
    return np.random.randn(r, c)


def rand(r, c):
    return np.random.rand(r, c)


def oround(x):
    """Octave's round: half away from zero (numpy's np.round rounds half to even)."""
    x = np.asarray(x, dtype=float)
    t = np.trunc(x)
    return t + np.where(np.abs(x - t) >= 0.5, np.sign(x), 0.0)


def orange(a, s, b):
    """Octave's a:s:b: base + i*s, n = floor((b-a)/s) + 1 (with Octave's small tolerance)."""
    n = int(math.floor((b - a) / s * (1 + 3 * np.finfo(float).eps))) + 1
    return np.array([[a + i * s for i in range(max(n, 0))]])


def row(*v):
    return np.array([v], dtype=float)


def col(*v):
    return np.array(v, dtype=float).reshape(-1, 1)


def size(a):
    return np.array(np.shape(np.atleast_2d(a)), dtype=float)


def grow_set(a, r, c, value):
    """Octave's a(r, c) = value (0-based here): the matrix grows with zeros to reach (r, c)."""
    a = np.atleast_2d(np.asarray(a, dtype=float))
    g = np.zeros((max(a.shape[0], r + 1), max(a.shape[1], c + 1)))
    g[:a.shape[0], :a.shape[1]] = a
    g[r, c] = value
    return g


def octave_if(c):
    """Octave's truth of a condition: non-empty and all nonzero."""
    c = np.asarray(c, dtype=float)
    return c.size > 0 and bool(np.all(c != 0))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def cost(A2, Y, m):
    # -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2)), as the programs write it
    return -1 / m * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))

def planar():
    """The course's load_planar_dataset(), X 2×400 and Y 1×400."""
    seed(1)
    m, N, a = 400, 200, 4
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1))
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


# ---------------------------------------------------------------------------- operators

@fixture("operators_arithmetic", r"""
    % + - * / .* ./ .^ ^ ' .' and unary minus on literals (negatives, zeros) and seeded data.
    A = [1 -2; 3 4];
    B = [0.5 2; -1 0.25];
    seed(3);
    C = randn(2, 3);
    printf("%.17g\n", A + B, A - B, A * B, A .* B, A ./ B, A / 4, 1 - A);
    printf("%.17g\n", A .^ 2, 2 .^ A, A .^ B, A ^ 2, A ^ 3, A', A'', [1 2 3]', 3');
    printf("%.17g\n", -A, +A, -C, C', C.', C * C', C' * A, A * C, 3 * C, C / 3, C .^ 2);
    printf("%.17g\n", abs(C) .^ 0.5, C ./ (1 + C .^ 2), 7 - -2, 0 * C, C - C);
""")
def _():
    A = np.array([[1, -2], [3, 4]], dtype=float)
    B = np.array([[0.5, 2], [-1, 0.25]])
    seed(3)
    C = randn(2, 3)
    return [A + B, A - B, A @ B, A * B, A / B, A / 4, 1 - A,
            A ** 2, 2 ** A, A ** B, A @ A, A @ A @ A, A.T, A.T.T, row(1, 2, 3).T, np.transpose(3),
            -A, A, -C, C.T, C.T, C @ C.T, C.T @ A, A @ C, 3 * C, C / 3, C ** 2,
            np.abs(C) ** 0.5, C / (1 + C ** 2), 7 - -2, 0 * C, C - C]


@fixture("operators_precedence", r"""
    % Octave's precedence table: ^ binds tighter than unary minus, ranges are below + -.
    printf("%.17g\n", 2^3^2, -2^2, 2^-1, -2^-2, 2^-1*4, 2*3^2, 2^3', -2 ^ 0.5);
    printf("%.17g\n", 1 - 2 - 3, 8 / 2 / 2, 2 + 3 * 4, (2 + 3) * 4, - - 2, 2 - -2);
    printf("%.17g\n", ~0 + 1, !1 == 0, !0 * 3, 1 | 0 & 0, 1 == 1 & 0, 3 > 2 > 1, 1 < 2 == 1);
    printf("%.17g\n", 0 || 1 && 0, 1 || 0 && 0, 1:2+1, 1:3 + 1, (1:3) + 1, 2 * 1:3);
    a = 5;
    printf("%.17g\n", a:-1:a-2, -[1 2] .^ 2);
    % Inside brackets a space separates elements unless the operator has spaces on both sides.
    printf("%.17g\n", [1 -1], [1 - 1], [1 , -1], [-1 +2], [a' a'], [2 ^ 2]);
    A = [1 2; 3 4];
    printf("%.17g\n", A'^2, -A', A' * A);
    m = 4;
    dZ2 = [0.1 -0.2 0.3 -0.4];
    A1 = [1 2 3 4; -1 0 2 5; 0.5 0.25 -3 1];
    printf("%.17g\n", 1/m * dZ2 * A1', (dZ2 * A1') / m);
""")
def _():
    A = np.array([[1, 2], [3, 4]], dtype=float)
    dZ2 = row(0.1, -0.2, 0.3, -0.4)
    A1 = np.array([[1, 2, 3, 4], [-1, 0, 2, 5], [0.5, 0.25, -3, 1]])
    m = 4
    a = 5
    # Python's own precedence differs (** is right-associative, binds tighter than unary -),
    # so every Octave grouping is spelled out with parentheses.
    return [(2 ** 3) ** 2, -(2 ** 2), 2 ** -1, -(2 ** -2), (2 ** -1) * 4, 2 * 3 ** 2, np.transpose(2 ** 3), -(2 ** 0.5),
            (1 - 2) - 3, (8 / 2) / 2, 2 + 3 * 4, (2 + 3) * 4, -(-2), 2 - -2,
            (not 0) + 1, (not 1) == 0, (not 0) * 3, 1 | (0 & 0), (1 == 1) & 0, (3 > 2) > 1, (1 < 2) == 1,
            0 or (1 and 0), 1 or (0 and 0), orange(1, 1, 3), orange(1, 1, 4), orange(1, 1, 3) + 1, orange(2, 1, 3),
            orange(a, -1, a - 2), -(row(1, 2) ** 2),
            row(1, -1), 1 - 1, row(1, -1), row(-1, +2), row(a, a), 2 ** 2,
            A.T @ A.T, -A.T, A.T @ A,
            ((1 / m) * dZ2) @ A1.T, (dZ2 @ A1.T) / m]


@fixture("operators_logic", r"""
    % Comparisons and logic give 0/1; if and while take a matrix as true when all of it is nonzero.
    A = [1 -2 0; 3 0 -4];
    B = [1 2 0; -3 0 4];
    printf("%.17g\n", A == B, A ~= B, A != B, A < B, A <= B, A > B, A >= B, A > 0, 0 < A);
    printf("%.17g\n", A & B, A | B, !A, ~A, ~~A, A & 0, A | 0);
    printf("%.17g\n", 1 && 0, 0 || 1, 2 && 3, 0 || 0, (A > 0) + (B > 0), sum(A(:) > 0));
    x = 0;
    t = x ~= 0 && 1 / x > 1;
    r = 0; if [1 1 0], r = 1; else, r = 2; end
    s = 0; if [2 3], s = 1; end
    e = 0; if [], e = 1; else, e = 2; end
    printf("%.17g\n", t, r, s, e, ~isequal(A, B), isequal(A, A));
""")
def _():
    A = np.array([[1, -2, 0], [3, 0, -4]], dtype=float)
    B = np.array([[1, 2, 0], [-3, 0, 4]], dtype=float)
    return [A == B, A != B, A != B, A < B, A <= B, A > B, A >= B, A > 0, 0 < A,
            (A != 0) & (B != 0), (A != 0) | (B != 0), A == 0, A == 0, A != 0, np.zeros_like(A), A != 0,
            bool(1 and 0), bool(0 or 1), bool(2 and 3), bool(0 or 0), (A > 0).astype(float) + (B > 0), np.sum(A > 0),
            octave_if(0) and 1 / 0 > 1,
            1 if octave_if(row(1, 1, 0)) else 2, 1 if octave_if(row(2, 3)) else 0, 1 if octave_if([]) else 2,
            not np.array_equal(A, B), np.array_equal(A, A)]


@fixture("operators_broadcasting", r"""
    % n×1 and 1×m vectors against n×m matrices, scalars, and a column against a row.
    seed(5);
    A = randn(3, 4);
    c = randn(3, 1);
    r = randn(1, 4);
    W = randn(3, 2);
    X = randn(2, 4);
    printf("%.17g\n", A + c, A - c, c - A, A .* c, A ./ (1 + c .^ 2), A + r, r .* A, A - r);
    printf("%.17g\n", A .^ 2 + c, c + r, c .* r, r - c, A > c, A == A(:, 1), r <= A);
    printf("%.17g\n", A + 1, 2 - A, 2 ./ (1 + A .^ 2), A .^ [1 2 3 4], W * X + c);
""")
def _():
    seed(5)
    A = randn(3, 4)
    c = randn(3, 1)
    r = randn(1, 4)
    W = randn(3, 2)
    X = randn(2, 4)
    return [A + c, A - c, c - A, A * c, A / (1 + c ** 2), A + r, r * A, A - r,
            A ** 2 + c, c + r, c * r, r - c, A > c, A == A[:, [0]], r <= A,
            A + 1, 2 - A, 2 / (1 + A ** 2), A ** row(1, 2, 3, 4), W @ X + c]


# ---------------------------------------------------------------------------- indexing

@fixture("indexing_read", r"""
    % 1-based indexing: columns, rows, end, linear (column-major), index vectors, masks.
    X = [4 -1 7 0; 2 9 -3 5; -6 8 1 3];
    printf("%.17g\n", X(:, 2), X(2, :), X(1:2, :), X(end, 1), X(end, end), X(end), X(5));
    printf("%.17g\n", X([1 3], [2 4]), X(:), X(:, end), X(end-1, :), X(1:2:end), X(:)');
    printf("%.17g\n", size(X(:)), size(X(2, :)), size(X([1 2 3])), size(X([1; 2])));
    printf("%.17g\n", X(X > 2), size(X(X > 2)), X(X(:, 1) > 0, :), X(2, X(2, :) < 6));
    r = 10:10:50;
    printf("%.17g\n", r(2), r(end), r([1; 2]), size(r([1; 2])), r(r > 25), size(r(r > 25)));
    seed(9);
    D = randn(4, 6);
    i = 3;
    printf("%.17g\n", D(:, i), D(2:3, 4:end), D(end, :), D(7), D(:, [6 1]));
""")
def _():
    X = np.array([[4, -1, 7, 0], [2, 9, -3, 5], [-6, 8, 1, 3]], dtype=float)
    Xf = X.flatten(order="F")
    r = orange(10, 10, 50)
    seed(9)
    D = randn(4, 6)
    return [X[:, 1], X[1, :], X[0:2, :], X[-1, 0], X[-1, -1], Xf[-1], Xf[4],
            X[np.ix_([0, 2], [1, 3])], Xf, X[:, -1], X[-2, :], Xf[0::2], Xf,
            row(12, 1), row(1, 4), row(1, 3), row(2, 1),
            Xf[Xf > 2], row(np.sum(Xf > 2), 1), X[X[:, 0] > 0, :], X[1, X[1, :] < 6],
            r[0, 1], r[0, -1], r[0, 0:2], row(1, 2), r[r > 25], row(1, 3),
            D[:, 2], D[1:3, 3:], D[-1, :], D.flatten(order="F")[6], D[:, [5, 0]]]


@fixture("indexing_assign", r"""
    % Indexed assignment: rows, columns, masks, scalars spread, and matrices growing with zeros.
    X = [4 -1 7 0; 2 9 -3 5; -6 8 1 3];
    Y = X;
    Y(2, :) = [10 20 30 40];
    Y(:, 1) = 0;
    Y(Y < 0) = 100;
    Y(3, 3) = -1;
    printf("%.17g\n", Y, X);
    v = [];
    v(3) = 5;
    r = 1:3;
    r(5) = 9;
    c = [1; 2];
    c(4) = 7;
    G = eye(2);
    G(3, 4) = 2;
    w = 1:5;
    w(end+1) = 6;
    printf("%.17g\n", v, size(v), r, size(r), c, size(c), G, size(G), w);
    Z = zeros(2);
    Z(:) = 1:4;
    Z2 = X;
    Z2(:, [1 3]) = [100 200; 300 400; 500 600];
    Z2(7) = -7;
    Z3 = X;
    Z3(X > 0) = X(X > 0) * 10;
    printf("%.17g\n", Z, Z2, Z3);
""")
def _():
    X = np.array([[4, -1, 7, 0], [2, 9, -3, 5], [-6, 8, 1, 3]], dtype=float)
    Y = X.copy()
    Y[1, :] = [10, 20, 30, 40]
    Y[:, 0] = 0
    Y[Y < 0] = 100
    Y[2, 2] = -1
    G = grow_set(np.eye(2), 2, 3, 2)
    Z = np.arange(1.0, 5.0).reshape(2, 2, order="F")
    Z2 = X.copy()
    Z2[:, [0, 2]] = [[100, 200], [300, 400], [500, 600]]
    Z2[0, 2] = -7  # linear index 7 is (1, 3)
    Z3 = X.copy()
    Z3[X > 0] = X[X > 0] * 10
    v = grow_set(np.zeros((0, 0)), 0, 2, 5)
    r = grow_set(orange(1, 1, 3), 0, 4, 9)
    c = grow_set(col(1, 2), 3, 0, 7)
    w = grow_set(orange(1, 1, 5), 0, 5, 6)
    return [Y, X, v, size(v), r, size(r), c, size(c), G, size(G), w,
            Z, Z2, Z3]


# ---------------------------------------------------------------------------- construction

@fixture("construction", r"""
    % zeros ones eye, sizes, reshape (column-major), repmat, concatenation, np.zeros((n, 1)).
    A = [1 2; 3 4];
    B = [5 6; 7 8];
    printf("%.17g\n", zeros(2, 3), ones(2), eye(3), eye(2, 3), zeros(size(A)) + 1);
    printf("%.17g\n", size(ones(2, 3)), rows(ones(2, 3)), columns(ones(2, 3)), numel(ones(2, 3)));
    printf("%.17g\n", size(eye(3), 1), size(eye(2, 3), 2), size(zeros(3, 0)), numel([]));
    printf("%.17g\n", reshape(1:6, 2, 3), reshape([1 2; 3 4; 5 6], 2, 3), size(reshape(1:6, 3, 2)));
    printf("%.17g\n", repmat(A, 2, 3), repmat([1; 2], 1, 3), repmat(5, 2, 2), size(repmat(A, 2, 3)));
    printf("%.17g\n", [A, B], [A; B], [A, [9; 9]], [1:3; 4:6], size([A; B]));
    printf("%.17g\n", np.zeros((3, 1)), size(np.zeros((3, 1))), size(np.zeros((2, 3))));
""")
def _():
    A = np.array([[1, 2], [3, 4]], dtype=float)
    B = np.array([[5, 6], [7, 8]], dtype=float)
    return [np.zeros((2, 3)), np.ones((2, 2)), np.eye(3), np.eye(2, 3), np.zeros((2, 2)) + 1,
            size(np.ones((2, 3))), np.ones((2, 3)).shape[0], np.ones((2, 3)).shape[1], np.ones((2, 3)).size,
            np.eye(3).shape[0], np.eye(2, 3).shape[1], size(np.zeros((3, 0))), np.zeros((0, 0)).size,
            np.arange(1.0, 7.0).reshape(2, 3, order="F"),
            np.array([[1, 2], [3, 4], [5, 6]], dtype=float).reshape(2, 3, order="F"),
            size(np.arange(1.0, 7.0).reshape(3, 2, order="F")),
            np.tile(A, (2, 3)), np.tile(col(1, 2), (1, 3)), np.full((2, 2), 5.0), size(np.tile(A, (2, 3))),
            np.hstack([A, B]), np.vstack([A, B]), np.hstack([A, col(9, 9)]),
            np.vstack([orange(1, 1, 3), orange(4, 1, 6)]), size(np.vstack([A, B])),
            np.zeros((3, 1)), size(np.zeros((3, 1))), size(np.zeros((2, 3)))]


@fixture("ranges_linspace", r"""
    % a:b and a:s:b (Octave's rule, empty when the range runs the wrong way) and numpy's linspace.
    printf("%.17g\n", 1:5, 0:2:9, 5:-1:1, 0:0.1:0.5, 1.5:3, -1:0.25:0, numel(3:1), size(3:1));
    printf("%.17g\n", numel(0:0.1:1), size(1:4), linspace(0, 1, 5), linspace(-1, 1, 4));
    L = linspace(0, 3.12, 200);
    M = linspace(3.12, 6.24, 200);
    printf("%.17g\n", size(L), L(2), L(100), L(end), M(2), M(199), M(end), sum(L));
""")
def _():
    L = np.linspace(0, 3.12, 200)
    M = np.linspace(3.12, 6.24, 200)
    return [orange(1, 1, 5), orange(0, 2, 9), orange(5, -1, 1), orange(0, 0.1, 0.5), orange(1.5, 1, 3),
            orange(-1, 0.25, 0), orange(3, 1, 1).size, size(orange(3, 1, 1)),
            orange(0, 0.1, 1).size, size(orange(1, 1, 4)), np.linspace(0, 1, 5), np.linspace(-1, 1, 4),
            size(L), L[1], L[99], L[-1], M[1], M[198], M[-1], np.sum(L)]


# ---------------------------------------------------------------------------- element-wise

@fixture("elementwise_rounding", r"""
    % round is half away from zero (Octave), unlike numpy's round-half-to-even.
    v = [-2.5 -1.5 -0.5 0 0.5 1.5 2.5 0.49999999999999994 -0.49999999999999994 2.4 -2.6 3];
    printf("%.17g\n", round(v), floor(v), ceil(v), abs(v), sign(v));
    printf("%.17g\n", round(2.5), round(-2.5), floor(-0.5), ceil(-0.5), sign(-0), abs(-3));
""")
def _():
    v = row(-2.5, -1.5, -0.5, 0, 0.5, 1.5, 2.5, 0.49999999999999994, -0.49999999999999994, 2.4, -2.6, 3)
    return [oround(v), np.floor(v), np.ceil(v), np.abs(v), np.sign(v),
            oround(2.5), oround(-2.5), np.floor(-0.5), np.ceil(-0.5), np.sign(-0.0), abs(-3)]


@fixture("elementwise_math", r"""
    % sqrt exp log abs sign tanh and the np. spellings, on seeded normals.
    seed(4);
    Z = randn(3, 3);
    printf("%.17g\n", sqrt(abs(Z)), exp(Z), log(abs(Z)), abs(Z), sign(Z), tanh(Z));
    printf("%.17g\n", exp(-Z), log(1 + exp(Z)), sqrt(0), log(1), exp(0), tanh(0), sqrt(2));
    printf("%.17g\n", np.exp(Z), np.log(abs(Z) + 1), np.tanh(Z), np.multiply(Z, Z), np.multiply(2, Z));
""")
def _():
    seed(4)
    Z = randn(3, 3)
    return [np.sqrt(np.abs(Z)), np.exp(Z), np.log(np.abs(Z)), np.abs(Z), np.sign(Z), np.tanh(Z),
            np.exp(-Z), np.log(1 + np.exp(Z)), np.sqrt(0.0), np.log(1.0), np.exp(0.0), np.tanh(0.0), np.sqrt(2.0),
            np.exp(Z), np.log(np.abs(Z) + 1), np.tanh(Z), Z * Z, 2 * Z]


# ---------------------------------------------------------------------------- reductions

@fixture("reductions", r"""
    % sum/mean/max/min: a matrix reduces down columns, a vector along itself; dims are 1-based,
    % np.sum axes 0-based; np.sum and np.mean without an axis reduce everything.
    seed(6);
    A = randn(3, 4);
    r = [3 -1 4 1 -5];
    c = [2; 7; -1];
    printf("%.17g\n", sum(A), sum(A, 1), sum(A, 2), sum(r), sum(c), sum(sum(A)), sum(A(:)));
    printf("%.17g\n", np.sum(A, axis=0), np.sum(A, axis=1, keepdims=True), np.sum(A), np.sum(A, axis = 1));
    printf("%.17g\n", size(np.sum(A, axis=1, keepdims=True)), size(sum(A)), size(sum(A, 2)));
    printf("%.17g\n", mean(A), mean(A, 2), mean(r), mean(c), np.mean(A), mean(A(:)), mean(r, 2));
    printf("%.17g\n", max(A), min(A), max(r), min(c), max(A, 0), min(A, 0), max(0, r), min(r, 2));
    printf("%.17g\n", max(A, [], 2), min(A, [], 2), max(A, [], 1), max(A, -A), size(max(A)));
    [mx, ix] = max(r);
    [mn, im] = min(r);
    [mt, it] = max([3 7 2 7]);
    printf("%.17g\n", mx, ix, mn, im, mt, it);
""")
def _():
    seed(6)
    A = randn(3, 4)
    r = row(3, -1, 4, 1, -5)
    c = col(2, 7, -1)
    t = row(3, 7, 2, 7)  # argmax takes the first of equal maxima, as Octave's max
    return [A.sum(axis=0), A.sum(axis=0), A.sum(axis=1), r.sum(), c.sum(), A.sum(), A.sum(),
            A.sum(axis=0), A.sum(axis=1, keepdims=True), A.sum(), A.sum(axis=1),
            size(A.sum(axis=1, keepdims=True)), size(A.sum(axis=0, keepdims=True)), size(A.sum(axis=1, keepdims=True)),
            A.mean(axis=0), A.mean(axis=1), r.mean(), c.mean(), A.mean(), A.mean(), r.mean(),
            A.max(axis=0), A.min(axis=0), r.max(), c.min(), np.maximum(A, 0), np.minimum(A, 0),
            np.maximum(0, r), np.minimum(r, 2),
            A.max(axis=1), A.min(axis=1), A.max(axis=0), np.maximum(A, -A), size(A.max(axis=0, keepdims=True)),
            r.max(), np.argmax(r) + 1, r.min(), np.argmin(r) + 1, t.max(), np.argmax(t) + 1]


@fixture("norms_products_equality", r"""
    % norm (2-norm of a vector, largest singular value of a matrix), dot, isequal, allclose.
    seed(10);
    A = randn(3, 4);
    B = randn(4, 2);
    r = [3 -1 4 1 -5];
    c = [2; 7; -1];
    printf("%.17g\n", norm(c), norm(r), norm(A), norm(A'), norm([3 4]), norm(eye(3)));
    printf("%.17g\n", dot(c, c), dot(r, r), dot(c, [1; 0; -1]), dot(A, A), A * B, np.dot(A, B));
    printf("%.17g\n", isequal(A, A), isequal(A, A'), isequal(r, r + 0), isequal([1 2], [1 2 3]));
    printf("%.17g\n", allclose(A, A + 1e-10), allclose(A, A + 1e-3));
    printf("%.17g\n", allclose([1 2], [1 2.00001], 1e-4), allclose([1 2], [1.001 2], 1e-4));
""")
def _():
    seed(10)
    A = randn(3, 4)
    B = randn(4, 2)
    r = row(3, -1, 4, 1, -5)
    c = col(2, 7, -1)
    return [np.linalg.norm(c), np.linalg.norm(r), np.linalg.norm(A, 2), np.linalg.norm(A.T, 2), np.linalg.norm(row(3, 4)),
            np.linalg.norm(np.eye(3), 2),
            np.sum(c * c), np.sum(r * r), np.sum(c * col(1, 0, -1)), np.sum(A * A, axis=0), A @ B, A @ B,
            np.array_equal(A, A), np.array_equal(A, A.T), np.array_equal(r, r + 0), np.array_equal(row(1, 2), row(1, 2, 3)),
            np.allclose(A, A + 1e-10), np.allclose(A, A + 1e-3),
            np.allclose(row(1, 2), row(1, 2.00001), 1e-4), np.allclose(row(1, 2), row(1.001, 2), 1e-4)]


# ---------------------------------------------------------------------------- random

@fixture("random", r"""
    % seed/rand/randn are numpy's legacy generator: draws fill row-major, one normal is cached.
    seed(1);
    a = randn(2, 3);
    seed(1);
    b = rand(2, 3);
    np.random.seed(1);
    c = np.random.randn(2, 3);
    seed(3);
    d = randn(1, 3);
    e = randn(2, 2);
    seed(1);
    f = randn(1, 1);
    g = rand(1, 2);
    h = randn(1, 1);
    printf("%.17g\n", a, b, c, d, e, f, g, h);
    seed(2);
    W1 = randn(4, 2) * 0.01;
    W2 = randn(1, 4) * 0.01;
    seed(4294967295);
    k = rand(1, 3);
    seed(0);
    R = randn(3);
    big = randn(50, 40);
    seed(7);
    M = rand(3, 4) > 0.5;
    seed(5); x = randn(1, 1); seed(5); y = randn(1, 1);
    printf("%.17g\n", W1, W2, k, R, sum(big(:)), big(end, end), big(17, 23), M, x == y);
""")
def _():
    seed(1); a = randn(2, 3)
    seed(1); b = rand(2, 3)
    seed(1); c = randn(2, 3)
    seed(3); d = randn(1, 3); e = randn(2, 2)
    seed(1); f = randn(1, 1); g = rand(1, 2); h = randn(1, 1)
    seed(2); W1 = randn(4, 2) * 0.01; W2 = randn(1, 4) * 0.01
    seed(4294967295); k = rand(1, 3)
    seed(0); R = randn(3, 3); big = randn(50, 40)
    seed(7); M = rand(3, 4) > 0.5
    seed(5); x = randn(1, 1); seed(5); y = randn(1, 1)
    return [a, b, c, d, e, f, g, h,
            W1, W2, k, R, np.sum(big.flatten(order="F")), big[-1, -1], big[16, 22], M, x == y]


# ---------------------------------------------------------------------------- activations

@fixture("activations", r"""
    % sigmoid tanh relu leaky_relu and their derivatives with respect to z (no grad at the kink 0).
    z = [-3 -1 -0.5 0 0.5 1 3];
    zg = [-3 -1 -0.5 0.5 1 3];
    printf("%.17g\n", sigmoid(z), tanh(z), relu(z), leaky_relu(z));
    printf("%.17g\n", sigmoid_grad(zg), tanh_grad(zg), relu_grad(zg), leaky_relu_grad(zg));
    seed(8);
    Z = randn(3, 4);
    printf("%.17g\n", sigmoid(Z), relu(Z), leaky_relu(Z), sigmoid_grad(Z), tanh_grad(Z));
    printf("%.17g\n", relu_grad(Z), leaky_relu_grad(Z));
    % the same by the slides' formulas
    printf("%.17g\n", 1 ./ (1 + exp(-Z)), max(0, Z), max(0.01 * Z, Z));
    printf("%.17g\n", sigmoid(Z) .* (1 - sigmoid(Z)), 1 - tanh(Z) .^ 2, sigmoid(0), sigmoid(100));
""")
def _():
    def sgrad(z):
        return sigmoid(z) * (1 - sigmoid(z))

    def tgrad(z):
        return 1 - np.tanh(z) ** 2

    def rgrad(z):
        return (z > 0).astype(float)

    def lgrad(z):
        return np.where(z > 0, 1.0, 0.01)

    z = row(-3, -1, -0.5, 0, 0.5, 1, 3)
    zg = row(-3, -1, -0.5, 0.5, 1, 3)
    seed(8)
    Z = randn(3, 4)
    return [sigmoid(z), np.tanh(z), np.maximum(0, z), np.maximum(0.01 * z, z),
            sgrad(zg), tgrad(zg), rgrad(zg), lgrad(zg),
            sigmoid(Z), np.maximum(0, Z), np.maximum(0.01 * Z, Z), sgrad(Z), tgrad(Z),
            rgrad(Z), lgrad(Z),
            1 / (1 + np.exp(-Z)), np.maximum(0, Z), np.maximum(0.01 * Z, Z),
            sgrad(Z), tgrad(Z), sigmoid(0.0), sigmoid(100.0)]


# ---------------------------------------------------------------------------- networks

@fixture("network_forward", r"""
    % A 3-5-1 network on 6 examples: per example (x = X(:, i)) and vectorized give the same.
    seed(11);
    X = randn(3, 6);
    Y = rand(1, 6) > 0.5;
    m = columns(X);
    W1 = randn(5, 3) * 0.1;
    b1 = randn(5, 1) * 0.1;
    W2 = randn(1, 5) * 0.1;
    b2 = 0.2;
    Z1 = W1 * X + b1;
    A1 = tanh(Z1);
    Z2 = W2 * A1 + b2;
    A2 = sigmoid(Z2);
    J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
    a2 = zeros(1, m);
    for i = 1:m
      x = X(:, i);
      z1 = W1 * x + b1;
      a1 = tanh(z1);
      a2(i) = sigmoid(W2 * a1 + b2);
    end
    L = 0;
    for i = 1:m, L = L + -(Y(i) * log(a2(i)) + (1 - Y(i)) * log(1 - a2(i))); end
    % one threshold logic unit: weigh the inputs, sum, activate
    w = [0.5; -1; 2];
    bias = -0.3;
    tlu = sigmoid(w' * X(:, 1) + bias);
    fires = (w' * X + bias) > 0;
    printf("%.17g\n", Y, Z1, A1, Z2, A2, J, a2, L / m, tlu, fires);
""")
def _():
    seed(11)
    X = randn(3, 6)
    Y = (rand(1, 6) > 0.5).astype(float)
    m = X.shape[1]
    W1 = randn(5, 3) * 0.1
    b1 = randn(5, 1) * 0.1
    W2 = randn(1, 5) * 0.1
    b2 = 0.2
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    J = cost(A2, Y, m)
    a2 = np.zeros(m)
    for i in range(m):
        a2[i] = sigmoid(W2 @ np.tanh(W1 @ X[:, [i]] + b1) + b2)[0, 0]
    L = 0.0
    for i in range(m):
        L = L + -(Y[0, i] * math.log(a2[i]) + (1 - Y[0, i]) * math.log(1 - a2[i]))
    w = col(0.5, -1, 2)
    tlu = sigmoid(w.T @ X[:, [0]] + -0.3)
    fires = (w.T @ X + -0.3) > 0
    return [Y, Z1, A1, Z2, A2, J, a2, L / m, tlu, fires]


@fixture("network_backward", r"""
    % Backward propagation vectorized, per example (accumulated), and in numpy's spelling.
    seed(12);
    X = randn(2, 5);
    Y = [1 0 0 1 1];
    m = 5;
    W1 = randn(4, 2) * 0.5;  b1 = randn(4, 1) * 0.1;
    W2 = randn(1, 4) * 0.5;  b2 = -0.1;
    A1 = tanh(W1 * X + b1);
    A2 = sigmoid(W2 * A1 + b2);
    dZ2 = A2 - Y;
    dW2 = 1/m * dZ2 * A1';
    db2 = 1/m * sum(dZ2, 2);
    dZ1 = W2' * dZ2 .* (1 - A1.^2);
    dW1 = 1/m * dZ1 * X';
    db1 = 1/m * sum(dZ1, 2);
    printf("%.17g\n", dZ2, dW2, db2, dZ1, dW1, db1);
    gW1 = zeros(4, 2);  gb1 = zeros(4, 1);  gW2 = zeros(1, 4);  gb2 = 0;
    for i = 1:m
      x = X(:, i);
      a1 = tanh(W1 * x + b1);
      dz2 = sigmoid(W2 * a1 + b2) - Y(i);
      gW2 = gW2 + dz2 * a1';
      gb2 = gb2 + dz2;
      dz1 = W2' * dz2 .* (1 - a1 .^ 2);
      gW1 = gW1 + dz1 * x';
      gb1 = gb1 + dz1;
    end
    printf("%.17g\n", gW1 / m, gb1 / m, gW2 / m, gb2 / m);
    nW2 = 1/m * np.dot(dZ2, A1.T);
    nb2 = 1/m * np.sum(dZ2, axis=1, keepdims=True);
    nZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.multiply(A1, A1));
    nW1 = 1/m * np.dot(nZ1, X.T);
    nb1 = 1/m * np.sum(nZ1, axis=1, keepdims=True);
    printf("%.17g\n", nW2, nb2, nW1, nb1);
    alpha = 1.2;
    W1 = W1 - alpha * dW1;  b1 = b1 - alpha * db1;
    W2 = W2 - alpha * dW2;  b2 = b2 - alpha * db2;
    printf("%.17g\n", W1, b1, W2, b2);
""")
def _():
    seed(12)
    X = randn(2, 5)
    Y = row(1, 0, 0, 1, 1)
    m = 5
    W1 = randn(4, 2) * 0.5
    b1 = randn(4, 1) * 0.1
    W2 = randn(1, 4) * 0.5
    b2 = -0.1
    A1 = np.tanh(W1 @ X + b1)
    A2 = sigmoid(W2 @ A1 + b2)
    dZ2 = A2 - Y
    dW2 = ((1 / m) * dZ2) @ A1.T
    db2 = (1 / m) * dZ2.sum(axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)
    dW1 = ((1 / m) * dZ1) @ X.T
    db1 = (1 / m) * dZ1.sum(axis=1, keepdims=True)
    out = [dZ2, dW2, db2, dZ1, dW1, db1]
    gW1, gb1, gW2, gb2 = np.zeros((4, 2)), np.zeros((4, 1)), np.zeros((1, 4)), 0.0
    for i in range(m):
        x = X[:, [i]]
        a1 = np.tanh(W1 @ x + b1)
        dz2 = sigmoid(W2 @ a1 + b2) - Y[0, i]
        gW2 = gW2 + dz2 @ a1.T
        gb2 = gb2 + dz2
        dz1 = (W2.T @ dz2) * (1 - a1 ** 2)
        gW1 = gW1 + dz1 @ x.T
        gb1 = gb1 + dz1
    out += [gW1 / m, gb1 / m, gW2 / m, gb2 / m]
    nZ1 = (W2.T @ dZ2) * (1 - A1 * A1)
    out += [(1 / m) * (dZ2 @ A1.T), (1 / m) * dZ2.sum(axis=1, keepdims=True),
            (1 / m) * (nZ1 @ X.T), (1 / m) * nZ1.sum(axis=1, keepdims=True)]
    alpha = 1.2
    out += [W1 - alpha * dW1, b1 - alpha * db1, W2 - alpha * dW2, b2 - alpha * db2]
    return out


@fixture("numpy_spellings", r"""
    % The slides' numpy code typed verbatim: np.*, keyword arguments, X.T, True/False.
    np.random.seed(1);
    X = np.random.randn(2, 5);
    W = np.random.randn(3, 2) * 0.01;
    b = np.zeros((3, 1));
    Z = np.dot(W, X) + b;
    A = np.tanh(Z);
    E = np.exp(A);
    Lg = np.log(E + 1);
    printf("%.17g\n", X, W, Z, A, E, Lg, X.T, X.T * W.T);
    printf("%.17g\n", np.sum(A, axis=0), np.sum(A, axis=1, keepdims=True), np.sum(A), np.mean(A));
    printf("%.17g\n", np.multiply(A, A), True, False, True + True, True & False, (A > 0) == True);
    printf("%.17g\n", size(np.zeros((4, 1))), size(X.T), size(np.sum(A, axis=0)));
""")
def _():
    seed(1)
    X = randn(2, 5)
    W = randn(3, 2) * 0.01
    b = np.zeros((3, 1))
    Z = W @ X + b
    A = np.tanh(Z)
    E = np.exp(A)
    Lg = np.log(E + 1)
    return [X, W, Z, A, E, Lg, X.T, X.T @ W.T,
            A.sum(axis=0), A.sum(axis=1, keepdims=True), A.sum(), A.mean(),
            A * A, True, False, True + True, True & False, (A > 0) == True,
            # numpy's 1-D result of an axis sum is a row here
            size(np.zeros((4, 1))), size(X.T), size(A.sum(axis=0, keepdims=True))]


@fixture("control_functions", r"""
    % Functions with several outputs, early return, handles, for/while/if/elseif/break/continue,
    % struct fields, and gradient descent x = x - alpha * gradient on f(x) = (x - 3)^2.
    function y = square(x)
      y = x .^ 2;
    end
    function [s, p] = sum_prod(a, b)
      s = a + b;
      p = a .* b;
    end
    function k = first_over(v, t)
      k = 0;
      for j = 1:numel(v)
        if v(j) > t
          k = j;
          return;
        end
      end
    end
    grad = @(x) 2*(x - 3);
    x = 0;
    alpha = 0.1;
    for it = 1:50
      x = x - alpha * grad(x);
    end
    n = 0;
    total = 0;
    while 1
      n = n + 1;
      if n == 3
        continue;
      elseif n > 6
        break;
      else
        total = total + n;
      end
    end
    [s, p] = sum_prod([1 2], [3 4]);
    h = @(a, b) a * b + 1;
    c = 0;
    for v = [10 20 30], c = c + v; end
    net.W1 = [1 2];
    net.b1 = 3;
    printf("%.17g\n", x, n, total, s, p, square(-3), first_over([1 5 2 8], 4), first_over([1 2], 4));
    printf("%.17g\n", h(2, 3), c, net.W1 * 2 + net.b1, it);
""")
def _():
    def square(x):
        return x ** 2

    def sum_prod(a, b):
        return a + b, a * b

    def first_over(v, t):
        for j, e in enumerate(v, start=1):
            if e > t:
                return j
        return 0

    def grad(x):
        return 2 * (x - 3)

    x, alpha = 0.0, 0.1
    for it in range(1, 51):
        x = x - alpha * grad(x)
    n = total = 0
    while True:
        n += 1
        if n == 3:
            continue
        elif n > 6:
            break
        else:
            total += n
    s, p = sum_prod(row(1, 2), row(3, 4))
    return [x, n, total, s, p, square(-3), first_over([1, 5, 2, 8], 4), first_over([1, 2], 4),
            2 * 3 + 1, sum([10, 20, 30]), row(1, 2) * 2 + 3, it]


@fixture("planar_dataset", r"""
    % The course's flower data set: X is 2×400 (one column per example), Y is 1×400.
    [X, Y] = planar_dataset();
    printf("%.17g\n", size(X), size(Y), sum(Y), X(:, 1), X(:, 200), X(:, 201), X(:, end), Y(1), Y(end));
    printf("%.17g\n", mean(X, 2), max(X, [], 2), min(X, [], 2), sum(X .^ 2, 2), norm(X(:, 17)));
""")
def _():
    X, Y = planar()
    return [size(X), size(Y), Y.sum(), X[:, 0], X[:, 199], X[:, 200], X[:, -1], Y[0, 0], Y[0, -1],
            X.mean(axis=1), X.max(axis=1), X.min(axis=1), (X ** 2).sum(axis=1), np.linalg.norm(X[:, 16])]


@fixture("train_2_4_1", r"""
    % The homework: a 2-4-1 tanh/sigmoid network on the flower data, alpha = 1.2, 10 000 steps.
    % Prints the cost at 0, 1000, ..., 6000 (later ones depend on the last bits of tanh and exp)
    % and the training accuracy as the notebook prints it (the whole percent).
    [X, Y] = planar_dataset();
    m = columns(X);
    seed(2);
    W1 = randn(4, 2) * 0.01;
    b1 = zeros(4, 1);
    W2 = randn(1, 4) * 0.01;
    b2 = 0;
    alpha = 1.2;
    for i = 0:9999
      A1 = tanh(W1 * X + b1);
      A2 = sigmoid(W2 * A1 + b2);
      if i <= 6000 && floor(i / 1000) * 1000 == i
        J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
        printf("%.17g\n", J);
      end
      dZ2 = A2 - Y;
      dW2 = 1/m * dZ2 * A1';
      db2 = 1/m * sum(dZ2, 2);
      dZ1 = W2' * dZ2 .* (1 - A1.^2);
      dW1 = 1/m * dZ1 * X';
      db1 = 1/m * sum(dZ1, 2);
      W1 = W1 - alpha * dW1;
      b1 = b1 - alpha * db1;
      W2 = W2 - alpha * dW2;
      b2 = b2 - alpha * db2;
    end
    predictions = sigmoid(W2 * tanh(W1 * X + b1) + b2) > 0.5;
    accuracy = (Y * predictions' + (1 - Y) * (1 - predictions')) / numel(Y) * 100;
    printf("%.17g\n", floor(accuracy));
""")
def _():
    X, Y = planar()
    m = X.shape[1]
    seed(2)
    W1 = randn(4, 2) * 0.01
    b1 = np.zeros((4, 1))
    W2 = randn(1, 4) * 0.01
    b2 = 0.0
    alpha = 1.2
    costs = []
    for i in range(10000):
        A1 = np.tanh(W1 @ X + b1)
        A2 = sigmoid(W2 @ A1 + b2)
        if i <= 6000 and i % 1000 == 0:
            costs.append(cost(A2, Y, m))
        dZ2 = A2 - Y
        dW2 = ((1 / m) * dZ2) @ A1.T
        db2 = (1 / m) * dZ2.sum(axis=1, keepdims=True)
        dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)
        dW1 = ((1 / m) * dZ1) @ X.T
        db1 = (1 / m) * dZ1.sum(axis=1, keepdims=True)
        W1 = W1 - alpha * dW1
        b1 = b1 - alpha * db1
        W2 = W2 - alpha * dW2
        b2 = b2 - alpha * db2
    predictions = sigmoid(W2 @ np.tanh(W1 @ X + b1) + b2) > 0.5
    # the notebook's own formula, printed there with %d
    accuracy = float((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T))[0, 0] / float(Y.size) * 100)
    return costs + [math.floor(accuracy)]


def values(items):
    """Everything printf would print, column-major, as Python's shortest round-trip text."""
    out = []
    for v in items:
        out += [repr(float(x)) for x in np.asarray(v, dtype=float).flatten(order="F")]
    return out


def main():
    names = {name for name, _, _ in FIXTURES}
    for stale in glob.glob(os.path.join(HERE, "*.nnl")) + glob.glob(os.path.join(HERE, "*.expected")):
        if os.path.splitext(os.path.basename(stale))[0] not in names:
            os.remove(stale)
    for name, source, twin in FIXTURES:
        with open(os.path.join(HERE, name + ".nnl"), "w") as f:
            f.write(source)
        with open(os.path.join(HERE, name + ".expected"), "w") as f:
            f.write("\n".join(values(twin())) + "\n")
    print(f"wrote {len(FIXTURES)} programs to {HERE}")


if __name__ == "__main__":
    main()
