#!/usr/bin/env bash
# PETRARCH's validation suite with its own dictionaries (gazette eval petrarch), against
# ../shared/peers/petrarch2. Figures, not pass/fail; exits 0 when ../shared is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f ../shared/peers/petrarch2/validation.jsonl ]; then
    echo "eval-petrarch: ../shared/peers/petrarch2 not found; nothing to evaluate" >&2
    exit 0
fi
cargo build --release --quiet
./target/release/gazette eval petrarch
