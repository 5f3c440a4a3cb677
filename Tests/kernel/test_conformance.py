"""jupyter_kernel_test's conformance suite against the nnl kernel.

Run with JUPYTER_PATH pointing at a prefix where `nnl kernel install --prefix` wrote the
kernelspec (Tests/kernel/run.sh does this)."""
import unittest

import jupyter_kernel_test


class NNLJupyterTests(jupyter_kernel_test.KernelTests):
    kernel_name = "nnl"
    language_name = "nnl"
    file_extension = ".nnl"

    code_hello_world = 'printf("hello, world\\n")'
    code_stderr = 'fprintf(2, "to stderr\\n")'
    code_clear_output = "clc"

    completion_samples = [
        {"text": "planar_d", "matches": {"planar_dataset"}},
        {"text": "x = sigmoid_g", "matches": {"sigmoid_grad"}},
        {"text": ":ex", "matches": {":explain"}},
    ]
    complete_code_samples = ["1+1", "x = [1 2; 3 4];", "for i = 1:3\n  disp(i)\nend", ":vars"]
    incomplete_code_samples = ["for i = 1:3", "function y = f(x)", "x = [1 2"]
    invalid_code_samples = ["x = = 1", "1 +* 2", "x = )"]

    code_page_something = "help tanh"
    code_generate_error = 'error("this cell fails")'

    code_execute_result = [
        {"code": "1+1", "result": "ans = 2"},
        {"code": "x = 3*4", "result": "x = 12"},
        {"code": "[1 2 3]", "mime": "text/html"},
    ]
    code_display_data = [{"code": "plot([1 2 3], [4 5 6])", "mime": "image/svg+xml"}]

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "1?1"

    code_inspect_sample = "tanh"

    def test_nnl_stdout_is_a_stream(self):
        self.flush_channels()
        reply, output = self.execute_helper('printf("%d\\n", 1:3)')
        self.assertEqual(reply["content"]["status"], "ok")
        streams = [m["content"] for m in output if m["msg_type"] == "stream"]
        self.assertEqual("".join(s["text"] for s in streams), "1\n2\n3\n")
        self.assertTrue(all(s["name"] == "stdout" for s in streams))

    def test_nnl_warning_on_stderr(self):
        self.flush_channels()
        reply, output = self.execute_helper('warning("careful")')
        self.assertEqual(reply["content"]["status"], "ok")
        streams = [m["content"] for m in output if m["msg_type"] == "stream"]
        self.assertTrue(streams and all(s["name"] == "stderr" for s in streams))
        self.assertIn("careful", "".join(s["text"] for s in streams))

    def test_nnl_error_shows_the_caret(self):
        self.flush_channels()
        reply, output = self.execute_helper("W = ones(2, 3); X = ones(2, 2); W * X")
        self.assertEqual(reply["content"]["status"], "error")
        (error,) = [m["content"] for m in output if m["msg_type"] == "error"]
        self.assertIn("^", "\n".join(error["traceback"]))
        self.assertIn("2×3", error["evalue"])

    def test_nnl_completes_variables_and_fields(self):
        self.flush_channels()
        self.execute_helper("weights_a = 1; p = struct('W1', 1, 'W2', 2);")
        for code, matches, start in [("weights_", ["weights_a"], 0), ("disp(p.W", ["p.W1", "p.W2"], 5)]:
            self.kc.complete(code, len(code))
            reply = self.get_non_kernel_info_reply(timeout=15)
            self.assertEqual(reply["content"]["matches"], matches)
            self.assertEqual(reply["content"]["cursor_start"], start)
            self.assertEqual(reply["content"]["cursor_end"], len(code))

    def test_nnl_explain_prints_its_steps(self):
        self.flush_channels()
        self.execute_helper("m = 4; dZ2 = ones(1, 4); A1 = ones(3, 4);")
        reply, output = self.execute_helper(":explain dW2 = 1/m * dZ2 * A1'")
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in output if m["msg_type"] == "stream")
        self.assertIn("A1'", text)
        self.assertIn("1×3", text)

    def test_nnl_vars_is_an_html_table(self):
        self.flush_channels()
        self.execute_helper("weights = zeros(4, 2);")
        reply, output = self.execute_helper(":vars")
        (shown,) = [m["content"]["data"] for m in output if m["msg_type"] == "display_data"]
        self.assertIn("<table", shown["text/html"])
        self.assertIn("<td style=\"text-align:right\">weights</td><td style=\"text-align:right\">4×2</td>", shown["text/html"])
        self.assertIn("weights", shown["text/plain"])

    def test_nnl_stop_on_error_aborts_queued_cells(self):
        self.flush_channels()
        failing = self.kc.execute('error("first fails")')
        queued = self.kc.execute("never_run = 1")
        replies = {}
        while len(replies) < 2:
            reply = self.kc.get_shell_msg(timeout=15)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(replies[failing], "error")
        self.assertEqual(replies[queued], "aborted")


if __name__ == "__main__":
    unittest.main(verbosity=2)
