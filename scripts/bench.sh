#!/usr/bin/env bash
# `make bench`: the benchmarks behind docs/BENCHMARKS.md. Writes its tables to bench-out/ and prints them.
#   BENCH_FAXES=200   faxes generated for the OCR benchmark
#   BENCH_SEED=42     their seed
#   BENCH_HELDOUT_SEED=7   a second set of the same size that no setting was tuned on (empty: skip)
#   BENCH_MORE_SEEDS="12 13 14"   further sets of the same size, one summary row each (empty: skip)
#   BENCH_OTHER=20    faxes per other input kind: PNG and JPEG scans, PC PDFs with a text layer (0: skip)
#   BENCH_WARMUP=40   faxes (seed BENCH_WARMUP_SEED=1000) read before each timed set, not counted (0: none)
#   BENCH_REVISION_FORMS=20   faxes per sample path on a revised layout of the COVID-19 form ("revision")
#   BENCH_PARTS="forms discipline ablation ocr proposal revision search review clerk soak"   which benchmarks to run (soak: scripts/bench-soak.sh,
#       its variables BENCH_SOAK_* are described there; clerk: scripts/bench-clerk.sh, BENCH_CLERK_*)
#   BENCH_A_FORMS=40 BENCH_B_FORMS=40   forms per set of the calibration/evaluation table ("discipline"): path A is
#       the Java2D generator, path B the rendered one (HTML → Chromium → Ghostscript); each gets a calibration set
#       (seed BENCH_CAL_SEED=42) and an evaluation set (seed BENCH_EVAL_SEED=7; path B's from held-out fonts and names)
#   BENCH_ABLATION_FORMS=20   faxes per path of the ablation table ("ablation"): both paths' calibration sets (seed
#       BENCH_CAL_SEED) read with every step of the reader on, then with each switched off in turn (two runs a step)
#   BENCH_FORMS_FAXES=10 BENCH_FORMS_RENDERED=4 BENCH_FORMS_VARIANTS=94 BENCH_FORMS_VARIANT_FAXES=20   page
#       classification ("forms"): faxes per library form on path A (with cover sheets and blank pages) and on path B,
#       made-up variant forms added to the templates, and how many of those get a fax
#   BENCH_FORMS_OCR=10   faxes per library form (path A, seed 42) read in full for the OCR table per form (0: skip)
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
mkdir -p bench-out

faxes=${BENCH_FAXES:-200}
seed=${BENCH_SEED:-42}
warmup=${BENCH_WARMUP:-40}
warmup_seed=${BENCH_WARMUP_SEED:-1000}

machine() {
  echo "- machine: $(nproc --all) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
}

parts=" ${BENCH_PARTS:-forms discipline ablation ocr proposal revision search review clerk soak} "

[[ $parts == *" forms "* ]] && {
  n=${BENCH_FORMS_FAXES:-10}
  v=${BENCH_FORMS_VARIANTS:-94}
  vf=${BENCH_FORMS_VARIANT_FAXES:-20}
  rn=${BENCH_FORMS_RENDERED:-4}
  rm -rf bench-out/forms
  {
  echo "## Page classification among the forms"
  echo
  echo "Command: \`make bench\` (BENCH_PARTS=forms BENCH_FORMS_FAXES=$n BENCH_FORMS_RENDERED=$rn BENCH_FORMS_VARIANTS=$v BENCH_FORMS_VARIANT_FAXES=$vf)"
  machine
  echo
  scripts/todoke-java.sh io.todoke.tools.forms.FormClassification --out bench-out/forms --count "$n" --rendered "$rn" --seed 7 \
    --variants "$v" --variant-faxes "$vf"
  ocr=${BENCH_FORMS_OCR:-10}
  if [ "$ocr" -gt 0 ]; then
    echo
    echo "### OCR per form: $ocr faxes per form (path A, seed 42)"
    echo
    skip=1
    for layout in config/forms/*/layout.json; do
      form=$(basename "$(dirname "$layout")")
      TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark --generate "$ocr" --seed 42 \
        --work "bench-out/forms/ocr-$form" --layout "$layout" --summary "$form" | tail -n +$skip
      skip=3
    done
  fi
  } | tee bench-out/forms.md
}

[[ $parts == *" discipline "* ]] && {
  a_forms=${BENCH_A_FORMS:-40}
  b_forms=${BENCH_B_FORMS:-40}
  cal=${BENCH_CAL_SEED:-42}
  ev=${BENCH_EVAL_SEED:-7}
  d=bench-out/discipline
  rm -rf "$d" && mkdir -p "$d"
  echo "## OCR: calibration and evaluation sets, both sample paths"
  echo
  echo "Command: \`make bench\` (BENCH_A_FORMS=$a_forms BENCH_B_FORMS=$b_forms BENCH_CAL_SEED=$cal BENCH_EVAL_SEED=$ev)"
  machine
  echo
  scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out "$d/a-calibration" --count "$a_forms" \
    --seed "$cal" >&2
  scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out "$d/a-evaluation" --count "$a_forms" \
    --seed "$ev" >&2
  scripts/todoke-java.sh io.todoke.tools.rendered.RenderedGenerator --out "$d/b-calibration" --count "$b_forms" \
    --seed "$cal" --role calibration >&2
  scripts/todoke-java.sh io.todoke.tools.rendered.RenderedGenerator --out "$d/b-evaluation" --count "$b_forms" \
    --seed "$ev" --role evaluation >&2
  : > "$d/sets.tsv"
  for set in a-calibration a-evaluation b-calibration b-evaluation; do
    path=${set%%-*}; role=${set#*-}
    TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark --dir "$d/$set" \
      --baseline-pages 0 --summary "$set" --fields "$d/$set.fields.tsv" --forms "$d/$set.forms.tsv" >/dev/null
    printf '%s\t%s\t%s\t%s\t%s\n' "${path^^}" "$role" "$set" "$d/$set.fields.tsv" "$d/$set.forms.tsv" >> "$d/sets.tsv"
  done
  scripts/todoke-java.sh io.todoke.tools.rendered.BenchDiscipline "$d/sets.tsv"
  echo
  scripts/todoke-java.sh io.todoke.tools.rendered.RiskCoverage "$d/sets.tsv"
  echo
} | tee bench-out/discipline.md

[[ $parts == *" ablation "* ]] && {
  n=${BENCH_ABLATION_FORMS:-20}
  cal=${BENCH_CAL_SEED:-42}
  d=bench-out/ablation
  rm -rf "$d" && mkdir -p "$d"
  echo "## OCR: what each step of the reader adds (ablation, calibration sets of both paths)"
  echo
  echo "Command: \`make bench\` (BENCH_ABLATION_FORMS=$n BENCH_CAL_SEED=$cal)"
  machine
  echo
  scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out "$d/a-calibration" --count "$n" --seed "$cal" >&2
  scripts/todoke-java.sh io.todoke.tools.rendered.RenderedGenerator --out "$d/b-calibration" --count "$n" \
    --seed "$cal" --role calibration >&2
  steps=$(scripts/todoke-java.sh io.todoke.tools.rendered.AblationTable --names)
  # step by step, both paths each, so that a run cut short still compares the paths on the steps it reached
  for step in all $steps; do
    for path in a b; do
      off=""; out="$d/$path-all.fields.tsv"
      [ "$step" != all ] && off="-Dtodoke.steps.off=$step" && out="$d/$path-off-$step.fields.tsv"
      TODOKE_JAVA_OPTS="-Xmx4g $off" scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark \
        --dir "$d/$path-calibration" --baseline-pages 0 --fields "$out" >/dev/null
    done
  done
  scripts/todoke-java.sh io.todoke.tools.rendered.AblationTable "$d"
  echo
} | tee bench-out/ablation.md

[[ $parts == *" ocr "* ]] && {
  echo "## OCR"
  echo
  echo "Command: \`make bench\` (BENCH_FAXES=$faxes BENCH_SEED=$seed)"
  machine
  echo
  # a running intake has its code compiled long before its 200th fax: each set is timed after the threads read a
  # separate warm-up set, and the benchmark set once more from a cold JVM, for comparison
  rm -rf bench-out/warmup
  warm=()
  if [ "$warmup" -gt 0 ]; then
    scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out bench-out/warmup --count "$warmup" \
      --seed "$warmup_seed" >&2
    warm=(--warmup bench-out/warmup)
  fi
  TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark \
    --generate "$faxes" --seed "$seed" --work bench-out/faxes "${warm[@]}"
  cold=$(TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark \
    --dir bench-out/faxes --baseline-pages 0 | grep -E '^\| engine pages/s' | cut -d'|' -f3 | xargs)
  echo "The same $faxes faxes read from a cold JVM (no warm-up: the JIT compiles the engine during the run): $cold pages/s."

  heldout=${BENCH_HELDOUT_SEED-7}
  if [ -n "$heldout" ]; then
    echo
    echo "### Held-out set: $faxes faxes, seed $heldout (thresholds and settings were not tuned on it)"
    echo
    TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark \
      --generate "$faxes" --seed "$heldout" --work bench-out/heldout --baseline-pages 0 "${warm[@]}" \
      | sed 's/^##/###/'
  fi

  more=${BENCH_MORE_SEEDS-12 13 14}
  if [ -n "$more" ]; then
    echo
    echo "### All sets side by side: $faxes faxes each (further seeds: $more)"
    echo
    rows=0
    for s in $seed $heldout $more; do
      dir=bench-out/seed-$s
      [ "$s" = "$seed" ] && dir=bench-out/faxes
      [ -n "$heldout" ] && [ "$s" = "$heldout" ] && dir=bench-out/heldout
      if [ "$dir" = "bench-out/seed-$s" ]; then
        rm -rf "$dir"
        scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out "$dir" --count "$faxes" --seed "$s" >&2
      fi
      # the first row comes with the table's header
      TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark --dir "$dir" \
        --baseline-pages 0 --summary "seed $s" --errors "bench-out/wrong-seed-$s.tsv" | tail -n +$((rows > 0 ? 3 : 1))
      rows=$((rows + 1))
    done
  fi

  other=${BENCH_OTHER:-20}
  if [ "$other" -gt 0 ]; then
    for format in png jpeg pdf-text; do
      rm -rf "bench-out/set-$format"
      scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out "bench-out/set-$format" --count "$other" \
        --seed "$seed" --format "$format" >&2
      echo
      echo "### Other input: $other faxes as \`--format $format\`, seed $seed"
      echo
      TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.samples.OcrBenchmark \
        --dir "bench-out/set-$format" --baseline-pages 0 "${warm[@]}" | sed 's/^##/###/'
    done
  fi
} | tee bench-out/ocr.md

[[ $parts == *" proposal "* ]] && {
  echo "## Template proposals from blank forms"
  echo
  echo "Command: \`make bench\` (part \`proposal\`: \`scripts/todoke-java.sh io.todoke.tools.proposal.ProposalBench\`)"
  machine
  echo "- forms: every layout in config/forms at this commit, each proposed with itself left out of the vocabulary"
  echo
  rm -rf bench-out/proposal
  scripts/todoke-java.sh io.todoke.tools.proposal.ProposalBench --library config/forms --work bench-out/proposal
  echo
} | tee bench-out/proposal.md

[[ $parts == *" revision "* ]] && {
  n=${BENCH_REVISION_FORMS:-20}
  d=bench-out/revision
  rm -rf "$d" && mkdir -p "$d"
  echo "## Revised layouts read by their labels"
  echo
  echo "Command: \`make bench\` (part \`revision\`, BENCH_REVISION_FORMS=$n)"
  machine
  echo "- layout: covid19-notification revised by \`RevisedLayout\` (physician block to the bottom, date rows above the symptoms, label columns 8 mm narrower in the blocks moved)"
  echo
  scripts/todoke-java.sh io.todoke.tools.proposal.RevisedLayout --layout config/forms/covid19-notification/layout.json \
    --out "$d/revised.json"
  scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --layout "$d/revised.json" --out "$d/a" --count "$n" \
    --seed "${BENCH_EVAL_SEED:-7}" >&2
  scripts/todoke-java.sh io.todoke.tools.rendered.RenderedGenerator --layout "$d/revised.json" --out "$d/b" --count "$n" \
    --seed "${BENCH_EVAL_SEED:-7}" --role evaluation >&2
  TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.proposal.RevisionBench --dir "$d/a" \
    --layout "$d/revised.json" --name "path A" --header true
  TODOKE_JAVA_OPTS=-Xmx4g scripts/todoke-java.sh io.todoke.tools.proposal.RevisionBench --dir "$d/b" \
    --layout "$d/revised.json" --name "path B"
  echo
} | tee bench-out/revision.md

if [[ $parts == *" search "* ]] && ls tools/target/tools-*.jar >/dev/null 2>&1 && [ -x scripts/bench-search.sh ]; then
  scripts/bench-search.sh | tee bench-out/search.md
fi

if [[ $parts == *" review "* ]] && [ -f review-ui/target/todoke.jar ]; then
  {
    echo "## Review page"
    echo
    echo "Command: \`scripts/bench-review.sh\` (called by \`make bench\`)"
    machine
    echo
    scripts/bench-review.sh
  } | tee bench-out/review.md
fi

if [[ $parts == *" clerk "* ]] && [ -f review-ui/target/todoke.jar ]; then
  {
    echo "## Scripted clerk"
    echo
    echo "Command: \`scripts/bench-clerk.sh\` (called by \`make bench\`; BENCH_CLERK_A=${BENCH_CLERK_A:-10} BENCH_CLERK_B=${BENCH_CLERK_B:-10})"
    machine
    echo
    scripts/bench-clerk.sh
  } | tee bench-out/clerk.md
fi

if [[ $parts == *" soak "* ]] && [ -f review-ui/target/todoke.jar ]; then
  {
    echo "## Soak"
    echo
    echo "Command: \`scripts/bench-soak.sh\` (called by \`make bench\`; BENCH_SOAK_FAXES=${BENCH_SOAK_FAXES:-2000})"
    machine
    echo
    scripts/bench-soak.sh
  } | tee bench-out/soak.md
fi
