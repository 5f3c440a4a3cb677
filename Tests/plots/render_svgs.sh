#!/bin/sh
# Draws a few figures with nnl, writes them as SVG, and renders each to PNG with
# rsvg-convert (Debian: librsvg2-bin), which fails on SVG it cannot read.
# Usage: Tests/plots/render_svgs.sh [NNL_BINARY] [OUT_DIR]   (look at the PNGs to check them)
set -eu
nnl=$(realpath "${1:-.build/debug/nnl}")
out=${2:-.build/plots}
if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render_svgs: skipped, rsvg-convert is not installed (apt-get install librsvg2-bin)"
    exit 77  # "skipped": .ci/run counts it so, never as passed
fi
mkdir -p "$out"
cd "$out"
cat >figures.nnl <<'NNL'
z = linspace(-4, 4, 161);
plot(z, [sigmoid(z); tanh(z); relu(z); leaky_relu(z)], legend="sigmoid, tanh, ReLU, leaky ReLU", ...
     title="Activation functions", xlabel="z", ylabel="g(z)", file="activations.svg");
J = 0.2 + 0.5 * exp(-(0:999) / 150);
plot(0:999, J, title="Cost", xlabel="iteration", ylabel="J", file="cost.svg");
plot(1:200, 2 ./ (1:200), logy=true, title="Log scale", file="log.svg");
[X, Y] = planar_dataset();
boundary(@(P) P(1, :) .* P(2, :) > 0, X, Y, title="Quadrants", xlabel="x1", ylabel="x2", file="boundary.svg");
NNL
"$nnl" run figures.nnl >/dev/null
status=0
for svg in activations cost log boundary; do
    if [ ! -s "$svg.svg" ]; then echo "render_svgs: $svg.svg was not written"; status=1; continue; fi
    if rsvg-convert -o "$svg.png" "$svg.svg"; then echo "render_svgs: $out/$svg.png"; else status=1; fi
done
exit $status
