#!/usr/bin/env bash
# The benchmark in one command: builds the server and the bench jar, starts PostgreSQL (embedded,
# or DATABASE_URL) and the server, seeds, runs the scenarios and pgbench, the scale series and the
# sweep, stops everything and prints the table (also written to docs/benchmarks.md).
# Takes about 15 minutes with the defaults. Needs pgbench (Debian: postgresql-client).
#
#   scripts/bench.sh                 the full run
#   scripts/bench.sh --side-by-side  this server against the Fastify peer (../shared/peers/fastify,
#                                    installed with npm ci into a temporary copy) on the same
#                                    database, GET at 32 clients in alternation (2 rounds each),
#                                    a reply run, pgbench on the same SQL and statements per
#                                    request; about 5 minutes; rewrites its section of
#                                    docs/benchmarks.md. BENCH_ROUNDS, BENCH_SBS_CLIENTS,
#                                    BENCH_SECONDS, BENCH_WARMUP and BENCH_SETTLE (the
#                                    unmeasured JIT warm-up of each server, 40 s) tune it.
#   scripts/bench.sh --push          pushes through the outbox: the server with PUSH_PROVIDER=fcm
#                                    and FCM_API_URL at a fake FCM endpoint inside the bench, a
#                                    device for every user involved, start and reply at 32
#                                    clients; reports response→provider latency p50/p99/max (an
#                                    under-estimate of commit→provider), the server's delivery
#                                    histogram, and throughput with the outbox on, off
#                                    (PUSH_PROVIDER=none) and in the last recorded run; about
#                                    3 minutes; rewrites its section of docs/benchmarks.md.
#                                    BENCH_PUSH_CLIENTS, BENCH_PUSH_DRAIN (s, at most; 60), BENCH_SECONDS and
#                                    BENCH_WARMUP tune it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
case "${1:-}" in
  --side-by-side) export BENCH_MODE=side-by-side ;;
  --push) export BENCH_MODE=push ;;
  "") ;;
  *) echo "usage: scripts/bench.sh [--side-by-side | --push]" >&2; exit 2 ;;
esac
if [ "${BENCH_MODE:-}" != push ] && ! command -v pgbench > /dev/null; then
  echo "bench: installing pgbench (postgresql-client)"
  (apt-get update -qq && apt-get install -y -qq postgresql-client) > /dev/null
fi
if [ "${BENCH_MODE:-}" = side-by-side ] && ! command -v node > /dev/null; then
  echo "bench: the side-by-side run needs Node 20+ for the Fastify peer" >&2
  exit 2
fi
./mvnw -B -q -DskipTests install
BENCH_ROOT="$root" java -Xmx2g -jar bench/target/kairos-bench.jar
