"""No peer can block the kernel (issue 25, items 1-5): a subscriber that stops reading, the plain
client loop that reads only shell replies, a shell or heartbeat client that never reads, a
kernel out of file descriptors, and frames with MORE set and no last frame. Each test is
bounded in time, and the kernel's memory (VmHWM) is checked where a peer tries to fill it.

usage: NNL=path/to/nnl test_backpressure.py"""
import socket
import threading
import time
import unittest

import zmq

from harness import Kernel, RawPeer, frame, run, signed

# About 10 MB of output, printed in 20 000 lines.
TEN_MEGABYTES = "line = repmat('x', 1, 500); for i = 1:20000 printf('%s\\n', line); end"


def closed_by_kernel(peer, seconds=5):
    """Whether the kernel ends the connection within `seconds` (reading what it sent before)."""
    peer.socket.settimeout(seconds)
    try:
        while peer.socket.recv(65536):
            pass
        return True
    except socket.timeout:
        return False
    except ConnectionError:
        return True


class BackPressureTests(unittest.TestCase):
    def setUp(self):
        self.kernel = Kernel()
        self.kc = self.kernel.client()

    def tearDown(self):
        self.kc.stop_channels()
        self.kernel.stop()

    def test_a_subscriber_that_stops_reading_stalls_nobody(self):
        stalled = RawPeer(self.kernel.port("iopub"), "SUB", receive_buffer=4096)
        stalled.send([b"\x01"])  # subscribes to everything, then never reads
        time.sleep(0.3)
        start = time.monotonic()
        content, text = run(self.kc, TEN_MEGABYTES, timeout=120)
        elapsed = time.monotonic() - start
        self.assertEqual(content["status"], "ok")
        self.assertEqual(text.count("\n"), 20000, "the reading client lost output")
        print(f"\n  10 MB of output beside a stalled subscriber: {elapsed:.1f} s", flush=True)
        self.assertLess(elapsed, 60)
        # control still answers, and a cell runs, while the stalled peer stays connected
        self.kc.control_channel.send(self.kc.session.msg("kernel_info_request"))
        self.assertEqual(self.kc.control_channel.get_msg(timeout=5)["content"]["status"], "ok")
        self.assertEqual(run(self.kc, "1 + 1", timeout=10)[1], "ans = 2\n")
        stalled.close()

    def test_an_interrupt_is_heard_while_a_subscriber_is_stalled(self):
        stalled = RawPeer(self.kernel.port("iopub"), "SUB", receive_buffer=4096)
        stalled.send([b"\x01"])
        time.sleep(0.3)
        msg_id = self.kc.execute("while true printf('%s\\n', repmat('y', 1, 200)); end")
        time.sleep(2)
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request"))
        self.assertEqual(self.kc.control_channel.get_msg(timeout=5)["msg_type"], "interrupt_reply")
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        stalled.close()

    def test_the_plain_client_loop_never_deadlocks(self):
        """execute, then read only the shell reply: the client's iopub fills up and is dropped."""
        count = 3000
        start = time.monotonic()
        for i in range(count):
            msg_id = self.kc.execute(f"x = {i};")
            reply = self.kc.get_shell_msg(timeout=10)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        elapsed = time.monotonic() - start
        print(f"\n  plain client loop: {count} requests in {elapsed:.1f} s ({count / elapsed:.0f}/s)", flush=True)
        self.assertEqual(run(self.kc, "x", timeout=10)[1], f"x = {count - 1}\n")

    def test_a_shell_client_that_never_reads_blocks_nobody(self):
        greedy = RawPeer(self.kernel.port("shell"), "DEALER", receive_buffer=4096, identity=b"greedy")
        frames, _ = signed(self.kernel.session, "kernel_info_request", {})
        for _ in range(5000):  # ~10 MB of replies it never reads
            greedy.send(frames)
        self.assertEqual(run(self.kc, "2 + 2", timeout=30)[1], "ans = 4\n")
        greedy.close()

    def test_a_heartbeat_client_that_never_reads_stops_no_heartbeat(self):
        flooder = RawPeer(self.kernel.port("hb"), "REQ", receive_buffer=4096)
        deadline = time.monotonic() + 3
        flooder.socket.setblocking(False)
        sent = 0
        while time.monotonic() < deadline:
            try:
                flooder.socket.send(b"\x01\x00\x00\x04ping" * 256)
                sent += 256
            except BlockingIOError:
                time.sleep(0.01)
            except (ConnectionResetError, BrokenPipeError):
                break  # the kernel may cut a flooding peer: that ends only its connection
        context = zmq.Context.instance()
        beat = context.socket(zmq.REQ)
        beat.connect(f"tcp://127.0.0.1:{self.kernel.port('hb')}")
        beat.send(b"ping")
        self.assertEqual(beat.poll(5000), zmq.POLLIN, f"no heartbeat after a flood of {sent} pings")
        self.assertEqual(beat.recv(), b"ping")
        beat.close(linger=0)
        flooder.close()

    def test_a_message_larger_than_the_cap_ends_only_its_connection(self):
        before = self.kernel.status("VmHWM")
        flood = RawPeer(self.kernel.port("shell"), "DEALER")
        chunk = frame(b"\0" * (8 << 20), more=True)
        sent = 0
        with self.assertRaises(OSError):  # reset once the message passes 64 MiB
            for _ in range(40):  # 320 MB with MORE set and never a last frame
                flood.socket.sendall(chunk)
                sent += 1
        grown = (self.kernel.status("VmHWM") - before) / 1024
        print(f"\n  MORE flood: cut after {sent * 8} MB sent; peak memory grew {grown:.0f} MB", flush=True)
        self.assertLess(grown, 250)
        self.assertEqual(run(self.kc, "3 + 3", timeout=10)[1], "ans = 6\n")

    def test_requests_queued_while_a_cell_runs_are_capped_per_client(self):
        before = self.kernel.status("VmHWM")
        msg_id = self.kc.execute("tic; while toc < 6 end")
        while self.kc.get_iopub_msg(timeout=10)["msg_type"] != "execute_input":
            pass  # the cell runs: from now on nothing is handled for 6 s
        flood = RawPeer(self.kernel.port("shell"), "DEALER")
        flood.socket.settimeout(3)
        sent = 0
        try:
            for _ in range(40):  # 320 MB of whole (unsigned) messages while nothing is handled
                flood.socket.sendall(frame(b"\0" * (8 << 20)))
                sent += 1
        except socket.timeout:
            pass  # the kernel stopped reading this client: its TCP buffers are full
        grown = (self.kernel.status("VmHWM") - before) / 1024
        print(f"\n  {sent} of 40 8 MB messages taken while a cell ran; peak memory grew {grown:.0f} MB", flush=True)
        self.assertLess(sent, 40)
        self.assertLess(grown, 250)
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual((reply["parent_header"]["msg_id"], reply["content"]["status"]), (msg_id, "ok"))
        flood.close()

    def test_a_frame_announcing_a_gigabyte_is_refused_at_its_header(self):
        for channel in ("shell", "iopub", "hb", "control"):
            peer = RawPeer(self.kernel.port(channel), "DEALER" if channel != "iopub" else "SUB")
            peer.socket.sendall(b"\x02" + (1 << 30).to_bytes(8, "big") + b"\0" * 65536)
            self.assertTrue(closed_by_kernel(peer), f"{channel} kept a connection that announced 1 GiB")
        self.assertLess(self.kernel.status("VmHWM") / 1024, 300)
        self.assertEqual(run(self.kc, "4 + 4", timeout=10)[1], "ans = 8\n")

    def test_iopub_takes_no_large_message_before_any_key(self):
        peer = RawPeer(self.kernel.port("iopub"), "SUB")
        peer.send([b"\x01"])
        with self.assertRaises(OSError):
            for _ in range(10):
                peer.send([b"\x01" + b"x" * (1 << 20)])  # a 1 MB "subscription"
                time.sleep(0.05)
        self.assertEqual(run(self.kc, "5 + 5", timeout=10)[1], "ans = 10\n")


class OutOfDescriptorsTests(unittest.TestCase):
    def test_accept_backs_off_instead_of_spinning(self):
        kernel = Kernel(max_files=64)
        try:
            kc = kernel.client()
            idle = []
            for _ in range(120):  # more than the kernel may open
                idle.append(socket.create_connection(("127.0.0.1", kernel.port("shell"))))
            time.sleep(0.5)
            cpu = kernel.cpu_seconds()
            time.sleep(2)
            used = kernel.cpu_seconds() - cpu
            print(f"\n  out of descriptors: {used:.2f} s of CPU in 2 s", flush=True)
            self.assertLess(used, 0.5, "the kernel spins when accept fails")
            self.assertEqual(run(kc, "6 + 6", timeout=10)[1], "ans = 12\n")
            for s in idle:
                s.close()
            time.sleep(0.5)
            kc.stop_channels()
            fresh = kernel.client()
            self.assertEqual(run(fresh, "7 + 7", timeout=10)[1], "ans = 14\n")
            fresh.stop_channels()
        finally:
            kernel.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
