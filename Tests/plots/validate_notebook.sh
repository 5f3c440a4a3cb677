#!/bin/sh
# Exports Tests/plots/sample_lesson.nnl to .ipynb, .md and .html and checks the notebook
# against nbformat 4's JSON schema (Python's nbformat package: pip install nbformat).
# Usage: Tests/plots/validate_notebook.sh [NNL_BINARY] [OUT_DIR]
set -eu
nnl=${1:-.build/debug/nnl}
out=${2:-.build/plots}
lesson=$(dirname "$0")/sample_lesson.nnl
mkdir -p "$out"
for format in ipynb md html; do
    "$nnl" export "$lesson" --to $format -o "$out/sample_lesson.$format"
done
grep -q "<svg" "$out/sample_lesson.html" || { echo "validate_notebook: no figure in the HTML page"; exit 1; }
grep -q "data:image/svg+xml;base64," "$out/sample_lesson.md" || { echo "validate_notebook: no figure in the Markdown"; exit 1; }
if ! python3 -c "import nbformat" 2>/dev/null; then
    echo "validate_notebook: skipped the schema check, Python's nbformat is not installed (pip install nbformat)"
    exit 77  # "skipped"
fi
python3 - "$out/sample_lesson.ipynb" <<'PY'
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)
outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
assert any("image/svg+xml" in o.get("data", {}) for o in outputs), "no SVG figure among the outputs"
assert any(o.get("name") == "stdout" and "cost after 30 steps" in "".join(o.get("text", "")) for o in outputs), "no printed text"
assert not any(o.get("name") == "stderr" for o in outputs), "a cell failed"
print(f"validate_notebook: {sys.argv[1]} is a valid nbformat {nb.nbformat}.{nb.nbformat_minor} notebook "
      f"({len(nb.cells)} cells, {len(outputs)} outputs)")
PY
