"""Instructions per statement of a benchmark loop, counted by callgrind (valgrind).

The course loop (lessons/homework/train.nnl, 1 000 iterations) or the per-example loop
(bench/examples.nnl, one pass of 400 examples): the program is run once as it is, then once more
for each statement of the loop body with that statement written twice; the difference over the
iterations is the statement's cost per iteration. Also counts `malloc` calls and atomic
reference counts (swift_retain and swift_release) per iteration, from the loop's run against a
shorter run of it. Counts instructions, not time, so a busy
machine does not blur it. valgrind cannot run AVX-512, so this profiles NNL_CPU=avx2 (or --level).

    python3 bench/profile.py [--nnl PATH] [--level avx2] [--loop course|examples]
"""
import argparse
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# loop: (program, its loop header, the header for the long run, for the short run, iterations of each)
LOOPS = {
    "course": (os.path.join(ROOT, "lessons", "homework", "train.nnl"), "for i = 0:9999",
               "for i = 0:999", "for i = 0:99", 1000, 100),
    "examples": (os.path.join(HERE, "examples.nnl"), "passes = 10;", "passes = 1;", "passes = 0;", 400, 0),
}
# Every atomic reference count passes through swift_retain or swift_release (bridged objects,
# strings and arrays, through swift_bridgeObjectRetain/Release, which call them).
COUNTED = ("malloc", "swift_retain", "swift_release")


def callgrind(nnl, level, program, scratch):
    """Total instructions, and calls of each COUNTED function."""
    path, out = os.path.join(scratch, "p.nnl"), os.path.join(scratch, "p.callgrind")
    with open(path, "w") as f:
        f.write(program)
    env = dict(os.environ, NNL_CPU=level)
    subprocess.run(["valgrind", "--tool=callgrind", "-q", f"--callgrind-out-file={out}", nnl, "run", path],
                   env=env, stdout=subprocess.DEVNULL, check=True)
    total, calls, names = 0, dict.fromkeys(COUNTED, 0), {}
    callee = None
    with open(out) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
            elif line.startswith(("fn=", "cfn=")):
                # "fn=(id) name" names a function the first time, "fn=(id)" after that.
                key, _, name = line.split("=", 1)[1].strip().partition(" ")
                if name:
                    names[key] = name
                if line.startswith("cfn="):
                    callee = names.get(key)
            elif line.startswith("calls=") and callee in calls:
                calls[callee] += int(line[6:].split()[0])
    return total, calls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nnl", default=os.path.join(ROOT, ".build", "release", "nnl"))
    parser.add_argument("--level", default="avx2")
    parser.add_argument("--loop", default="course", choices=LOOPS)
    args = parser.parse_args()
    path, header, long_header, short_header, iterations, short_iterations = LOOPS[args.loop]
    original = open(path).read()
    source = original.replace(header, long_header)
    lines = source.split("\n")
    loop = next(i for i, l in enumerate(lines) if l.strip().startswith("for i = "))
    body = [i for i in range(loop + 1, len(lines)) if lines[i].startswith("  " * (1 if args.loop == "course" else 2))
            and not lines[i].strip().startswith(("if", "J =", "printf", "end", "for"))]
    statements = [(i, s.strip()) for i in body for s in lines[i].split(";") if s.strip()]
    with tempfile.TemporaryDirectory() as scratch:
        # valgrind's reader fails on the release binary's DWARF 5: profile a copy without it.
        nnl = os.path.join(scratch, "nnl")
        subprocess.run(["objcopy", "--strip-debug", args.nnl, nnl], check=True)
        base, calls = callgrind(nnl, args.level, source, scratch)
        short, short_calls = callgrind(nnl, args.level, original.replace(header, short_header), scratch)
        n = iterations - short_iterations
        print(f"| statement | instructions per iteration ({args.level}) |\n|---|---|")
        total = 0
        for i, statement in statements:
            twice = lines[:]
            twice[i] += f" {statement};"
            cost = (callgrind(nnl, args.level, "\n".join(twice), scratch)[0] - base) / iterations
            total += cost
            print(f"| `{statement}` | {cost:,.0f} |", flush=True)
        print(f"| all statements | {total:,.0f} |")
        print(f"| the whole iteration (the difference of two run lengths) | {(base - short) / n:,.0f} |")
        print(f"| `malloc` calls per iteration | {(calls['malloc'] - short_calls['malloc']) / n:,.1f} |")
        rc = sum(calls[k] - short_calls[k] for k in COUNTED[1:])
        print(f"| atomic reference counts (swift_retain and swift_release) per iteration | {rc / n:,.1f} |")


main()
