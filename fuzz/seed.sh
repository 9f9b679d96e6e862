#!/usr/bin/env bash
# Seeds the fuzz corpora from the project's own data, so that the fuzzers start from real
# articles and real gazetteer rows instead of discovering the formats byte by byte:
#   corpus/extract:   every fixtures/*.txt article
#   corpus/gazetteer: the head of every gazetteers/*.tsv file and, for long ones, its header
#                     with 30 rows from the middle
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/extract corpus/gazetteer
cp ../fixtures/*.txt corpus/extract/
for file in ../gazetteers/*.tsv; do
    name=$(basename "$file" .tsv)
    lines=$(wc -l < "$file")
    head -40 "$file" > "corpus/gazetteer/$name-head.tsv"
    if [ "$lines" -gt 200 ]; then
        { grep -m1 -v '^#' "$file"; sed -n "$((lines / 2)),$((lines / 2 + 30))p" "$file"; } \
            > "corpus/gazetteer/$name-middle.tsv"
    fi
done
