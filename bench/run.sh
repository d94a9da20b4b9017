#!/usr/bin/env bash
# Runs one benchmark class: bench/run.sh CLASS [ARGS...]   (bench/run-import.sh and
# bench/run-invites.sh call it). Builds the jars if starter/target/roster.jar is missing
# (BENCH_REBUILD=1 forces it), compiles bench/src with javac and runs dev.roster.bench.CLASS.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f starter/target/roster.jar || "${BENCH_REBUILD:-}" == 1 ]]; then
  ./mvnw -q install -DskipTests -Dspotless.check.skip=true
fi
CP="starter/target/roster.jar:starter/target/lib/*"
rm -rf bench/target/classes && mkdir -p bench/target/classes
javac -d bench/target/classes -cp "$CP" $(find bench/src -name '*.java')
class="$1"
shift
exec java -Xmx2g -cp "$CP:bench/target/classes" "dev.roster.bench.$class" "$@"
