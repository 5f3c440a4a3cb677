"""The expected values in tests.nnl, computed with numpy as the course notebook
("Planar data classification with one hidden layer") computes them.

    python3 make_expected.py      # prints each test's values in nnl syntax

nnl's seed/randn are numpy's legacy generator bit for bit, so the tests build the
same inputs with `seed(1); randn(...)` and compare the student's results with these.
Every function is checked on two networks: the 2-4-1 one the student sees in the lesson,
and a 3-5-2 one with 7 examples (other sizes, another learning rate, another n_h for
nn_model), so that no number of the first can be written into a function and still pass.
"""
import numpy as np


def nnl(x):
    """A value in nnl's matrix syntax, every digit kept."""
    x = np.atleast_2d(np.asarray(x, dtype=float))
    rows = ["  ".join(f"{v:.17g}" for v in row) for row in x]
    return "[" + "; ".join(rows) + "]"


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x), "b1": np.random.randn(n_h, 1),
            "W2": np.random.randn(n_y, n_h), "b2": np.random.randn(n_y, 1)}


def setup():
    """The inputs the setup cell builds, in its order: Xt, Yt, pt, then Xs, Ys, ps, Ac."""
    np.random.seed(1)
    v = {"Xt": np.random.randn(2, 3), "Yt": (np.random.randn(1, 3) > 0).astype(float)}
    v["pt"] = parameters(2, 4, 1)
    v["Xs"] = np.random.randn(3, 7)
    v["Ys"] = (np.random.randn(2, 7) > 0).astype(float)
    v["ps"] = parameters(3, 5, 2)
    v["Ac"] = sigmoid(np.random.randn(1, 7))
    return v


def initialize(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


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


def update(p, g, learning_rate):
    return {k: p[k] - learning_rate * g["d" + k] for k in p}


def nn_model(X, Y, n_h, iterations):
    """The notebook's nn_model: learning rate 1.2, the cost kept every 100 iterations."""
    p = initialize(X.shape[0], n_h, Y.shape[0])
    costs = []
    for i in range(iterations):
        A2, cache = forward(X, p)
        if i % 100 == 0:
            costs.append(cost(A2, Y))
        p = update(p, backward(p, cache, X, Y), 1.2)
    return p, costs


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


def show(title, values):
    print("%", title)
    for name, value in values.items():
        print(name, "=", nnl(value))


def main():
    v = setup()
    X, Y, p, Xs, Ys, ps = v["Xt"], v["Yt"], v["pt"], v["Xs"], v["Ys"], v["ps"]
    after_setup = np.random.get_state()  # test code draws on from here

    for sizes in [(2, 4, 1), (3, 5, 2)]:
        q = initialize(*sizes)
        show(f"initialize_parameters{sizes}", {"W1": q["W1"], "W2": q["W2"]})

    A2, cache = forward(X, p)
    show("forward_propagation(Xt, pt)", {"A2": A2, "A1": cache["A1"]})
    _, caches = forward(Xs, ps)
    show("forward_propagation(Xs, ps)", caches)

    show("compute_cost(A2, Yt)", {"J": cost(A2, Y)})
    show("compute_cost(Ac, Ys(1, :))", {"J": cost(v["Ac"], Ys[:1])})

    g = backward(p, cache, X, Y)
    show("backward_propagation(pt, cache, Xt, Yt)", g)
    show("backward_propagation(ps, caches, Xs, Ys)", backward(ps, caches, Xs, Ys))

    show("update_parameters(pt, grads, 1.2)", update(p, g, 1.2))
    np.random.set_state(after_setup)
    gs = {"dW1": np.random.randn(5, 3), "db1": np.random.randn(5, 1),
          "dW2": np.random.randn(2, 5), "db2": np.random.randn(2, 1)}
    show("update_parameters(ps, gs, 0.05), gs drawn in the test", update(ps, gs, 0.05))

    show("predict(pt, Xt)", {"predictions": A2 > 0.5})
    show("predict(ps, Xs)", {"predictions": caches["A2"] > 0.5})
    A2, _ = forward(Xs[:2], p)
    show("predict(pt, Xs(1:2, :)): outputs between 0.25 and 0.5, and above", {"predictions": A2 > 0.5})

    q, costs = nn_model(Xs, Ys[:1], 3, 250)
    show("nn_model(Xs, Ys(1, :), 3, 250, true)", {**q, "costs": costs})
    Xf, Yf = load_planar_dataset()
    q, costs = nn_model(Xf, Yf, 4, 1000)
    A2, _ = forward(Xf, q)
    show("nn_model(X, Y, 4, 1000, false) on planar_dataset()", {"costs": costs, "J": cost(A2, Yf)})


if __name__ == "__main__":
    main()
