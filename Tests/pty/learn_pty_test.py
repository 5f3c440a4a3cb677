#!/usr/bin/env python3
"""Drives `nnl learn` on a fixture lesson through a pseudo-terminal, as a learner would.

Usage: Tests/pty/learn_pty_test.py [path/to/nnl]   (default .build/debug/nnl)
Prints `N passed, N failed`; the exit status is non-zero on any failure.
"""
import os
import re
import sys
import tempfile
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NNL = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/nnl"))
LESSON = os.path.join(ROOT, "Tests/NNLLessonsTests/Fixtures/small.nnl")
STATE = tempfile.mkdtemp(prefix="nnl-pty-")
PROMPT = "nnl> "
PAUSE = r"\[Enter: next"

passed = failed = 0


def learn():
    env = dict(os.environ, XDG_STATE_HOME=STATE, NO_COLOR="1")
    return pexpect.spawn(NNL, ["learn", LESSON], env=env, encoding="utf-8", timeout=20)


def case(name):
    """Runs the decorated function at once, as one named case."""
    def run(body):
        global passed, failed
        try:
            body()
            passed += 1
            print(f"ok   {name}")
        except (AssertionError, pexpect.ExceptionPexpect) as e:
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    return run


@case("a correct answer spelled differently passes")
def _():
    p = learn()
    p.expect(PAUSE)
    p.sendline("")
    p.expect("Compute dW2")
    p.expect_exact(PROMPT)
    p.sendline("dW2 = (dZ2*A1')/m")
    p.expect_exact("✓ Correct.")
    p.expect("Update W2")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("a wrong-shape answer gets the shape message")
def _():
    p = learn()  # resumes at the W2 exercise after the first case
    p.expect("Update W2")
    p.expect_exact(PROMPT)
    p.sendline("W2 = [1 1]")
    p.expect_exact("wrong shape: yours is 1×2, it should be 1×3")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case(":hint twice shows two hints, and :back goes back")
def _():
    p = learn()
    p.expect("Resuming at cell 3")
    p.expect_exact(PROMPT)
    p.sendline(":back")
    p.expect("Compute dW2")
    p.expect_exact(PROMPT)
    p.sendline(":hint")
    p.expect_exact("hint 1/2: dZ2 is 1×m")
    p.expect_exact(PROMPT)
    p.sendline(":hint")
    p.expect_exact("hint 2/2: Do not forget to divide by m")
    p.expect_exact(PROMPT)
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("Ctrl-C at ...> drops the block typed so far, and eats no key; nested blocks typed line by line")
def _():
    p = learn()
    p.expect("Resuming at cell 2")
    p.expect("Compute dW2")
    p.expect_exact(PROMPT)
    p.sendline("for i = 1:2")
    p.expect_exact("...> ")
    p.sendcontrol("c")
    p.expect_exact("(block cancelled)")
    p.expect_exact(PROMPT)
    for line in ["t = 0;", "for i = 1:2", "if i > 1", "for j = 1:2"]:
        p.sendline(line)
    p.sendline("t = t + j;")
    p.sendline("end")
    p.sendline("end")
    p.sendline("end")
    p.expect_exact(PROMPT)
    p.sendline("t")
    p.expect(r"t = 3")
    p.expect_exact(PROMPT)
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("quitting mid-lesson and starting again resumes at the same cell")
def _():
    p = learn()
    p.expect("Resuming at cell 2 of 3")
    p.expect("Compute dW2")
    p.expect_exact(PROMPT)
    p.sendline("dW2 = 1/m * dZ2 * A1'")
    p.expect_exact("✓ Correct.")
    p.expect_exact(PROMPT)
    p.sendline("W2 = [1 1 1] - alpha*dW2")
    p.expect("Lesson complete")
    p.expect(pexpect.EOF)


@case("a finished lesson opened again and quit is still done")
def _():
    p = learn()
    p.expect(PAUSE)
    p.sendline(":quit")
    p.expect(pexpect.EOF)
    env = dict(os.environ, XDG_STATE_HOME=STATE, NO_COLOR="1", NNL_LESSONS=os.path.dirname(LESSON))
    listing = pexpect.spawn(NNL, ["learn"], env=env, encoding="utf-8", timeout=20)
    listing.expect(r"small\s+A small lesson\s+done")
    listing.expect(pexpect.EOF)


def at_first_exercise(lesson, prompt_text, state=None, dimensions=(24, 80), **env):
    """`lesson` at its first exercise's prompt (`state`: a progress folder, else none saved)."""
    env = dict(os.environ, XDG_STATE_HOME=state or tempfile.mkdtemp(prefix="nnl-pty-"), NO_COLOR="1", **env)
    p = pexpect.spawn(NNL, ["learn", lesson], env=env, encoding="utf-8", timeout=20, dimensions=dimensions)
    p.expect(PAUSE)
    p.sendline("")
    p.expect(prompt_text)
    p.expect_exact(PROMPT)
    return p


def fresh_small():
    return at_first_exercise(LESSON, "Compute dW2")


@case("a slip inside a typed block drops that line only; the block stays open (issue 20.2)")
def _():
    p = fresh_small()
    p.sendline("for i = 1:1")
    p.expect_exact("...> ")
    p.sendline("dW2 = 1/m * dZ2[1] * A1';")
    p.expect("error: ")
    p.expect_exact("that line was dropped; the block above is still open")
    p.expect_exact("...> ")
    p.sendline("dW2 = 1/m * dZ2 * A1';")
    p.expect_exact("...> ")
    p.sendline("end")
    p.expect_exact("✓ Correct.")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("Python's % formatting is an error at once, with printf as the hint (issue 20.3)")
def _():
    p = fresh_small()
    p.sendline('print("cost = %f" % 0.5)')
    p.expect_exact("starts a comment in nnl, so this `(` is never closed")
    p.expect_exact('printf("cost = %f\\n", 0.5)')
    assert p.expect_exact([PROMPT, "...> "]) == 0, "the prompt was trapped at ...>"
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("Ctrl-D at ...> drops the block and the lesson goes on; at the prompt it saves and leaves (issue 20.4)")
def _():
    p = fresh_small()
    p.sendline("for i = 1:2")
    p.expect_exact("...> ")
    p.sendcontrol("d")
    p.expect_exact("was dropped, not run")
    p.expect_exact(PROMPT)
    p.sendline("dW2 = (dZ2*A1')/m")
    p.expect_exact("✓ Correct.")
    p.expect_exact(PROMPT)
    p.sendcontrol("d")
    p.expect_exact("Progress saved")
    p.expect(pexpect.EOF)


TEACHING = os.path.join(ROOT, "Tests/NNLLessonsTests/Fixtures/teaching.nnl")


def teaching(state=None, dimensions=(24, 80), **env):
    """The teaching fixture at its first exercise (`state`: a progress folder to resume from)."""
    return at_first_exercise(TEACHING, "Compute dZ1 and db1", state, dimensions, **env)


@case("output follows the terminal's width after a resize")
def _():
    env = dict(os.environ, XDG_STATE_HOME=tempfile.mkdtemp(prefix="nnl-pty-"), NO_COLOR="1")
    p = pexpect.spawn(NNL, ["learn", TEACHING], env=env, encoding="utf-8", timeout=20, dimensions=(24, 200))
    p.expect(PAUSE)
    p.sendline("v = 1:40")
    p.expect(r"v = \(1×40\)")
    p.expect(PAUSE)
    assert "   39   40" in p.before and "Columns" not in p.before, f"not on one line at 200 columns: {p.before!r}"
    p.setwinsize(24, 60)  # while the lesson waits at its prompt
    p.sendline("v = 1:40")
    p.expect_exact("Columns 1 through 12:")
    p.expect(PAUSE)
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case(":help at a lesson's prompt lists the commands")
def _():
    p = teaching()
    p.sendline(":help")
    p.expect_exact(":check")
    p.expect_exact(":skip")
    p.expect_exact(PROMPT)
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("a hint is shown verbatim, every * kept")
def _():
    p = teaching()
    p.sendline(":hint")
    p.expect_exact("hint 1/2: dZ1 = W2' * dZ2 .* (1 - A1.^2)")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("zeros typed for a 1e-7 gradient are rejected")
def _():
    p = teaching()
    p.sendline("dZ1 = W2' * dZ2 .* (1 - A1.^2); db1 = zeros(2, 1)")
    p.expect_exact("db1 is still all zeros")
    p.expect_exact(PROMPT)
    p.sendline(":check")
    p.expect_exact("✗ db1 is all zeros")
    p.expect_exact(PROMPT)
    p.sendline("dZ1 = W2' * dZ2 .* (1 - A1.^2); db1 = mean(dZ1, 2)")
    p.expect_exact("✓ Correct.")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("an answer typed over two lines is judged whole; a wrong part goes back, the right part stays")
def _():
    p = teaching()
    p.sendline("dZ1 = W2' * dZ2 .* (1 - A1.^2)")
    p.expect_exact("dZ1 set; db1 still to do — :check judges now.")
    p.expect_exact(PROMPT)
    p.sendline("db1 = sum(dZ1, 2)")
    p.expect_exact("✗ db1 is off by a constant factor")
    p.expect_exact("dZ1 kept; db1 back to how it was before this exercise.")
    p.expect_exact(PROMPT)
    p.sendline("db1 = sum(dZ1, 2) / 3")
    p.expect_exact("✓ Correct.")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case(":save in a lesson keeps the workspace for the REPL's :load")
def _():
    folder = tempfile.mkdtemp(prefix="nnl-save-")
    env = dict(os.environ, XDG_STATE_HOME=folder, NO_COLOR="1")
    p = pexpect.spawn(NNL, ["learn", TEACHING], env=env, cwd=folder, encoding="utf-8", timeout=20)
    p.expect(PAUSE)
    p.sendline("mine = 42;")
    p.expect(PAUSE)
    p.sendline(":save work.txt")
    p.expect(r"wrote your workspace \(\d+ variables, \d+ functions?\) to work.txt")
    p.sendline(":quit")
    p.expect(pexpect.EOF)
    env.update(NNL_HISTORY=os.path.join(folder, "history"), INPUTRC=os.devnull, TERM="xterm")
    repl = pexpect.spawn(NNL, [], env=env, cwd=folder, encoding="utf-8", timeout=20)
    repl.expect(":help")  # the banner is written: readline is about to take the terminal
    repl.expect_exact(PROMPT)
    repl.sendline(":load work.txt")
    repl.expect_exact(PROMPT)
    repl.sendline("mine + W2(2)")
    repl.expect_exact("ans = 41.300")
    repl.expect_exact(PROMPT)
    repl.sendeof()
    repl.expect(pexpect.EOF)


def homework():
    """Lesson 9 in a folder of its own, past its first cell: (the folder, the session)."""
    folder = tempfile.mkdtemp(prefix="nnl-homework-")
    env = dict(os.environ, XDG_STATE_HOME=folder, NO_COLOR="1")
    p = pexpect.spawn(NNL, ["learn", os.path.join(ROOT, "lessons/09-homework.nnl")], env=env, cwd=folder,
                      encoding="utf-8", timeout=120, dimensions=(24, 160))  # feedback on one line
    p.expect(PAUSE)
    p.sendline("")
    return folder, p


HOMEWORK_ANSWERS = [
    "function [n_x, n_h, n_y] = layer_sizes(X, Y), n_x = rows(X); n_h = 4; n_y = rows(Y); end",
    "function p = initialize_parameters(n_x, n_h, n_y), seed(2); p.W1 = 0.01*randn(n_h, n_x); "
    "p.b1 = zeros(n_h, 1); p.W2 = 0.01*randn(n_y, n_h); p.b2 = zeros(n_y, 1); end",
    "function [A2, cache] = forward_propagation(X, p), cache.Z1 = p.W1*X + p.b1; cache.A1 = tanh(cache.Z1); "
    "cache.Z2 = p.W2*cache.A1 + p.b2; cache.A2 = 1 ./ (1 + exp(-cache.Z2)); A2 = cache.A2; end",
    "function cost = compute_cost(A2, Y), cost = -mean(Y .* log(A2) + (1 - Y) .* log(1 - A2)); end",
    "function grads = backward_propagation(p, cache, X, Y), m = columns(X); dZ2 = cache.A2 - Y; "
    "grads.dW2 = dZ2 * cache.A1' / m; grads.db2 = sum(dZ2, 2) / m; dZ1 = (p.W2' * dZ2) .* (1 - cache.A1 .^ 2); "
    "grads.dW1 = dZ1 * X' / m; grads.db1 = sum(dZ1, 2) / m; end",
    "function p = update_parameters(p, grads, learning_rate), p.W1 -= learning_rate * grads.dW1; "
    "p.b1 -= learning_rate * grads.db1; p.W2 -= learning_rate * grads.dW2; p.b2 -= learning_rate * grads.db2; end",
    "function predictions = predict(p, X), predictions = forward_propagation(X, p) >= 0.5; end",
    "function [p, costs] = nn_model(X, Y, n_h, num_iterations, print_cost), [n_x, ~, n_y] = layer_sizes(X, Y); "
    "p = initialize_parameters(n_x, n_h, n_y); costs = []; for i = 0:num_iterations-1, "
    "[A2, cache] = forward_propagation(X, p); cost = compute_cost(A2, Y); "
    "if mod(i, 100) == 0, costs(end + 1) = cost; end; "
    "if print_cost && mod(i, 1000) == 0, printf('Cost after iteration %i: %f\\n', i, cost); end; "
    "p = update_parameters(p, backward_propagation(p, cache, X, Y), 1.2); end; end",
]


@case("the homework typed in lesson 9, saved with :save, scores 10/10 with the course's tests")
def _():
    folder, p = homework()
    p.expect_exact(PROMPT)
    p.sendline("function [n_x, n_h, n_y] = layer_sizes(X, Y), n_x = columns(X); n_h = 4; n_y = columns(Y); end")
    p.expect_exact("✗ With [n_x, n_h, n_y] = layer_sizes(ones(5, 3), ones(2, 3)): n_x is not the expected number")
    for answer in HOMEWORK_ANSWERS:
        p.expect_exact(PROMPT)
        p.sendline(answer)
        p.expect_exact("✓ Correct.")
    p.expect_exact("Cost after iteration 0: 0.693048")
    p.expect_exact("Cost after iteration 6000: 0.219731")
    p.expect(PAUSE)
    p.sendline("")
    p.expect_exact(PROMPT)
    p.sendline("acc = 100 * mean(predict(p, X) == Y)")
    p.expect_exact("✓ Correct.")
    p.expect_exact("Accuracy: 90%")
    p.expect(PAUSE)
    p.sendline("")
    p.expect_exact("Accuracy for 5 hidden units: 91.25 %")
    p.expect(PAUSE)
    p.sendline("")
    p.expect("Submitting")
    p.expect(PAUSE)
    p.sendline(":save planar_classifier.nnl")
    p.expect_exact("functions and 0 variables to planar_classifier.nnl, a program")
    p.sendline(":quit")
    p.expect(pexpect.EOF)
    tests = os.path.join(ROOT, "lessons/homework/tests/tests.nnl")
    grade = pexpect.spawn(NNL, ["grade", "planar_classifier.nnl", "--tests", tests], cwd=folder,
                          encoding="utf-8", timeout=120)
    grade.expect_exact("planar_classifier.nnl: 10/10")
    grade.expect(pexpect.EOF)


NN_MODEL = [
    "function [p, costs] = nn_model(X, Y, n_h, num_iterations, print_cost)",
    "[n_x, ~, n_y] = layer_sizes(X, Y);",
    "p = initialize_parameters(n_x, n_h, n_y);",
    "costs = [];",
    "for i = 0:num_iterations-1",
    "[A2, cache] = forward_propagation(X, p);",
    "cost = compute_cost(A2, Y);",
    "if mod(i, 100) == 0",
    "costs(end + 1) = cost;",
    "end",
    "if print_cost && mod(i, 1000) == 0",
    'printf("Cost after iteration %i: %f\\n", i, cost);',
    "end",
    "p = update_parameters(p, backward_propagation(p, cache, X, Y), 1.2);",
    "end",
]


@case("lesson 9's nn_model typed line by line (function, for, if: three levels) is accepted and trains")
def _():
    _, p = homework()
    for _ in range(7):  # the seven functions before nn_model: the solutions stand in
        p.expect_exact(PROMPT)
        p.sendline(":skip")
    p.expect("nn_model")
    p.expect_exact(PROMPT)
    for _ in range(2):
        p.sendline(":hint")
        p.expect_exact(PROMPT)
    p.sendline(":hint")  # the last hint: the function over several lines, listed as code
    p.expect_exact("hint 3/3:\r\n  function [p, costs] = nn_model(X, Y, n_h, num_iterations, print_cost)\r\n"
                   "    [n_x, ~, n_y] = layer_sizes(X, Y);")
    p.expect_exact("        costs(i/100 + 1) = cost;\r\n      end")
    p.expect_exact(PROMPT)
    for line in NN_MODEL:
        p.sendline(line)
        p.expect_exact("...> ")
    p.sendline("end")
    p.expect_exact("✓ Correct.")
    p.expect_exact("Cost after iteration 0: 0.693048")  # the training cell, with the learner's nn_model
    p.expect_exact("Cost after iteration 1000: 0.288083")
    p.expect(PAUSE)
    p.sendline(":quit")
    p.expect(pexpect.EOF)


COURSE = os.path.join(ROOT, "lessons")


def course_lesson(name, rows=24, cols=80):
    """A lesson of the course in a fresh state folder."""
    env = dict(os.environ, XDG_STATE_HOME=tempfile.mkdtemp(prefix="nnl-pty-"), NO_COLOR="1")
    return pexpect.spawn(NNL, ["learn", os.path.join(COURSE, name)], env=env, encoding="utf-8", timeout=30,
                         dimensions=(rows, cols))


def until(p, pattern):
    """Waits for the prompt after `pattern`; gives what came between."""
    p.expect(pattern)
    p.expect_exact(PROMPT)
    return p.before


@case("lesson 2: x100 = 10; then a loop is one answer; a wrong loop goes back to the start value, not further")
def _():
    p = course_lesson("02-gradient-descent.nnl")
    p.expect(PAUSE)
    p.sendline("")
    p.expect_exact(PROMPT)
    p.sendline(":skip")
    p.expect(PAUSE)
    p.sendline("")
    p.expect("put the final x in x100")
    p.expect_exact(PROMPT)
    p.sendline("x100 = 10;")
    shown = until(p, "x100 = 10 is a start value")
    assert "✗" not in shown and "hint" not in shown, shown
    for line in ["for k = 1:100", "x100 = x100 - 0.01 * df(x100);"]:  # alpha 0.01: wrong
        p.sendline(line)
        p.expect_exact("...> ")
    p.sendline("end")
    p.expect_exact("✗ x100 is not the expected number")
    p.expect_exact("hint 1/2")
    p.expect_exact("back to your start value: x100 = 10.")
    p.expect_exact(PROMPT)
    p.sendline("for k = 1:100, x100 = x100 - 0.05 * df(x100); end")  # needs x100 = 10 still there
    p.expect_exact("✓ Correct.")
    p.expect(PAUSE)
    p.sendline("")
    p.expect_exact(PROMPT)
    p.sendline(":skip")
    p.expect(PAUSE)
    p.sendline("")
    p.expect("put the result in x_left")
    p.expect_exact(PROMPT)
    p.sendline("x = -2;")  # the hint's way: a helper, then x_left = x
    first = until(p, "x_left is not assigned yet")
    p.sendline("for k = 1:200, x = x - 0.01*dg(x); end")
    p.expect_exact(PROMPT)
    assert "not assigned" not in p.before, f"the same note again: {p.before!r}"
    p.sendline("x_left = -x")  # wrong: x stays as the loop left it
    p.expect_exact("✗")
    p.expect_exact(PROMPT)
    p.sendline("x_left = x")
    p.expect_exact("✓ Correct.")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("Ctrl-C in an exercise is not a try: no undo message, no hint")
def _():
    p = teaching()
    p.sendline("while true end")
    time.sleep(0.5)
    p.sendcontrol("c")
    p.expect_exact("interrupted")
    p.expect_exact(PROMPT)
    assert "undone" not in p.before and "hint" not in p.before and "✗" not in p.before, p.before
    p.sendline(":hint")
    p.expect_exact("hint 1/2")  # the first hint is still the first
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("hints: the first comes by itself, the next on :hint; a misspelt name or a syntax error is not a try")
def _():
    p = teaching()
    p.sendline("db1 = sum(dZ, 2)")
    p.expect_exact("`dZ` is not defined")
    p.expect_exact(PROMPT)
    p.sendline("db1 = sum(dZ1, 2")
    p.expect_exact("...> ")
    p.sendline(")")  # the bracket closes on the next line: a slip, still not a try
    p.expect_exact(PROMPT)
    assert "hint 1/2" not in p.before, p.before
    # dZ1 spelt otherwise than hint 1 says it, so that hint is not passed over as repeating the answer.
    p.sendline("dZ1 = (W2' * dZ2) .* (1 - A1.^2); db1 = sum(dZ1, 2)")
    p.expect_exact("✗ db1 is off by a constant factor")
    shown = until(p, "hint 1/2")
    p.sendline("dZ1 = (W2' * dZ2) .* (1 - A1.^2); db1 = 2 * sum(dZ1, 2)")
    p.expect_exact("✗ db1 is off by a constant factor")
    p.expect_exact(":hint gives the next hint, :skip shows the solution.")
    p.expect_exact(PROMPT)
    assert "hint 2/2" not in p.before, p.before
    p.sendline(":hint")
    p.expect_exact("hint 2/2: db1 = 1/3 * sum(dZ1, 2)")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("a failed check says what was expected and what the answer gives (lesson 3's OR)")
def _():
    p = course_lesson("03-threshold-logic-unit.nnl", cols=120)
    for _ in range(2):
        p.expect(PAUSE)
        p.sendline("")
    p.expect_exact(PROMPT)
    p.sendline(":skip")
    p.expect("Now OR")
    p.expect_exact(PROMPT)
    p.sendline("w_or = [1; 1]; b_or = -1.5;")  # AND again
    p.expect_exact("✗ expected: the unit computes OR: [0 1 1 1]; yours gives [0 0 0 1]")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("lesson 3 pauses for the steeper sigmoid it suggests")
def _():
    p = course_lesson("03-threshold-logic-unit.nnl")
    for _ in range(2):
        p.expect(PAUSE)
        p.sendline("")
    for _ in range(4):
        p.expect_exact(PROMPT)
        p.sendline(":skip")
        p.expect("The solution:")
        if _ == 2:
            p.expect(PAUSE)
            p.sendline("")
    p.expect("multiplied by 10")
    p.expect_exact(PROMPT)
    p.sendline("a_steep = sigmoid(10 * (w_and' * X + b_and))")
    p.expect_exact("✓ Correct.")
    p.expect("Lesson complete")
    p.expect(pexpect.EOF)


@case("quitting in the middle of an answer and coming back keeps the part typed")
def _():
    state = tempfile.mkdtemp(prefix="nnl-pty-")
    p = teaching(state)
    p.sendline("dZ1 = W2' * dZ2 .* (1 - A1.^2)")
    p.expect_exact("db1 still to do")
    p.expect_exact(PROMPT)
    p.sendline(":quit")
    p.expect(pexpect.EOF)
    env = dict(os.environ, XDG_STATE_HOME=state, NO_COLOR="1")
    p = pexpect.spawn(NNL, ["learn", TEACHING], env=env, encoding="utf-8", timeout=20)  # resumes at the exercise
    p.expect_exact("Your answer so far is back: dZ1 set; db1 still to do")
    p.expect_exact(PROMPT)
    p.sendline("db1 = mean(dZ1, 2)")
    p.expect_exact("✓ Correct.")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("at 40 columns feedback lines break between words, never inside one")
def _():
    p = teaching(dimensions=(24, 40))
    p.sendline("dZ1 = W2' * dZ2 .* (1 - A1.^2); db1 = sum(dZ1, 2)")
    p.expect_exact("✗")
    p.expect_exact(PROMPT)
    lines = ("✗" + p.before).replace("\r", "").split("\n")
    assert all(len(line) <= 40 for line in lines), lines
    joined = " ".join(line.strip() for line in lines)
    assert "db1 is off by a constant factor: yours is 3 times the expected value" in joined, joined
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("a 60-line block pasted at once in a 40-row terminal echoes line by line, each on its ...> prompt")
def _():
    p = teaching(dimensions=(40, 80), INPUTRC=os.devnull, TERM="xterm")
    block = ["t = 0;", "for i = 1:58"] + [f"  t = t + {i};" for i in range(57)] + ["end"]
    p.send("\r".join(block) + "\r")  # as a terminal delivers a paste
    p.expect_exact("...> end\r\n")
    echo = p.before
    assert "\x1b[?2004h" not in echo and "\x1b[A" not in echo and "\x1b[7m" not in echo, "redrawn: " + repr(echo[-300:])
    for a, b in zip(block[1:-1], block[2:-1]):
        assert a + "\r\n...> " + b in echo, f"{a!r} then {b!r} not echoed in order"
    p.expect_exact(PROMPT)
    p.sendline("t")
    p.expect_exact("t = 92568")
    p.sendline(":quit")
    p.expect(pexpect.EOF)


def started_repl():
    """`nnl` in a fresh folder with its own history, its banner written."""
    folder = tempfile.mkdtemp(prefix="nnl-repl-")
    env = dict(os.environ, NNL_HISTORY=os.path.join(folder, "history"), INPUTRC=os.devnull, TERM="xterm",
               NO_COLOR="1")
    repl = pexpect.spawn(NNL, [], env=env, cwd=folder, encoding="utf-8", timeout=60)
    repl.delaybeforesend = 0.05
    repl.expect(":help")  # the banner is written: readline is about to take the terminal
    return repl


@case(":help at the REPL lists the shared commands and the REPL's own")
def _():
    repl = started_repl()
    repl.expect_exact(PROMPT)
    repl.send(":help\r")
    repl.expect_exact(":explain EXPR")
    repl.expect_exact(":lesson NAME")
    repl.expect_exact(PROMPT)
    repl.sendeof()
    repl.expect(pexpect.EOF)


TRAINING_LOOP = [
    "for i = 0:6000",
    "Z1 = W1*X + b1;",
    "A1 = tanh(Z1);",
    "A2 = sigmoid(W2*A1 + b2);",
    "if mod(i, 1000) == 0",
    "cost = -1/m * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2));",
    'printf("Cost after iteration %i: %f\\n", i, cost);',
    "end",
    "dZ2 = A2 - Y;",
    "dW2 = 1/m * dZ2 * A1'; db2 = 1/m * sum(dZ2, 2);",
    "dZ1 = W2' * dZ2 .* (1 - A1.^2);",
    "dW1 = 1/m * dZ1 * X'; db1 = 1/m * sum(dZ1, 2);",
    "W1 = W1 - 1.2*dW1; b1 = b1 - 1.2*db1; W2 = W2 - 1.2*dW2; b2 = b2 - 1.2*db2;",
]


@case("the training loop typed line by line at the REPL prints the course's costs")
def _():
    repl = started_repl()
    for line in ["[X, Y] = planar_dataset(); m = columns(X);", "seed(2); W1 = randn(4, 2)*0.01; b1 = zeros(4, 1);",
                 "W2 = randn(1, 4)*0.01; b2 = 0;"]:
        repl.expect_exact(PROMPT)
        repl.send(line + "\r")
    repl.expect_exact(PROMPT)
    for line in TRAINING_LOOP:
        repl.send(line + "\r")
        repl.expect_exact("...> ")
    repl.send("end\r")
    for i, cost in [(0, "0.693048"), (1000, "0.288083"), (2000, "0.254385"), (6000, "0.219731")]:
        repl.expect_exact(f"Cost after iteration {i}: {cost}")
    repl.expect_exact(PROMPT)
    repl.sendeof()
    repl.expect(pexpect.EOF)


@case("an installed copy of nnl, outside the source tree, has the course")
def _():
    home = tempfile.mkdtemp(prefix="nnl-installed-")
    os.makedirs(os.path.join(home, "bin"))
    installed = os.path.join(home, "bin", "nnl")
    with open(NNL, "rb") as source, open(installed, "wb") as target:
        target.write(source.read())
    os.chmod(installed, 0o755)
    elsewhere = tempfile.mkdtemp(prefix="nnl-cwd-")
    env = {k: v for k, v in os.environ.items() if k != "NNL_LESSONS"}
    env.update(XDG_STATE_HOME=os.path.join(home, "state"), NO_COLOR="1")
    listing = pexpect.spawn(installed, ["learn"], env=env, cwd=elsewhere, encoding="utf-8", timeout=20)
    listing.expect(r"07-forward-propagation\s+Forward propagation\s+new")
    listing.expect("09-homework")
    listing.expect(pexpect.EOF)
    p = pexpect.spawn(installed, ["learn", "forward"], env=env, cwd=elsewhere, encoding="utf-8", timeout=20)
    p.expect_exact("builds on 06-cost")
    p.expect("The flower data set")
    p.expect(PAUSE)
    p.sendline(":quit")
    p.expect(pexpect.EOF)


def at_exercise(lesson, prompt):
    """`nnl learn` on a course lesson, from its start, at the exercise whose text matches
    `prompt`: reading cells are passed with Enter, other exercises skipped."""
    env = dict(os.environ, XDG_STATE_HOME=tempfile.mkdtemp(prefix="nnl-pty-"), NO_COLOR="1")
    # Wide, so that a diagnosis with its fixed line stays on one line.
    p = pexpect.spawn(NNL, ["learn", os.path.join(ROOT, "lessons", lesson)], env=env, encoding="utf-8", timeout=30,
                      dimensions=(24, 200))
    while True:  # prose shows `code` without its backticks: prompts are matched with `.?`
        i = p.expect([prompt, PAUSE, re.escape(PROMPT)])
        if i == 0:
            p.expect_exact(PROMPT)
            return p
        p.sendline("" if i == 1 else ":skip")


def diagnosed(lesson, prompt, answer, feedback, absent=None):
    """A wrong answer typed at an exercise gets the verified diagnosis `feedback` (messages are
    shown without their backticks)."""
    p = at_exercise(lesson, prompt)
    p.sendline(answer)
    p.expect_exact("✗ ")
    p.expect_exact(feedback)
    p.expect_exact(PROMPT)
    if absent:
        assert absent not in p.before, f"{absent!r} was said"
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("lesson 7: Z1 where A1 belongs is named, with the fixed line")
def _():
    diagnosed("07-forward-propagation.nnl", r"Compute .?Z2.? and .?A2.?", "Z2 = W2*Z1 + b2; A2 = sigmoid(Z2)",
              "with A1 in place of Z1 your answer is right: Z2 = W2*A1 + b2; A2 = sigmoid(Z2)")


@case("lesson 7: a bias outside tanh is said to belong inside")
def _():
    diagnosed("07-forward-propagation.nnl", r"Compute .?Z1.? and .?A1.? for all", "Z1 = W1*X + b1; A1 = tanh(W1*X) + b1",
              "b1 belongs inside tanh: Z1 = W1*X + b1; A1 = tanh(W1*X + b1)")


@case("lesson 7: a cost of half the expected value is said to be exactly half")
def _():
    diagnosed("07-forward-propagation.nnl", r"Compute the cost .?J.?",
              "J = -1/(2*m) * sum(Y .* log(A2) + (1 - Y) .* log(1 - A2))",
              "yours is exactly half of the expected value", absent="largest difference")


@case("lesson 4: W1' is said not to be transposed, with the fixed line")
def _():
    diagnosed("04-units-to-a-network.nnl", r"Compute .?Z1.? and then", "Z1 = W1'*X + b1; A1 = step(Z1)",
              "W1 should not be transposed: Z1 = W1*X + b1; A1 = step(Z1)")


@case("lesson 4: a forgotten b2 is named, and the hint does not repeat the line typed")
def _():
    p = at_exercise("04-units-to-a-network.nnl", r"Compute .?H = tanh")
    p.sendline("H = tanh(W1*X3 + b1); out = sigmoid(W2*H)")
    p.expect_exact("+ b2 is missing")
    p.expect_exact(PROMPT)
    assert "H = tanh(W1*X3 + b1) is 4×3" not in p.before, "the hint repeats the line typed"
    p.sendline(":quit")
    p.expect(pexpect.EOF)


@case("lesson 6: dividing by 4 for 8 examples is said to be twice the expected value")
def _():
    diagnosed("06-cost.nnl", r"Compute the cost .?J8.?", "J8 = -1/4 * sum(Y8 .* log(A8) + (1 - Y8) .* log(1 - A8))",
              "yours is exactly twice the expected value")


@case("lesson 8: np.sum without keepdims is diagnosed as the missing keepdims, not a transpose")
def _():
    diagnosed("08-backward-propagation.nnl", r"Compute .?dZ1.?, .?dW1.? and .?db1.?",
              "dZ1 = W2' * dZ2 .* (1 - A1.^2); dW1 = 1/m * dZ1 * X'; db1 = 1/m * np.sum(dZ1, axis=1)",
              "keepdims=True", absent="too many")


@case("lesson 8: Z1 where A1 belongs in tanh's slope is named")
def _():
    diagnosed("08-backward-propagation.nnl", r"Compute .?dZ1.?, .?dW1.? and .?db1.?",
              "dZ1 = W2' * dZ2 .* (1 - Z1.^2); dW1 = 1/m * dZ1 * X'; db1 = 1/m * sum(dZ1, 2)",
              "with A1 in place of Z1 your answer is right")


@case("a shape error in a lesson names only the fix that runs: W1*X for X*W1")
def _():
    p = at_exercise("07-forward-propagation.nnl", r"Compute .?Z1.? and .?A1.? for all")
    p.sendline("Z1 = X*W1 + b1")
    p.expect_exact("hint: did you mean `Z1 = W1*X + b1`? (Z1 is 4×400)")
    p.expect_exact(PROMPT)
    assert "X'*W1" not in p.before
    p.sendline(":quit")
    p.expect(pexpect.EOF)


print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
