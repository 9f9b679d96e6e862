#!/usr/bin/env bash
# Evaluates gazette's dates against data in ../shared (not shipped, so this is no `cargo test`):
#
#   1. the seed article's gold dates (every gold date found, with its value);
#   2. TempEval-3 training data (TimeBank + AQUAINT, 256 documents): each document's creation
#      time is its publication date, given through `--input jsonl`; spans and values are
#      scored by ../shared/tools/timex_eval.py (strict, relaxed and value F1, for DATE and
#      for all TIMEX3 types);
#   3. throughput on that data, in words per second (median of 5 runs of the release build).
#
# Usage: scripts/eval-dates.sh [--keep DIR]   (DIR keeps the intermediate files)
# Prints the figures; exits 0 whatever they are, 1 only when something could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=../shared
if [ ! -d "$SHARED/data/tempeval3/train" ] || [ ! -d "$SHARED/tools" ]; then
    echo "eval-dates: $SHARED/data/tempeval3 is absent; nothing to evaluate"
    exit 0
fi

work=$(mktemp -d)
if [ "${1:-}" = "--keep" ] && [ -n "${2:-}" ]; then
    work=$2
    mkdir -p "$work"
else
    trap 'rm -rf "$work"' EXIT
fi

cargo build --release --quiet
gazette=./target/release/gazette
te=$SHARED/data/tempeval3/train

echo "== seed article: gold dates"
python3 - "$gazette" "$SHARED/data/seed" <<'EOF'
import json, subprocess, sys
gazette, seed = sys.argv[1], sys.argv[2]
gold = json.load(open(f"{seed}/israel-albania-cyber.gold.json", encoding="utf-8"))["dates"]
out = json.loads(subprocess.run([gazette, "extract", f"{seed}/israel-albania-cyber.txt"],
                                check=True, capture_output=True, text=True).stdout)
found = [(d["text"], d["value"]) for d in out["dates"]]
hits = sum(1 for g in gold if (g["text"], g["value"]) in found)
print(f"published {out['published']} (from {out['published_from']})")
print(f"gold dates found with their value: {hits}/{len(gold)}; gazette found {len(found)}")
for g in gold:
    mark = "ok  " if (g["text"], g["value"]) in found else "MISS"
    print(f"  {mark} {g['text']!r} = {g['value']}")
EOF

echo
echo "== TempEval-3 train (TimeBank + AQUAINT): DCT as the publication date"
python3 - "$te" "$work/input.jsonl" <<'EOF'
import json, sys
te, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for line in open(f"{te}/docs.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        with open(f"{te}/txt/{doc['doc']}.txt", encoding="utf-8", newline="") as t:
            text = t.read()
        f.write(json.dumps({"id": doc["doc"], "text": text, "published": doc["dct"][:10]}) + "\n")
EOF
"$gazette" extract --input jsonl "$work/input.jsonl" > "$work/out.jsonl"
# gazette names each document by `source` (the JSON Lines `id`); gazette_spans.py reads an `id`
# field first and would otherwise cut "ABC19980108.1830.0711" at its last dot.
python3 -c '
import json, sys
for line in sys.stdin:
    doc = json.loads(line)
    doc["id"] = doc["source"]
    print(json.dumps(doc))
' < "$work/out.jsonl" > "$work/out-ids.jsonl"
python3 "$SHARED/tools/gazette_spans.py" --dates "$work/dates.jsonl" "$work/out-ids.jsonl"
python3 "$SHARED/tools/timex_eval.py" --gold "$te/gold.jsonl" --docs "$te/docs.jsonl" \
    --system "$work/dates.jsonl" --txt-dir "$te/txt" --name gazette
echo "reference (HeidelTime, TempEval-3): ALL strict .841, relaxed .921, value .774; DATE value F1 ~.88"

echo
echo "== throughput on the same data (release build, median of 5 runs)"
python3 - "$gazette" "$work/input.jsonl" "$te/docs.jsonl" <<'EOF'
import json, statistics, subprocess, sys, time
gazette, data, docs = sys.argv[1:4]
words = sum(json.loads(l)["n_words"] for l in open(docs, encoding="utf-8"))
size = sum(len(l.encode()) for l in open(data, encoding="utf-8"))
times = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([gazette, "extract", "--input", "jsonl", data], check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - t)
t = statistics.median(times)
print(f"{words} words in {t*1000:.0f} ms: {words/t:,.0f} words/s ({size/t/1e6:.1f} MB/s of JSON Lines input)")
print("reference: HeidelTime ~550 words/s on this machine")
EOF
