#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image: install Swift, build nnl.
set -eu
apt-get update && apt-get install -y curl git libreadline-dev
curl -sSfL https://download.swift.org/swiftly/linux/swiftly-x86_64.tar.gz | tar xz -C /tmp
/tmp/swiftly init --quiet-shell-followup --assume-yes
. "${SWIFTLY_HOME_DIR:-$HOME/.local/share/swiftly}/env.sh"
git clone --depth 1 https://github.com/YOUR-COURSE/nnl /opt/nnl
cd /opt/nnl && swift build -c release && install .build/release/nnl /usr/local/bin/nnl
