#!/usr/bin/env bash
# `nnl grade --format junit` against Jenkins' junit-10.xsd (Tests/grader/junit-10.xsd), validated
# with xmlschema from PyPI in a virtualenv under .build (made here on first use). The reports:
# the solution, the starter, a submission whose tests stop with errors, a syntax error, and a
# folder of them, so every element the grader writes is checked.
#   Tests/grader/junit_schema.sh     (uses .build/debug/nnl; NNL=path/to/nnl to choose another)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
nnl=${NNL:-$root/.build/debug/nnl}
homework=$root/lessons/homework
venv=$root/.build/grader-tests-venv
if ! "$venv/bin/python" -c 'import xmlschema' 2> /dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet xmlschema
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/class"
cp "$homework/solution/planar_classifier.nnl" "$work/class/solution.nnl"
cp "$homework/starter/planar_classifier.nnl" "$work/class/starter.nnl"
{ cat "$homework/solution/planar_classifier.nnl"; printf 'function p = predict(parameters, X)\n  p = undefined_thing(X);\nend\n'; } > "$work/class/errors.nnl"
printf 'x = [1 2\nprintf("<&>\\x1b")\n' > "$work/class/syntax.nnl"
for s in solution starter errors syntax; do
  "$nnl" grade "$work/class/$s.nnl" --tests "$homework/tests/tests.nnl" --format junit --reveal-hidden --out "$work/$s.xml"
done
"$nnl" grade "$work/class" --tests "$homework/tests/tests.nnl" --format junit --out "$work/class.xml" 2> /dev/null
"$venv/bin/python" - "$root/Tests/grader/junit-10.xsd" "$work"/*.xml <<'PY'
import sys, xmlschema
schema = xmlschema.XMLSchema(sys.argv[1])
for report in sys.argv[2:]:
    schema.validate(report)  # raises, naming the element, when a report does not validate
print(f"junit schema: {len(sys.argv) - 2} reports valid against junit-10.xsd")
PY
