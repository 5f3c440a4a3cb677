"""nnl next to numpy and GNU Octave, interleaved in one run (bench/run.sh builds nnl first).

Each round runs every case once in every tool (nnl once per kernel level asked for), one after
the other, so the machine's load (it is shared) falls on all of them alike; each table shows the
median over the rounds and the ratio to numpy. Writes one table per nnl kernel level, with the
CPU's instruction-set level and numpy's SIMD dispatch and BLAS, as Markdown to bench/RESULTS.md.

    python3 bench/bench.py [--rounds N] [--nnl PATH] [--no-octave] [--levels avx2,auto]

numpy runs without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (some machines set them, and they
slow current numpy's OpenBLAS); nnl's level "auto" is the one it picks itself.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRAIN = os.path.join(ROOT, "lessons", "homework", "train.nnl")
ITERATIONS = 10000
EXPECTED_COSTS = ["0.693048", "0.288083", "0.254385", "0.233864", "0.226792", "0.222644", "0.219731"]

NUMPY_ENV = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
# numpy with its SIMD dispatch held to AVX2 (X86_V3), next to nnl held to AVX2: how numpy runs on
# an AVX2 machine. Only numpy's own loops: OpenBLAS still picks its kernels itself.
NUMPY_AVX2_ENV = dict(NUMPY_ENV, NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR")
NETWORK = os.path.join(HERE, "network.nnl")
EXAMPLES = os.path.join(HERE, "examples.nnl")

# W*X, an MNIST-sized layer: W is 128×784, X is 784×1000.
PRODUCT_FLOPS = 2 * 128 * 784 * 1000
PRODUCT_REPS = 20
NNL_PRODUCT = f"""W = randn(128, 784); X = randn(784, 1000); Z = W*X;
tic; for i = 1:{PRODUCT_REPS}
  Z = W*X;
end
printf("%.9f\\n", toc / {PRODUCT_REPS});"""
NUMPY_PRODUCT = f"""import time, numpy as np
W = np.random.randn(128, 784); X = np.random.randn(784, 1000); Z = W @ X
t = time.perf_counter()
for i in range({PRODUCT_REPS}):
    Z = W @ X
print("%.9f" % ((time.perf_counter() - t) / {PRODUCT_REPS}))"""
OCTAVE_PRODUCT = NNL_PRODUCT

# Element-wise functions of 10^6 values, as a program computes them (a new matrix each time).
ELEMENTS = 10**6
ELEMENT_REPS = 10
FUNCTIONS = {
    # name: (nnl, numpy, octave, argument range)
    "tanh": ("tanh(x)", "np.tanh(x)", "tanh(x)", (-5, 5)),
    "exp": ("exp(x)", "np.exp(x)", "exp(x)", (-5, 5)),
    "log": ("log(x)", "np.log(x)", "log(x)", (0.01, 10)),
    "sigmoid": ("sigmoid(x)", "1 / (1 + np.exp(-x))", "1 ./ (1 + exp(-x))", (-5, 5)),
}


def nnl_elementwise(call, lo, hi):
    return f"""x = rand(1, {ELEMENTS}) * {hi - lo} + {lo}; y = {call};
tic; for i = 1:{ELEMENT_REPS}
  y = {call};
end
printf("%.9f\\n", toc / {ELEMENT_REPS});"""


def numpy_elementwise(call, lo, hi):
    return f"""import time, numpy as np
x = np.random.uniform({lo}, {hi}, {ELEMENTS}).reshape(1, -1); y = {call}
t = time.perf_counter()
for i in range({ELEMENT_REPS}):
    y = {call}
print("%.9f" % ((time.perf_counter() - t) / {ELEMENT_REPS}))"""


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result


def timed(command, **kwargs):
    """Wall seconds, peak resident kilobytes (/usr/bin/time -v) and the result."""
    start = time.perf_counter()
    result = run(["/usr/bin/time", "-v"] + command, **kwargs)
    seconds = time.perf_counter() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, rss, result


def last_number(text):
    return float(text.strip().split()[-1])


def numpy_run(command, env=NUMPY_ENV):
    return run(command, env=env)


class Bench:
    def __init__(self, nnl, octave, scratch, levels):
        self.nnl, self.octave, self.scratch, self.levels = nnl, octave, scratch, levels
        self.samples = {}
        # numpy as it chooses, and held to AVX2 when nnl is.
        self.numpys = [("numpy", NUMPY_ENV)] + ([("numpy-avx2", NUMPY_AVX2_ENV)] if "avx2" in levels else [])

    def nnl_env(self, level):
        env = dict(os.environ)
        env.pop("NNL_CPU", None)
        if level != "auto":
            env["NNL_CPU"] = level
        return env

    def add(self, key, value):
        self.samples.setdefault(key, []).append(value)

    def median(self, key):
        return statistics.median(self.samples[key]) if key in self.samples else None

    def script(self, name, text):
        path = os.path.join(self.scratch, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def octave_eval(self, text):
        return run([self.octave, "--no-gui", "--quiet", self.script("case.m", text)]).stdout

    # 1. The course's training loop.
    def training(self):
        for level in self.levels:
            env = self.nnl_env(level)
            seconds, _, result = timed([self.nnl, "run", TRAIN], env=env)
            costs = re.findall(r"Cost after iteration \d+: (\S+)", result.stdout)
            if costs[:7] != EXPECTED_COSTS or "Accuracy: 90%" not in result.stdout:
                sys.exit(f"nnl's training output changed ({level}):\n" + result.stdout)
            setup, _, _ = timed([self.nnl, "-e", "[X, Y] = planar_dataset();"], env=env)
            self.add(("train", level), (seconds - setup) / ITERATIONS)
        for tool, env in self.numpys:
            result = numpy_run([sys.executable, os.path.join(HERE, "train.py")], env)
            self.add(("train", tool), last_number(result.stderr) / ITERATIONS)
        if self.octave:
            result = run([self.octave, "--no-gui", "--quiet", os.path.join(HERE, "train.m"), self.scratch])
            self.add(("train", "octave"), last_number(result.stdout) / ITERATIONS)

    # 1b. The per-example loop: one example at a time, where the interpreter is all there is.
    def examples(self):
        printed = {}
        for level in self.levels:
            result = run([self.nnl, "run", EXAMPLES], env=self.nnl_env(level))
            printed[level] = result.stdout.split("\n")[0]
            self.add(("examples", level), last_number(result.stdout))
        for tool, env in self.numpys:
            result = numpy_run([sys.executable, os.path.join(HERE, "examples.py")], env)
            printed[tool] = result.stdout.split("\n")[0]
            self.add(("examples", tool), last_number(result.stdout))
        if len(set(printed.values())) != 1:
            sys.exit(f"the per-example loop printed different costs: {printed}")

    # 2. W*X.
    def product(self):
        for level in self.levels:
            self.add(("product", level), last_number(run([self.nnl, "-e", NNL_PRODUCT], env=self.nnl_env(level)).stdout))
        for tool, env in self.numpys:
            self.add(("product", tool), last_number(numpy_run([sys.executable, "-c", NUMPY_PRODUCT], env).stdout))
        if self.octave:
            self.add(("product", "octave"), last_number(self.octave_eval(OCTAVE_PRODUCT)))

    # 3. Element-wise functions.
    def elementwise(self):
        for name, (ours, theirs, octave, (lo, hi)) in FUNCTIONS.items():
            for level in self.levels:
                program = nnl_elementwise(ours, lo, hi)
                self.add((name, level), last_number(run([self.nnl, "-e", program], env=self.nnl_env(level)).stdout))
            for tool, env in self.numpys:
                program = numpy_elementwise(theirs, lo, hi)
                self.add((name, tool), last_number(numpy_run([sys.executable, "-c", program], env).stdout))
            if self.octave:
                self.add((name, "octave"), last_number(self.octave_eval(nnl_elementwise(octave, lo, hi))))

    # 3b. A bigger network: 784-128-1, m = 2000 (no Octave twin).
    def network(self):
        for level in self.levels:
            self.add(("network", level), last_number(run([self.nnl, "run", NETWORK], env=self.nnl_env(level)).stdout))
        for tool, env in self.numpys:
            self.add(("network", tool), last_number(numpy_run([sys.executable, os.path.join(HERE, "network.py")], env).stdout))

    # 4. Start-up.
    def startup(self):
        runs = [(level, [self.nnl, "-e", "1"], self.nnl_env(level)) for level in self.levels]
        runs += [("numpy", [sys.executable, "-c", "import numpy"], NUMPY_ENV)]
        runs += [("octave", [self.octave, "--no-gui", "--quiet", "--eval", "1"], None)] if self.octave else []
        runs += [("launch", ["true"], None)]  # what starting any process this way costs
        for tool, command, env in runs:
            seconds, rss, _ = timed(command, env=env)
            self.add(("startup", tool), seconds)
            self.add(("startup-rss", tool), rss)

    # Memory over a long run: peak RSS after 1 000 and after 20 000 iterations.
    def memory(self):
        text = open(TRAIN).read()
        for n in (1000, 20000):
            path = self.script(f"train{n}.nnl", text.replace("for i = 0:9999", f"for i = 0:{n - 1}"))
            _, rss, _ = timed([self.nnl, "run", path], env=self.nnl_env(self.levels[-1]))
            self.add(("train-rss", n), rss)


def ratio(ours, theirs, higher_is_better=False):
    if ours is None or theirs is None:
        return "—"
    return f"{(ours / theirs if higher_is_better else theirs / ours):.2f}×"


def spread(b, key, ours, theirs):
    """The lowest and highest of the rounds' own ratios (each round's numpy time over nnl's)."""
    pairs = list(zip(b.samples.get((key, ours), []), b.samples.get((key, theirs), [])))
    if len(pairs) < 2:
        return ""
    ratios = [t / o for o, t in pairs]
    return f" ({min(ratios):.2f}–{max(ratios):.2f})"


def table(b, level, octave):
    """The Markdown table of nnl at one kernel level next to numpy (and Octave); nnl held to AVX2
    is also set beside numpy held to AVX2."""
    limited = level == "avx2"
    tools = [level, "numpy"] + (["numpy-avx2"] if limited else []) + (["octave"] if octave else [])
    names = {"numpy-avx2": "numpy (AVX2)"}
    header = (f"| case | nnl ({level}) | " + " | ".join(names.get(t, t) for t in tools[1:]) + " | nnl vs numpy | "
              + ("nnl vs numpy (AVX2) | " if limited else "") + "target |")
    rows = [header, "|" + "---|" * (len(tools) + 3 + limited)]

    def line(case, unit, key, scale, target, higher=False, digits=2):
        values = [b.median((key, t)) for t in tools]
        cells = [f"{v * scale:.{digits}f} {unit}" if v is not None else "—" for v in values]
        if higher:
            cells = [f"{PRODUCT_FLOPS / v / 1e9:.{digits}f} {unit}" if v is not None else "—" for v in values]
        versus = [ratio(values[0], v) for v in values[1:2 + limited]]
        versus = [r if r == "—" else r + " faster" + ("" if higher else spread(b, key, tools[0], t))
                  for r, t in zip(versus, tools[1:2 + limited])]
        rows.append(f"| {case} | " + " | ".join(cells + versus) + f" | {target} |")

    line("training loop, per iteration (2-4-1, m = 400)", "µs", "train", 1e6, "≥ 3×", digits=1)
    line("per-example loop, per example (2-4-1, 16 statements)", "µs", "examples", 1e6, "≥ 6×", digits=2)
    line("784-128-1 network, per iteration (m = 2000)", "ms", "network", 1e3, "≥ 1.0×", digits=1)
    line("`W*X`, 128×784 by 784×1000", "GFLOP/s", "product", 1, "≥ 0.9×", higher=True, digits=1)
    for name in FUNCTIONS:
        line(f"`{name}` of 10⁶ values", "ns/value", name, 1e9 / ELEMENTS, "≥ 1.0×")
    line("start-up (`nnl -e 1` / `import numpy`), wall", "ms", "startup", 1e3, "≤ 15 ms", digits=0)
    values = [b.median(("startup-rss", "numpy" if t == "numpy-avx2" else t)) for t in tools]
    versus = [f"{ratio(values[0], values[1])} less"] * (1 + limited)
    rows.append("| start-up, peak memory | " + " | ".join([f"{v / 1024:.1f} MB" for v in values] + versus) + " | ≤ 15 MB |")
    return "\n".join(rows)


def notes(b, rounds):
    short, long = b.median(("train-rss", 1000)), b.median(("train-rss", 20000))
    return [
        f"Median of {rounds} interleaved rounds; the ratio column is numpy's time over nnl's, with "
        "the lowest and highest of the rounds' own ratios in brackets "
        "(for `W*X`, nnl's GFLOP/s over numpy's), so above 1× means nnl is faster. Both tables "
        "come from the same run: numpy's and Octave's columns are the same measurements.",
        "Training loop: nnl runs `lessons/homework/train.nnl` unchanged (10 000 iterations; the "
        "time of `nnl -e \"[X, Y] = planar_dataset();\"` is subtracted); numpy and Octave time "
        "their loops with their own clocks (`bench/train.py`, `bench/train.m`, same data and weights).",
        "Per-example loop: `bench/examples.nnl` and its numpy twin `bench/examples.py` (the slide's "
        "non-vectorised gradient descent, 10 passes over the 400 examples, each timing its own loop; "
        "both print the same final cost to 10 digits, which the run checks).",
        "784-128-1 network: `bench/network.nnl` and its numpy twin `bench/network.py` (100 iterations, "
        "each timing its own loop).",
        "numpy runs without `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE`. \"numpy (AVX2)\" is numpy with "
        "`NPY_DISABLE_CPU_FEATURES=\"X86_V4 AVX512_ICL AVX512_SPR\"`: its own loops held to AVX2, as "
        "on an AVX2 machine (OpenBLAS, which does the products, still chooses its kernels itself).",
        "Where a target is missed, [PROFILE.md](PROFILE.md) explains why, with callgrind instruction "
        "counts per statement (`python3 bench/profile.py`) and the kernels timed alone (`bench/kernels/run.sh`).",
        f"Start-up is the wall time of the whole command started from Python through `/usr/bin/time -v`; "
        f"`true` takes {b.median(('startup', 'launch')) * 1e3:.1f} ms the same way (not subtracted).",
        f"nnl's peak memory over the training loop: {short / 1024:.1f} MB after 1 000 iterations, "
        f"{long / 1024:.1f} MB after 20 000 (flat: no growth per iteration).",
    ]


def cpu_level():
    """The kernel level nnl picks on this CPU, from the flags /proc/cpuinfo lists."""
    flags = set(next((l.split(":", 1)[1].split() for l in open("/proc/cpuinfo") if l.startswith("flags")), []))
    if {"avx512f", "avx512dq", "avx512vl", "avx512bw"} <= flags:
        return "avx512"
    return "avx2" if {"avx2", "fma"} <= flags else "baseline"


def numpy_setup():
    """numpy's version, SIMD dispatch and BLAS, as numpy and threadpoolctl report them."""
    code = ("import numpy as np, threadpoolctl\n"
            "print('numpy', np.__version__)\n"
            "np.show_runtime()\n"
            "for p in threadpoolctl.threadpool_info():\n"
            "    print('BLAS:', p.get('internal_api'), p.get('version'), 'threads', p.get('num_threads'),"
            " 'core', p.get('architecture'))\n")
    return numpy_run([sys.executable, "-c", code]).stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--nnl", default=os.path.join(ROOT, ".build", "release", "nnl"))
    parser.add_argument("--no-octave", action="store_true")
    parser.add_argument("--levels", default="avx2,auto", help="nnl kernel levels (NNL_CPU values, or auto)")
    args = parser.parse_args()
    levels = args.levels.split(",")
    octave = None if args.no_octave else shutil.which("octave-cli")
    with tempfile.TemporaryDirectory() as scratch:
        b = Bench(os.path.abspath(args.nnl), octave, scratch, levels)
        numpy_run([sys.executable, os.path.join(HERE, "train.py"), "--dump", scratch])
        for r in range(args.rounds):
            print(f"round {r + 1} of {args.rounds}", file=sys.stderr)
            b.training()
            b.examples()
            b.network()
            b.product()
            b.elementwise()
            b.startup()
            b.memory()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    machine = f"{cpu}, {os.cpu_count()} cores, shared with other work; " + time.strftime("%Y-%m-%d")
    best = cpu_level()
    sections = []
    for level in levels:
        name = f"auto ({best})" if level == "auto" else f"NNL_CPU={level}"
        sections.append(f"## nnl with {name}\n\n" + table(b, level, octave))
    octave_note = "" if octave else "\nGNU Octave (`octave-cli`) is not installed: its column is left out.\n"
    text = ("# Benchmark results\n\nMade by `bench/run.sh` on " + machine + ".\n\n"
            + f"The CPU's instruction-set level (nnl's automatic choice): **{best}**.\n" + octave_note
            + "\n" + "\n\n".join(sections) + "\n\n" + "\n".join("- " + n for n in notes(b, args.rounds))
            + "\n\n## numpy on this machine\n\n```\n" + numpy_setup() + "\n```\n")
    print(text)
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write(text)


main()
