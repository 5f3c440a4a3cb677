"""The numpy twin of bench/network.nnl: a 784-128-1 network, m = 2000, 100 iterations.
Prints the seconds per iteration of the loop alone."""
import time

import numpy as np

np.random.seed(1)
n, h, m = 784, 128, 2000
X = np.random.rand(n, m)
Y = (np.random.rand(1, m) > 0.5).astype(float)
W1 = np.random.randn(h, n) * 0.01
b1 = np.zeros((h, 1))
W2 = np.random.randn(1, h) * 0.01
b2 = 0.0
start = time.perf_counter()
for i in range(100):
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = 1 / (1 + np.exp(-Z2))
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
print("%.9f" % ((time.perf_counter() - start) / 100))
