#!/usr/bin/env bash
# Entity evaluation on CoNLL-2003 dev and on the seed article, against ../shared.
#
# Prints exact and partial precision/recall/F1 for PER, ORG and LOC with the scorer in
# ../shared/tools (person->PER, organisation->ORG, state and place->LOC), twice:
#   1. gazette's output as it is;
#   2. without demonym mentions ("Iranian"), because CoNLL-2003 annotates nationalities as
#      MISC, a type left out of the scoring: a demonym counted as LOC there is a convention
#      mismatch, not a wrong entity. Both figures are reported; neither is tuned on.
# Needs ../shared (present in CI beside the checkout, not on a user's machine).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/data/conll2003" ]; then
    echo "eval-entities: $SHARED/data/conll2003 not found; nothing to evaluate" >&2
    exit 0
fi
cargo build --release --quiet
BIN=target/release/gazette
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

"$BIN" extract "$SHARED/data/conll2003/dev-text" > "$OUT/dev.jsonl"
python3 - "$OUT/dev.jsonl" "$OUT/dev-names.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
    for line in src:
        doc = json.loads(line)
        for entity in doc["entities"]:
            entity["mentions"] = [m for m in entity["mentions"] if m["form"] != "demonym"]
        dst.write(json.dumps(doc) + "\n")
PY
for variant in dev dev-names; do
    python3 "$SHARED/tools/gazette_spans.py" --entities "$OUT/$variant-ents.jsonl" "$OUT/$variant.jsonl" 2>/dev/null
    echo "== CoNLL-2003 dev ($variant)"
    python3 "$SHARED/tools/ner_eval.py" --gold "$SHARED/data/conll2003/dev-gold.jsonl" \
        --pred "$OUT/$variant-ents.jsonl" --text-dir "$SHARED/data/conll2003/dev-text" \
        --map person=PER,organisation=ORG,state=LOC,place=LOC
done

SEED="$SHARED/data/seed/israel-albania-cyber"
if [ -f "$SEED.txt" ]; then
    "$BIN" gazetteer export --type state > "$OUT/states.tsv"
    for mode in defaults states-only; do
        if [ "$mode" = defaults ]; then
            "$BIN" extract "$SEED.txt" > "$OUT/seed.json"
        else
            "$BIN" extract --no-default-gazetteers --gazetteer "$OUT/states.tsv" \
                --gazetteer gazetteers/titles.tsv "$SEED.txt" > "$OUT/seed.json"
        fi
        echo "== seed article vs gold entities ($mode)"
        python3 - "$SEED.gold.json" "$OUT/seed.json" <<'PY'
import json, sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()
gold = json.load(open(sys.argv[1]))["entities"]
out = json.load(open(sys.argv[2]))["entities"]
found = 0
for g in gold:
    names = {fold(a) for a in g["aliases"]} | {fold(g["name"])}
    hit = next((e for e in out if e["type"] == g["type"]
                and names & {fold(m["text"]) for m in e["mentions"]}), None)
    ok = hit is not None and hit["country"] == g["country"]
    found += ok
    status = "ok  " if ok else ("type/country" if hit else "missing")
    got = f'{hit["type"]} {hit["country"]}' if hit else "-"
    print(f'  {status:12} {g["type"]:12} {g["name"]:55} gold {g["country"]}  got {got}')
print(f"  {found}/{len(gold)} gold entities found with the right type and country")
PY
    done
fi
