#!/usr/bin/env python3
"""Cross-checks the fixtures against GNU Octave: runs every NAME.nnl here in Octave and compares
its output with NAME.expected (numpy's numbers) as checks/run does.

This shows the programs mean in Octave what make_fixtures.py's numpy twins compute, so the
twins encode Octave's semantics and not a guess. Octave lacks nnl's extras, so they are shimmed
below: numpy's legacy generator (seed/rand/randn, as RNG.md), planar_dataset, the activations,
allclose (numpy's rule), and the np.* spellings, which the source is rewritten to call.

Run: python3 octave_check.py   (needs `octave` on PATH; takes about ten seconds)
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

SHIMS = {
    "allclose": """\
function t = allclose(a, b, rtol)
  if nargin < 3, rtol = 1e-5; end
  t = all(abs(a(:) - b(:)) <= 1e-8 + rtol * abs(b(:)));
end
""",
    "leaky_relu": """\
function s = leaky_relu(z)
  s = max(0.01 * z, z);
end
""",
    "leaky_relu_grad": """\
function s = leaky_relu_grad(z)
  s = 0.01 + 0.99 * (z > 0);
end
""",
    "nnl_double": """\
function d = nnl_double()
  a = floor(nnl_next32() / 32); b = floor(nnl_next32() / 64);
  d = (a * 67108864 + b) / 9007199254740992;
end
""",
    "nnl_gauss": """\
function g = nnl_gauss()
  global NNL_GAUSS
  if !isempty(NNL_GAUSS), g = NNL_GAUSS; NNL_GAUSS = []; return; end
  do
    x1 = 2 * nnl_double() - 1; x2 = 2 * nnl_double() - 1; r2 = x1 * x1 + x2 * x2;
  until r2 < 1 && r2 != 0
  f = sqrt(-2 * log(r2) / r2); NNL_GAUSS = f * x1; g = f * x2;
end
""",
    "nnl_next32": """\
function y = nnl_next32()
  global NNL_MT NNL_IDX
  if NNL_IDX > 624
    for i = 1:624
      y = bitor(bitand(NNL_MT(i), 2147483648), bitand(NNL_MT(mod(i, 624) + 1), 2147483647));
      NNL_MT(i) = bitxor(bitxor(NNL_MT(mod(i + 396, 624) + 1), floor(y / 2)), mod(y, 2) * 2567483615);
    end
    NNL_IDX = 1;
  end
  y = NNL_MT(NNL_IDX); NNL_IDX = NNL_IDX + 1;
  y = bitxor(y, floor(y / 2^11));
  y = bitxor(y, bitand(mod(y * 2^7, 2^32), 2636928640));
  y = bitxor(y, bitand(mod(y * 2^15, 2^32), 4022730752));
  y = bitxor(y, floor(y / 2^18));
end
""",
    "np_dot": """\
function s = np_dot(A, B)
  s = A * B;
end
""",
    "np_exp": """\
function s = np_exp(A)
  s = exp(A);
end
""",
    "np_log": """\
function s = np_log(A)
  s = log(A);
end
""",
    "np_mean": """\
function s = np_mean(A)
  s = mean(A(:));
end
""",
    "np_multiply": """\
function s = np_multiply(A, B)
  s = A .* B;
end
""",
    "np_sum": """\
function s = np_sum(A, varargin)
  axis = -1;
  for k = 1:2:numel(varargin), if strcmp(varargin{k}, 'axis'), axis = varargin{k + 1}; end, end
  if axis < 0, s = sum(A(:)); else, s = sum(A, axis + 1); end
end
""",
    "np_tanh": """\
function s = np_tanh(A)
  s = tanh(A);
end
""",
    "planar_dataset": """\
function [X, Y] = planar_dataset()
  seed(1); N = 200; X = zeros(2, 400); Y = zeros(1, 400);
  for j = 0:1
    t = linspace(j * 3.12, (j + 1) * 3.12, N) + randn(1, N) * 0.2;
    r = 4 * sin(4 * t) + randn(1, N) * 0.2;
    X(:, N*j+1:N*(j+1)) = [r .* sin(t); r .* cos(t)]; Y(N*j+1:N*(j+1)) = j;
  end
end
""",
    "rand": """\
function M = rand(r, c)
  if nargin < 2, c = r; end
  M = zeros(r, c);
  for i = 1:r, for j = 1:c, M(i, j) = nnl_double(); end, end
end
""",
    "randn": """\
function M = randn(r, c)
  if nargin < 2, c = r; end
  M = zeros(r, c);
  for i = 1:r, for j = 1:c, M(i, j) = nnl_gauss(); end, end
end
""",
    "relu": """\
function s = relu(z)
  s = max(0, z);
end
""",
    "relu_grad": """\
function s = relu_grad(z)
  s = double(z > 0);
end
""",
    "seed": """\
function seed(s)
  global NNL_MT NNL_IDX NNL_GAUSS
  NNL_MT = zeros(1, 624); NNL_MT(1) = s;
  for i = 2:624
    p = NNL_MT(i - 1); x = bitxor(p, floor(p / 2^30));
    lo = mod(x, 65536); hi = floor(x / 65536);
    NNL_MT(i) = mod(mod(1812433253 * lo, 2^32) + mod(1812433253 * hi, 65536) * 65536 + (i - 1), 2^32);
  end
  NNL_IDX = 625; NNL_GAUSS = [];
end
""",
    "sigmoid": """\
function s = sigmoid(z)
  s = 1 ./ (1 + exp(-z));
end
""",
    "sigmoid_grad": """\
function s = sigmoid_grad(z)
  s = sigmoid(z) .* (1 - sigmoid(z));
end
""",
    "tanh_grad": """\
function s = tanh_grad(z)
  s = 1 - tanh(z) .^ 2;
end
""",
}


def octave_source(text):
    """nnl's numpy spellings and keyword arguments rewritten into plain Octave."""
    t = text.replace("np.random.seed(", "seed(").replace("np.random.randn(", "randn(")
    t = re.sub(r"np\.zeros\(\(([^()]*)\)\)", r"zeros(\1)", t)
    t = re.sub(r"np\.(\w+)\(", r"np_\1(", t)
    t = re.sub(r"axis\s*=\s*(\d+)", r"'axis', \1", t)
    t = re.sub(r"keepdims\s*=\s*True", r"'keepdims', true", t)
    t = re.sub(r"\.T\b", ".'", t)
    t = re.sub(r"\bTrue\b", "true", t)
    t = re.sub(r"\bFalse\b", "false", t)
    # a script whose first statement defines a function needs another statement first
    return "1;\n" + t if "function" in t else t


def first_mismatch(got, expected):
    for i, (a, b) in enumerate(zip(got, expected)):
        if not abs(float(a) - float(b)) <= 1e-12 + 1e-9 * abs(float(b)):
            return f"value {i + 1}: got {a}, expected {b}"
    return None if len(got) == len(expected) else f"printed {len(got)} values, expected {len(expected)}"


def main():
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in SHIMS.items():
            with open(os.path.join(tmp, name + ".m"), "w") as f:
                f.write(code + "\n")
        for prog in sorted(glob.glob(os.path.join(HERE, "*.nnl"))):
            name = os.path.basename(prog)[:-4]
            with open(os.path.join(tmp, "fixture_" + name + ".m"), "w") as f:
                f.write(octave_source(open(prog).read()))
            p = subprocess.run(["octave", "--no-gui", "--quiet", "--norc", "--path", tmp,
                                "--eval", "fixture_" + name], capture_output=True, text=True)
            expected = open(prog[:-4] + ".expected").read().split()
            problem = f"exit {p.returncode}: {p.stderr.strip()[:300]}" if p.returncode else \
                first_mismatch(p.stdout.split(), expected)
            print(("FAIL " if problem else "ok   ") + name + (f"  ({problem})" if problem else ""))
            bad += problem is not None
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
