"""`jupyter console --kernel nnl` with its full prompt (which asks the kernel's is_complete at
every Enter, unlike --simple-prompt), typed line by line as a learner would: a slip inside a
typed function keeps the function open (issue 20.2), and Python's `%` formatting is an error at
once, never a continuation prompt (issue 20.3).

usage: test_console_blocks.py JUPYTER   (the jupyter command; JUPYTER_PATH must hold the nnl kernelspec)"""
import os
import sys

import pexpect

TIMEOUT = 60
ESCAPES = r"(?:\x1b\[[0-9;?]*[a-zA-Z])*"  # prompt_toolkit colours the prompt's number
MORE = r"\.\.\." + ESCAPES + ":"


def prompt(n):
    return r"In \[" + ESCAPES + str(n) + ESCAPES + r"\]"


def main(jupyter):
    console = pexpect.spawn(jupyter, ["console", "--kernel", "nnl"], encoding="utf-8", timeout=TIMEOUT,
                            dimensions=(40, 120), env=dict(os.environ, TERM="xterm"))
    console.delaybeforesend = 0.1
    console.expect(prompt(1))
    console.send("function y = f(x)\r")
    console.expect(MORE)
    console.send("y = x[1] + 1;\r")
    console.expect("nnl indexes with parentheses")
    console.expect("that line was dropped; the block is still open")
    console.expect(prompt(2))
    console.send("y = x(1) + 1;\r")
    console.expect(MORE)
    console.send("end\r")
    console.expect(prompt(3))
    console.send("f([4 5])\r")
    console.expect(r"ans = 5")
    console.expect(prompt(4))
    console.send('print("cost = %f" % 0.5)\r')
    console.expect("starts a comment in nnl")
    console.expect(prompt(5))
    console.sendcontrol("d")
    console.expect("exit")
    console.send("y\r")
    console.expect(pexpect.EOF)
    console.close()
    print("console blocks: ok")


if __name__ == "__main__":
    main(sys.argv[1])
