"""`jupyter console --kernel nnl` driven through a pseudo-terminal, as a learner would type.

usage: test_console.py JUPYTER   (the jupyter command; JUPYTER_PATH must hold the nnl kernelspec)"""
import sys

import pexpect

TIMEOUT = 60


def main(jupyter):
    console = pexpect.spawn(jupyter, ["console", "--kernel", "nnl", "--simple-prompt"],
                            encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 120))
    console.logfile_read = sys.stdout
    console.expect(r"In \[1\]: ")
    console.sendline("W1 = [1 2; 3 4]")
    console.expect(r"Out\[1\]:\s+W1 = \(2×2\)\s+1\s+2\s+3\s+4")
    console.expect(r"In \[2\]: ")
    console.sendline('printf("%d apples\\n", 3)')
    console.expect("3 apples")
    console.expect(r"In \[3\]: ")
    console.sendline("for i = 1:2, disp(i * 10), end")
    console.expect(r"10\s+20")
    console.expect(r"In \[4\]: ")
    console.sendline("W1 * ones(3, 1)")
    console.expect("needs the inner sizes to agree: W1 is 2×2")
    console.expect(r"In \[5\]: ")
    console.sendline("sum(W1(:))")
    console.expect(r"Out\[5\]: ans = 10")
    console.expect(r"In \[6\]: ")
    console.sendeof()
    console.expect(r"really want to exit")
    console.sendline("y")
    console.expect(pexpect.EOF)
    console.close()
    if console.exitstatus != 0:
        raise SystemExit("jupyter console exited with %s" % console.exitstatus)
    print("\nconsole: ok")


if __name__ == "__main__":
    main(sys.argv[1])
