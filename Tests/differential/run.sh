#!/bin/sh
# Differential test against Octave: builds nnl, runs random programs (300 by default) through both.
# Needs octave-cli (Debian: apt-get install octave) and python3; without octave-cli it says
# "skipped" and exits 77 (.ci/run, which installs octave, counts that as a failure). Extra arguments go to run.py, e.g. --count 1000 --first-seed 5000.
set -e
cd "$(dirname "$0")/../.."
command -v octave-cli >/dev/null || { echo "skipped: octave-cli is not installed (apt-get install octave)"; exit 77; }  # "skipped"
swift build
python3 Tests/differential/run.py "$@"
