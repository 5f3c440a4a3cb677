"""The kernel answers as ipykernel does (issue 25, items 6-7): aborted executes after an error,
user_expressions, inspect, comm_open for an unknown target, interrupts during a long parse and
straight-line code.

usage: NNL=path/to/nnl test_answers.py"""
import time
import unittest

from harness import TIMEOUT, Kernel, run

SLOW_FAILURE = "tic; while toc < 0.5 end; error('boom')"


class AnswerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.kernel = Kernel()
        cls.kc = cls.kernel.client()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.kernel.stop()

    def replies(self, msg_ids):
        by_id = {}
        while len(by_id) < len(msg_ids):
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            by_id[reply["parent_header"]["msg_id"]] = reply["content"]
        return [by_id[msg_id] for msg_id in msg_ids]

    def test_every_execute_queued_behind_an_error_is_aborted(self):
        run(self.kc, "n = 0;")
        first = self.kc.execute(SLOW_FAILURE)
        queued = [self.kc.execute("n = n + 1;") for _ in range(29)]
        replies = self.replies([first] + queued)
        self.assertEqual(replies[0]["status"], "error")
        self.assertEqual(replies[1:], [{"status": "aborted"}] * 29)
        content, text = run(self.kc, "n")
        self.assertEqual((content["status"], text), ("ok", "n = 0\n"))

    def test_a_silent_cells_error_aborts_nothing(self):
        run(self.kc, "s = 0;")
        first = self.kc.execute(SLOW_FAILURE, silent=True)
        queued = [self.kc.execute("s = s + 1;") for _ in range(5)]
        replies = self.replies([first] + queued)
        self.assertEqual(replies[0]["status"], "error")
        self.assertEqual([r["status"] for r in replies[1:]], ["ok"] * 5)
        self.assertEqual(run(self.kc, "s")[1], "s = 5\n")

    def test_stop_on_error_false_aborts_nothing(self):
        first = self.kc.execute(SLOW_FAILURE, stop_on_error=False)
        after = self.kc.execute("t = 1;")
        self.assertEqual([r["status"] for r in self.replies([first, after])], ["error", "ok"])

    def test_user_expressions_are_evaluated(self):
        content, _ = run(self.kc, "u = [1 2 3];", user_expressions={"total": "sum(u)", "bad": "nosuchname"})
        expressions = content["user_expressions"]
        self.assertEqual(expressions["total"], {"status": "ok", "data": {"text/plain": "6"}, "metadata": {}})
        self.assertEqual(expressions["bad"]["status"], "error")
        self.assertIn("nosuchname", expressions["bad"]["evalue"])

    def test_a_cell_of_megabytes_is_refused_at_once(self):
        before = self.kernel.status("VmHWM")
        start = time.monotonic()
        content, _ = run(self.kc, "x=1;" * (5 << 18), timeout=60)  # 5 MB
        self.assertEqual(content["status"], "error")
        self.assertIn("a cell may hold up to 4 MB", content["evalue"])
        self.assertLess(time.monotonic() - start, 20)
        self.assertLess((self.kernel.status("VmHWM") - before) / 1024, 200)

    def test_a_syntax_error_names_the_separator_it_found(self):
        content, _ = run(self.kc, "x = 1 + ;")
        self.assertEqual(content["status"], "error")
        self.assertIn("found `;`", content["evalue"])
        self.assertNotIn("or `,`", content["evalue"])

    def inspect(self, code, cursor=None):
        self.kc.inspect(code, len(code) if cursor is None else cursor)
        return self.kc.get_shell_msg(timeout=TIMEOUT)["content"]

    def test_inspect_shows_the_call_being_written(self):
        for code in ("tanh(", "A = tanh(", "tanh(x", "y = tanh(2 * (x"):
            content = self.inspect(code)
            self.assertTrue(content["found"], code)
            self.assertIn("tanh(X)", content["data"]["text/plain"], code)

    def test_inspect_finds_struct_fields(self):
        run(self.kc, "p = struct(); p.W1 = [1 2; 3 4];")
        content = self.inspect("p.W1")
        self.assertTrue(content["found"])
        self.assertIn("p.W1", content["data"]["text/plain"])
        self.assertIn("3   4", content["data"]["text/plain"])
        self.assertFalse(self.inspect("p.nothing")["found"])

    def test_comm_open_for_an_unknown_target_is_closed(self):
        msg = self.kc.session.msg("comm_open", {"comm_id": "c-1", "target_name": "no.such.target", "data": {}})
        self.kc.shell_channel.send(msg)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            reply = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if reply["msg_type"] == "comm_close":
                self.assertEqual(reply["content"]["comm_id"], "c-1")
                return
        self.fail("no comm_close")

    def interrupted(self, code, after):
        msg_id = self.kc.execute(code)
        time.sleep(after)
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request"))
        start = time.monotonic()
        reply = self.kc.get_shell_msg(timeout=60)
        while reply["parent_header"]["msg_id"] != msg_id:  # a reply an earlier failure left
            reply = self.kc.get_shell_msg(timeout=60)
        return reply["content"], time.monotonic() - start

    def test_an_interrupt_stops_straight_line_code(self):
        # 40 000 statements, no loop and no user function: each product takes a while
        content, waited = self.interrupted("A = rand(120);\n" + "B = A * A;\n" * 40000, after=3)
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(waited, 5)

    def test_an_interrupt_stops_a_long_parse(self):
        # 3.6 MB on one line: reading it all took minutes in a debug build
        content, waited = self.interrupted("x = 1;" * 600_000, after=0.5)
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(waited, 20)
        content, text = run(self.kc, "1")
        self.assertEqual((content["status"], text), ("ok", "ans = 1\n"), content)


if __name__ == "__main__":
    unittest.main(verbosity=2)
