#!/usr/bin/env bash
# Mutation testing by hand (issue 16); never in CI. Results and accepted survivors: eval/reports/mutation.md
#
#   bash scripts/mutation.sh MODULE[,MODULE...] [TEST_PATH...]
#   e.g. bash scripts/mutation.sh ie/normalize.py tests/test_normalize.py tests/test_normalize_guideline.py
#
# mutmut 3 (pip install mutmut==3.8.1) mutates MODULE in a scratch copy of the committed tree
# (git archive HEAD; the working tree is never touched), runs the given tests (default: all
# of tests/) against each mutant, and prints killed/survived counts and the survivors.
# MUTATION_DIR=dir keeps the copy there (mutmut then resumes where it stopped);
# MUTATION_JOBS=N parallel workers (default 2). Extra mutmut arguments (e.g. mutant name
# globs, to run a sample of a big module): MUTMUT_ARGS="'ie.x.x_f__mutmut_*'".
set -euo pipefail
[ $# -ge 1 ] || { sed -n 2,14p "$0"; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
module=$1; shift
tests=("$@"); [ ${#tests[@]} -gt 0 ] || tests=(tests)
work=${MUTATION_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/ie-mutation.XXXXXX")}
mkdir -p "$work"
if [ ! -f "$work/setup.cfg" ]; then
  git -C "$root" archive HEAD | tar -x -C "$work"
  {
    echo "[mutmut]"
    echo "source_paths = ie"
    echo "only_mutate ="
    for m in ${module//,/ }; do echo "    $m"; done
    echo "also_copy ="
    for p in corpus training eval/linking; do [ -e "$work/$p" ] && echo "    $p"; done
    echo "pytest_add_cli_args_test_selection ="
    for t in "${tests[@]}"; do echo "    $t"; done
    echo "pytest_add_cli_args ="
    echo "    -p"
    echo "    no:cacheprovider"
    echo "    -q"
    echo "    --timeout=0"  # mutmut times each mutant itself; a slow machine must not fail the clean run
  } > "$work/setup.cfg"
fi
cd "$work"
mkdir -p mutants  # on sys.path before mutmut starts, or the first run imports ie from the editable install
[ -f "$root/.venv/bin/activate" ] && . "$root/.venv/bin/activate"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PYTHONPATH="$work/mutants${PYTHONPATH:+:$PYTHONPATH}"
echo "mutation copy: $work" >&2
eval mutmut run --max-children "${MUTATION_JOBS:-2}" ${MUTMUT_ARGS:-} || true
mutmut export-cicd-stats >/dev/null 2>&1 || true
python - <<'PY'
import json, pathlib
p = pathlib.Path("mutants/mutmut-cicd-stats.json")
if p.exists():
    s = json.loads(p.read_text())
    caught = s["killed"] + s["timeout"]  # a mutant that makes the tests hang is caught too
    done = caught + s["survived"] + s["no_tests"]
    print(json.dumps(s))
    if done:
        print(f"score: {caught}/{done} caught = {caught / done:.1%} (killed {s['killed']}, timeouts {s['timeout']}, "
              f"survived {s['survived']}, no tests {s['no_tests']}, not run {s['total'] - done})")
PY
mutmut results 2>/dev/null | grep -v ": killed" || true
