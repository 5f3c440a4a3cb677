"""Instructions per statement of the course loop, counted by callgrind (valgrind).

Runs lessons/homework/train.nnl for 1 000 iterations, then once more for each statement of the
loop body with that statement written twice: the difference over 1 000 iterations is the
statement's cost per iteration. Counts instructions, not time, so a busy machine does not blur
it. valgrind cannot run AVX-512, so this profiles NNL_CPU=avx2 (or --level).

    python3 bench/profile.py [--nnl PATH] [--level avx2]
"""
import argparse
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def instructions(nnl, level, program, scratch):
    path, out = os.path.join(scratch, "p.nnl"), os.path.join(scratch, "p.callgrind")
    with open(path, "w") as f:
        f.write(program)
    env = dict(os.environ, NNL_CPU=level)
    subprocess.run(["valgrind", "--tool=callgrind", "-q", f"--callgrind-out-file={out}", nnl, "run", path],
                   env=env, stdout=subprocess.DEVNULL, check=True)
    with open(out) as f:
        return next(int(l.split()[1]) for l in f if l.startswith(("summary:", "totals:")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nnl", default=os.path.join(ROOT, ".build", "release", "nnl"))
    parser.add_argument("--level", default="avx2")
    args = parser.parse_args()
    source = open(os.path.join(ROOT, "lessons", "homework", "train.nnl")).read().replace("for i = 0:9999", "for i = 0:999")
    lines = source.split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("for i = 0:999"))
    body = [i for i in range(start + 1, len(lines)) if lines[i].startswith("  ")
            and not lines[i].strip().startswith(("if", "J =", "printf", "end"))]
    statements = [(i, s.strip()) for i in body for s in lines[i].split(";") if s.strip()]
    with tempfile.TemporaryDirectory() as scratch:
        # valgrind's reader fails on the release binary's DWARF 5: profile a copy without it.
        nnl = os.path.join(scratch, "nnl")
        subprocess.run(["objcopy", "--strip-debug", args.nnl, nnl], check=True)
        base = instructions(nnl, args.level, source, scratch)
        print(f"| statement | instructions per iteration ({args.level}) |\n|---|---|")
        total = 0
        for i, statement in statements:
            twice = lines[:]
            twice[i] += f" {statement};"
            cost = (instructions(nnl, args.level, "\n".join(twice), scratch) - base) / 1000
            total += cost
            print(f"| `{statement}` | {cost:,.0f} |", flush=True)
        print(f"| all statements | {total:,.0f} |\n| whole run / 1 000 (with start-up and the data set) | {base / 1000:,.0f} |")


main()
