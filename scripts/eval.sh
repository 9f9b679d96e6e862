#!/usr/bin/env bash
# Every evaluation against ../shared, one after another: entities (CoNLL-2003 dev and the
# seed article), dates (TempEval-3 train and the seed article), events (the seed article),
# PETRARCH's validation suite.
# Figures, not pass/fail: each script exits 0 when ../shared is missing.
set -euo pipefail
cd "$(dirname "$0")"
for script in eval-entities.sh eval-dates.sh eval-events.sh eval-petrarch.sh; do
    echo "#### $script"
    "./$script"
done
