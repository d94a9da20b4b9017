#!/usr/bin/env bash
# Team-invitation benchmark: bench/run-invites.sh [ROWS] [SCALE] [RESULTS_DIR]   (defaults: 1000 rows, scale 200)
# Builds the jars if needed, compiles bench/src with javac and runs it; writes
# bench/results/invites-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f starter/target/roster.jar || "${BENCH_REBUILD:-}" == 1 ]]; then
  ./mvnw -q install -DskipTests -Dspotless.check.skip=true
fi
CP="starter/target/roster.jar:starter/target/lib/*"
rm -rf bench/target/classes && mkdir -p bench/target/classes
javac -d bench/target/classes -cp "$CP" $(find bench/src -name '*.java')
exec java -Xmx2g -cp "$CP:bench/target/classes" dev.roster.bench.InviteBench "${1:-1000}" "${2:-200}" "${3:-bench/results}"
