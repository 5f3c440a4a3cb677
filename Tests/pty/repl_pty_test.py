#!/usr/bin/env python3
"""Drives the real `nnl` REPL through a pseudo-terminal, as a learner would.

    python3 Tests/pty/repl_pty_test.py .build/debug/nnl

Each check starts `nnl` afresh (NNL_HISTORY points at a temporary file, NO_COLOR=1, no
~/.inputrc) and types keys. Prints PASS/FAIL per check, then `N passed, N failed`;
exits non-zero when any check fails.
"""
import os
import re
import shlex
import sys
import tempfile
import time
import traceback

import pexpect

PROMPT = r"nnl> "
MORE = r"\.\.\.> "
UP, LEFT = "\x1b[A", "\x1b[D"
CTRL_A, CTRL_C, CTRL_D, BACKSPACE, TAB = "\x01", "\x03", "\x04", "\x7f", "\t"
TIMEOUT = 10


def value(name, number):
    """`name = number` as displayed, with or without a `(1×1)` shape header or padding."""
    return rf"{re.escape(name)}\s*=\s*(\(1×1\)\s*)?{re.escape(str(number))}(\.0+)?\b"


class Session:
    def __init__(self, nnl, history, command=None, env=None, cwd=None):
        env = dict(os.environ, NNL_HISTORY=history, NO_COLOR="1", TERM="xterm",
                   INPUTRC=os.devnull, LANG="C.UTF-8", **(env or {}))
        env.pop("LC_ALL", None)
        argv = command or [nnl]
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", cwd=cwd,
                                   dimensions=(30, 100), timeout=TIMEOUT)
        self.child.delaybeforesend = 0.05

    def expect(self, pattern, timeout=TIMEOUT):
        return self.child.expect(pattern, timeout=timeout)

    def send(self, keys):
        self.child.send(keys)

    def line(self, text):
        """Types `text` and presses Enter."""
        self.child.send(text + "\r")

    def more(self, *lines):
        """Types lines of an open block, each answered by the `...>` prompt."""
        for text in lines:
            self.line(text)
            self.expect(MORE)

    def run(self, text, expected=None):
        """Types a line and waits for its output (if any is expected), then for the prompt."""
        self.line(text)
        if expected is not None:
            self.expect(expected)
        self.expect(PROMPT)

    def close(self):
        if self.child.isalive():
            self.child.sendcontrol("d")
            try:
                self.child.expect(pexpect.EOF, timeout=3)
            except pexpect.TIMEOUT:
                self.child.terminate(force=True)
        self.child.close()


# --- the checks --------------------------------------------------------------------------------

def check_banner_and_prompt(nnl, history):
    s = Session(nnl, history)
    s.expect(r"(?i)nnl[^\n]*\d+\.\d+")      # the version
    s.expect(r":help")
    s.expect(r":lesson")
    s.expect(PROMPT)
    s.close()


def check_typing_and_editing(nnl, history):
    s = Session(nnl, history)
    s.expect(PROMPT)
    # Type `y = 1 + 29`, rub out the 9, go to the start, delete `y`, type `x`.
    s.send("y = 1 + 29")
    s.send(BACKSPACE)
    s.send(CTRL_A)
    s.send(CTRL_D)          # on a non-empty line Ctrl-D deletes the character under the cursor
    s.send("x")
    s.line("")
    s.expect(value("x", 3))
    s.expect(PROMPT)
    # Left arrow and insert in the middle: `x * 2` -> `x * 12`.
    s.send("x * 2")
    s.send(LEFT)
    s.send("1")
    s.line("")
    s.expect(value("ans", 36))
    s.expect(PROMPT)
    s.close()


def check_history_across_sessions(nnl, history):
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.run("hist_probe = 40 + 1", value("hist_probe", 41))
    s.close()
    with open(history, encoding="utf-8") as f:
        assert "hist_probe = 40 + 1" in f.read(), "the line was not saved in NNL_HISTORY"
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.send(UP)
    s.expect(re.escape("hist_probe = 40 + 1"))
    s.line("")
    s.expect(value("hist_probe", 41))
    s.expect(PROMPT)
    s.close()


def check_tab_completion(nnl, history):
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.run("alpha_rate = 0.25 * 2;")
    # A variable: `alp<Tab>` completes to `alpha_rate`.
    s.send("alp" + TAB)
    s.expect(r"alpha_rate")
    s.line(" * 4")
    s.expect(value("ans", 2))
    s.expect(PROMPT)
    # Fields: `p.W<Tab><Tab>` lists p.W1 and p.W2; then finish by hand.
    s.run("p.W1 = 10; p.W2 = 20;")
    s.send("p.W" + TAB + TAB)
    s.expect(r"p\.W1\s+p\.W2")
    s.expect(PROMPT)                        # readline redraws the prompt and the line
    s.line("2 + 1")
    s.expect(value("ans", 21))
    s.expect(PROMPT)
    # A single field completes in place.
    s.run("q.longfield = 7;")
    s.send("q.lo" + TAB)
    s.expect(r"q\.longfield")
    s.line(" * 6")
    s.expect(value("ans", 42))
    s.expect(PROMPT)
    # A `:` command at the start of the line.
    s.send(":va" + TAB)
    s.expect(r":vars")
    s.send(CTRL_C)
    s.expect(PROMPT)
    s.close()


def check_multiline_for(nnl, history):
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.run("total = 0;")
    s.line("for i = 1:4")
    s.expect(MORE)
    s.line("total = total + i;")
    s.expect(MORE)
    s.line("end")
    s.expect(PROMPT)
    s.run("total", value("total", 10))
    s.close()


def check_nested_blocks_typed_line_by_line(nnl, history):
    """Three levels typed one key at a time, then a function with a loop: every line but the
    last asks for more on `...>`, and nothing runs before the outermost `end`."""
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.run("total = 0;")
    for line in ["for i = 0:2", "if i > 0", "for j = 1:i", "total = total + j;", "end", "end"]:
        s.line(line)
        s.expect(MORE)
    s.line("end")
    s.expect(PROMPT)
    s.run("total", value("total", 4))
    for line in ["function s = upto(n)", "s = 0;", "for k = 1:n", "s = s + k;", "end"]:
        s.line(line)
        s.expect(MORE)
    s.line("end")
    s.expect(PROMPT)
    s.run("upto(4)", value("ans", 10))
    s.close()


def check_up_recalls_a_block_and_edit_changes_it(nnl, history):
    """A block is one history entry: Up and Enter run it whole again. `:edit` hands the last
    block to $EDITOR (here a sed script) and runs what comes back."""
    s = Session(nnl, history, env={"EDITOR": "sed -i s/1:3/1:4/"})
    s.expect(PROMPT)
    s.run("n = 0;")
    for line in ["for i = 1:3", "n = n + i;"]:
        s.line(line)
        s.expect(MORE)
    s.line("end")
    s.expect(PROMPT)
    s.run("n", value("n", 6))
    s.send(UP + UP)
    s.line("")
    s.expect(PROMPT)
    s.run("n", value("n", 12))
    s.run(":edit", r"for i = 1:4")
    s.run("n", value("n", 22))
    s.close()


def check_ctrl_c_and_ctrl_d_inside_a_block(nnl, history):
    """Ctrl-C at `...>` drops the block (and eats no key); Ctrl-D there drops it too, says so,
    and the session goes on with its workspace; Ctrl-D at `nnl>` leaves (issue 20.4)."""
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.line("for i = 1:3")
    s.expect(MORE)
    s.send(CTRL_C)
    s.expect(r"block cancelled")
    s.expect(PROMPT)
    s.run("x = 5", value("x", 5))
    s.line("while true")
    s.expect(MORE)
    s.send(CTRL_D)
    s.expect(r"the unfinished block `while true` … was dropped, not run")
    s.expect(PROMPT)
    s.run("x + 1", value("ans", 6))
    s.send(CTRL_D)
    s.child.expect(pexpect.EOF)
    s.child.close()


def check_a_slip_inside_a_function_keeps_the_block(nnl, history):
    """Issue 20.2: a numpy slip inside a typed function is reported and dropped alone; the
    function stays open at `...>`, the learner retypes the line and finishes it."""
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.more("function y = f(x)")
    s.line("y = x[1] + 1;")
    s.expect(r"error: nnl indexes with parentheses")
    s.expect(r"that line was dropped; the block above is still open")
    s.expect(MORE)
    s.more("y = x(1) + 1;")
    s.run("end")
    s.run("f([4 5])", value("ans", 5))
    s.close()


def check_percent_formatting_is_an_error_at_once(nnl, history):
    """Issue 20.3: Python's `%` formatting does not trap the prompt at `...>`."""
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.line('print("cost = %f" % 0.5)')
    s.expect(r"starts a comment in nnl, so this `\(` is never closed")
    s.expect(re.escape('printf("cost = %f\\n", 0.5)'))
    i = s.expect([PROMPT, MORE])
    assert i == 0, "the prompt was trapped at ...>"
    s.run('printf("cost = %f\\n", 0.5)', r"cost = 0\.500000")
    s.close()


def check_ctrl_c_interrupts_a_loop(nnl, history):
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.run("kept = 42;")
    # Ctrl-C while typing clears the line.
    s.send("this is not a statement")
    s.send(CTRL_C)
    s.expect(PROMPT)
    s.run("1 + 1", value("ans", 2))
    # Ctrl-C during a runaway loop: `interrupted` within a second, workspace intact.
    s.line("while true end")
    time.sleep(0.5)
    start = time.monotonic()
    s.send(CTRL_C)
    s.expect(r"interrupted", timeout=2)
    took = time.monotonic() - start
    assert took < 1.0, f"`interrupted` took {took:.2f} s"
    s.expect(PROMPT)
    s.run("kept", value("kept", 42))
    assert s.child.isalive(), "nnl died"
    s.close()


def check_ctrl_d_leaves_terminal_sane(nnl, history):
    # Through a shell so that `stty -a` reads the terminal right after nnl has gone.
    script = f"{shlex.quote(nnl)}; echo \"status=$?\"; stty -a"
    s = Session(nnl, history, command=["/bin/sh", "-c", script])
    s.expect(PROMPT)
    s.run("x = 1;")
    s.send(CTRL_D)
    s.expect(r"status=(\d+)")
    status = s.child.match.group(1)
    s.child.expect(pexpect.EOF)
    settings = s.child.before
    s.child.close()
    assert status == "0", f"nnl exited with {status}"
    for flag in ("icanon", "echo", "isig", "icrnl", "opost"):
        assert re.search(rf"(?<![-\w]){flag}\b", settings), f"terminal left with -{flag}:\n{settings}"


def check_pipe_has_no_prompts(nnl, history):
    import subprocess
    env = dict(os.environ, NNL_HISTORY=history, NO_COLOR="1")
    out = subprocess.run([nnl], input="x = 1 + 2\nx * 2\n", capture_output=True, text=True,
                         env=env, timeout=TIMEOUT).stdout
    assert "nnl>" not in out and "\x1b" not in out, f"prompt or escapes in piped output:\n{out!r}"
    assert re.search(value("x", 3), out) and re.search(value("ans", 6), out), out


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOMEWORK = os.path.join(ROOT, "lessons/homework")


def check_functions_typed_in_the_repl_saved_as_a_program_run_and_graded(nnl, history):
    """`:save FILE.nnl` writes a program: `nnl run` runs it and `nnl grade` scores it 10/10."""
    import subprocess
    folder = os.path.dirname(history)
    s = Session(nnl, history, cwd=folder)
    with open(os.path.join(HOMEWORK, "solution/planar_classifier.nnl")) as f:
        typed = [line for line in f.read().splitlines() if line.strip() and not line.startswith("%")]
    s.expect(PROMPT)
    for line in typed:  # as a person types them: every function over several lines
        s.line(line)
        s.expect(PROMPT if line == "end" else MORE)
    s.run("alpha = 1.2; note = 'typed at the prompt';")
    s.run(":save planar_classifier.nnl", r"wrote 8 functions and 2 variables to planar_classifier\.nnl, a program")
    s.run(":save work", r"to work\.nnlw")
    s.close()
    ran = subprocess.run([nnl, "run", "planar_classifier.nnl"], cwd=folder, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stderr == "", ran.stderr
    graded = subprocess.run([nnl, "grade", "planar_classifier.nnl", "--tests", os.path.join(HOMEWORK, "tests/tests.nnl")],
                            cwd=folder, capture_output=True, text=True, timeout=300)
    assert "planar_classifier.nnl: 10/10" in graded.stdout, graded.stdout + graded.stderr
    # Read back three ways: Octave's `source` and `run`, and `:load`; the workspace file too.
    s = Session(nnl, history, cwd=folder)
    s.expect(PROMPT)
    s.run("source planar_classifier.nnl")
    s.run("[a, b, c] = layer_sizes(ones(5, 3), ones(2, 3));")
    s.run("a", value("a", 5))
    s.run("clear all")
    s.run("run('planar_classifier.nnl'); alpha", value("alpha", "1.2000"))
    s.run(":load planar_classifier.nnl", r"loaded planar_classifier\.nnl: functions backward_propagation, compute_cost")
    s.run("clear all")
    s.run(":load work.nnlw", r"loaded alpha, note")
    s.run("note", r"note = typed at the prompt")
    s.close()


def check_an_old_workspace_file_named_nnl_still_loads_and_says_what_it_is(nnl, history):
    import subprocess
    folder = os.path.dirname(history)
    with open(os.path.join(folder, "old.nnl"), "w") as f:
        f.write("# Created by nnl\n# name: x\n# type: scalar\n3\n\n")
    ran = subprocess.run([nnl, "run", "old.nnl"], cwd=folder, capture_output=True, text=True, timeout=20)
    assert ran.returncode == 1 and "old.nnl is a workspace file (written by :save), not a program" in ran.stderr, ran.stderr
    s = Session(nnl, history, cwd=folder)
    s.expect(PROMPT)
    s.run(":load old.nnl", r"loaded x \(old\.nnl is a workspace file from an earlier nnl; workspace files are now \.nnlw")
    s.run("x", value("x", 3))
    s.run("source old.nnl", r"`old\.nnl` is a workspace file \(written by :save\), not a program")
    s.close()


def check_vars_lists_by_name(nnl, history):
    s = Session(nnl, history)
    s.expect(PROMPT)
    s.run("b = 1; a = [1 2]; Z = 3;")
    s.line(":vars")
    s.expect(r"Z\s+1×1.*\r\n\s+a\s+1×2.*\r\n\s+b\s+1×1")
    s.expect(PROMPT)
    s.close()


def check_a_pasted_block_taller_than_the_window_echoes_line_by_line(nnl, history):
    s = Session(nnl, history)
    s.child.setwinsize(40, 80)
    s.expect(PROMPT)
    block = ["total = 0;", "for i = 1:58"] + [f"  total = total + {i};" for i in range(57)] + ["end"]
    s.send("\r".join(block) + "\r")  # all at once, as a terminal delivers a paste
    s.child.expect_exact("...> end\r\n")
    echo = s.child.before
    assert "\x1b[7m" not in echo and "\x1b[A" not in echo, "the paste was redrawn: " + repr(echo[-300:])
    for a, b in zip(block[1:-1], block[2:-1]):
        assert a + "\r\n...> " + b in echo, f"{a!r} then {b!r} not echoed in order"
    s.expect(PROMPT)
    s.run("total", value("total", 92568))
    s.close()


CHECKS = [
    check_banner_and_prompt,
    check_typing_and_editing,
    check_history_across_sessions,
    check_tab_completion,
    check_multiline_for,
    check_nested_blocks_typed_line_by_line,
    check_ctrl_c_and_ctrl_d_inside_a_block,
    check_a_slip_inside_a_function_keeps_the_block,
    check_percent_formatting_is_an_error_at_once,
    check_up_recalls_a_block_and_edit_changes_it,
    check_ctrl_c_interrupts_a_loop,
    check_ctrl_d_leaves_terminal_sane,
    check_pipe_has_no_prompts,
    check_functions_typed_in_the_repl_saved_as_a_program_run_and_graded,
    check_an_old_workspace_file_named_nnl_still_loads_and_says_what_it_is,
    check_vars_lists_by_name,
    check_a_pasted_block_taller_than_the_window_echoes_line_by_line,
]


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PATH-TO-nnl", file=sys.stderr)
        return 2
    nnl = os.path.abspath(sys.argv[1])
    if not os.access(nnl, os.X_OK):
        print(f"{nnl}: not an executable")
        print(f"0 passed, {len(CHECKS)} failed")
        return 1
    passed = failed = 0
    for check in CHECKS:
        name = check.__name__.removeprefix("check_")
        with tempfile.TemporaryDirectory() as tmp:
            history = os.path.join(tmp, "history")
            try:
                check(nnl, history)
                passed += 1
                print(f"PASS {name}")
            except (AssertionError, pexpect.ExceptionPexpect, OSError) as error:
                failed += 1
                print(f"FAIL {name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
                detail = getattr(error, "value", None) or str(error)
                for line in str(detail).splitlines()[1:12]:
                    print(f"    {line}")
                if not isinstance(error, (AssertionError, pexpect.ExceptionPexpect)):
                    traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
