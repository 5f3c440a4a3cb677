/// Element-wise binary operators; all broadcast (see NNLMatrix's `broadcastShape`).
public enum BinaryOp: Sendable, CaseIterable {
    case add, subtract, multiply, divide, power
    case equal, notEqual, less, lessEqual, greater, greaterEqual, and, or
    case maximum, minimum
}

/// Element-wise functions of one matrix; the activations and their derivatives are the course's.
public enum UnaryOp: Sendable, CaseIterable {
    case negate, not, abs, sqrt, exp, log, log2, log10, tanh, sigmoid, relu, leakyRelu, sign
    case round, floor, ceil, fix, sin, cos
    case sigmoidGrad, tanhGrad, reluGrad, leakyReluGrad
    case isnan, isinf, isfinite, square
}
