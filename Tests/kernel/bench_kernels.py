"""Throughput of the plain client loop (execute, read only the shell reply) and the time of
10 MB of output beside a stalled iopub subscriber, for nnl's kernel and, when installed,
ipykernel, on the same machine (the README's numbers). Not a test: it prints.

usage: bench_kernels.py [REQUESTS]   (JUPYTER_PATH must hold the kernelspecs `nnl` and `python3`)"""
import sys
import time

from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import start_new_kernel

from harness import RawPeer

CODE = {
    "nnl": ("x = 1;", "line = repmat('x', 1, 500); for i = 1:20000 printf('%s\\n', line); end"),
    "python3": ("x = 1", "line = 'x' * 500\nfor i in range(20000): print(line)"),
}


def bench(kernel, requests):
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=60)
    try:
        quick, output = CODE[kernel]
        start = time.monotonic()
        for _ in range(requests):
            kc.execute(quick)
            kc.get_shell_msg(timeout=30)
        loop = time.monotonic() - start
        stalled = RawPeer(kc.iopub_port, "SUB", receive_buffer=4096)
        stalled.send([b"\x01"])
        time.sleep(0.5)
        while True:  # what the loop left on iopub
            try:
                kc.get_iopub_msg(timeout=0.5)
            except Exception:
                break
        start = time.monotonic()
        kc.execute_interactive(output, timeout=300, output_hook=lambda msg: None)
        ten = time.monotonic() - start
        print(f"{kernel}: plain client loop {requests} requests in {loop:.1f} s ({requests / loop:.0f}/s); "
              f"10 MB of output beside a stalled subscriber in {ten:.1f} s", flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    for kernel in CODE:
        try:
            bench(kernel, requests)
        except NoSuchKernel:
            print(f"{kernel}: not installed")
