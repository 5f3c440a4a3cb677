#!/bin/sh
# The Python tools of the end-to-end checks, from PyPI into a virtualenv under .build (made on
# first use; the build never needs them). Prints the virtualenv's path.
set -eu
venv=$(cd "$(dirname "$0")/../.." && pwd)/.build/kernel-tests-venv
if [ ! -x "$venv/bin/jupyter-console" ] || ! "$venv/bin/python" -c "import nbformat, pexpect" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet jupyter_kernel_test jupyter_client jupyter_console nbclient nbformat pexpect
fi
echo "$venv"
