"""Running Octave, and the one mapping between its display and nnl's.

nnl shows values as Octave's `format short` does, plus the shape after a matrix's name
(`X = (2×3)`) and `×` in empty shapes (`[](0×3)`). `to_nnl` adds those to Octave's output;
`from_nnl` takes them away, so the two can be compared line by line.
"""
import re
import subprocess

MARK = "@@nnl-line@@"


def run_octave(lines, timeout=60, path=None):
    """Runs each line as its own statement; returns the stdout of each line, as lists of lines.
    `path`: a folder of function files Octave is to find."""
    program = [f"addpath('{path}');"] if path else []
    for line in lines:
        program.append(f'printf("{MARK}\\n");')
        program.append(f"try, {line}\ncatch err, printf('error: %s\\n', err.message); end")
    done = subprocess.run(["octave-cli", "--no-gui", "--quiet", "--norc", "--eval", "\n".join(program)],
                          capture_output=True, text=True, timeout=timeout)
    chunks = done.stdout.split(MARK + "\n")
    return [c.removesuffix("\n").split("\n") if c else [] for c in chunks[1:]]


_HEADER = re.compile(r"^(\s*\w+) =$")
_NNL_HEADER = re.compile(r"^(\s*\w+) = \(\d+×\d+\)$")


def to_nnl(out):
    """Octave's display lines → nnl's: `X =` before a matrix block becomes `X = (r×c)`."""
    result = []
    i = 0
    while i < len(out):
        line = out[i]
        m = _HEADER.match(line)
        if m and i + 1 < len(out) and out[i + 1] == "":
            block = []
            j = i + 2
            while j < len(out) and out[j] != "":
                block.append(out[j])
                j += 1
            if block and not block[0].lstrip().startswith(("Columns", "scalar structure")):
                line = f"{m.group(1)} = ({len(block)}×{len(block[0].split())})"
        result.append(re.sub(r"\[\]\((\d+)x(\d+)\)", r"[](\1×\2)", line))
        i += 1
    return result


def from_nnl(out):
    """nnl's display lines → Octave's."""
    return [re.sub(r"\[\]\((\d+)×(\d+)\)", r"[](\1x\2)", _NNL_HEADER.sub(r"\1 =", line)) for line in out]
