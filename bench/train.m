% The course loop of lessons/homework/train.nnl in GNU Octave, from the same data and initial
% weights (written by `python3 bench/train.py --dump FOLDER`; FOLDER is the first argument).
% Prints the same lines, then `loop_seconds <t>`: the 10 000 iterations alone.
folder = argv(){1};
X = load([folder "/X.txt"]); Y = load([folder "/Y.txt"]);
W1 = load([folder "/W1.txt"]); W2 = load([folder "/W2.txt"]);
b1 = zeros(4, 1); b2 = 0; m = columns(X);
tic;
for i = 0:9999
  Z1 = W1*X + b1; A1 = tanh(Z1); Z2 = W2*A1 + b2; A2 = 1 ./ (1 + exp(-Z2));
  if mod(i, 1000) == 0
    J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
    printf("Cost after iteration %i: %f\n", i, J);
  end
  dZ2 = A2 - Y; dW2 = 1/m * dZ2 * A1'; db2 = 1/m * sum(dZ2, 2);
  dZ1 = W2' * dZ2 .* (1 - A1.^2); dW1 = 1/m * dZ1 * X'; db1 = 1/m * sum(dZ1, 2);
  W1 = W1 - 1.2 * dW1; b1 = b1 - 1.2 * db1; W2 = W2 - 1.2 * dW2; b2 = b2 - 1.2 * db2;
end
seconds = toc;
A2 = 1 ./ (1 + exp(-(W2 * tanh(W1*X + b1) + b2)));
predictions = A2 > 0.5;
printf("Accuracy: %d%%\n", floor((Y*predictions' + (1-Y)*(1-predictions)')/m*100));
printf("loop_seconds %.6f\n", seconds);
