// Generated from lessons/*.nnl by Tests/NNLLessonsTests/EmbeddedCourseTests.swift; do not edit.
// Regenerate: NNL_EMBED_LESSONS=1 swift test --filter EmbeddedCourseTests

/// The course, built into nnl so that a copied or installed binary has it.
enum EmbeddedCourse {
    static let origin = "<built-in course>"

    static let lessons: [(name: String, text: String)] = [
("01-repl-and-matrices.nnl", #"""
%% The REPL and matrices
%@ title: The REPL and matrices
%@ order: 1
%> # Welcome to nnl
%> This course builds a neural network from its formulas, one line at a time, in a small
%> matrix language that reads like the slides (Octave's syntax, numpy's numbers).
%>
%> How a lesson works:
%> - Each step shows some text and some code, runs the code, and waits: press **Enter** to go on.
%> - At a reading pause you may type any code to try things out; it runs in your workspace.
%> - At an exercise (marked ✎) type your answer, on one line or several: it is judged once
%>   everything the exercise asks for is set (`:check` judges it sooner). Any correct spelling
%>   passes: answers are compared by *value*, not by text. A wrong answer says why, and what
%>   was wrong is undone; the right parts stay.
%> - `:hint` gives a hint (ask again for the next one), `:skip` shows the solution,
%>   `:back` goes back a step, `:vars` lists your variables, `:quit` saves your place.
%>
%> Every value is a matrix of numbers. A single number is a 1×1 matrix:
x = 3
y = x^2 + 1

%% Matrix literals
%> Square brackets build a matrix: a space (or `,`) separates the elements of a row,
%> a `;` starts the next row. `size` gives rows and columns.
A = [1 2 3; 4 5 6]
size(A)
%> A trailing `;` runs a line without showing its value. A column vector is a matrix
%> with one column:
v = [1; 2; 3];
v

%% Transpose
%> `'` after a value transposes it: rows become columns. A 2×3 matrix becomes 3×2.
A'
%> In the slides the transpose is written $A^T$; the notebooks write `A.T`, which works here too.
A.T

%% The matrix product
%> `*` is the **matrix product**: $(AB)_{ij} = \sum_k A_{ik} B_{kj}$. The inner sizes must
%> agree: a 2×3 matrix times a 3×1 vector is 2×1. Each element of the result is a row of
%> `A` times the column `v`: $1·1 + 2·2 + 3·3 = 14$.
A * v
%> Try `v * A` at the pause: nnl says which sizes disagree and how a transpose could fix it.

%% Your first exercise
%> `B` is another 2×3 matrix. `A * B'` multiplies A (2×3) by B transposed (3×2).
B = [1 0 2; 0 1 0];
%? Compute `C = A * B'`. What shape will it have?
C = A * B';
%! B' is 3×2, so A (2×3) times B' (3×2) is 2×2.
%! C = A * B'
check(all(size(C) == [2, 2]), "C is 2×2")

%% Element by element
%> `.*`, `./` and `.^` work **element by element** on matrices of the same shape,
%> as `+` and `-` do. This is numpy's `*`: in the slides, $A \odot B$ or $A * B$ for two
%> matrices of one shape means this.
A .* B
A .^ 2
%? Compute `E`, the element-wise product of `A` with itself, using `.*`.
E = A .* A;
%! `.*` multiplies matching elements; `*` would need A's inner sizes to agree.
check(all(size(E) == [2, 3]), "E has the shape of A")

%% Broadcasting
%> Adding a column vector to a matrix adds it to **every column**; a row vector is added
%> to every row, and a number to every element. This is how a bias `b` is added to
%> every example at once.
b = [10; 20];
A + b
%? With `v` and `b` from above, compute `z = A*v + b`.
z = A*v + b;
%! A*v is 2×1 and b is 2×1: add them.
check(all(size(z) == [2, 1]), "z is 2×1")

%% Indexing
%> Indices start at 1. `A(i, j)` is one element, `:` means "all", `end` is the last.
A(2, 3)
A(:, 1)
A(1, :)
A(end, end)
%? Put the second column of `A` into `col2`.
col2 = A(:, 2);
%! `:` selects every row.
%! col2 = A(:, 2)
check(all(size(col2) == [2, 1]), "col2 is a column: 2×1")

%% Building and summing
%> `zeros(r, c)`, `ones(r, c)` and `randn(r, c)` build matrices. `sum(A)` adds down each
%> column; `sum(A, 2)` adds along each row (dimension 2).
zeros(2, 3)
sum(A)
sum(A, 2)
%? Put the mean of each **row** of `A` in `r`: a 2×1 column.
r = sum(A, 2) / 3;
%! sum(A, 2) adds along the rows; divide by the number of columns.
%! mean(A, 2) does both at once.
check(all(size(r) == [2, 1]), "r is 2×1")

%% Random numbers
%> `seed(n)` then `randn(r, c)` gives exactly the numbers of numpy's
%> `np.random.seed(n); np.random.randn(r, c)`, so your results match the course notebooks.
seed(1);
randn(2, 3)
%> That is the whole language you need for now. Next: gradient descent.

"""#),
("02-gradient-descent.nnl", #"""
%% Gradient descent on one variable
%@ title: Gradient descent on one variable
%@ order: 2
%@ needs: 01-repl-and-matrices
%> # Going downhill
%> Training a network means finding the parameters that make a cost as small as possible.
%> Gradient descent does it by walking downhill: at each step, move against the slope.
%> $$x := x - \alpha \cdot f'(x)$$
%> $\alpha$ (alpha) is the **learning rate**: how big a step to take.
%>
%> We start with a function whose minimum we know: $f(x) = (x - 3)^2$, smallest at $x = 3$.
%> Its derivative is $f'(x) = 2(x - 3)$. An anonymous function `@(x) ...` holds each one:
f = @(x) (x - 3).^2;
df = @(x) 2*(x - 3);
f(0)
df(0)
%> At $x = 0$ the slope is $-6$: the function goes down to the right, so a step against
%> the slope moves right, towards 3.

%% One step
x = 0;
alpha = 0.1;
%? Take one gradient descent step from `x` and put the result in `x1`.
x1 = x - alpha * df(x);
%! The rule is x - alpha * (the slope at x).
%! x1 = x - alpha * df(x)
check(abs(x1 - 0.6) < 1e-9, "one step from 0 with alpha = 0.1 lands at 0.6")

%% Many steps
%> A `for` loop repeats the step. Each step here multiplies the distance to 3 by
%> $1 - 2\alpha = 0.8$, so the distance shrinks geometrically.
x = 0;
for k = 1:50
  x = x - alpha * df(x);
  if mod(k, 10) == 0
    printf("step %2d: x = %.6f  f(x) = %.8f\n", k, x, f(x));
  end
end

%% Your loop
%> A loop can be typed on one line: `for k = 1:3, x = x + 1; end`. Or over several lines:
%> nnl waits for the `end` (the prompt shows `...>`). An answer may take several inputs: set
%> `x100 = 10;` first, then loop on `x100`; it is judged once your loop has computed it.
%? Start from `x = 10` and take 100 steps with a learning rate of 0.05; put the final x in `x100`.
%@ expect: x100
x = 10;
for k = 1:100
  x = x - 0.05 * df(x);
end
x100 = x;
%! x = 10; for k = 1:100, x = x - 0.05*df(x); end
%! x100 = x
%x x100 = 3 → not the expected number
check(abs(x100 - 3) < 1e-3, "after 100 steps x100 is close to 3")
%> Each step multiplies the distance to 3 by $1 - 2 \cdot 0.05 = 0.9$: after 100 steps
%> $7 \cdot 0.9^{100} \approx 0.0002$ is left. nnl compares your `x100` with that value, so
%> 99 or 200 steps, or a plain `x100 = 3`, are not taken for 100.

%% A learning rate too small
%> With $\alpha = 0.001$ the steps are tiny: after 100 steps we are still far from 3.
x = 0;
for k = 1:100
  x = x - 0.001 * df(x);
end
printf("alpha = 0.001: after 100 steps x = %.4f\n", x);
%> Nothing is wrong, it is just slow: each step only removes 0.2 % of the distance.

%% A learning rate too large
%> With $\alpha = 1.1$ each step jumps over the minimum, further each time: the
%> distance is multiplied by $1 - 2 \cdot 1.1 = -1.2$. Gradient descent **diverges**.
x = 0;
for k = 1:10
  x = x - 1.1 * df(x);
  printf("step %2d: x = %9.4f\n", k, x);
end
%> Side by side, the distance to 3 for a small, a good and a too large learning rate
%> (on a log scale, so a steady shrink is a straight line):
alphas = [0.001 0.1 1.1];
dist = zeros(3, 30);
for a = 1:3
  x = 0;
  for k = 1:30
    x = x - alphas(a) * df(x);
    dist(a, k) = abs(x - 3);
  end
end
plot(1:30, dist, logy=true, legend="alpha = 0.001, alpha = 0.1, alpha = 1.1", title="Distance to the minimum", xlabel="step")
%> When a cost grows instead of shrinking, lower the learning rate.
%? On this parabola a step multiplies the distance to 3 by $1 - 2\alpha$. Which `alpha_best` lands exactly on 3 in one step?
alpha_best = 0.5;
%! The distance is multiplied by 1 - 2*alpha. When is that 0?
check(abs(1 - 2*alpha_best) < 1e-9, "one step with alpha_best lands on 3")

%% A function with two valleys
%> Cost functions of neural networks are not parabolas. Take
%> $$g(x) = x^4 - 3x^2 + x, \quad g'(x) = 4x^3 - 6x + 1$$
%> It has two minima: a deep one near $x = -1.30$ and a shallow one near $x = 1.13$.
%> Where gradient descent ends depends on where it starts.
g = @(x) x.^4 - 3*x.^2 + x;
dg = @(x) 4*x.^3 - 6*x + 1;
x = 2;
for k = 1:200
  x = x - 0.01 * dg(x);
end
printf("from x = 2:  x = %.4f, g(x) = %.4f\n", x, g(x));
%> From 2 it settles in the shallow valley: a **local** minimum. The slope there is 0, so
%> gradient descent has no reason to leave.

%% The other valley
%? Start at `x = -2`, take 200 steps with `alpha = 0.01` on `g`, and put the result in `x_left`.
%@ expect: none
x = -2;
for k = 1:200
  x = x - 0.01 * dg(x);
end
x_left = x;
%! The same loop as above, from `x = -2`, with `dg`.
%! x = -2; for k = 1:200, x = x - 0.01*dg(x); end; x_left = x
check(abs(dg(x_left)) < 1e-6, "the slope at x_left is 0: a minimum")
check(x_left < 0, "x_left is in the left valley")
%> From $-2$ it reaches the deeper minimum, $g \approx -3.51$. Neural networks have many
%> such valleys; this is one reason their weights start small and random.

%% What you have seen
%> - Gradient descent repeats $x := x - \alpha f'(x)$.
%> - Too small an $\alpha$ is slow; too large makes it diverge.
%> - On a non-convex function the start decides which minimum you reach.
%> Next: the unit, the building block of a network.

"""#),
("03-threshold-logic-unit.nnl", #"""
%% The threshold logic unit
%@ title: The threshold logic unit
%@ order: 3
%@ needs: 02-gradient-descent
%> # One unit
%> The oldest artificial neuron, the **threshold logic unit**, does three things:
%> 1. multiplies each input $x_j$ by a weight $w_j$,
%> 2. adds them up with a bias $b$: $z = \sum_j w_j x_j + b = w^T x + b$,
%> 3. applies an activation: here a step, output 1 when $z > 0$ and 0 otherwise.
%>
%> With the inputs in a column `x` and the weights in a column `w`, the sum is `w' * x`.
x = [1; 0];
w = [0.5; 0.5];
b = -0.7;
z = w' * x + b
step = @(z) z > 0;
step(z)

%% All inputs at once
%> Put the four possible inputs of two binary inputs side by side, one **column per input**.
%> Then `w' * X` computes the sum for all four at once (1×2 times 2×4 is 1×4), and the
%> bias is added to each.
X = [0 0 1 1;
     0 1 0 1]
z = w' * X + b
step(z)
%> With $w = (0.5, 0.5)$ and $b = -0.7$ the unit fires only when both inputs are 1.
%> That is already AND. The weights are not unique: many choices give the same table.

%% Your AND
%? Choose your own weights `w_and` (2×1) and bias `b_and` so that `step(w_and' * X + b_and)` is `[0 0 0 1]` (AND).
%@ expect: none
w_and = [1; 1];
b_and = -1.5;
%! Both inputs together must push z above 0, one alone must not.
%! With weights of 1 each, the sum is 0, 1 or 2: a bias between -2 and -1 separates 2 from 1.
%! w_and = [1; 1]; b_and = -1.5
check(all(size(w_and) == [2, 1]), "w_and is a 2×1 column")
check(isequal(step(w_and' * X + b_and), [0 0 0 1]), "the unit computes AND: [0 0 0 1]")

%% OR
%> From here on we use $w = (1, 1)$ and $b = -1.5$ for AND, whatever you chose:
%> lessons continue from the hidden solution, so your choices never break a later step.
%? Now OR: choose `w_or` and `b_or` so that `step(w_or' * X + b_or)` is `[0 1 1 1]`.
%@ expect: none
w_or = [1; 1];
b_or = -0.5;
%! One input alone must now push z above 0.
%! w_or = [1; 1]; b_or = -0.5
check(all(size(w_or) == [2, 1]), "w_or is a 2×1 column")
check(isequal(step(w_or' * X + b_or), [0 1 1 1]), "the unit computes OR: [0 1 1 1]")

%% NOT AND
%? A negative weight says "this input argues against firing". Make `w_nand`, `b_nand` compute NAND: `[1 1 1 0]`.
%@ expect: none
w_nand = [-1; -1];
b_nand = 1.5;
%! NAND is AND with every output flipped: flip the signs of AND's weights and bias.
check(all(size(w_nand) == [2, 1]), "w_nand is a 2×1 column")
check(isequal(step(w_nand' * X + b_nand), [1 1 1 0]), "the unit computes NAND: [1 1 1 0]")

%% What one unit cannot do
%> A unit fires on one side of the line $w^T x + b = 0$. AND, OR and NAND each split the
%> four corners of the square with one straight line. **XOR** (`[0 1 1 0]`) cannot be
%> split that way: the two corners where it is 1 face each other across the square.
%> No choice of weights makes one unit compute XOR.
%>
%> Two layers can: XOR is "OR and NAND". In the next lesson we stack units into a network.

%% From the step to a smooth activation
%> Gradient descent needs slopes, and a step has slope 0 everywhere (and none at 0).
%> So networks use smooth activations such as the **sigmoid**,
%> $\sigma(z) = \frac{1}{1 + e^{-z}}$, which goes smoothly from 0 to 1:
sigmoid([-10 -1 0 1 10])
%? Compute `a_and`, the AND unit's output on all four inputs with the sigmoid instead of the step (use `w_and` and `b_and`).
a_and = sigmoid(w_and' * X + b_and);
%! The same sum as before, `w_and' * X + b_and`, through `sigmoid`.
check(all(size(a_and) == [1, 4]), "a_and is 1×4: one output per input column")
%> The outputs are no longer 0 or 1 but numbers in between, read as probabilities.

%% A steeper sigmoid
%> Larger weights make the sigmoid steeper: the same sums, made 10 times larger, land close
%> to 0 and 1.
%? Compute `a_steep`: the AND unit's output with its sum multiplied by 10 before the sigmoid.
a_steep = sigmoid(10 * (w_and' * X + b_and));
%! Multiply the whole sum `w_and' * X + b_and` by 10, then take `sigmoid` of it.
check(all(size(a_steep) == [1, 4]), "a_steep is 1×4: one output per input column")
check(all(abs(a_steep - [0 0 0 1]) < 0.01), "a_steep is within 0.01 of AND's [0 0 0 1]")
%> Almost a step again, yet with a slope everywhere: gradient descent can still tell which
%> way to move the weights.

"""#),
("04-units-to-a-network.nnl", #"""
%% From units to a network
%@ title: From units to a network
%@ order: 4
%@ needs: 03-threshold-logic-unit
%> # Stacking units
%> Put several units side by side, all reading the same inputs: that is a **layer**.
%> Each unit has its own weights; write them as the **rows** of one matrix. With
%> $n_x$ inputs and $n_h$ units, the layer's weights $W^{[1]}$ are $n_h × n_x$ and its
%> biases $b^{[1]}$ are $n_h × 1$. The superscript $[1]$ numbers the layer; in code we
%> write `W1`, `b1`, and `W2`, `b2` for the second layer.
%>
%> XOR needs two hidden units, OR and NAND, and an output unit that ANDs them:
X = [0 0 1 1;
     0 1 0 1];
step = @(z) z > 0;
W1 = [1 1; -1 -1];
b1 = [-0.5; 1.5];
W2 = [1 1];
b2 = -1.5;
%> Row 1 of `W1` is the OR unit, row 2 the NAND unit.

%% The hidden layer
%> The hidden layer computes all its units on all inputs in one product:
%> $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = g(Z^{[1]})$$
%> `W1` is 2×2 and `X` is 2×4, so `Z1` is 2×4: one row per unit, one column per input.
%> `b1` (2×1) is added to every column.
%? Compute `Z1` and then `A1 = step(Z1)`.
Z1 = W1*X + b1;
A1 = step(Z1);
%! Z1 = W1*X + b1
%! A1 = step(Z1)
%x Z1 = W1'*X + b1; A1 = step(Z1) → W1 should not be transposed
check(all(size(Z1) == [2, 4]), "Z1 is 2×4")
check(all(size(A1) == [2, 4]), "A1 is 2×4")

%% The output layer
%> The output unit reads the hidden layer's outputs as its inputs:
%> $$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$$
%? Compute `A2 = step(W2*A1 + b2)`, the network's output for the four inputs.
A2 = step(W2*A1 + b2);
%! W2 is 1×2 and A1 is 2×4: the product is 1×4.
check(isequal(A2, [0 1 1 0]), "the network computes XOR: [0 1 1 0]")
%> Two layers compute what one unit cannot.

%% Shapes, layer by layer
%> Shapes are the best check while writing network code. For a network with $n_x$ inputs,
%> $n_h$ hidden units, one output and $m$ examples (one per column of $X$):
%>
%> - `X` is $n_x × m$, `W1` is $n_h × n_x$, `b1` is $n_h × 1$
%> - `Z1` and `A1` are $n_h × m$
%> - `W2` is $1 × n_h$, `b2` is $1 × 1$
%> - `Z2` and `A2` are $1 × m$
%>
%> The course's network is 2-4-1: 2 inputs, 4 hidden units, 1 output. Its weights start
%> small and random (so the units differ from one another) and its biases at zero:
seed(2);
W1 = randn(4, 2) * 0.01;
b1 = zeros(4, 1);
W2 = randn(1, 4) * 0.01;
b2 = 0;
size(W1)
%> `seed(2)` makes these the same numbers as the notebook's `np.random.seed(2)`.

%% A network of your own
%? Create the parameters of a 5-3-1 network (5 inputs, 3 hidden units, 1 output), all zeros: `V1`, `c1`, `V2`, `c2`.
V1 = zeros(3, 5);
c1 = zeros(3, 1);
V2 = zeros(1, 3);
c2 = 0;
%! The weights of a layer are (units in this layer) × (inputs to this layer).
%! V1 = zeros(3, 5); c1 = zeros(3, 1); V2 = zeros(1, 3); c2 = 0
check(all(size(V1) == [3, 5]), "V1 is 3×5")
check(all(size(c1) == [3, 1]), "c1 is 3×1")
check(all(size(V2) == [1, 3]), "V2 is 1×3")
check(numel(c2) == 1, "c2 is one number")

%% Forward through the 2-4-1 network
%> Now the course's network on three random examples, with the activations the
%> course uses: $\tanh$ in the hidden layer and the sigmoid at the output.
%> $$A^{[1]} = \tanh(W^{[1]} X + b^{[1]}), \quad A^{[2]} = \sigma(W^{[2]} A^{[1]} + b^{[2]})$$
seed(1);
X3 = randn(2, 3);
%> The biases start at zero in the course; here they are not, so that each term shows:
b1 = [0.1; -0.2; 0.3; -0.4];
b2 = 0.05;
%? Compute `H = tanh(W1*X3 + b1)` and then `out = sigmoid(W2*H + b2)`.
H = tanh(W1*X3 + b1);
out = sigmoid(W2*H + b2);
%! `H = tanh(W1*X3 + b1)` is 4×3.
%! `out = sigmoid(W2*H + b2)` is 1×3.
%x H = tanh(W1*X3) + b1; out = sigmoid(W2*H + b2) → b1 belongs inside tanh
check(all(size(H) == [4, 3]), "H is 4×3")
check(all(size(out) == [1, 3]), "out is 1×3")
%> With tiny weights every output is close to 0.5: the untrained network has no opinion.
%> Gradient descent will change that. First, the activations and their slopes.

"""#),
("05-activation-functions.nnl", #"""
%% Activation functions
%@ title: Activation functions and their derivatives
%@ order: 5
%@ needs: 04-units-to-a-network
%> # Four activations
%> Gradient descent needs the slope of everything between the weights and the cost,
%> so each activation comes with its derivative. We meet four:
%> - sigmoid $\sigma(z) = \frac{1}{1 + e^{-z}}$, for an output read as a probability
%> - $\tanh(z)$, like the sigmoid but from $-1$ to $1$, centred on 0
%> - ReLU $\max(0, z)$
%> - leaky ReLU $\max(0.01 z, z)$
%>
%> nnl has them all as builtins (`sigmoid tanh relu leaky_relu`) with their derivatives
%> (`sigmoid_grad tanh_grad relu_grad leaky_relu_grad`). You will write each one yourself
%> and check it against the builtin and against a numeric slope.
z = linspace(-4, 4, 9)

%% The sigmoid
%? Compute the sigmoid of every element of `z` yourself (with `exp`) into `s`.
s = 1 ./ (1 + exp(-z));
%! Element-wise: `./` divides each element.
%! s = 1 ./ (1 + exp(-z))
check(allclose(s, sigmoid(z)), "s agrees with the builtin sigmoid")

%% Its derivative
%> The sigmoid's derivative has a neat form in terms of the sigmoid itself:
%> $$\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$$
%? Compute the derivative at every `z` into `ds`, using `s`.
ds = s .* (1 - s);
%! Element by element: `.*`, not `*`.
check(allclose(ds, sigmoid_grad(z)), "ds agrees with sigmoid_grad")
%> Its largest value is 0.25 at $z = 0$; far from 0 it is almost 0. A unit whose $z$ is
%> large learns slowly: its slope "vanishes".

%% Checking a derivative numerically
%> How do we know a derivative is right? Compare it with the slope measured on the
%> function itself, the **centred difference**:
%> $$f'(z) \approx \frac{f(z + h) - f(z - h)}{2h}$$
%> Its error shrinks like $h^2$; with $h = 10^{-5}$ it agrees to about 10 digits.
h = 1e-5;
num_ds = (sigmoid(z + h) - sigmoid(z - h)) / (2*h);
printf("largest difference: %.2e\n", max(abs(num_ds - ds)));

%% tanh
%> $\tanh$ is the hidden layer's activation in the course: zero-centred outputs make the next
%> layer learn faster. Its derivative is $1 - \tanh^2(z)$.
%? Compute the derivative of tanh at every `z` into `dt`.
dt = 1 - tanh(z).^2;
%! `.^2` squares each element.
%! dt = 1 - tanh(z).^2
check(allclose(dt, tanh_grad(z)), "dt agrees with tanh_grad")

%% tanh, numerically
%? Check `dt` numerically: put the centred difference of `tanh` at `z` (with `h`) in `num_dt`.
num_dt = (tanh(z + h) - tanh(z - h)) / (2*h);
%! The same formula as for the sigmoid, with tanh.
check(max(abs(num_dt - dt)) < 1e-8, "the numeric slope agrees with dt")

%% ReLU
%> ReLU passes positive values and zeroes negative ones. `max(0, z)` takes the larger
%> of 0 and each element. Its slope is 1 for $z > 0$ and 0 for $z < 0$; at exactly 0 it
%> has none, and by convention `relu_grad(0)` is 0.
%? Compute ReLU of `z` with `max` into `r`.
r = max(0, z);
%! max(0, z) compares 0 with every element.
check(isequal(r, relu(z)), "r agrees with relu")

%% ReLU's slope
%? Put ReLU's derivative at every `z` into `dr`: 1 where `z > 0`, else 0.
dr = z > 0;
%! A comparison gives 1 where it holds and 0 elsewhere.
check(isequal(dr, relu_grad(z)), "dr agrees with relu_grad")

%% Leaky ReLU
%> Leaky ReLU keeps a small slope, 0.01, for negative $z$, so a unit never stops learning.
%? Compute leaky ReLU of `z` into `lr`.
lr = max(0.01*z, z);
%! The larger of 0.01*z and z.
check(allclose(lr, leaky_relu(z)), "lr agrees with leaky_relu")

%% Leaky ReLU, numerically
%> The centred difference fails exactly at the kink $z = 0$ (it gives the average of the
%> two slopes), so check away from it:
zk = [-3 -0.5 0.5 3];
%? Put the centred difference of `leaky_relu` at `zk` into `num_dlr`.
num_dlr = (leaky_relu(zk + h) - leaky_relu(zk - h)) / (2*h);
%! (leaky_relu(zk + h) - leaky_relu(zk - h)) / (2*h)
check(max(abs(num_dlr - leaky_relu_grad(zk))) < 1e-8, "the numeric slope agrees with leaky_relu_grad")
%> Numeric checks are slow (two function evaluations per number) but hard to fool:
%> in lesson 8 the same idea checks the whole backward pass.

%% All four side by side
%> The four activations on one plot: sigmoid squashes to $(0, 1)$, tanh to $(-1, 1)$,
%> ReLU cuts off below 0, leaky ReLU lets a little through.
z = linspace(-4, 4, 161);
plot(z, [sigmoid(z); tanh(z); relu(z); leaky_relu(z)], legend="sigmoid, tanh, ReLU, leaky ReLU", title="Activation functions", xlabel="z")
%> And their derivatives, which backward propagation multiplies by:
plot(z, [sigmoid_grad(z); tanh_grad(z); relu_grad(z); leaky_relu_grad(z)], legend="sigmoid', tanh', ReLU', leaky ReLU'", title="Their slopes", xlabel="z")

"""#),
("06-cost.nnl", #"""
%% The cost
%@ title: The cost: cross-entropy
%@ order: 6
%@ needs: 05-activation-functions
%> # How wrong is the network?
%> The output $\hat{y} = a^{[2]}$ is read as the probability that the label $y$ is 1.
%> For one example the **loss** is the cross-entropy:
%> $$L(\hat{y}, y) = -\left(y \log \hat{y} + (1 - y) \log(1 - \hat{y})\right)$$
%> When $y = 1$ only $-\log \hat{y}$ remains: 0 for a confident right answer, large for a
%> confident wrong one. When $y = 0$ it is $-\log(1 - \hat{y})$.
L = @(yhat, y) -(y .* log(yhat) + (1 - y) .* log(1 - yhat));
L(0.9, 1)
L(0.1, 1)
L(0.5, 1)

%% The loss of every example
%> Four examples, labels in a row `Y`, predictions in a row `A2`:
Y = [1 0 1 0];
A2 = [0.8 0.3 0.6 0.1];
m = columns(Y);
%? Compute the loss of each example (a 1×4 row) into `losses`, element by element (without the `L` above).
losses = -(Y .* log(A2) + (1 - Y) .* log(1 - A2));
%! y log(ŷ) + (1 - y) log(1 - ŷ), with `.*` between rows, and a minus in front.
%! losses = -(Y .* log(A2) + (1 - Y) .* log(1 - A2))
check(all(size(losses) == [1, 4]), "losses is 1×4: one loss per example")

%% The cost
%> The **cost** is the average loss over the $m$ examples:
%> $$J = \frac{1}{m} \sum_{i=1}^{m} L(\hat{y}^{(i)}, y^{(i)})$$
%> $(i)$ in a superscript numbers the example: $x^{(i)}$ is column `i` of `X`.
%? Compute the cost `J` from `Y` and `A2` in one line: `-1/m * sum(...)`.
J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
%! `sum(...)` adds the row; multiply by `-1/m`.
%! J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2))
check(numel(J) == 1, "J is one number")

%% Why 1/m
printf("J = %.6f\n", J);
%> Without $\frac{1}{m}$ the cost would grow with the number of examples, and so would its
%> gradient: a learning rate that works for 400 examples would diverge on 4000.
%> The average does not care how many examples there are. Try it: the same four
%> examples twice over are eight examples with the same average.
Y8 = [Y Y];
A8 = [A2 A2];
%? Compute the cost `J8` of the eight examples (`Y8`, `A8`). Careful: m is now 8.
J8 = -1/8 * sum(Y8 .* log(A8) + (1 - Y8) .* log(1 - A8));
%! The number of examples is columns(Y8), not m.
%! J8 = -1/columns(Y8) * sum(Y8 .* log(A8) + (1 - Y8) .* log(1 - A8))
%x J8 = -1/4 * sum(Y8 .* log(A8) + (1 - Y8) .* log(1 - A8)) → twice the expected value
check(abs(J8 - J) < 1e-12, "J8 equals J: the average does not depend on m")
%> If you had divided by 4, nnl would have said yours is twice the expected value: off by a
%> factor of 2.

%% A network that knows nothing
%> An untrained network with tiny weights outputs about 0.5 for every example.
%> Whatever the labels, every loss is then $-\log 0.5 = \log 2$.
Yr = [1 1 0 1 0 0 1 0];
%? Compute the cost `J_half` of predicting 0.5 for all eight labels in `Yr`.
J_half = -1/8 * sum(Yr .* log(0.5*ones(1, 8)) + (1 - Yr) .* log(1 - 0.5*ones(1, 8)));
%! Predictions of 0.5: `A = 0.5*ones(1, 8)`, then the cost formula.
check(abs(J_half - log(2)) < 1e-12, "J_half is log(2)")
%> Remember $\log 2 = 0.693147$: the homework's cost starts at 0.693048, just under $\log 2$.
%> Gradient descent then drives it down. Next: computing $\hat{y}$ for the real data.

"""#),
("07-forward-propagation.nnl", #"""
%% Forward propagation
%@ title: Forward propagation
%@ order: 7
%@ needs: 06-cost
%> # The flower data set
%> The course's data set: 400 points in the plane, `X` is 2×400 (one example per column),
%> each labelled red (0) or blue (1) in `Y` (1×400), arranged like the petals of a flower.
%> No straight line separates the colours, so one unit will not do: we use the 2-4-1
%> network of lesson 4.
[X, Y] = planar_dataset();
m = columns(X)
size(X)
seed(2);
W1 = randn(4, 2) * 0.01;
b1 = zeros(4, 1);
W2 = randn(1, 4) * 0.01;
b2 = 0;
%> The course starts with the biases at zero. So that you see what `b1` and `b2` do (and so
%> that a forgotten `+ b1` shows), this lesson uses biases that are not zero, until the cost at the end:
b1 = [0.1; -0.2; 0.3; -0.4]
b2 = 0.05

%% One example
%> Forward propagation for one example $x^{(i)}$, the column `X(:, i)`:
%> $$z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \quad a^{[1](i)} = \tanh(z^{[1](i)})$$
%> $$z^{[2](i)} = W^{[2]} a^{[1](i)} + b^{[2]}, \quad \hat{y}^{(i)} = a^{[2](i)} = \sigma(z^{[2](i)})$$
x = X(:, 1)
%? For this first example `x`, compute the hidden layer: `z1` and `a1` (both 4×1).
z1 = W1*x + b1;
a1 = tanh(z1);
%! z1 = W1*x + b1
%! a1 = tanh(z1)
check(all(size(z1) == [4, 1]), "z1 is 4×1")
check(all(size(a1) == [4, 1]), "a1 is 4×1")

%% The output for one example
%? Now the output layer for the same example: `z2` and `a2` (both 1×1).
z2 = W2*a1 + b2;
a2 = sigmoid(z2);
%! W2 is 1×4 and a1 is 4×1.
%! z2 = W2*a1 + b2; a2 = sigmoid(z2)
check(numel(a2) == 1, "a2 is one number")
%> $\hat{y}^{(1)}$ is very close to 0.5: the weights are tiny, so $z$ is tiny too.

%% Every example, with a loop
%> Repeat that for $i = 1, …, m$ and keep each output in a row `A2_loop` (1×m).
%> `zeros(1, m)` makes room for it first; `A2_loop(i) = ...` fills element i.
%> A loop may span several lines (nnl waits for `end`) or one line:
%> `for i = 1:m, ...; end`.
%? Fill `A2_loop` with the output of every example, using a `for` loop over `i = 1:m`.
%@ expect: A2_loop
A2_loop = zeros(1, m);
for i = 1:m
  xi = X(:, i);
  A2_loop(i) = sigmoid(W2*tanh(W1*xi + b1) + b2);
end
%! Start with `A2_loop = zeros(1, m);` then, inside the loop, use `X(:, i)` as `x`.
%! A2_loop = zeros(1, m); for i = 1:m, A2_loop(i) = sigmoid(W2*tanh(W1*X(:, i) + b1) + b2); end
check(all(size(A2_loop) == [1, 400]), "A2_loop is 1×400")

%% Vectorised: the hidden layer
%> Putting the examples side by side does all of them in one matrix product, and much faster:
%> $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]})$$
%> `W1` (4×2) times `X` (2×400) is 4×400; `b1` is added to every column.
%? Compute `Z1` and `A1` for all examples at once.
Z1 = W1*X + b1;
A1 = tanh(Z1);
%! b1 is 4×1: it is added to every column.
%! Z1 = W1*X + b1; A1 = tanh(Z1)
%x Z1 = W1*X; A1 = tanh(Z1) → `+ b1` is missing
%x Z1 = W1*X + b1; A1 = tanh(W1*X) + b1 → b1 belongs inside tanh
check(all(size(Z1) == [4, 400]), "Z1 is 4×400")
check(all(size(A1) == [4, 400]), "A1 is 4×400")

%% Vectorised: the output layer
%> $$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]})$$
%? Compute `Z2` and `A2` for all examples (both 1×400).
Z2 = W2*A1 + b2;
A2 = sigmoid(Z2);
%! Z2 = W2*A1 + b2; A2 = sigmoid(Z2)
%x Z2 = W2*Z1 + b2; A2 = sigmoid(Z2) → with A1 in place of Z1 your answer is right
check(all(size(A2) == [1, 400]), "A2 is 1×400")

%% They agree
%> The loop and the vectorised code compute the same thing, up to rounding:
printf("largest difference between A2 and A2_loop: %.2e\n", max(abs(A2 - A2_loop)));
%> The vectorised form is what we use from now on: it is shorter, and one matrix product
%> is much faster than 400 small ones.
%>
%> Back to the course's network, whose biases start at zero:
b1 = zeros(4, 1);
b2 = 0;
A2 = sigmoid(W2*tanh(W1*X + b1) + b2);
%? Compute the cost `J` of these predictions (lesson 6).
J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
%! J = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2))
%x J = -1/(2*m) * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2)) → half of the expected value
%x J = 1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2)) → the negative of the expected value
check(numel(J) == 1, "J is one number")

%% The cost at the start
printf("J = %f\n", J);
%> 0.693048, as the course notebook prints before training: just under $\log 2$, because
%> every prediction is about 0.5. Next lesson: the gradients that will lower it.

"""#),
("08-backward-propagation.nnl", #"""
%% Backward propagation
%@ title: Backward propagation
%@ order: 8
%@ needs: 07-forward-propagation
%> # Which way is downhill?
%> Gradient descent needs the slope of the cost $J$ with respect to every parameter:
%> $dW^{[1]} = \frac{\partial J}{\partial W^{[1]}}$, and likewise $db^{[1]}, dW^{[2]}, db^{[2]}$.
%> Backward propagation computes them with the chain rule, from the output back to the input.
%> We start where lesson 7 ended: the flower data, the initial weights, the forward pass.
[X, Y] = planar_dataset();
m = columns(X);
seed(2);
W1 = randn(4, 2) * 0.01;
b1 = zeros(4, 1);
W2 = randn(1, 4) * 0.01;
b2 = 0;
Z1 = W1*X + b1;
A1 = tanh(Z1);
A2 = sigmoid(W2*A1 + b2);

%% One example: the output layer
%> For one example, the sigmoid and the cross-entropy together have a very simple slope:
%> $$dz^{[2]} = a^{[2]} - y$$
%> and since $z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}$:
%> $$dW^{[2]} = dz^{[2]} a^{[1]T}, \quad db^{[2]} = dz^{[2]}$$
%> We take the last example, a flower of colour 1 (`y = 1`, so a forgotten `- y` shows):
x = X(:, end);
y = Y(end);
a1 = tanh(W1*x + b1);
a2 = sigmoid(W2*a1 + b2);
%? For this example compute `dz2` and `dW2_one` (1×4, the shape of W2).
dz2 = a2 - y;
dW2_one = dz2 * a1';
%! dz2 = a2 - y
%! `a1` is 4×1, so `a1'` is 1×4: `dW2_one = dz2 * a1'`.
check(all(size(dW2_one) == [1, 4]), "dW2_one has the shape of W2: 1×4")

%% One example: the hidden layer
%> The error flows back through $W^{[2]}$ and through tanh, whose slope is $1 - a^2$:
%> $$dz^{[1]} = W^{[2]T} dz^{[2]} \odot (1 - a^{[1]2}), \quad dW^{[1]} = dz^{[1]} x^T, \quad db^{[1]} = dz^{[1]}$$
%> ($\odot$ is the element-wise product, `.*`.)
%? Compute `dz1` (4×1) and `dW1_one` (4×2, the shape of W1) for the same example.
dz1 = W2' * dz2 .* (1 - a1.^2);
dW1_one = dz1 * x';
%! W2' is 4×1; the tanh slope is 1 - a1.^2, multiplied element by element.
%! dz1 = W2' * dz2 .* (1 - a1.^2); dW1_one = dz1 * x'
check(all(size(dz1) == [4, 1]), "dz1 is 4×1")
check(all(size(dW1_one) == [4, 2]), "dW1_one has the shape of W1: 4×2")

%% Every example, with a loop
%> The cost is the average of the losses, so its gradient is the average of the
%> per-example gradients. A loop adds them up and divides by $m$ at the end:
dW1_loop = zeros(4, 2); db1_loop = zeros(4, 1); dW2_loop = zeros(1, 4); db2_loop = 0;
for i = 1:m
  x = X(:, i);
  a1 = tanh(W1*x + b1);
  dz2 = sigmoid(W2*a1 + b2) - Y(i);
  dz1 = W2' * dz2 .* (1 - a1.^2);
  dW2_loop = dW2_loop + dz2 * a1';
  db2_loop = db2_loop + dz2;
  dW1_loop = dW1_loop + dz1 * x';
  db1_loop = db1_loop + dz1;
end
dW1_loop = dW1_loop / m; db1_loop = db1_loop / m; dW2_loop = dW2_loop / m; db2_loop = db2_loop / m;
dW2_loop

%% Vectorised: the output layer
%> With all examples as columns, the sums over examples become matrix products:
%> $$dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \quad db^{[2]} = \frac{1}{m} \sum_i dZ^{[2](i)}$$
%> `sum(dZ2, 2)` adds along each row (numpy: `np.sum(dZ2, axis=1, keepdims=True)`).
%? Compute `dZ2`, `dW2` and `db2`.
dZ2 = A2 - Y;
dW2 = 1/m * dZ2 * A1';
db2 = 1/m * sum(dZ2, 2);
%! dZ2 (1×400) times A1' (400×4) is 1×4: the product sums over the examples.
%! Do not forget the 1/m, for dW2 and db2.
%! dZ2 = A2 - Y; dW2 = 1/m * dZ2 * A1'; db2 = 1/m * sum(dZ2, 2)
check(all(size(dW2) == [1, 4]), "dW2 is 1×4")
check(numel(db2) == 1, "db2 is one number")

%% Vectorised: the hidden layer
%> $$dZ^{[1]} = W^{[2]T} dZ^{[2]} \odot (1 - A^{[1]2}), \quad dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \quad db^{[1]} = \frac{1}{m} \sum_i dZ^{[1](i)}$$
%? Compute `dZ1`, `dW1` and `db1`.
dZ1 = W2' * dZ2 .* (1 - A1.^2);
dW1 = 1/m * dZ1 * X';
db1 = 1/m * sum(dZ1, 2);
%! dZ1 is 4×400, like A1.
%! dZ1 = W2' * dZ2 .* (1 - A1.^2); dW1 = 1/m * dZ1 * X'; db1 = 1/m * sum(dZ1, 2)
%x dZ1 = W2' * dZ2 .* (1 - Z1.^2); dW1 = 1/m * dZ1 * X'; db1 = 1/m * sum(dZ1, 2) → with A1 in place of Z1 your answer is right
%x dZ1 = W2' * dZ2 .* (1 - A1.^2); dW1 = 1/m * dZ1 * X'; db1 = 1/m * np.sum(dZ1, axis=1) → keepdims=True
%x dZ1 = W2' * dZ2 .* (1 - A1.^2); dW1 = dZ1 * X'; db1 = 1/m * sum(dZ1, 2) → m times the expected value
check(all(size(dW1) == [4, 2]), "dW1 is 4×2")
check(all(size(db1) == [4, 1]), "db1 is 4×1")

%% Loop and vectorised agree
printf("dW1: %.1e  db1: %.1e  dW2: %.1e  db2: %.1e\n", max(max(abs(dW1 - dW1_loop))), ...
       max(abs(db1 - db1_loop)), max(abs(dW2 - dW2_loop)), abs(db2 - db2_loop));
%> Differences of $10^{-16}$ or less: only rounding (a double keeps about 16 significant digits).

%% A numeric gradient check
%> Are the formulas right? Lesson 5's centred difference works for any parameter: nudge one
%> weight by $±h$, recompute the cost, and divide. `cost_of` computes $J$ for given parameters:
function J = cost_of(W1, b1, W2, b2, X, Y)
  A2 = sigmoid(W2 * tanh(W1*X + b1) + b2);
  J = -1/columns(X) * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
end
h = 1e-5;
num_dW1 = zeros(4, 2);
for k = 1:numel(W1)
  Wp = W1; Wp(k) = Wp(k) + h;
  Wm = W1; Wm(k) = Wm(k) - h;
  num_dW1(k) = (cost_of(Wp, b1, W2, b2, X, Y) - cost_of(Wm, b1, W2, b2, X, Y)) / (2*h);
end
printf("relative difference for dW1: %.2e\n", norm(dW1 - num_dW1) / norm(dW1 + num_dW1));
%> A relative difference around $10^{-7}$ or smaller means the gradient is right; a wrong
%> formula gives something near 1.

%% Your gradient check
%? In the same way, compute `num_dW2` (1×4), the numeric gradient of the cost with respect to `W2`.
%@ expect: num_dW2
num_dW2 = zeros(1, 4);
for k = 1:numel(W2)
  Wp = W2; Wp(k) = Wp(k) + h;
  Wm = W2; Wm(k) = Wm(k) - h;
  num_dW2(k) = (cost_of(W1, b1, Wp, b2, X, Y) - cost_of(W1, b1, Wm, b2, X, Y)) / (2*h);
end
%! The loop above, nudging W2 instead of W1 (and passing the nudged copy in W2's place).
%! num_dW2 = zeros(1, 4);
%! for k = 1:numel(W2)
%!   Wp = W2; Wp(k) = Wp(k) + h;
%!   Wm = W2; Wm(k) = Wm(k) - h;
%!   num_dW2(k) = (cost_of(W1, b1, Wp, b2, X, Y) - cost_of(W1, b1, Wm, b2, X, Y)) / (2*h);
%! end
check(all(size(num_dW2) == [1, 4]), "num_dW2 is 1×4")
check(norm(dW2 - num_dW2) / norm(dW2 + num_dW2) < 1e-6, "num_dW2 agrees with dW2")

%% The biases too
num_db1 = zeros(4, 1);
for k = 1:4
  bp = b1; bp(k) = bp(k) + h;
  bm = b1; bm(k) = bm(k) - h;
  num_db1(k) = (cost_of(W1, bp, W2, b2, X, Y) - cost_of(W1, bm, W2, b2, X, Y)) / (2*h);
end
num_db2 = (cost_of(W1, b1, W2, b2 + h, X, Y) - cost_of(W1, b1, W2, b2 - h, X, Y)) / (2*h);
printf("relative differences: dW2 %.1e, db1 %.1e, db2 %.1e\n", norm(dW2 - num_dW2) / norm(dW2 + num_dW2), ...
       norm(db1 - num_db1) / norm(db1 + num_db1), abs(db2 - num_db2) / abs(db2 + num_db2));
%> All four gradients check out. `db1`'s check is the loosest, and for a good reason: its
%> elements are tiny (about $10^{-7}$), so the two costs differ only in their last few digits
%> and rounding shows. Still, $10^{-5}$ is far from the ~1 a wrong formula gives.
%>
%> One step of gradient descent is now
%> `W1 = W1 - alpha * dW1` and the same for `b1`, `W2`, `b2`. The homework puts it in a loop.

"""#),
("09-homework.nnl", #"""
%% The homework: a network that classifies the flower
%@ title: The homework: planar data classification
%@ order: 9
%@ needs: 08-backward-propagation
%> # The graded assignment
%> This lesson is the homework itself: the eight functions of `planar_classifier.nnl`, the
%> file your teacher grades. You write them one at a time; each is checked by calling it,
%> as the autograder will. At the end `:save planar_classifier.nnl` writes your functions
%> into that file, ready to submit.
%>
%> The parameters travel together in a struct `p` (`p.W1`, `p.b1`, `p.W2`, `p.b2`), the forward
%> pass's values in a struct `cache`, the gradients in a struct `grads`. A struct field is
%> assigned like a variable: `p.W1 = randn(4, 2) * 0.01;`.
%>
%> A function can be typed on one line, `function y = f(x), y = 2*x; end`, or over several
%> (nnl waits for its `end`). The data, and the autograder's own test inputs:
[X, Y] = planar_dataset();
seed(1);
Xt = randn(2, 3);
Yt = randn(1, 3) > 0;
pt.W1 = randn(4, 2); pt.b1 = randn(4, 1); pt.W2 = randn(1, 4); pt.b2 = randn(1, 1);
pt

%% layer_sizes
%> The network is 2-4-1: $n_x$ inputs (the rows of `X`), $n_h = 4$ hidden units, $n_y$
%> outputs (the rows of `Y`).
%? Write `[n_x, n_h, n_y] = layer_sizes(X, Y)`.
%@ try: [n_x, n_h, n_y] = layer_sizes(ones(5, 3), ones(2, 3))
function [n_x, n_h, n_y] = layer_sizes(X, Y)
  n_x = size(X, 1);
  n_h = 4;
  n_y = size(Y, 1);
end
%! size(X, 1) is the number of rows of X.
%! function [n_x, n_h, n_y] = layer_sizes(X, Y)
%!   n_x = size(X, 1);
%!   n_h = 4;
%!   n_y = size(Y, 1);
%! end
check(exist("layer_sizes") == 2, "layer_sizes is defined")

%% initialize_parameters
%> Small random weights break the symmetry between hidden units; the biases start at zero.
%> The course draws them right after `seed(2)`: first $W^{[1]}$, then $W^{[2]}$.
%? Write `p = initialize_parameters(n_x, n_h, n_y)`: `seed(2)`, then `p.W1 = randn(n_h, n_x) * 0.01`, `p.b1` zeros (n_h×1), `p.W2 = randn(n_y, n_h) * 0.01`, `p.b2` zeros (n_y×1).
%@ try: p = initialize_parameters(2, 4, 1)
function p = initialize_parameters(n_x, n_h, n_y)
  seed(2);
  p.W1 = randn(n_h, n_x) * 0.01;
  p.b1 = zeros(n_h, 1);
  p.W2 = randn(n_y, n_h) * 0.01;
  p.b2 = zeros(n_y, 1);
end
%! `seed(2)` first, inside the function, so the numbers are the course's.
%! function p = initialize_parameters(n_x, n_h, n_y)
%!   seed(2);
%!   p.W1 = randn(n_h, n_x) * 0.01;
%!   p.b1 = zeros(n_h, 1);
%!   p.W2 = randn(n_y, n_h) * 0.01;
%!   p.b2 = zeros(n_y, 1);
%! end
check(exist("initialize_parameters") == 2, "initialize_parameters is defined")

%% forward_propagation
%> Lesson 7, vectorised, with the parameters from `p`:
%> $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]})$$
%> Keep all four in `cache` (`cache.Z1`, `cache.A1`, `cache.Z2`, `cache.A2`): backward
%> propagation needs them.
%? Write `[A2, cache] = forward_propagation(X, p)`.
%@ try: [A2, cache] = forward_propagation(Xt, pt)
function [A2, cache] = forward_propagation(X, p)
  Z1 = p.W1 * X + p.b1;
  A1 = tanh(Z1);
  Z2 = p.W2 * A1 + p.b2;
  A2 = sigmoid(Z2);
  cache.Z1 = Z1; cache.A1 = A1; cache.Z2 = Z2; cache.A2 = A2;
end
%! In the function: `Z1 = p.W1 * X + p.b1; A1 = tanh(Z1);` then the same for layer 2, with `sigmoid`.
%! function [A2, cache] = forward_propagation(X, p)
%!   Z1 = p.W1 * X + p.b1;
%!   A1 = tanh(Z1);
%!   Z2 = p.W2 * A1 + p.b2;
%!   A2 = sigmoid(Z2);
%!   cache.Z1 = Z1; cache.A1 = A1; cache.Z2 = Z2; cache.A2 = A2;
%! end
check(exist("forward_propagation") == 2, "forward_propagation is defined")

%% compute_cost
%> Lesson 6's cross-entropy:
%> $$J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log(1 - a^{[2](i)}) \right)$$
%? Write `cost = compute_cost(A2, Y)`, with m the number of columns of Y.
%@ try: J = compute_cost([0.5 0.25 0.9], [1 0 1])
function cost = compute_cost(A2, Y)
  m = size(Y, 2);
  cost = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
end
%! Element-wise products: `Y .* log(A2) + (1 - Y) .* log(1 - A2)`, summed, times `-1/m`.
%! function cost = compute_cost(A2, Y)
%!   m = size(Y, 2);
%!   cost = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));
%! end
check(exist("compute_cost") == 2, "compute_cost is defined")

%% backward_propagation
%> Lesson 8's gradients, with $W^{[2]}$ from `p` and $A^{[1]}, A^{[2]}$ from `cache`:
%> $$dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \quad db^{[2]} = \frac{1}{m} \sum_i dZ^{[2](i)}$$
%> $$dZ^{[1]} = W^{[2]T} dZ^{[2]} \odot (1 - A^{[1]2}), \quad dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \quad db^{[1]} = \frac{1}{m} \sum_i dZ^{[1](i)}$$
%> It is checked with a cache made here, so it does not depend on your `forward_propagation`:
ct.Z1 = pt.W1*Xt + pt.b1; ct.A1 = tanh(ct.Z1); ct.Z2 = pt.W2*ct.A1 + pt.b2; ct.A2 = sigmoid(ct.Z2);
%? Write `grads = backward_propagation(p, cache, X, Y)`, with `grads.dW1`, `grads.db1`, `grads.dW2`, `grads.db2`.
%@ try: grads = backward_propagation(pt, ct, Xt, Yt)
function grads = backward_propagation(p, cache, X, Y)
  m = size(X, 2);
  dZ2 = cache.A2 - Y;
  grads.dW2 = 1/m * dZ2 * cache.A1';
  grads.db2 = 1/m * sum(dZ2, 2);
  dZ1 = p.W2' * dZ2 .* (1 - cache.A1.^2);
  grads.dW1 = 1/m * dZ1 * X';
  grads.db1 = 1/m * sum(dZ1, 2);
end
%! In the function: `m = size(X, 2); dZ2 = cache.A2 - Y;` then `grads.dW2`, `grads.db2`, `dZ1`, `grads.dW1` and `grads.db1` as in lesson 8.
%! The tanh slope is `1 - cache.A1.^2`, multiplied element by element: `dZ1 = p.W2' * dZ2 .* (1 - cache.A1.^2)`.
%! function grads = backward_propagation(p, cache, X, Y)
%!   m = size(X, 2);
%!   dZ2 = cache.A2 - Y;
%!   grads.dW2 = 1/m * dZ2 * cache.A1';
%!   grads.db2 = 1/m * sum(dZ2, 2);
%!   dZ1 = p.W2' * dZ2 .* (1 - cache.A1.^2);
%!   grads.dW1 = 1/m * dZ1 * X';
%!   grads.db1 = 1/m * sum(dZ1, 2);
%! end
check(exist("backward_propagation") == 2, "backward_propagation is defined")

%% update_parameters
%> One step of gradient descent for all four parameters: $W^{[1]} := W^{[1]} - \alpha\, dW^{[1]}$,
%> and the same for $b^{[1]}, W^{[2]}, b^{[2]}$.
gt = backward_propagation(pt, ct, Xt, Yt);
%? Write `p = update_parameters(p, grads, learning_rate)`.
%@ try: p1 = update_parameters(pt, gt, 1.2)
function p = update_parameters(p, grads, learning_rate)
  p.W1 = p.W1 - learning_rate * grads.dW1;
  p.b1 = p.b1 - learning_rate * grads.db1;
  p.W2 = p.W2 - learning_rate * grads.dW2;
  p.b2 = p.b2 - learning_rate * grads.db2;
end
%! `p.W1 = p.W1 - learning_rate * grads.dW1;` and the same for `b1`, `W2` and `b2`.
%! function p = update_parameters(p, grads, learning_rate)
%!   p.W1 = p.W1 - learning_rate * grads.dW1;
%!   p.b1 = p.b1 - learning_rate * grads.db1;
%!   p.W2 = p.W2 - learning_rate * grads.dW2;
%!   p.b2 = p.b2 - learning_rate * grads.db2;
%! end
check(exist("update_parameters") == 2, "update_parameters is defined")

%% predict
%> The network says blue (1) where $\hat{y} = a^{[2]} > 0.5$, red (0) elsewhere.
%? Write `predictions = predict(p, X)`: 1 where the output of `forward_propagation` is above 0.5.
%@ try: predictions = predict(pt, Xt)
function predictions = predict(p, X)
  A2 = forward_propagation(X, p);
  predictions = A2 > 0.5;
end
%! `forward_propagation(X, p)` gives `A2` as its first result: compare it with 0.5.
%! function predictions = predict(p, X)
%!   A2 = forward_propagation(X, p);
%!   predictions = A2 > 0.5;
%! end
check(exist("predict") == 2, "predict is defined")

%% nn_model
%> The whole training: sizes, parameters, then `num_iterations` steps of forward pass,
%> backward pass and update with learning rate 1.2. Keep the cost every 100 iterations in
%> `costs` (from iteration 0: `costs(i/100 + 1)`), and when `print_cost` is true print it
%> every 1000 iterations, as the course does: `printf("Cost after iteration %i: %f\n", i, cost)`.
%? Write `[p, costs] = nn_model(X, Y, n_h, num_iterations, print_cost)` for `i = 0:num_iterations-1`.
%@ try: [p_short, costs_short] = nn_model(X, Y, 4, 300, false)
function [p, costs] = nn_model(X, Y, n_h, num_iterations, print_cost)
  [n_x, ~, n_y] = layer_sizes(X, Y);
  p = initialize_parameters(n_x, n_h, n_y);
  costs = zeros(1, ceil(num_iterations / 100));
  for i = 0:num_iterations-1
    [A2, cache] = forward_propagation(X, p);
    cost = compute_cost(A2, Y);
    p = update_parameters(p, backward_propagation(p, cache, X, Y), 1.2);
    if mod(i, 100) == 0
      costs(i/100 + 1) = cost;
    end
    if print_cost && mod(i, 1000) == 0
      printf("Cost after iteration %i: %f\n", i, cost);
    end
  end
end
%! `layer_sizes` gives `n_x` and `n_y`; `n_h` is the argument: `p = initialize_parameters(n_x, n_h, n_y)`.
%! In the loop: `forward_propagation`, `compute_cost`, `backward_propagation`, `update_parameters`.
%! function [p, costs] = nn_model(X, Y, n_h, num_iterations, print_cost)
%!   [n_x, ~, n_y] = layer_sizes(X, Y);
%!   p = initialize_parameters(n_x, n_h, n_y);
%!   costs = zeros(1, ceil(num_iterations / 100));
%!   for i = 0:num_iterations-1
%!     [A2, cache] = forward_propagation(X, p);
%!     cost = compute_cost(A2, Y);
%!     p = update_parameters(p, backward_propagation(p, cache, X, Y), 1.2);
%!     if mod(i, 100) == 0
%!       costs(i/100 + 1) = cost;
%!     end
%!     if print_cost && mod(i, 1000) == 0
%!       printf("Cost after iteration %i: %f\n", i, cost);
%!     end
%!   end
%! end
check(exist("nn_model") == 2, "nn_model is defined")

%% Training
%> Your functions, 10 000 iterations on the flower data. The course notebook prints
%> 0.693048 at iteration 0, 0.288083 at 1000, 0.254385 at 2000 … 0.219731 at 6000.
%> This takes a few seconds.
[p, costs] = nn_model(X, Y, 4, 10000, true);
plot(0:100:9900, costs, title="Cost while training", xlabel="iteration", ylabel="cost J")
%> Up to iteration 6000 every printed digit agrees with numpy. Later, the learning rate 1.2
%> makes the path sensitive to the last bits of `tanh` and `exp`: numpy with another maths
%> library ends slightly differently too, so late values are compared with a tolerance.

%% Accuracy
%? Compute `acc`, the percentage of the 400 points that `predict(p, X)` labels correctly.
acc = 100 * mean(predict(p, X) == Y);
%! `predict(p, X) == Y` is 1 where the prediction is right; `mean` of that, times 100.
%! acc = 100 * mean(predict(p, X) == Y)
check(acc >= 90, "the trained network labels at least 90 % of the points correctly")

%% The decision boundary
printf("Accuracy: %d%%\n", floor(acc));
%> The notebook prints `Accuracy: 90%` (the whole percent). Where does the network say blue?
%> Its prediction on a grid, with the data on top:
boundary(@(P) predict(p, P), X, Y, title="Decision boundary, 4 hidden units", xlabel="x1", ylabel="x2")

%% How many hidden units?
%> The course ends by training networks of different widths, 5000 iterations each, and
%> drawing each one's decision boundary:
for n_h = [1 2 3 4 5]
  p_h = nn_model(X, Y, n_h, 5000, false);
  printf("Accuracy for %d hidden units: %g %%\n", n_h, 100 * mean(predict(p_h, X) == Y));
  boundary(@(P) predict(p_h, P), X, Y, title=sprintf("Decision boundary, %d hidden units", n_h), xlabel="x1", ylabel="x2")
end
%> The notebook's numbers: 67.5 %, 67.25 %, 90.75 %, 90.5 %, 91.25 %. One or two units are too
%> few to wrap around the petals; from three on the network fits the data well. The course
%> also tries 20 and 50 units (type `[1 20 50]` in the loop above to see them): they fit no
%> better here. Beyond a point, more units mostly fit the noise (*overfitting*), which
%> regularisation, later in the course, keeps in check.

%% Submitting
%> Your functions are the homework. Type
%>
%>     :save planar_classifier.nnl
%>
%> to write them into `planar_classifier.nnl` (an exercise you skipped is not in it: write that
%> function into the file yourself). Before you hand it in, `nnl run planar_classifier.nnl`
%> must run without an error. Then grade it yourself, in the folder where you saved it (the
%> homework's tests are built into nnl):
%>
%>     nnl grade planar_classifier.nnl --tests homework
%>
%> Submit that one file as your teacher says (on Gradescope: upload `planar_classifier.nnl`).
%> The autograder calls your functions with its own inputs, the ones used in this lesson and
%> others of other sizes (so a size or a learning rate written into a function where a
%> variable belongs loses points).

%% Done
%> You have built and trained a neural network from its formulas:
%> - gradient descent $x := x - \alpha f'(x)$,
%> - units, layers and the shapes of $W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}$,
%> - activations and their derivatives, checked numerically,
%> - the cross-entropy cost and its $\frac{1}{m}$,
%> - forward and backward propagation, per example and vectorised,
%> - and the training loop, with the notebook's numbers.
%>
%> Try the REPL (`nnl`) to experiment further: `:save work.nnlw` here keeps your workspace,
%> and `:load work.nnlw` in the REPL brings it back (`source planar_classifier.nnl` there reads
%> your functions). Try another learning rate, another seed,
%> ReLU in the hidden layer (what changes in `backward_propagation`?).

"""#),
]
}
