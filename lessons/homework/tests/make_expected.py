"""The expected values in tests.nnl, computed with numpy as the course notebook
("Planar data classification with one hidden layer") computes them.

    python3 make_expected.py      # prints each test's values in nnl syntax

nnl's seed/randn are numpy's legacy generator bit for bit, so the tests build the
same inputs with `seed(1); randn(...)` and compare the student's results with these.
"""
import numpy as np


def nnl(x):
    """A value in nnl's matrix syntax, every digit kept."""
    x = np.atleast_2d(np.asarray(x, dtype=float))
    rows = ["  ".join(f"{v:.17g}" for v in row) for row in x]
    return "[" + "; ".join(rows) + "]"


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_inputs():
    """The inputs the forward/backward/update tests build: seed(1); Xt, Yt, pt."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    Y = (np.random.randn(1, 3) > 0).astype(float)
    p = {"W1": np.random.randn(4, 2), "b1": np.random.randn(4, 1),
         "W2": np.random.randn(1, 4), "b2": np.random.randn(1, 1)}
    return X, Y, p


def forward(X, p):
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.tanh(Z1)
    Z2 = p["W2"] @ A1 + p["b2"]
    return sigmoid(Z2), {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": sigmoid(Z2)}


def backward(p, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = dZ2 @ cache["A1"].T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (p["W2"].T @ dZ2) * (1 - cache["A1"] ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


def load_planar_dataset():
    """The notebook's flower data set (nnl's planar_dataset() is the same, bit for bit)."""
    np.random.seed(1)
    m, a = 400, 4
    N = m // 2
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1))
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def train(X, Y, iterations):
    """The notebook's nn_model: the 2-4-1 network, alpha = 1.2."""
    np.random.seed(2)
    p = {"W1": np.random.randn(4, 2) * 0.01, "b1": np.zeros((4, 1)),
         "W2": np.random.randn(1, 4) * 0.01, "b2": np.zeros((1, 1))}
    for _ in range(iterations):
        _, cache = forward(X, p)
        g = backward(p, cache, X, Y)
        p = {k: p[k] - 1.2 * g["d" + k] for k in p}
    return p


def main():
    np.random.seed(2)
    W1 = np.random.randn(4, 2) * 0.01
    W2 = np.random.randn(1, 4) * 0.01
    print("% initialize_parameters(2, 4, 1)")
    print("W1 =", nnl(W1))
    print("W2 =", nnl(W2))

    X, Y, p = test_inputs()
    A2, cache = forward(X, p)
    print("% forward_propagation(Xt, pt)")
    print("A2 =", nnl(A2))
    print("A1 =", nnl(cache["A1"]))
    print("% compute_cost(A2, Yt)")
    print("J =", nnl(cost(A2, Y)))
    g = backward(p, cache, X, Y)
    print("% backward_propagation(pt, cache, Xt, Yt)")
    for k in ["dW1", "db1", "dW2", "db2"]:
        print(k, "=", nnl(g[k]))
    print("% update_parameters(pt, grads, 1.2)")
    for k in ["W1", "b1", "W2", "b2"]:
        print(k, "=", nnl(p[k] - 1.2 * g["d" + k]))
    print("% predict(pt, Xt)")
    print("predictions =", nnl(A2 > 0.5))

    X, Y = load_planar_dataset()
    A2, _ = forward(X, train(X, Y, 1000))
    print("% the cost after 1000 iterations on planar_dataset()")
    print("J =", nnl(cost(A2, Y)))


if __name__ == "__main__":
    main()
