#!/bin/sh
# `nnl grade --check-tests` grades mutants of the homework's solution: the homework's tests kill
# every one but the possibly equivalent (exit 0), and the tests as they were before issue 19
# (each function called only with the lesson's inputs, nn_model untested) let the holes through
# (exit 1, each listed by function, line and edit).
#   Tests/grader/mutants.sh          (uses .build/debug/nnl; NNL=path/to/nnl to choose another)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
nnl=${NNL:-$root/.build/debug/nnl}
homework=$root/lessons/homework
solution=$homework/solution/planar_classifier.nnl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $1"; cat "$2"; exit 1; }

start=$(date +%s.%N)
"$nnl" grade --check-tests "$homework/tests/tests.nnl" --solution "$solution" \
  --starter "$homework/starter/planar_classifier.nnl" --mutation-budget 900 > "$work/strong" \
  || fail "the homework's tests let a mutant through, or disagree" "$work/strong"
end=$(date +%s.%N)
grep -q "^no mutant gets past the tests" "$work/strong" || fail "no verdict" "$work/strong"

status=0
"$nnl" grade --check-tests "$root/Tests/NNLGraderTests/Fixtures/weak_homework_tests.nnl" --solution "$solution" \
  --mutation-budget 900 > "$work/weak" || status=$?
[ "$status" = 1 ] || fail "the weak tests exit $status, expected 1" "$work/weak"
for hole in "update_parameters, line [0-9]*: \`learning_rate\` pinned to 1.2 still scores 10/10" \
            "initialize_parameters, line [0-9]*: \`n_h\` pinned to 4 still scores 10/10" \
            "nn_model, line [0-9]*: .* still scores 10/10 (no test calls nn_model)"; do
  grep -q "$hole" "$work/weak" || fail "the weak tests' report does not list: $hole" "$work/weak"
done
echo "ok: $(grep '^mutants of' "$work/strong" | sed 's/^mutants of [^:]*: //')"
echo "ok: before issue 19's tests, $(grep '^mutants of' "$work/weak" | sed 's/^mutants of [^:]*: //')"
echo "ok: the homework's check took $(echo "$end - $start" | bc) s on $(nproc) cores"
