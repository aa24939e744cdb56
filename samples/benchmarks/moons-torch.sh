#!/bin/sh
# micrograd's moons step in PyTorch (src/main/python/moons_torch.py), next to the hand-written Java
# step measured right after it on the same machine: prints both and their ratio. Skipped, with
# exit status 0, when no python3 on the PATH or in /usr/bin can import torch (Debian:
# apt-get install python3-torch). Needs samples/benchmarks/target/benchmarks.jar for the Java
# number; without it, prints the PyTorch number alone. Extra arguments go to the Python script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import torch' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "moons-torch: skipped, no python3 can import torch (apt-get install python3-torch)"
  exit 0
fi
torch_out=$("$python" "$here/src/main/python/moons_torch.py" "$@")
echo "$torch_out"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "moons-torch: no $jar, so no hand-written Java number to compare with"
  exit 0
fi
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
java -jar "$jar" 'MoonsTrainingBenchmark.handWritten$' -wi 3 -i 5 -rf csv -rff "$csv" >/dev/null
java_us=$(awk -F, 'NR == 2 { print $5 }' "$csv")
java_error=$(awk -F, 'NR == 2 { print $6 }' "$csv")
torch_us=$(echo "$torch_out" | awk '/us per step/ { print $4 }')
awk -v t="$torch_us" -v j="$java_us" -v e="$java_error" 'BEGIN {
  printf "hand-written Java step (MoonsTrainingBenchmark.handWritten): %.1f ± %.1f us per step\n", j, e
  printf "PyTorch / hand-written Java: %.1fx\n", t / j
}'
