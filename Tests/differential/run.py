#!/usr/bin/env python3
"""Differential test: random programs (generate.py) run by nnl and by Octave, outputs compared.

    swift build && python3 Tests/differential/run.py [--count 300] [--first-seed 1] [--nnl PATH]

Needs octave-cli (Debian: apt-get install octave). nnl's display is mapped to Octave's (octave.py)
and both outputs are compared line by line, after trailing blanks. A program differs when its
output or its success differs; the first differing line of each is printed, and the counts at
the end. The differences that are meant are listed in INTENDED.md; the generator avoids them.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE))
from generate import program  # noqa: E402
from octave import from_nnl  # noqa: E402


def clean(text):
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def run(command, path):
    done = subprocess.run(command + [str(path)], capture_output=True, text=True, timeout=120)
    failed = done.returncode != 0 or any(line.startswith("error:") or ": error:" in line for line in done.stderr.splitlines())
    return clean(done.stdout), failed, done.stderr


def compare(seed, nnl, workdir):
    source = program(seed)
    path = workdir / f"p{seed}.m"
    path.write_text(source)
    ours, our_failure, our_errors = run([nnl, "run"], path)
    theirs, their_failure, their_errors = run(["octave-cli", "--no-gui", "--quiet", "--norc"], path)
    ours = from_nnl(ours)
    if ours == theirs and our_failure == their_failure:
        return None
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            return f"line {i + 1} of the output: nnl `{a}`, Octave `{b}`"
    if our_failure != their_failure:
        return f"nnl {'failed' if our_failure else 'ran'}, Octave {'failed' if their_failure else 'ran'}: " \
               f"{(our_errors or their_errors).strip().splitlines()[0] if (our_errors or their_errors).strip() else ''}"
    return f"lengths differ: nnl {len(ours)} lines, Octave {len(theirs)}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--nnl", default=str(HERE.parent.parent / ".build" / "debug" / "nnl"))
    args = parser.parse_args()
    differing = []
    statements = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.first_seed, args.first_seed + args.count):
            statements += program(seed).count("\n")
            difference = compare(seed, args.nnl, pathlib.Path(tmp))
            if difference:
                differing.append(seed)
                print(f"seed {seed}: {difference}")
    print(f"{args.count} programs ({statements} statements): {args.count - len(differing)} identical, "
          f"{len(differing)} different")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
