#!/bin/sh
# Grades 200 submissions of the homework in parallel and checks the CSV is complete and right.
#   Tests/grader/batch.sh            (uses .build/debug/nnl; NNL=path/to/nnl to choose another)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
nnl=${NNL:-$root/.build/debug/nnl}
homework=$root/lessons/homework
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/class"

# Five kinds of submission, 40 of each, with the score each must get.
i=0
while [ $i -lt 40 ]; do
  cp "$homework/solution/planar_classifier.nnl" "$work/class/s${i}_right.nnl"
  cp "$homework/starter/planar_classifier.nnl" "$work/class/s${i}_starter.nnl"
  sed 's/cost = -1\/m \* sum(/cost = -sum(/' "$homework/solution/planar_classifier.nnl" > "$work/class/s${i}_cost.nnl"
  sed 's/(1 - cache.A1.^2)/(1 - cache.A1)/' "$homework/solution/planar_classifier.nnl" > "$work/class/s${i}_derivative.nnl"
  { cat "$homework/solution/planar_classifier.nnl"; echo 'x = [1 2'; } > "$work/class/s${i}_syntax.nnl"
  i=$((i + 1))
done

start=$(date +%s.%N)
"$nnl" grade "$work/class" --tests "$homework/tests/tests.nnl" --csv "$work/scores.csv" > /dev/null 2> "$work/summary"
grep -q "^  compute_cost  *80/200  40%" "$work/summary" && grep -q "status: 160 ok, 40 syntax error" "$work/summary" || { echo "FAIL: pass rates"; cat "$work/summary"; exit 1; }
end=$(date +%s.%N)

rows=$(($(wc -l < "$work/scores.csv") - 1))
[ "$rows" -eq 200 ] || { echo "FAIL: $rows rows instead of 200"; exit 1; }
head -1 "$work/scores.csv" | grep -q "^file,score,max_score,status,layer_sizes," || { echo "FAIL: header"; exit 1; }
check() {  # kind, expected score, expected status
  n=$(grep -c "_$1.nnl,$2,10,$3," "$work/scores.csv" || true)
  [ "$n" -eq 40 ] || { echo "FAIL: $n of 40 '$1' submissions scored $2"; grep "_$1.nnl" "$work/scores.csv" | head -3; exit 1; }
}
check right 10 ok
check starter 0 ok
check cost 8 ok  # compute_cost and nn_model (its costs come from compute_cost)
check derivative 8 ok
check syntax 0 "syntax error"
echo "ok: 200 submissions graded in $(echo "$end - $start" | bc) s on $(nproc) cores"
