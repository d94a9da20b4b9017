#!/usr/bin/env bash
# BulkImport benchmark: bench/run-import.sh [ROWS] [SCALE] [RESULTS_DIR]
# (defaults: 100000 rows, scale 4, bench/results); writes RESULTS_DIR/import-<date>.md.
set -euo pipefail
exec "$(dirname "$0")/run.sh" ImportBench "${1:-100000}" "${2:-4}" "${3:-bench/results}"
