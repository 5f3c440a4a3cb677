"""Writes numpy's results for the NNLMatrix kernels to numpy.json (run: python3 make_fixtures.py).

Every matrix is {"rows", "cols", "data"}, data column-major as float.hex strings so no digit is lost.
Arrays are C-ordered on the numpy side, as a learner's arrays are, so reduction orders match numpy's.
"""
import json
import os
import numpy as np

rng = np.random.default_rng(7)


def mat(a):
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    return {"rows": a.shape[0], "cols": a.shape[1], "data": [float(x).hex() for x in a.flatten(order="F")]}


def randn(r, c, scale=1.0):
    return np.ascontiguousarray(rng.standard_normal((r, c)) * scale)


specials = np.array([[0.0, -0.0, np.inf, -np.inf, np.nan, 1e-300, -1e-310, 0.5, -0.5, 2.5, -2.5, 30.0, -30.0, 1e-9]])
cases = {"binary": [], "unary": [], "product": [], "reduction": []}

binary_ops = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
    "power": np.power, "maximum": np.fmax, "minimum": np.fmin,
    "less": lambda a, b: (a < b) * 1.0, "equal": lambda a, b: (a == b) * 1.0,
}
shapes = [((4, 50), (4, 1)), ((4, 50), (1, 1)), ((1, 1), (3, 5)), ((3, 5), (3, 5)), ((3, 1), (1, 4)), ((1, 6), (5, 6))]
with np.errstate(all="ignore"):
    for name, f in binary_ops.items():
        for sa, sb in shapes:
            a, b = randn(*sa), randn(*sb)
            if name == "power":
                b = np.round(b * 2) / 2  # integers and halves: negative bases with .5 give NaN
            cases["binary"].append({"op": name, "a": mat(a), "b": mat(b), "result": mat(f(a, b))})
        a = np.repeat(specials, specials.shape[1], axis=0)
        cases["binary"].append({"op": name, "a": mat(a), "b": mat(a.T.copy()), "result": mat(f(a, a.T))})

    x = np.concatenate([specials, randn(1, 200, 3), randn(1, 57, 40)], axis=1)
    sig = lambda z: 1 / (1 + np.exp(-z))
    unary_ops = {
        "exp": np.exp, "log": lambda z: np.log(np.abs(z)), "tanh": np.tanh, "sigmoid": sig,
        "sigmoidGrad": lambda z: sig(z) * (1 - sig(z)), "tanhGrad": lambda z: 1 - np.tanh(z) ** 2,
        "relu": lambda z: np.maximum(0, z), "leakyRelu": lambda z: np.maximum(0.01 * z, z),
        "sqrt": lambda z: np.sqrt(np.abs(z)), "abs": np.abs, "sign": np.sign, "floor": np.floor,
        "ceil": np.ceil, "fix": np.fix, "square": np.square, "log10": lambda z: np.log10(np.abs(z)),
    }
    for name, f in unary_ops.items():
        arg = np.abs(x) if name in ("log", "sqrt", "log10") else x
        cases["unary"].append({"op": name, "a": mat(arg), "result": mat(f(x))})

for (m, k), n in [((4, 2), 400), ((1, 4), 400), ((1, 400), 4), ((37, 53), 29), ((3, 1), 5), ((24, 300), 20)]:
    a, b = randn(m, k), randn(k, n)
    cases["product"].append({"a": mat(a), "b": mat(b), "result": mat(a @ b)})

for shape in [(4, 400), (1, 400), (400, 1), (7, 13), (3, 129), (300, 5), (2, 300)]:
    a = randn(*shape, 10)
    for axis, dim in [(0, 1), (1, 2)]:
        cases["reduction"].append({
            "dimension": dim, "a": mat(a),
            "sum": mat(np.sum(a, axis=axis, keepdims=True)), "mean": mat(np.mean(a, axis=axis, keepdims=True)),
            "prod": mat(np.prod(a / 10, axis=axis, keepdims=True)), "cumsum": mat(np.cumsum(a, axis=axis)),
        })

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "numpy.json"), "w") as out:
    json.dump(cases, out)
