"""bench/examples.nnl in numpy: per-example gradient descent, one example (x = X[:, i]) at a time.

Same data and initial weights as bench/train.py; prints the same cost line, then the seconds
per example of the loop alone.
"""
import time

import numpy as np

from train import initial_weights, planar_dataset


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def main():
    X, Y = planar_dataset()
    m = X.shape[1]
    W1, b1, W2, b2 = initial_weights()
    passes = 10
    start = time.perf_counter()
    for _ in range(passes):
        for i in range(m):
            x = X[:, i:i + 1]; y = Y[0, i]
            z1 = W1 @ x + b1; a1 = np.tanh(z1); z2 = W2 @ a1 + b2; a2 = sigmoid(z2)
            dz2 = a2 - y; dW2 = dz2 @ a1.T; db2 = dz2
            dz1 = W2.T @ dz2 * (1 - a1 ** 2); dW1 = dz1 @ x.T; db1 = dz1
            W1 = W1 - 0.05 * dW1; b1 = b1 - 0.05 * db1; W2 = W2 - 0.05 * dW2; b2 = b2 - 0.05 * db2
    seconds = time.perf_counter() - start
    A2 = sigmoid(W2 @ np.tanh(W1 @ X + b1) + b2)
    print("cost %.10f" % (-1 / m * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))))
    print("%.9f" % (seconds / (passes * m)))


main()
