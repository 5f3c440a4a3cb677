#!/usr/bin/env bash
# The grader's hostile corpus: submissions (and teacher mistakes) that tried to get a wrong
# score, read what they should not, break the report or crash the grader. Each case runs the
# real `nnl grade` and checks what a teacher or student would see; the script counts how many
# it tried and how many were contained, and fails unless all were.
#   Tests/grader/hostile.sh          (uses .build/debug/nnl; NNL=path/to/nnl to choose another)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
nnl=${NNL:-$root/.build/debug/nnl}
case $nnl in /*) ;; *) nnl=$root/$nnl ;; esac
homework=$root/lessons/homework
solution=$homework/solution/planar_classifier.nnl
starter=$homework/starter/planar_classifier.nnl
tests=$homework/tests/tests.nnl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The grader's private copies go here, so the corpus can check none is left behind.
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
cd "$work"

tried=0 contained=0
# try NAME FUNCTION: one hostile case; the function succeeds when it was contained.
try() {
  tried=$((tried + 1))
  rm -rf "$work/case" && mkdir "$work/case"
  if (cd "$work/case" && "$2") > "$work/log" 2>&1; then
    contained=$((contained + 1))
  else
    echo "NOT CONTAINED: $1"
    sed 's/^/    /' "$work/log" | head -30
  fi
}
# Each case runs in a subshell of its own: a failed expectation ends it.
fail() { echo "$*"; exit 1; }
grade() { "$nnl" grade "$@"; }
# The first line of the text report: "NAME: SCORE/MAX".
score() { grade "$1" --tests "${2:-$tests}" | head -1 | sed 's/.*: //'; }
expect_score() {  # FILE WANT [TESTS]
  got=$(score "$1" "${3:-$tests}")
  [ "$got" = "$2" ] || fail "$1 scored $got, expected $2"
}
no_temp_left() { [ -z "$(ls -A "$TMPDIR")" ] || fail "temporary folders left: $(ls "$TMPDIR")"; }
exit_is() {  # WANT COMMAND...: runs it, keeps its stderr in err, checks its status
  want=$1; shift
  "$@" > out 2> err
  status=$?
  [ "$status" = "$want" ] || fail "exit $status, expected $want: $* ($(cat err))"
}

# ---- 1–2. Windows and old Mac line ends, byte-order marks ----
crlf() { sed 's/$/\r/' "$1"; }
cr() { tr '\n' '\r' < "$1"; }
bom() { printf '\357\273\277'; cat "$1"; }
case_crlf_solution() { crlf "$solution" > s.nnl; expect_score s.nnl 10/10; }
case_cr_solution() { cr "$solution" > s.nnl; expect_score s.nnl 10/10; }
case_bom_solution() { bom "$solution" > s.nnl; expect_score s.nnl 10/10; }
case_bom_crlf_starter() { crlf "$starter" > c.nnl; bom c.nnl > s.nnl; expect_score s.nnl 0/10; }
case_crlf_tests() {
  crlf "$tests" > t.nnl
  expect_score "$solution" 10/10 t.nnl && expect_score "$starter" 0/10 t.nnl
}
case_cr_bom_tests() {
  cr "$tests" > c.nnl; bom c.nnl > t.nnl
  expect_score "$solution" 10/10 t.nnl && expect_score "$starter" 0/10 t.nnl
}
case_crlf_run_and_load() {
  printf '\357\273\2771, 2\r\n3, 4\r\n' > m.csv
  printf '%% load a Windows file\r\nm = load("m.csv");\r\nprintf("%%d\\n", sum(m(:)))\r\n' > p.nnl
  [ "$("$nnl" run p.nnl)" = 10 ] || fail "nnl run + load of CRLF files printed $("$nnl" run p.nnl 2>&1)"
}
case_crlf_lesson() {
  mkdir lessons && crlf "$root/lessons/05-activation-functions.nnl" > lessons/05-activation-functions.nnl
  "$nnl" check-lessons lessons > out 2>&1 || fail "a CRLF lesson does not check: $(cat out)"
}
try "CRLF submission" case_crlf_solution
try "CR-only submission" case_cr_solution
try "submission with a byte-order mark" case_bom_solution
try "starter with BOM and CRLF stays 0" case_bom_crlf_starter
try "CRLF test file" case_crlf_tests
try "CR test file with a BOM" case_cr_bom_tests
try "nnl run and load read CRLF and BOM" case_crlf_run_and_load
try "CRLF lesson" case_crlf_lesson

# ---- 3–4. Links are refused; single files are graded from a private copy ----
case_link_to_passwd() {
  ln -s /etc/passwd s.nnl
  for f in text json gradescope junit; do
    grade s.nnl --tests "$tests" --format $f > out || fail "$f: exit $?"
    grep -q "root:" out && fail "$f report shows /etc/passwd"
    grep -q "not a regular file" out || fail "$f report does not say 'not a regular file'"
  done
  true
}
case_link_to_tests_in_folder() {
  mkdir class && cp "$solution" class/alice.nnl && ln -s "$tests" class/bob.nnl
  grade class --tests "$tests" --format json --reveal-hidden > out 2> err || fail "exit $?"
  grep -q "0.017332478593280201" out && fail "the report echoes the tests"
  grep -q "not a regular file" out || fail "the link is not refused"
}
case_link_in_student_folder() {
  mkdir -p class/carol && ln -s /etc/passwd class/carol/hw.nnl
  grade class --tests "$tests" --csv c.csv 2> err; grep -q "class/carol/hw.nnl,0,10,not graded" c.csv || fail "$(cat c.csv)"
}
case_dangling_link() {
  ln -s /nonexistent/x.nnl s.nnl
  grade s.nnl --tests "$tests" > out; grep -q "not a regular file" out || fail "$(cat out)"
}
case_single_file_private() {
  cp "$solution" bob.nnl
  { cat "$starter"; echo 'x = 1; save("bob.nnl", "x"); save("alice.nnl", "x");'; } > alice.nnl
  cp alice.nnl alice.orig
  grade alice.nnl --tests "$tests" > /dev/null
  cmp -s bob.nnl "$solution" || fail "alice.nnl overwrote bob.nnl"
  cmp -s alice.nnl alice.orig || fail "alice.nnl overwrote itself"
}
try "submission is a link to /etc/passwd" case_link_to_passwd
try "folder entry is a link to the tests" case_link_to_tests_in_folder
try "link inside a student's folder" case_link_in_student_folder
try "dangling link" case_dangling_link
try "single file saves over a classmate" case_single_file_private

# ---- 7. Control characters in the text report ----
case_escape_output() {
  { cat "$solution"; echo 'printf("\x1b[2J\x1b[H\r%s\a\n", "10/10 ✓")'; } > s.nnl
  grade s.nnl --tests "$tests" > out
  LC_ALL=C grep -q "$(printf '[\033\r\a]')" out && fail "raw control characters reach the terminal"
  grep -qF '\e[2J\e[H^M10/10 ✓^G' out || fail "control characters are not shown escaped: $(grep -a 10/10 out)"
}
case_escape_error() {
  { cat "$solution"; printf 'function [n_x, n_h, n_y] = layer_sizes(X, Y)\n  error("\\x1b]0;pwned\\a\\x1b[2K")\nend\n'; } > s.nnl
  grade s.nnl --tests "$tests" > out
  LC_ALL=C grep -q "$(printf '[\033\a]')" out && fail "raw control characters in an error message"
  grep -qF '\e]0;pwned^G' out || fail "the error is not shown escaped"
}
case_escape_filename() {
  mkdir class && cp "$solution" "class/$(printf 'x\033[31m.nnl')"
  grade class --tests "$tests" --format text --out r.txt 2> err
  LC_ALL=C grep -q "$(printf '\033')" r.txt && fail "a file name's ESC reaches the report"
  grep -qF 'x\e[31m.nnl: 10/10' r.txt || fail "$(cat r.txt | head -3)"
}
try "output with ESC, CR and BEL" case_escape_output
try "error message with an OSC title sequence" case_escape_error
try "file name with ESC" case_escape_filename

# ---- 10. Crashes and validation: exit 2 with a message, nothing left behind ----
case_huge_points() {
  printf '%%%% a [points=1e19]\ncheck(1)\n' > t.nnl
  for f in text gradescope junit json; do exit_is 2 grade "$solution" --tests t.nnl --format $f || return 1; done
  grep -q "t.nnl:1: .*points=1e19" err || fail "$(cat err)"
  no_temp_left
}
case_bad_timeouts() {
  for t in inf -1 0 nan 1e9; do exit_is 2 grade "$solution" --tests "$tests" --timeout $t || return 1; done
  grep -q -- "--timeout" err || fail "$(cat err)"
  no_temp_left
}
case_bad_jobs_and_fail_under() {
  exit_is 2 grade "$solution" --tests "$tests" --jobs 0 && exit_is 2 grade "$solution" --tests "$tests" --fail-under inf
}
case_unwritable_out() {
  mkdir folder
  exit_is 2 grade "$solution" --tests "$tests" --out folder || return 1
  grep -q "cannot write folder" err || fail "$(cat err)"
  exit_is 2 grade "$solution" --tests "$tests" --out /nonexistent/r.json || return 1
  exit_is 2 grade . --tests "$tests" --csv /nonexistent/c.csv || return 1
  grep -q "cannot write /nonexistent/c.csv" err || fail "$(cat err)"
  no_temp_left
}
try "[points=1e19]" case_huge_points
try "--timeout inf, -1, 0, nan, 1e9" case_bad_timeouts
try "--jobs 0, --fail-under inf" case_bad_jobs_and_fail_under
try "unwritable --out and --csv" case_unwritable_out

# ---- 11. Strict test files ----
strict() {  # TEXT EXPECTED-MESSAGE
  printf "$1" > t.nnl
  exit_is 2 grade "$solution" --tests t.nnl || return 1
  grep -qF "$2" err || fail "expected '$2', got: $(cat err)"
}
case_second_setup() { strict '%%%% setup\nx = 1;\n%%%% setup\ny = 2;\n%%%% a\ncheck(1)\n' 't.nnl:3: a second `%% setup`'; }
case_setup_upper() { strict '%%%% SETUP [points=5]\nx = 1;\n%%%% a\ncheck(1)\n' 't.nnl:1: the setup cell is written `%% setup`'; }
case_hidden_no() { strict '%%%% a [hidden=no]\ncheck(1)\n' 't.nnl:1: `[hidden=no]`'; }
case_duplicate_attribute() { strict '%%%% a [points=1] [points=3]\ncheck(1)\n' 't.nnl:1: the attribute `[points]` is given twice'; }
case_duplicate_name() { strict '%%%% a\ncheck(1)\n%%%% a\ncheck(1)\n' 't.nnl:3: a second test named `a`'; }
try "second %% setup" case_second_setup
try "%% SETUP [points=5]" case_setup_upper
try "[hidden=no]" case_hidden_no
try "[points=1] [points=3]" case_duplicate_attribute
try "duplicate test names" case_duplicate_name

# ---- 12. The smaller ones ----
case_json_array_for_one() {
  mkdir class && cp "$solution" class/a.nnl
  grade class --tests "$tests" --format json --out r.json 2> err
  python3 -c 'import json,sys; r=json.load(open("r.json")); sys.exit(0 if isinstance(r, list) and len(r) == 1 else 1)' || fail "not an array of one"
}
case_mistyped_path() { exit_is 2 grade soluton.nnl --tests "$tests" && grep -q "soluton.nnl: no such file" err; }
case_empty_folder() { mkdir empty && exit_is 0 grade empty --tests "$tests" --csv c.csv && grep -q "warning: no submissions" err; }
case_m_files_and_others() {
  mkdir class && cp "$solution" class/a.m && echo data > class/notes.txt
  grade class --tests "$tests" --csv c.csv 2> err
  grep -q "^class/a.m,10,10,ok" c.csv || fail "the .m file is not graded: $(cat c.csv)"
  grep -q "skipped class/notes.txt" err || fail "notes.txt skipped silently"
}
case_student_folders() {
  mkdir -p class/alice class/bob class/carol
  cp "$solution" class/alice/hw.nnl; cp "$starter" class/bob/planar_classifier.nnl; echo data > class/bob/readme.txt
  cp "$solution" class/carol/a.nnl; cp "$starter" class/carol/b.nnl
  grade class --tests "$tests" --csv c.csv 2> err
  grep -q "^class/alice/hw.nnl,10,10,ok" c.csv && grep -q "^class/bob/planar_classifier.nnl,0,10,ok" c.csv \
    && grep -q "^class/carol/,0,10,not graded" c.csv || fail "$(cat c.csv)"
}
case_junit_errors() {
  { cat "$solution"; printf 'function p = predict(parameters, X)\n  p = undefined_thing(X);\nend\n'; } > s.nnl
  grade s.nnl --tests "$tests" --format junit --reveal-hidden > r.xml
  grep -q '<testsuite name="s.nnl" tests="8" failures="0" errors="1"' r.xml || fail "$(grep '<testsuite ' r.xml)"
  grep -q '<error message=' r.xml || fail "no <error> element"
}
case_csv_adds_up() {
  printf '%%%% thirds [points=2] [partial]\ncheck(1, "a")\ncheck(0, "b")\ncheck(0, "c")\n%%%% more thirds [points=2] [partial]\ncheck(1, "a")\ncheck(0, "b")\ncheck(0, "c")\n' > t.nnl
  mkdir class && echo 'x = 1;' > class/a.nnl
  grade class --tests t.nnl --csv c.csv 2> err
  grep -q "^class/a.nnl,1.334,4,ok,0.667,0.667$" c.csv || fail "$(cat c.csv)"
}
case_csv_formula() {
  mkdir "=HYPERLINK(1)" && cp "$starter" "=HYPERLINK(1)/a.nnl"
  sed 's/^%% layer_sizes/%% @SUM(A1)/' "$tests" > t.nnl
  grade "=HYPERLINK(1)" --tests t.nnl --csv c.csv 2> err
  grep -q "^'=HYPERLINK(1)/a.nnl,0,10,ok," c.csv && grep -q "^file,score,max_score,status,'@SUM(A1)," c.csv || fail "$(cat c.csv)"
}
case_gradescope_visible_score() {
  grade "$solution" --tests "$tests" --format gradescope > r.json
  python3 - <<'EOF' || fail "$(head -4 r.json)"
import json, sys
r = json.load(open("r.json"))
sys.exit(0 if r["output"].startswith("Visible tests: 8/8 points (2 other") and "10/10" not in r["output"] else 1)
EOF
}
try "JSON for a folder of one is an array" case_json_array_for_one
try "mistyped submission path" case_mistyped_path
try "empty folder" case_empty_folder
try ".m files graded, other files reported" case_m_files_and_others
try "per-student subfolders" case_student_folders
try "JUnit counts runtime errors as errors" case_junit_errors
try "CSV columns add up" case_csv_adds_up
try "CSV cells that look like formulas" case_csv_formula
try "Gradescope output counts only visible tests" case_gradescope_visible_score

# ---- The teacher's workflow ----
case_check_tests() {
  exit_is 0 grade --check-tests "$tests" --solution "$solution" --starter "$starter" --mutation-budget 0 || return 1  # mutants: Tests/grader/mutants.sh
  sed 's/2.2760671430320207/2.5/' "$tests" > wrong.nnl
  exit_is 1 grade --check-tests wrong.nnl --solution "$solution" || return 1
  grep -q "1 test disagrees: compute_cost" out || fail "$(cat out)"
  exit_is 1 grade --check-tests "$tests" --solution "$solution" --starter "$solution" || return 1
  grep -q "the starter scores" out || fail "$(cat out)"
  exit_is 2 grade --check-tests "$tests" --solution solutoin.nnl && grep -q "solutoin.nnl: no such file" err
}
case_fail_under() {
  exit_is 0 grade "$solution" --tests "$tests" --fail-under 10 && exit_is 1 grade "$starter" --tests "$tests" --fail-under 5
}
case_visibility() {
  printf '%%%% a [hidden]\ncheck(1)\n%%%% b [after_due_date]\ncheck(1)\n%%%% c [never]\ncheck(1)\n%%%% d\ncheck(0, "no")\n' > t.nnl
  grade "$solution" --tests t.nnl --format gradescope > r.json
  python3 - <<'EOF' || fail "$(cat r.json)"
import json, sys
r = json.load(open("r.json"))
ok = [t["visibility"] for t in r["tests"]] == ["after_published", "after_due_date", "hidden", "visible"]
sys.exit(0 if ok and r["output"].startswith("Visible tests: 0/1 points") else 1)
EOF
}
case_test_timeout() {
  printf '%%%% slow [timeout=1]\nwhile true\nend\n%%%% fast\ncheck(1)\n' > t.nnl
  start=$(date +%s)
  grade "$solution" --tests t.nnl > out
  [ $(($(date +%s) - start)) -lt 8 ] || fail "the per-test timeout did not hold"
  grep -q "time limit (1 s)" out && grep -q "1/2" out || fail "$(cat out)"
}
forbid_tests='%%%% forbid: relu\n%%%% my_relu\ncheck(isequal(my_relu([-1 2]), [0 2]), "my_relu")\ncheck(isequal(relu([-1 2]), [0 2]), "tests may still call relu")\n'
case_forbid() {
  printf "$forbid_tests" > t.nnl
  printf 'function y = my_relu(x)\n  y = relu(x);\nend\n' > direct.nnl
  printf 'function y = my_relu(x)\n  f = str2func(["re" "lu"]); y = f(x);\nend\n' > handle.nnl
  printf 'function y = my_relu(x)\n  y = feval("relu", x);\nend\n' > feval.nnl
  printf 'function y = my_relu(x)\n  f = @relu; y = f(x);\nend\n' > at.nnl
  for s in direct handle feval at; do
    grade $s.nnl --tests t.nnl > out
    head -1 out | grep -q ": 0/1" && grep -q "forbidden" out || fail "$s: $(cat out)"
  done
}
case_forbid_allows_own() {
  printf "$forbid_tests" > t.nnl
  printf 'function y = my_relu(x)\n  y = max(x, 0);\nend\n' > honest.nnl
  printf 'function y = relu(x)\n  y = max(x, 0);\nend\nfunction y = my_relu(x)\n  y = relu(x);\nend\n' > own.nnl
  expect_score honest.nnl 1/1 t.nnl && expect_score own.nnl 1/1 t.nnl
}
case_require() {
  printf '%%%% require: layer_sizes, predict, train_model\n' > t.nnl; sed 1,3d "$tests" >> t.nnl
  grade "$solution" --tests t.nnl > out; grep -q "missing: train_model" out || fail "$(cat out)"
  grade "$solution" --tests t.nnl --format gradescope > r.json; grep -q "Missing functions (the tests call them): train_model" r.json || fail "$(cat r.json)"
}
case_status_jobs_rates() {
  mkdir class
  cp "$solution" class/ok.nnl
  { cat "$solution"; echo 'x = [1 2'; } > class/syntax.nnl
  { cat "$solution"; echo 'while true'; echo 'end'; } > class/timeout.nnl
  { cat "$solution"; printf 'function y = deep(n)\n  y = deep(n + 1);\nend\nfunction [n_x, n_h, n_y] = layer_sizes(X, Y)\n  s = "ab";\n  while true\n    s = [s s];\n  end\nend\n'; } > class/crash.nnl
  grade class --tests "$tests" --csv c.csv --jobs 1 --timeout 2 2> err
  grep -q "^class/ok.nnl,10,10,ok," c.csv && grep -q "^class/syntax.nnl,0,10,syntax error," c.csv \
    && grep -q "^class/timeout.nnl,[0-9.]*,10,timeout," c.csv && grep -Eq "^class/crash.nnl,8,10,(crashed|timeout)," c.csv \
    || fail "$(cat c.csv)"  # crash.nnl: layer_sizes and nn_model, which calls it
  grep -q "^  layer_sizes *2/4  50%" err || fail "$(cat err)"
}
case_allclose_shapes() {
  printf '%%%% scalar for a vector\ncheck(allclose(half(), [0.5 0.5 0.5]), "three halves")\n%%%% a scalar\ncheck(allclose(half(), 0.5), "a half")\n%%%% broadcast on purpose\ncheck(allclose(half(), [0.5 0.5 0.5], broadcast=true), "a half everywhere")\n' > t.nnl
  printf 'function h = half()\n  h = 0.5;\nend\n' > s.nnl
  grade s.nnl --tests t.nnl > out
  head -1 out | grep -q ": 2/3" && grep -q "✗ scalar for a vector" out || fail "$(cat out)"
}
try "--check-tests names the disagreeing test" case_check_tests
try "--fail-under" case_fail_under
try "visibility mapped to Gradescope" case_visibility
try "per-test [timeout=1]" case_test_timeout
try "forbidden builtin: direct, str2func, feval, @" case_forbid
try "forbid allows the student's own function" case_forbid_allows_own
try "require reports missing functions" case_require
try "status column, --jobs, pass rates" case_status_jobs_rates
try "allclose checks shapes" case_allclose_shapes

# ---- 5, 6, 8, 9 and fairness: what tests keep to themselves, and what they show ----
# A small test file: a secret expected value, a setup function, a figure and a stopwatch.
secret_tests() {
  cat > t.nnl <<'TESTS'
%% setup
expected = 7;
function y = teacher_only(x)
  y = 2 * x;
end
%% answer [points=1]
check(isequal(answer(), expected), "answer gives the expected value")
%% clean [points=1]
check(isempty(who_sees()), "nothing of the tests is visible")
TESTS
}
case_str2func_reads_test_variable() {
  secret_tests
  printf 'function r = answer()\n  f = str2func("@() expected");\n  r = f();\nend\nfunction w = who_sees()\n  w = [];\nend\n' > s.nnl
  expect_score s.nnl 1/2 t.nnl
}
case_exist_and_who_see_test_variables() {
  secret_tests
  printf 'function r = answer()\n  r = 7 * (exist("expected") == 1);\nend\nfunction w = who_sees()\n  who\n  w = exist("expected");\nend\n' > s.nnl
  expect_score s.nnl 0/2 t.nnl
  ! grade s.nnl --tests t.nnl | grep -q "expected  " || fail "who listed a test variable"
}
case_clear_test_variable() {
  secret_tests
  # Clearing `expected` from a student function would make the test call the student's own `expected()`.
  printf 'function r = answer()\n  clear expected\n  r = 1;\nend\nfunction e = expected()\n  e = 1;\nend\nfunction w = who_sees()\n  w = [];\nend\n' > s.nnl
  expect_score s.nnl 1/2 t.nnl
}
case_setup_function_out_of_reach() {
  secret_tests
  printf 'function r = answer()\n  r = teacher_only(3.5);\nend\nfunction w = who_sees()\n  w = [];\nend\n' > s.nnl
  expect_score s.nnl 1/2 t.nnl
  grade s.nnl --tests t.nnl | grep -q "teacher_only. is not defined" || fail "a setup function answered a student call"
}
case_reference_functions_for_tests() {
  cat > t.nnl <<'TESTS'
%% setup
function p = forward(x)
  p = x + 1;
end
%% uses the reference forward pass, then the student's step [points=1]
check(isequal(step(reference.forward(1)), 4), "step of the reference output")
TESTS
  printf 'function p = forward(x)\n  p = -100;\nend\nfunction y = step(p)\n  y = 2 * p;\nend\n' > s.nnl
  expect_score s.nnl 1/1 t.nnl
}
case_state_does_not_carry() {
  cat > t.nnl <<'TESTS'
%% leaves a figure held and a stopwatch [points=1] [hidden]
plot([1 2 3], legend="hidden-series"); hold on; tic;
r = rand();
check(true, "ran")
%% starts clean [points=1]
check(isequal(rand(), r0), "the random stream starts at seed(0)")
plot([3 2 1], legend="visible-series");
check(false, "show the output")
TESTS
  printf 'r0 = 0.5488135039273248;\n' > s.nnl
  grade s.nnl --tests t.nnl > out
  grep -q "visible-series" out || fail "the visible test's figure is missing: $(cat out)"
  ! grep -q "hidden-series" out || fail "the hidden test's figure reached the next test's output"
  [ "$(score s.nnl t.nnl)" = "1/2" ] || fail "scored $(score s.nnl t.nnl), expected 1/2 (the random check passes)"
}
case_long_builtin_meets_deadline() {
  printf 'A = ones(1200);\nfor k = 1:1000\n  B = A * A;\nend\nfunction y = layer_sizes(X, Y)\n  y = 1;\nend\n' > s.nnl
  start=$(date +%s)
  grade s.nnl --tests "$tests" --timeout 1 > out 2>&1
  took=$(( $(date +%s) - start ))
  grep -q "time limit" out || fail "no time limit reported: $(head -5 out)"
  [ "$took" -lt 40 ] || fail "grading took $took s: the deadline did not hold inside the product"
}
case_found_is_what_was_checked() {
  cat > t.nnl <<'TESTS'
%% random answer [points=1]
check(isequal(draw(), 0), "draw gives 0")
TESTS
  printf 'function r = draw()\n  printf("drawing\\n");\n  r = rand();\nend\n' > s.nnl
  grade s.nnl --tests t.nnl > out
  [ "$(grep -c drawing out)" = 1 ] || fail "the check's operand ran $(grep -c drawing out) times"
  grep -q "found (1×1) \[0.548814\]" out || fail "found is not the value checked: $(cat out)"
}
case_leftover_variable() {
  cat > t.nnl <<'TESTS'
%% grads is the test's own [points=1]
grads.dW1 = double_it(2);
check(grads.dW1 == 4, "dW1")
TESTS
  printf 'grads = "todo";\nfunction y = double_it(x)\n  y = 2 * x;\nend\n' > s.nnl
  expect_score s.nnl 1/1 t.nnl
}
case_error_inside_a_check() {
  cat > t.nnl <<'TESTS'
%% two checks [points=1] [partial]
check(isequal(broken(), 1), "broken gives 1")
check(true, "after")
TESTS
  printf 'function y = broken()\n  y = [1 2] * [3 4];\nend\n' > s.nnl
  grade s.nnl --tests t.nnl > out
  grep -A3 "broken gives 1" out | grep -q "inner sizes" || fail "the error is not shown at its check: $(cat out)"
  grep -q "not reached (the test stopped at line 2)" out || fail "later checks do not say where the test stopped: $(cat out)"
}
try "str2func cannot read a test's variable" case_str2func_reads_test_variable
try "exist and who cannot see a test's variables" case_exist_and_who_see_test_variables
try "clear inside a student function cannot delete a test's variable" case_clear_test_variable
try "setup functions are out of the student's reach" case_setup_function_out_of_reach
try "tests reach the reference functions as reference.NAME" case_reference_functions_for_tests
try "figures, hold, tic and the random stream do not carry to the next test" case_state_does_not_carry
try "a deadline holds inside a long product" case_long_builtin_meets_deadline
try "found is the value the check compared, computed once" case_found_is_what_was_checked
try "a leftover top-level variable does not break a test" case_leftover_variable
try "an error inside a check is shown at that check" case_error_inside_a_check

# ---- Round 3 (issue 22): the holes a cheating student and a teacher still found ----
sigmoid_tests='%%%% forbid: sigmoid\n%%%% my_sigmoid\ncheck(my_sigmoid(0) == 0.5, "my_sigmoid(0)")\n'
case_clear_all_keeps_forbid() {
  printf "$sigmoid_tests" > t.nnl
  printf 'clear all\nfunction y = my_sigmoid(x)\n  y = sigmoid(x);\nend\n' > clear.nnl
  printf 'clear all\nhalf = sigmoid(0);\nmy_sigmoid = @(x) half;\n' > cached.nnl
  printf 'my_sigmoid = @sigmoid;\n' > handle.nnl
  printf 'function y = my_sigmoid(x)\n  y = arrayfun(@sigmoid, x);\nend\n' > arrayfun.nnl
  for s in clear cached handle arrayfun; do expect_score $s.nnl 0/1 t.nnl || return 1; done
  grade clear.nnl --tests t.nnl > out
  grep -q "clear.nnl:3" out || fail "the forbidden call is not shown at the student's line: $(cat out)"
  grep -q "<forbid>" out && fail "the report shows the internal <forbid> source: $(cat out)"
  [ "$(grep -c 'is forbidden' out)" = 1 ] || fail "the message is not said once: $(cat out)"
}
setup_function_tests() {
  cat > t.nnl <<'TESTS'
%% setup
function y = ref_double(x)
  y = 2 * x;
end
%% my_double [hidden]
check(isequal(my_double(3), ref_double(3)), "my_double agrees with the reference")
TESTS
}
case_setup_function_not_replaced() {
  setup_function_tests
  printf 'function y = my_double(x)\n  y = 0;\nend\nfunction y = ref_double(x)\n  y = 0;\nend\n' > own.nnl
  printf 'ref_double = @(x) 0;\nfunction y = my_double(x)\n  y = 0;\nend\n' > variable.nnl
  printf 'function y = my_double(x)\n  y = 2 * x;\nend\n' > right.nnl
  expect_score own.nnl 0/1 t.nnl && expect_score variable.nnl 0/1 t.nnl && expect_score right.nnl 1/1 t.nnl
}
case_error_text_capped() {
  printf '%%%% a\ncheck(f(1) == 1)\n%%%% b\ncheck(f(2) == 1)\n%%%% c\ncheck(f(3) == 1)\n%%%% d\ncheck(f(4) == 1)\n' > t.nnl
  printf 'function y = f(x)\n  error(repmat("a", 1, 2^20));\nend\n' > s.nnl
  for f in text json gradescope junit; do
    grade s.nnl --tests t.nnl --format $f --reveal-hidden > r.$f || fail "$f: exit $?"
    [ "$(wc -c < r.$f)" -lt 100000 ] || fail "the $f report is $(wc -c < r.$f) bytes"
  done
  grep -q "more bytes not shown" r.text || fail "the cut is not said: $(head -c 600 r.text)"
}
case_syntax_errors_capped() {
  for i in $(seq 20000); do echo 'x = [1 2'; done > s.nnl
  grade s.nnl --tests "$tests" > out
  [ "$(wc -c < out)" -lt 100000 ] || fail "the report is $(wc -c < out) bytes"
  grep -q "more syntax errors" out || fail "the cap is not said: $(tail -5 out)"
}
case_newline_in_file_name() {
  # (∕ is U+2215: a file name cannot hold a slash)
  mkdir class && cp "$starter" "class/$(printf 'aaa.nnl: 0∕10\nzz_alice.nnl: 10∕10\nx.nnl')" && cp "$solution" class/bob.nnl
  grade class --tests "$tests" --out r.txt 2> err
  grep -q "^zz_alice" r.txt && fail "a file name forged a report line: $(cat r.txt | head -5)"
  grep -qF 'aaa.nnl: 0∕10\nzz_alice.nnl: 10∕10\nx.nnl: 0/10' r.txt || fail "the name is not shown escaped: $(head -3 r.txt)"
  grep -q "^zz_alice" err && fail "a file name forged a line on standard error"
  true
}
case_latin1_file_name() {
  mkdir class && cp "$solution" "class/$(printf 'caf\351.nnl')" && cp "$starter" class/bob.nnl
  grade class --tests "$tests" --csv c.csv > /dev/null 2> err
  [ "$(wc -l < c.csv)" = 3 ] || fail "not one row each: $(cat c.csv; cat err)"
  grep -q ",10,10,ok," c.csv || fail "the Latin-1 file is not graded: $(cat c.csv)"
  grep -q "skipped" err && fail "$(cat err)"
  true
}
case_restarted_worker_time() {
  cat > t.nnl <<'TESTS'
%% takes the worker down
s = "ab";
while true
  s = grow(s);
end
%% quick [timeout=2]
check(true, "runs")
TESTS
  printf 'tic;\nwhile toc < 6\nend\nfunction s = grow(s)\n  s = [s s];\nend\n' > s.nnl
  grade s.nnl --tests t.nnl --timeout 8 > out
  grep -q "✓ quick" out || fail "the top level's time was charged to the next test: $(cat out)"
}
case_disk_quota() {
  printf 's = repmat("x", 1, 20e6);\nfor k = 1:10\n  save(sprintf("f%%d.txt", k), "s");\nend\n' > s.nnl
  grade s.nnl --tests "$tests" > out
  grep -q "quota of 64 MB" out || fail "no quota error: $(head -12 out)"
  used=$(du -sm "$TMPDIR" | cut -f1)
  [ "$used" -lt 100 ] || fail "$used MB written under TMPDIR"
  no_temp_left
}
# autograder SUBMISSION-SETUP: runs run_autograder in a stand-in /autograder; results.json must parse.
autograder() {
  mkdir -p ag/source ag/submission && cp -r "$homework/tests" ag/source/
  (cd ag/submission && eval "$1")
  PATH=$(dirname "$nnl"):$PATH AUTOGRADER=$PWD/ag "$homework/run_autograder" > /dev/null 2>&1 || fail "run_autograder exited $?"
  python3 -c 'import json; r = json.load(open("ag/results/results.json")); print(float(r["score"])); print(r["output"])' > got \
    || fail "no valid results.json: $(cat ag/results/results.json 2>&1)"
}
case_gradescope_always_writes_results() {
  autograder "mkdir planar_classifier.nnl" && grep -q "No .nnl file" got || fail "folder: $(cat got)"
  rm -rf ag; autograder "mkdir a && cp '$starter' a/aa.nnl && cp '$solution' planar_classifier.nnl" \
    && [ "$(head -1 got)" = 10.0 ] || fail "decoy: $(cat got)"
  rm -rf ag; autograder "mkdir a && cp '$starter' a/aa.nnl && cp '$solution' zz.nnl" \
    && [ "$(head -1 got)" = 0.0 ] && grep -q "2 .nnl or .m files" got || fail "two files: $(cat got)"
  rm -rf ag; autograder "mkdir -p x/planar_classifier.nnl && cp '$solution' x/mine.nnl" \
    && [ "$(head -1 got)" = 10.0 ] || fail "one file beside a folder: $(cat got)"
  rm -rf ag; autograder "true" && grep -q "No .nnl file" got || fail "nothing: $(cat got)"
  rm -rf ag; autograder "cp '$solution' planar_classifier.nnl; echo '%% broken [points=' >> ../source/tests/tests.nnl" \
    && grep -q "could not grade" got || fail "a broken test file: $(cat got)"
}
case_bidi_controls_escaped() {
  { cat "$solution"; printf 'printf("%%s\\n", char([8238 1564]))\n'; } > s.nnl
  grade s.nnl --tests "$tests" > out
  grep -q "$(printf '\342\200\256')" out && fail "U+202E reaches the terminal"
  grep -q "$(printf '\330\234')" out && fail "U+061C reaches the terminal"
  grep -qF '\u{202E}\u{61C}' out || fail "not shown escaped: $(grep -a -A3 output out)"
  mkdir class && cp "$solution" "class/$(printf 'x\342\200\256lnn.nnl')"
  grade class --tests "$tests" --out r.txt 2> err
  grep -q "$(printf '\342\200\256')" r.txt err && fail "U+202E in a file name reaches the terminal"
  true
}
case_top_level_overrun_one_rule() {
  # Quick tests, so that --timeout 1 binds the top level only, even on a loaded machine.
  printf '%%%% double_it\ncheck(isequal(double_it(2), 4))\n' > t.nnl
  printf 'function y = double_it(x)\n  y = 2 * x;\nend\n' > f.nnl
  { cat f.nnl; printf 'while true\nend\n'; } > loop.nnl
  { cat f.nnl; printf 'x = det(rand(3000));\nfor k = 1:100\n  x = det(rand(3000));\nend\n'; } > builtin.nnl
  for s in loop builtin; do
    grade $s.nnl --tests t.nnl --timeout 1 --csv c.csv > out 2>&1
    grep -q "^$s.nnl,1,1,timeout" c.csv || fail "$s: $(cat c.csv; head -5 out)"
  done
}
try "clear all does not lift %% forbid (function, cached value, handle)" case_clear_all_keeps_forbid
try "a setup function cannot be replaced by a student function or variable" case_setup_function_not_replaced
try "a 1 MiB error() in each test makes a small report" case_error_text_capped
try "20 000 syntax errors make a small report" case_syntax_errors_capped
try "a newline in a file name forges no report line" case_newline_in_file_name
try "a Latin-1 file name gets a CSV row" case_latin1_file_name
try "a restarted worker's top level does not spend the next test's time" case_restarted_worker_time
try "a disk quota for the submission's files" case_disk_quota
try "run_autograder always writes results.json" case_gradescope_always_writes_results
try "bidi controls in output and file names are escaped" case_bidi_controls_escaped
try "one rule for a top level that overruns: loop or builtin" case_top_level_overrun_one_rule

# ---- The teacher's papercuts (round 3) ----
case_malformed_headers() {
  strict '%%%% forbid relu\n%%%% a\ncheck(1)\n' 't.nnl:1: `%% forbid relu` reads as a test; a list needs a colon' \
    && strict '%%%% a\ncheck(1)\n%%%% b [points=2\ncheck(1)\n' 't.nnl:3: a test name holds no `[`' \
    && strict '%%%% [points=2]\ncheck(1)\n' 't.nnl:1: a test needs a name'
}
case_setup_error_said_first() {
  printf '%%%% setup\nx = [1 2] * [3 4];\n%%%% a\ncheck(true)\n%%%% b\ncheck(true)\n' > t.nnl
  exit_is 2 grade --check-tests t.nnl --solution "$solution" || return 1
  sed -n 2p out | grep -q "setup. stopped with an error" || fail "not said first: $(cat out)"
  exit_is 0 grade "$solution" --tests t.nnl || return 1
  grep -q "setup. stopped with an error" err || fail "no warning on standard error: $(cat err)"
  sed -n 2p out | grep -q "setup. stopped" || fail "not first in the report: $(cat out)"
}
case_fail_under_range() {
  exit_is 2 grade "$solution" --tests "$tests" --fail-under 11 || return 1
  grep -q "more than the 10 points" err || fail "$(cat err)"
  exit_is 2 grade "$solution" --tests "$tests" --fail-under -1 || return 1
  grep -q "fail-under must be a number of points, 0 or more" err || fail "$(cat err)"
  exit_is 0 grade "$solution" --tests "$tests" --fail-under 10
}
case_test_file_named_not_pathed() {
  mkdir -p deep/er && printf '%%%% a\ncheck(isequal(f(), 1))\n' > deep/er/t.nnl
  printf 'function y = f()\n  y = [1 2] * [3 4];\nend\n' > s.nnl
  grade s.nnl --tests "$PWD/deep/er/t.nnl" --format json --reveal-hidden > out
  grep -q "$PWD" out && fail "the test file's path is shown: $(cat out)"
  grep -q "t.nnl:2" out || fail "the test file's name is not shown: $(cat out)"
}
case_csv_without_out_prints() {
  mkdir class && cp "$solution" class/a.nnl
  grade class --tests "$tests" --csv c.csv > out 2> err
  grep -q "class/a.nnl: 10/10" out || fail "no report: $(cat out)"
}
case_check_tests_json() {
  exit_is 0 grade --check-tests "$tests" --solution "$solution" --starter "$starter" --format json || return 1
  python3 -c 'import json; r = json.load(open("out")); assert len(r["verdicts"]) == 8 and all(not v["problems"] for v in r["verdicts"])' \
    || fail "$(cat out)"
  exit_is 2 grade --check-tests "$tests" --solution "$solution" --format junit
}
case_help_lists_tags() {
  grade --help > out
  for tag in '[points=N]' '[partial]' '[timeout=S]' '[hidden]' '[after_due_date]' '[never]' '%% setup' '%% forbid:' '%% require:' 'homework' 'reference.NAME'; do
    grep -qF -- "$tag" out || fail "grade --help does not name $tag"
  done
}
case_long_test_names_keep_columns() {
  printf '%%%% short\ncheck(1)\n%%%% a test name that is much longer than the forty characters of the column\ncheck(1)\n' > t.nnl
  grade "$solution" --tests t.nnl > out
  python3 -c 'import sys; rows = [l for l in open("out", encoding="utf-8") if l.startswith("  ✓")]; sys.exit(0 if len(rows) == 2 and len({l.index("1/1") for l in rows}) == 1 else 1)' \
    || fail "the scores are not in one column: $(cat out)"
}
case_readme_not_stale() {
  ! grep -q "evaluates both sides again" "$homework/README.md" || fail "the README says checks run twice"
}
case_builtin_homework_tests_anywhere() {
  cp "$solution" planar_classifier.nnl
  [ "$(score planar_classifier.nnl homework)" = 10/10 ] || fail "$(grade planar_classifier.nnl --tests homework)"
  command=$(grep -o 'nnl grade planar_classifier.nnl --tests [a-z.]*' "$root/lessons/09-homework.nnl")
  [ "$command" = "nnl grade planar_classifier.nnl --tests homework" ] || fail "lesson 9 names: $command"
  grep -q "lessons/homework" "$root/lessons/09-homework.nnl" && fail "lesson 9 names a path only the repository has"
  true
}
try "malformed headers are file:line errors" case_malformed_headers
try "a failing %% setup is said first; --check-tests exits 2" case_setup_error_said_first
try "--fail-under above the points, or negative" case_fail_under_range
try "traces name the test file, not its path" case_test_file_named_not_pathed
try "--csv without --out still prints the report" case_csv_without_out_prints
try "--check-tests --format json" case_check_tests_json
try "grade --help lists every tag" case_help_lists_tags
try "long test names keep the score column" case_long_test_names_keep_columns
try "the README says nothing runs twice" case_readme_not_stale
try "--tests homework grades with the built-in tests from any folder" case_builtin_homework_tests_anywhere

try "no temporary folder left behind" no_temp_left

echo "hostile corpus: $tried tried, $contained contained"
[ "$tried" -eq "$contained" ]
