#!/bin/sh
# The kernel's end-to-end tests: the conformance suite, jupyter_client, jupyter console,
# exported lessons under nbclient, back-pressure (peers that stop reading, floods, EMFILE),
# ipykernel's answers, the learner's notebooks judged and a 20 000-cell session's memory. Each is bounded by `timeout`. The Python tools live in a virtualenv under .build (made
# here on first use, from PyPI); the kernelspec goes to a temporary prefix, never the user's.
# usage: Tests/kernel/run.sh NNL
set -eu
nnl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
venv=$("$here/venv.sh")
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$nnl" kernel install --prefix "$prefix"
export JUPYTER_PATH="$prefix/share/jupyter"
# Connection files and runtime state stay out of the user's folders too.
export JUPYTER_RUNTIME_DIR="$prefix/runtime" JUPYTER_DATA_DIR="$prefix/data" JUPYTER_CONFIG_DIR="$prefix/config"
"$venv/bin/python" "$here/test_conformance.py"
"$venv/bin/python" "$here/test_client.py"
"$venv/bin/python" "$here/test_stops.py"
"$venv/bin/python" "$here/test_console.py" "$venv/bin/jupyter"
"$venv/bin/python" "$here/test_console_blocks.py" "$venv/bin/jupyter"
"$venv/bin/python" "$here/test_lessons.py" "$nnl" "$here"/../../lessons/*.nnl
export NNL="$nnl"
timeout 900 "$venv/bin/python" "$here/test_backpressure.py"
timeout 600 "$venv/bin/python" "$here/test_long_session.py"
timeout 600 "$venv/bin/python" "$here/test_answers.py"
timeout 900 "$venv/bin/python" "$here/test_exercises.py" "$nnl" "$here/../../lessons"
