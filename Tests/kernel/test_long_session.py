"""A long kernel session keeps its memory bounded (issue 21): every cell is distinct text (an
assignment, a handle made by str2func, a recursive function defined again, now and then an
error), and a cell's source goes when nothing made from it is left. The kernel's peak memory
(VmHWM) after the first 2 000 cells and after all of them must be the same within a few MB;
when every cell's text was kept for the process's life, 20 000 cells added about 25 MB.

usage: NNL=path/to/nnl test_long_session.py [CELLS]   (20 000 by default; 100 000 to measure)"""
import sys
import time
import unittest

from harness import Kernel

CELLS = 20_000
WARM = 2_000
# Cells sent before their replies are read: no round trip per cell.
BATCH = 100
ALLOWED_GROWTH_KB = 4_000


def cell(k):
    kind = k % 4
    if kind == 0:
        return f"x = {k};"
    if kind == 1:
        return f"f = str2func('@(x) x + {k}'); y = f(1);"
    if kind == 2:
        return f"function r = fact(n)\n  if n <= 1\n    r = {k % 7 + 1};\n  else\n    r = n * fact(n - 1);\n  end\nend\nz = fact(3);"
    if k % 100 == 3:
        return f"w = x + undefined_{k % 1000};"
    return f"w = {k} + x;"


def expected_status(k):
    return "error" if k % 100 == 3 else "ok"


class LongSession(unittest.TestCase):
    def test_memory_stays_bounded(self):
        kernel = Kernel()
        kc = kernel.client()
        try:
            started = time.time()
            peaks = {}
            for first in range(1, CELLS + 1, BATCH):
                last = min(first + BATCH - 1, CELLS)
                sent = {kc.execute(cell(k), stop_on_error=False): k for k in range(first, last + 1)}
                while sent:
                    reply = kc.get_shell_msg(timeout=60)
                    k = sent.pop(reply["parent_header"]["msg_id"])
                    self.assertEqual(reply["content"]["status"], expected_status(k), (k, cell(k), reply["content"]))
                while kc.iopub_channel.msg_ready():
                    kc.iopub_channel.get_msg(timeout=1)
                if last in (WARM, 10_000, 50_000, CELLS):
                    peaks[last] = kernel.status("VmHWM")
                    print(f"\n  after {last:>6} cells: peak {peaks[last]} kB, now {kernel.status('VmRSS')} kB,"
                          f" {time.time() - started:.0f} s", end="", flush=True)
            print(flush=True)
            self.assertLess(peaks[CELLS] - peaks[WARM], ALLOWED_GROWTH_KB, peaks)
        finally:
            kc.stop_channels()
            kernel.stop()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        CELLS = int(sys.argv.pop(1))
    unittest.main(verbosity=2)
