#!/usr/bin/env bash
# Team-invitation benchmark: bench/run-invites.sh [ROWS] [SCALE] [RESULTS_DIR]
# (defaults: 1000 rows, scale 200, bench/results); writes RESULTS_DIR/invites-<date>.md.
set -euo pipefail
exec "$(dirname "$0")/run.sh" InviteBench "${1:-1000}" "${2:-200}" "${3:-bench/results}"
