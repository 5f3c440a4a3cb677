#!/bin/sh
# `nnl check-lessons` prints the same bytes on a terminal as in a pipe: the libraries decide
# nothing by looking at the terminal (timings aside, which differ from run to run).
# Usage: Tests/pty/check_lessons_tty.sh path/to/nnl
set -eu
nnl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.."
untimed() { tr -d '\r' | sed -E 's/ \([0-9.]+ s\)//'; }
on_tty=$(script -qec "NO_COLOR= $nnl check-lessons lessons" /dev/null | untimed)
in_pipe=$("$nnl" check-lessons lessons | untimed)
if [ "$on_tty" = "$in_pipe" ]; then
  echo "check-lessons: the same on a terminal and in a pipe"
  echo "1 passed, 0 failed"
else
  printf 'terminal:\n%s\npipe:\n%s\n' "$on_tty" "$in_pipe"
  echo "0 passed, 1 failed"
  exit 1
fi
