"""The course loop of lessons/homework/train.nnl in numpy, from the same data and initial weights.

Prints the same lines as the .nnl script, then `loop_seconds <t>` on stderr: the time of the
10 000 iterations alone (no interpreter start-up, no import). With --dump FOLDER it writes
X, Y, W1, W2 as text into FOLDER for bench/train.m (Octave cannot make numpy's random numbers).
"""
import sys
import time

import numpy as np


def planar_dataset():
    """The course's load_planar_dataset(): X is 2×400, Y is 1×400 (numpy's legacy RNG, seed 1)."""
    np.random.seed(1)
    m, N, a = 400, 200, 4
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1))
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T.copy(), Y.T.copy()


def initial_weights():
    """W1, b1, W2, b2 of the 2-4-1 network, as train.nnl makes them (seed 2)."""
    np.random.seed(2)
    W1 = np.random.randn(4, 2) * 0.01
    W2 = np.random.randn(1, 4) * 0.01
    return W1, np.zeros((4, 1)), W2, 0.0


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else 10000
    X, Y = planar_dataset()
    m = X.shape[1]
    W1, b1, W2, b2 = initial_weights()
    if "--dump" in sys.argv:
        folder = sys.argv[sys.argv.index("--dump") + 1]
        for name, value in (("X", X), ("Y", Y), ("W1", W1), ("W2", W2)):
            np.savetxt(f"{folder}/{name}.txt", value, fmt="%.17g")
        return
    start = time.perf_counter()
    for i in range(iterations):
        Z1 = W1 @ X + b1
        A1 = np.tanh(Z1)
        Z2 = W2 @ A1 + b2
        A2 = 1 / (1 + np.exp(-Z2))
        if i % 1000 == 0:
            J = -1 / m * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
            print("Cost after iteration %i: %f" % (i, J))
        dZ2 = A2 - Y
        dW2 = 1 / m * dZ2 @ A1.T
        db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
        dZ1 = W2.T @ dZ2 * (1 - A1 ** 2)
        dW1 = 1 / m * dZ1 @ X.T
        db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
        W1 = W1 - 1.2 * dW1
        b1 = b1 - 1.2 * db1
        W2 = W2 - 1.2 * dW2
        b2 = b2 - 1.2 * db2
    seconds = time.perf_counter() - start
    A2 = 1 / (1 + np.exp(-(W2 @ np.tanh(W1 @ X + b1) + b2)))
    predictions = A2 > 0.5
    accuracy = (Y @ predictions.T + (1 - Y) @ (1 - predictions).T) / m * 100
    print("Accuracy: %d%%" % np.floor(accuracy.item()))
    print("loop_seconds %.6f" % seconds, file=sys.stderr)


if __name__ == "__main__":
    main()
