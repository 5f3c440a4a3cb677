#!/bin/sh
# The portability check the README describes: the release binary runs the course's numbers on
# every kernel level this CPU has (NNL_CPU=baseline|avx2|avx512) and gives the same six
# decimals on each; a level the CPU lacks is refused with exit status 2 and a message; and under
# valgrind --tool=none (an emulated CPU without AVX-512) it runs on its own choice and on the
# baseline. Usage: Tests/portability/levels.sh [NNL_RELEASE_BINARY]
set -eu
nnl=${1:-.build/release/nnl}
[ -x "$nnl" ] || { echo "levels: $nnl is not built (swift build -c release)"; exit 1; }
# Ten steps of the homework's training: products, tanh, sigmoid, sums, logs on every level.
program='seed(2); [X, Y] = planar_dataset(); m = columns(X);
W1 = randn(4, 2)*0.01; b1 = zeros(4, 1); W2 = randn(1, 4)*0.01; b2 = 0;
for i = 1:10
  A1 = tanh(W1*X + b1); A2 = sigmoid(W2*A1 + b2);
  dZ2 = A2 - Y; dW2 = dZ2*A1'"'"'/m; db2 = sum(dZ2)/m;
  dZ1 = W2'"'"'*dZ2 .* (1 - A1.^2); dW1 = dZ1*X'"'"'/m; db1 = sum(dZ1, 2)/m;
  W1 = W1 - 1.2*dW1; b1 = b1 - 1.2*db1; W2 = W2 - 1.2*dW2; b2 = b2 - 1.2*db2;
end
J = -mean(Y.*log(A2) + (1 - Y).*log(1 - A2)); printf("%.6f %.6f\n", J, sum(W1(:)))'
status=0
reference=$(NNL_CPU=baseline "$nnl" -e "$program")
echo "levels: baseline gives $reference"
for level in avx2 avx512; do
    if out=$(NNL_CPU=$level "$nnl" -e "$program" 2>err); then
        [ "$out" = "$reference" ] && echo "levels: $level gives the same" || { echo "levels: FAIL $level gives $out"; status=1; }
    else
        code=$?
        if [ $code -eq 2 ] && grep -q "$level" err; then echo "levels: $level refused on this CPU, as it must be: $(head -1 err)"
        else echo "levels: FAIL $level exited $code: $(cat err)"; status=1; fi
    fi
done
rm -f err
if ! command -v valgrind >/dev/null; then echo "levels: valgrind is not installed (apt-get install valgrind)"; exit 1; fi
# valgrind cannot read this build's DWARF 5 debug information: it runs a copy without it.
bare=$(mktemp)
trap 'rm -f "$bare"' EXIT
strip --strip-debug -o "$bare" "$nnl"
for level in "" baseline; do
    out=$(NNL_CPU=$level valgrind --tool=none --error-exitcode=3 -q "$bare" -e "$program")
    [ "$out" = "$reference" ] && echo "levels: under valgrind (${level:-its own choice}) the same" \
        || { echo "levels: FAIL under valgrind (${level:-its own choice}): $out"; status=1; }
done
exit $status
