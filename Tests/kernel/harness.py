"""A kernel started by hand (so tests can limit it and watch its memory and CPU), a
jupyter_client for it, and a raw ZMTP peer written with the socket module, which does exactly
what a test says: stops reading, floods frames, never sends a last frame."""
import json
import os
import resource
import shutil
import socket
import struct
import subprocess
import tempfile
import time

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.session import Session

NNL = os.environ.get("NNL", "nnl")
TIMEOUT = 30


class Kernel:
    """`nnl kernel -f FILE` as a child process, with optional extra arguments and fd limit."""

    def __init__(self, *arguments, max_files=None):
        self.folder = tempfile.mkdtemp()
        self.connection_file, self.info = write_connection_file(os.path.join(self.folder, "kernel.json"))
        # The shell's file descriptor limit, for the child only.
        limit = (lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (max_files, max_files))) if max_files else None
        # Its log goes to a file: a pipe nobody reads would fill and block the kernel.
        self.log = open(os.path.join(self.folder, "kernel.log"), "wb")
        self.process = subprocess.Popen([NNL, "kernel", "-f", self.connection_file, *arguments],
                                        preexec_fn=limit, stderr=self.log)
        self.session = Session(key=self.info["key"].encode())

    def client(self):
        kc = BlockingKernelClient(connection_file=self.connection_file)
        kc.load_connection_file()
        kc.start_channels()
        kc.wait_for_ready(timeout=TIMEOUT)
        return kc

    def port(self, channel):
        return self.info[channel + "_port"]

    def status(self, field):
        """A field of /proc/PID/status in kB (VmRSS, VmHWM)."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise KeyError(field)

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def run(kc, code, timeout=TIMEOUT, **options):
    """Executes code; the reply's content and the text it printed or showed."""
    shown = []

    def hook(msg):
        content = msg["content"]
        if msg["msg_type"] == "stream":
            shown.append(content["text"])
        elif msg["msg_type"] in ("execute_result", "display_data"):
            shown.append(content["data"].get("text/plain", "") + "\n")

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook, **options)
    return reply["content"], "".join(shown)


def frame(body, more=False, command=False):
    flags = (1 if more else 0) | (4 if command else 0)
    if len(body) > 255:
        return bytes([flags | 2]) + struct.pack(">Q", len(body)) + body
    return bytes([flags, len(body)]) + body


def message(parts):
    return b"".join(frame(part, more=index < len(parts) - 1) for index, part in enumerate(parts))


class RawPeer:
    """A ZMTP 3.0 peer over a plain TCP socket: greeting and READY, then whatever the test writes."""

    def __init__(self, port, socket_type, receive_buffer=None, identity=b""):
        self.socket = socket.socket()
        if receive_buffer:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.socket.settimeout(TIMEOUT)
        self.socket.connect(("127.0.0.1", port))
        greeting = b"\xff" + b"\0" * 8 + b"\x7f" + b"\x03\x00" + b"NULL".ljust(20, b"\0") + b"\0" + b"\0" * 31
        self.socket.sendall(greeting)
        properties = self.property(b"Socket-Type", socket_type.encode())
        if identity:
            properties += self.property(b"Identity", identity)
        self.socket.sendall(frame(b"\x05READY" + properties, command=True))
        self.read_exactly(64)

    @staticmethod
    def property(name, value):
        return bytes([len(name)]) + name + struct.pack(">I", len(value)) + value

    def read_exactly(self, count):
        data = b""
        while len(data) < count:
            chunk = self.socket.recv(count - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def send(self, parts):
        self.socket.sendall(message(parts))

    def close(self):
        self.socket.close()


def signed(session, msg_type, content):
    """A request's frames as a DEALER sends them, signed with the kernel's key."""
    msg = session.msg(msg_type, content)
    return session.serialize(msg), msg["header"]["msg_id"]
