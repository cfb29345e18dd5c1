#!/usr/bin/env bash
# The benchmark in one command: builds the server and the bench jar, starts PostgreSQL (embedded,
# or DATABASE_URL) and the server, seeds, runs the scenarios and pgbench, the scale series and the
# sweep, stops everything and prints the table (also written to docs/benchmarks.md).
# Takes about 15 minutes with the defaults. Needs pgbench (Debian: postgresql-client).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v pgbench > /dev/null; then
  echo "bench: installing pgbench (postgresql-client)"
  (apt-get update -qq && apt-get install -y -qq postgresql-client) > /dev/null
fi
./mvnw -B -q -DskipTests install
BENCH_ROOT="$root" java -Xmx2g -jar bench/target/kairos-bench.jar
