#!/usr/bin/env python3
"""Ctrl-C through a pseudo-terminal never leaves a matrix half updated.

    python3 Tests/pty/stop_pty_test.py .build/debug/nnl

The REPL runs `W = W - dW` (and `W = -W`, `W = E * W`) on a 1500×1500 matrix in a loop; Ctrl-C
comes at a random moment, many times over; after each, every element of W must equal the first
(all start equal and each statement changes all alike). Prints PASS/FAIL per check, then
`N passed, N failed`; exits non-zero when any check fails.
"""
import os
import random
import re
import sys
import tempfile
import time

import pexpect

PROMPT = r"nnl> "
TIMEOUT = 20
LOOPS = [
    "while true, W = W - dW; end",
    "while true, W = -W; end",
    "while true, W = E * W; end",
]
ROUNDS = 12  # per loop


def start(nnl, tmp):
    env = dict(os.environ, NNL_HISTORY=os.path.join(tmp, "history"), NO_COLOR="1", TERM="xterm",
               INPUTRC=os.devnull, LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    child = pexpect.spawn(nnl, [], env=env, encoding="utf-8", dimensions=(30, 100), timeout=TIMEOUT)
    child.expect(PROMPT)
    return child


def run(child, line):
    child.send(line + "\r")
    child.expect(PROMPT)
    return child.before


def check_ctrl_c_leaves_every_matrix_whole(nnl, tmp):
    child = start(nnl, tmp)
    run(child, "n = 1500; W = ones(n); dW = ones(n) / 8; E = eye(n);")
    for loop in LOOPS:
        for attempt in range(ROUNDS):
            child.send(loop + "\r")
            time.sleep(random.uniform(0.05, 0.4))
            child.sendcontrol("c")
            child.expect(r"interrupted")
            child.expect(PROMPT)
            torn = run(child, "torn = sum(W(:) ~= W(1))")
            assert re.search(r"torn\s*=\s*0\b", torn), f"{loop}, attempt {attempt}: {torn.strip()}"
    assert child.isalive(), "nnl died"
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def check_a_deadline_in_nnl_run_leaves_the_workspace_whole(nnl, tmp):
    """`nnl run --timeout` stops inside the loop and exits 1 with the message."""
    program = os.path.join(tmp, "loop.nnl")
    with open(program, "w") as f:
        f.write("W = ones(1500); dW = ones(1500) / 8;\nwhile true\n  W = W - dW;\nend\n")
    output, status = pexpect.run(f"{nnl} run --timeout 0.5 {program}", withexitstatus=True,
                                 encoding="utf-8", timeout=TIMEOUT)
    assert status == 1 and "time limit" in output, f"status {status}: {output}"


CHECKS = [check_ctrl_c_leaves_every_matrix_whole, check_a_deadline_in_nnl_run_leaves_the_workspace_whole]


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PATH-TO-nnl", file=sys.stderr)
        return 2
    nnl = os.path.abspath(sys.argv[1])
    passed = failed = 0
    for check in CHECKS:
        name = check.__name__.removeprefix("check_")
        with tempfile.TemporaryDirectory() as tmp:
            try:
                check(nnl, tmp)
                passed += 1
                print(f"PASS {name}")
            except (AssertionError, pexpect.ExceptionPexpect, OSError) as error:
                failed += 1
                print(f"FAIL {name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
