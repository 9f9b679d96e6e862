#!/usr/bin/env bash
# Event precision and recall on the seed article against its hand-made gold annotation.
#
# An event counts as a triple (source country, target country, CAMEO root) in a sentence,
# the granularity of the gold file; the comparison is on sets per sentence (a sentence that
# states one event twice states it once). Needs ../shared (present in CI beside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
SEED="$SHARED/data/seed/israel-albania-cyber"
if [ ! -f "$SEED.txt" ]; then
    echo "eval-events: $SEED.txt not found; nothing to evaluate" >&2
    exit 0
fi
cargo build --release --quiet
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
target/release/gazette extract "$SEED.txt" > "$OUT"
python3 - "$SEED.gold.json" "$OUT" "$SEED.txt" <<'PY'
import json, sys, unicodedata

def key(text):
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())

gold = json.load(open(sys.argv[1]))
doc = json.loads(open(sys.argv[2]).readline())
text = open(sys.argv[3], encoding="utf-8").read()
entities = {e["id"]: e for e in doc["entities"]}
def country(entity_id):
    if entity_id is None:
        return None
    e = entities[entity_id]
    return e["country"]

want = {(key(g["sentence_text"]), g["source"], g["target"], g["cameo_root"]) for g in gold["events"]}
gold_sentences = {w[0] for w in want}
def gold_sentence(ours):
    # Sentence edges may differ ("READ: " is kept by gazette, dropped by the gold file): a gold
    # sentence contained in ours, or containing it, is the same sentence.
    for g in gold_sentences:
        if g in ours or ours in g:
            return g
    return ours
got = set()
for v in doc["events"]:
    s = doc["sentences"][v["sentence"]]
    sentence = gold_sentence(key(text[s["start"]:s["end"]]))
    got.add((sentence, country(v["source"]), country(v["target"]), v["root"]))
tp = want & got
p = len(tp) / len(got) if got else 0.0
r = len(tp) / len(want) if want else 0.0
f = 2 * p * r / (p + r) if p + r else 0.0
print(f"seed events (sentence, source country, target country, CAMEO root): "
      f"gold {len(want)}, found {len(got)}, correct {len(tp)}")
print(f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
for item in sorted(got - want):
    print("  extra  ", item[1], "->", item[2], item[3], "|", item[0][:90])
for item in sorted(want - got):
    print("  missing", item[1], "->", item[2], item[3], "|", item[0][:90])
PY
