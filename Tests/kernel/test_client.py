"""The nnl kernel driven by jupyter_client: interrupts (message and SIGINT), messages with a
wrong signature, shutdown and restart. Needs JUPYTER_PATH with the nnl kernelspec."""
import os
import signal
import subprocess
import sys
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

from harness import run

TIMEOUT = 20


class ClientTests(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name="nnl", startup_timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)

    def interrupted_loop(self, interrupt):
        run(self.kc, "kept = 42;")
        msg_id = self.kc.execute("while true end")
        time.sleep(1.0)
        interrupt()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertTrue(self.km.is_alive())
        content, text = run(self.kc, "kept")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(text, "kept = 42\n")

    def test_interrupt_message_stops_a_runaway_loop(self):
        self.assertEqual(self.km.kernel_spec.interrupt_mode, "message")
        self.interrupted_loop(self.km.interrupt_kernel)

    def test_sigint_stops_a_runaway_loop(self):
        self.interrupted_loop(lambda: self.km.signal_kernel(signal.SIGINT))

    def test_heartbeat_is_answered(self):
        if not self.kc.hb_channel.is_alive():
            self.kc.hb_channel.start()
        time.sleep(3)
        self.assertTrue(self.kc.hb_channel.is_beating())

    def test_text_is_streamed_while_the_cell_runs(self):
        msg_id = self.kc.execute('printf("started\\n"); tic; while toc < 1.5 end; printf("done\\n")')
        arrivals = {}
        while "done" not in arrivals:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                for word in msg["content"]["text"].split():
                    arrivals[word] = time.monotonic()
        self.assertGreater(arrivals["done"] - arrivals["started"], 1.0,
                           "the first line came only with the last, 1.5 s later")

    def test_message_with_a_wrong_signature_is_ignored(self):
        forged = Session(key=b"not the kernel's key", username="mallory")
        msg = forged.msg("execute_request", {"code": "forged = 1", "silent": False,
                                             "store_history": True, "user_expressions": {},
                                             "allow_stdin": False, "stop_on_error": True})
        forged.send(self.kc.shell_channel.socket, msg)
        with self.assertRaises(Empty):
            self.kc.get_shell_msg(timeout=2)
        content, _ = run(self.kc, "exist('forged')")
        self.assertEqual(content["status"], "ok")
        _, text = run(self.kc, "disp(exist('forged'))")
        self.assertEqual(text, "0\n")

    def test_restart_gives_a_fresh_workspace(self):
        run(self.kc, "before = 1;")
        old_pid = self.km.provisioner.process.pid
        self.km.restart_kernel()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.assertNotEqual(self.km.provisioner.process.pid, old_pid)
        content, text = run(self.kc, "disp(exist('before'))")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(text, "0\n")

    def test_shutdown_request_ends_the_process(self):
        process = self.km.provisioner.process
        msg_id = self.kc.shutdown()
        reply = self.kc.control_channel.get_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"], {"status": "ok", "restart": False})
        self.assertEqual(process.wait(timeout=TIMEOUT), 0)


class OrphanTests(unittest.TestCase):
    def test_kernel_ends_when_its_client_is_killed(self):
        client = subprocess.Popen([sys.executable, "-c", (
            "import time\n"
            "from jupyter_client.manager import start_new_kernel\n"
            "km, kc = start_new_kernel(kernel_name='nnl')\n"
            "print(km.provisioner.process.pid, flush=True)\n"
            "time.sleep(120)\n")], stdout=subprocess.PIPE, text=True)
        kernel = int(client.stdout.readline())
        client.kill()
        client.wait()
        for _ in range(50):
            try:
                os.kill(kernel, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.kill(kernel, signal.SIGKILL)
        self.fail("the kernel outlived its client by 5 s")


if __name__ == "__main__":
    unittest.main(verbosity=2)
