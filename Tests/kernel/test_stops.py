"""A Jupyter interrupt never leaves a matrix half updated: loops that update a 1500×1500 W in
place, negate it and multiply it are interrupted at random moments (interrupt_request and
SIGINT); after each, every element of W must equal the first. Needs JUPYTER_PATH with the nnl
kernelspec."""
import random
import signal
import time
import unittest

import test_client
from test_client import TIMEOUT, run

LOOPS = ["while true, W = W - dW; end", "while true, W = -W; end", "while true, W = E * W; end"]
ROUNDS = 6  # per loop and kind of interrupt


class StopTests(unittest.TestCase):
    setUp, tearDown = test_client.ClientTests.setUp, test_client.ClientTests.tearDown  # a kernel of its own per test

    def interrupts_leave_w_whole(self, interrupt):
        content, _ = run(self.kc, "n = 1500; W = ones(n); dW = ones(n) / 8; E = eye(n);")
        self.assertEqual(content["status"], "ok")
        for loop in LOOPS:
            for attempt in range(ROUNDS):
                msg_id = self.kc.execute(loop)
                time.sleep(random.uniform(0.1, 0.5))
                interrupt()
                reply = self.kc.get_shell_msg(timeout=TIMEOUT)
                self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
                self.assertEqual(reply["content"]["status"], "error")
                content, text = run(self.kc, "torn = sum(W(:) ~= W(1))")
                self.assertEqual(content["status"], "ok", text)
                self.assertRegex(text, r"torn\s*=\s*0\b", f"{loop}, attempt {attempt}")

    def test_interrupt_requests(self):
        self.interrupts_leave_w_whole(self.km.interrupt_kernel)

    def test_sigint(self):
        self.interrupts_leave_w_whole(lambda: self.km.signal_kernel(signal.SIGINT))


if __name__ == "__main__":
    unittest.main(verbosity=2)
