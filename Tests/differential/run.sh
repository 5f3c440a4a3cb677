#!/bin/sh
# Differential test against Octave: builds nnl, runs 300 fresh random programs through both.
# Needs octave-cli (Debian: apt-get install octave) and python3. Extra arguments go to run.py,
# e.g. --count 1000 --first-seed 5000.
set -e
cd "$(dirname "$0")/../.."
command -v octave-cli >/dev/null || { echo "octave-cli is not installed (apt-get install octave)"; exit 2; }
swift build
python3 Tests/differential/run.py "$@"
