#!/usr/bin/env bash
# BulkImport benchmark: bench/run-import.sh [ROWS] [SCALE] [RESULTS_DIR]   (defaults: 100000 rows, scale 4)
# Builds the jars if needed, compiles bench/src with javac and runs it; writes
# bench/results/import-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f starter/target/roster.jar || "${BENCH_REBUILD:-}" == 1 ]]; then
  ./mvnw -q install -DskipTests -Dspotless.check.skip=true
fi
CP="starter/target/roster.jar:starter/target/lib/*"
rm -rf bench/target/classes && mkdir -p bench/target/classes
javac -d bench/target/classes -cp "$CP" $(find bench/src -name '*.java')
exec java -Xmx2g -cp "$CP:bench/target/classes" dev.roster.bench.ImportBench "${1:-100000}" "${2:-4}" "${3:-bench/results}"
