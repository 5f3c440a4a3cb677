// Generated from lessons/homework/tests/tests.nnl by Tests/NNLGraderTests/EmbeddedHomeworkTests.swift; do not edit.
// Regenerate: NNL_EMBED_HOMEWORK=1 swift test --filter EmbeddedHomeworkTests

/// The homework's tests, built into nnl: `nnl grade FILE --tests homework`.
enum EmbeddedHomework {
    static let tests = #"""
% The autograder's tests for planar_classifier.nnl: 10 points, two of them hidden.
% Expected values come from make_expected.py (numpy, as the course notebook computes them).
% nnl grade SUBMISSION.nnl --tests tests.nnl

%% setup
% The inputs most tests share: a 2×3 X, a 1×3 Y of 0/1, and random 2-4-1 parameters.
seed(1);
Xt = randn(2, 3);
Yt = randn(1, 3) > 0;
pt.W1 = randn(4, 2); pt.b1 = randn(4, 1); pt.W2 = randn(1, 4); pt.b2 = randn(1, 1);

%% layer_sizes [points=1]
[n_x, n_h, n_y] = layer_sizes(randn(5, 3), randn(2, 3));
check(isequal([n_x, n_h, n_y], [5, 4, 2]), "for a 5×3 X and a 2×3 Y: n_x = 5, n_h = 4, n_y = 2")

%% initialize_parameters [points=1]
p = initialize_parameters(2, 4, 1);
check(allclose(p.W1, [-0.004167578474054706  -0.00056266827226329481; -0.02136196095668454  0.016402708084049887; -0.017934355851948632  -0.0084174736565620408; 0.0050288141715804282  -0.012452880866072316], 1e-6), "W1 = randn(4, 2)*0.01 just after seed(2)")
check(isequal(p.b1, zeros(4, 1)), "b1 = zeros(4, 1)")
check(allclose(p.W2, [-0.010579522188623389  -0.0090900761492684942  0.0055145404454642437  0.022922080128149575], 1e-6), "W2 = randn(1, 4)*0.01, drawn after W1")
check(isequal(p.b2, 0), "b2 = zeros(1, 1)")

%% forward_propagation [points=2]
[A2, cache] = forward_propagation(Xt, pt);
check(allclose(A2, [0.017332478593280201  0.64172338959698882  0.17436955883328942], 1e-6), "A2 for the test input")
check(allclose(cache.A1, [-0.99335318642395776  0.4929992243459726  -0.99946305418951775; -0.99462496072031281  0.77128653890363108  0.95380917994476111; -0.85037915700539146  0.94669567972630475  -0.94921122674511371; -0.99104697829435495  -0.52046283056002929  -0.12222335992722649], 1e-6), "cache.A1 = tanh(Z1)")

%% compute_cost [points=1]
J = compute_cost([0.017332478593280201  0.64172338959698882  0.17436955883328942], Yt);
check(allclose(J, 2.2760671430320207, 1e-6), "the cross-entropy cost of A2 against Yt")

%% backward_propagation [points=2] [partial]
% The test's own cache, so these checks do not depend on your forward_propagation.
cache.Z1 = pt.W1*Xt + pt.b1; cache.A1 = tanh(cache.Z1);
cache.Z2 = pt.W2*cache.A1 + pt.b2; cache.A2 = sigmoid(cache.Z2);
grads = backward_propagation(pt, cache, Xt, Yt);
check(allclose(grads.dW1, [-0.12128095669278273  0.16651335681014726; -0.041112053606888486  0.12254962124983099; -0.073612120282862153  0.0900559999430567; 0.034493976951022097  0.68931893548314571], 1e-6), "dW1 = 1/m * dZ1 * X'")
check(allclose(grads.db1, [0.18004498835828242; 0.052570614056775433; -0.048105894398824844; -0.10897993193187981], 1e-6), "db1 = 1/m * sum(dZ1, 2)")
check(allclose(grads.dW2, [0.705897389753667  0.22828145431646737  0.74228480762639204  0.24692927751650048], 1e-6), "dW2 = 1/m * dZ2 * A1'")
check(allclose(grads.db2, -0.38885819099214719, 1e-6), "db2 = 1/m * sum(dZ2, 2)")

%% update_parameters [points=1]
grads.dW1 = [-0.12128095669278273  0.16651335681014726; -0.041112053606888486  0.12254962124983099; -0.073612120282862153  0.0900559999430567; 0.034493976951022097  0.68931893548314571];
grads.db1 = [0.18004498835828242; 0.052570614056775433; -0.048105894398824844; -0.10897993193187981];
grads.dW2 = [0.705897389753667  0.22828145431646737  0.74228480762639204  0.24692927751650048];
grads.db2 = -0.38885819099214719;
p = update_parameters(pt, grads, 1.2);
check(allclose(p.W1, [-0.10383322744607082  1.2622919088727973; -2.010806245169388  -0.46947674951330465; -0.29571981032898109  1.0257022424037694; -1.1412840396552575  -0.99961093013021063], 1e-6), "W1 - 1.2 * dW1")
check(allclose(p.b1, [-1.0939124039513106; -0.020870990152537683; 0.64054228699441207; -0.96984325889466549], 1e-6), "b1 - 1.2 * db1")
check(allclose(p.W2, [0.29764684213521375  0.62765297541303466  -0.38824743024980224  0.60454081624461131], 1e-6), "W2 - 1.2 * dW2")
check(allclose(p.b2, -0.21709802998375649, 1e-6), "b2 - 1.2 * db2")

%% predict [points=1] [hidden]
predictions = predict(pt, Xt);
check(allclose(predictions, [0 1 0]) && isequal(size(predictions), [1 3]), "predictions = A2 > 0.5")

%% training on the flower data set [points=1] [hidden]
% Your functions together, 1000 steps of gradient descent; the cost is computed here.
[X, Y] = planar_dataset();
p = initialize_parameters(2, 4, 1);
for i = 1:1000
  [A2, cache] = forward_propagation(X, p);
  p = update_parameters(p, backward_propagation(p, cache, X, Y), 1.2);
end
A2 = forward_propagation(X, p);
J = -mean(Y .* log(A2) + (1 - Y) .* log(1 - A2));
check(allclose(J, 0.28808329356901846, 1e-6), "the cost after 1000 iterations is 0.288083, as in the notebook")

"""#
}
