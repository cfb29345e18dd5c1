#!/usr/bin/env bash
# Starts Kairos locally: the Firebase Auth Emulator (UI disabled, users kept in $KAIROS_DATA_DIR)
# and the development server with an embedded PostgreSQL (data in $KAIROS_DATA_DIR too), both on
# the loopback interface. Needs a JDK 17+, Node 20+ with npm, curl and bash.
#
# Settings (environment variables, all optional):
#   PORT=8080 HOST=127.0.0.1                 the API
#   AUTH_EMULATOR_PORT=9099                  the Auth Emulator (scripts/dev-token.sh reads it too)
#   EMULATOR_HUB_PORT=4400 EMULATOR_LOGGING_PORT=4500   the emulator suite's own ports
#   KAIROS_DATA_DIR=.kairos                  database, emulator users and the emulator's log
#   DEV_START_TIMEOUT=120                    seconds the emulator and the server get to be ready
#   PUSH_PROVIDER=log                        pushes as log lines (fcm needs a service account)
#
# The first start installs firebase-tools (npm ci in e2e/) alongside the Maven build; every start
# prints how long each phase took. The emulator runs with a temp directory of its own, so another
# Firebase emulator of the same project on the machine cannot take over its hub (and its export).
#
# One SIGINT (Ctrl-C) or SIGTERM (kill <pid>, an IDE's stop button) stops everything: the server
# first, then the emulator, which writes its users to $KAIROS_DATA_DIR/auth-export on the way out;
# the last line is "dev: stopped".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

export PORT=${PORT:-8080}
export HOST=${HOST:-127.0.0.1}
export AUTH_EMULATOR_PORT=${AUTH_EMULATOR_PORT:-9099}
export EMULATOR_HUB_PORT=${EMULATOR_HUB_PORT:-4400}
export EMULATOR_LOGGING_PORT=${EMULATOR_LOGGING_PORT:-4500}
data=${KAIROS_DATA_DIR:-.kairos}
mkdir -p "$data"
data=$(cd "$data" && pwd)
export KAIROS_DATA_DIR=$data
timeout=${DEV_START_TIMEOUT:-120}
emulator_log=$data/auth-emulator.log
export_dir=$data/auth-export
jar=dev-server/target/kairos-dev-server.jar
firebase=e2e/node_modules/.bin/firebase

say() { echo "dev: $*"; }
fail() {
  echo "dev: FAILED: $*" >&2
  exit 1
}
tail_log() {
  echo "---- last lines of $1 ----" >&2
  tail -n 30 "$1" >&2 || true
  echo "----" >&2
}
port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# Every child runs as a job with a process group of its own, so a Ctrl-C reaches only this script,
# which then stops them in order, and a whole group (the JVM's helpers, npm's) can be ended at once.
set -m
build_pid=""
npm_pid=""
nap_pid=""
emulator_pid=""
server_pid=""
stopping=""
wait_gone() { # pid, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$1" 2> /dev/null || return 0
    sleep 0.1
  done
  return 1
}
stop_all() {
  [ -n "$stopping" ] && return
  stopping=1
  trap '' INT TERM
  # No job-control notices ("[3]+ Terminated  sleep 1") after the last line: the groups below
  # exist already, so they can still be signalled as groups.
  set +m
  for pid in $build_pid $npm_pid; do
    kill -TERM -- "-$pid" 2> /dev/null || true
  done
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then
    say "stopping the server"
    kill -TERM "$server_pid" 2> /dev/null || true
    wait_gone "$server_pid" 30 || say "the server did not stop in 30 s; killing it"
  fi
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2> /dev/null; then
    say "stopping the Auth Emulator (it saves its users to $export_dir)"
    kill -TERM "$emulator_pid" 2> /dev/null || true
    wait_gone "$emulator_pid" 30 || say "the emulator did not stop in 30 s; killing it"
  fi
  [ -z "$nap_pid" ] || kill "$nap_pid" 2> /dev/null || true
  for pid in $build_pid $npm_pid $server_pid $emulator_pid; do
    kill -KILL -- "-$pid" 2> /dev/null || true
  done
  say "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT
# Sleeps in a way a trapped signal interrupts at once (a builtin `wait` returns when one arrives).
nap() {
  sleep "$1" &
  nap_pid=$!
  wait "$nap_pid" 2> /dev/null || true
  nap_pid=""
}

# Refuse taken ports before starting anything: the emulator would die with the cause hidden in
# its log, and something else answering on the port would look like success.
for var in PORT AUTH_EMULATOR_PORT EMULATOR_HUB_PORT EMULATOR_LOGGING_PORT; do
  port=${!var}
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] ||
    fail "$var=$port is not a port number"
  if port_in_use "$port"; then
    fail "port $port ($var) is already in use on 127.0.0.1: stop what holds it or set $var to a free port"
  fi
done
for tool in java node npm curl; do
  command -v "$tool" > /dev/null || fail "$tool is not installed (the README lists what you need)"
done

# The Maven build and, on the first start, the install of firebase-tools run side by side, each
# in a process group of its own with its output in $data; a line every 10 s shows both going.
# Maven decides what is stale (sources, resources, poms, migrations); when nothing changed the build
# takes seconds.
started_all=$SECONDS
build_log=$data/build.log
npm_log=$data/npm-ci.log
build_mark=$data/.build-started # classes newer than this were compiled by this build
touch "$build_mark"
say "building (incremental: ./mvnw -q -DskipTests package -pl dev-server -am; log: $build_log)"
./mvnw -B -q -DskipTests package -pl dev-server -am > "$build_log" 2>&1 < /dev/null &
build_pid=$!
npm_pid=""
if [ ! -x "$firebase" ]; then
  say "installing the Firebase CLI pinned in e2e/package-lock.json alongside (first start only, a few minutes; log: $npm_log)"
  (cd e2e && exec npm ci --no-audit --no-fund --no-progress --loglevel=error) > "$npm_log" 2>&1 < /dev/null &
  npm_pid=$!
fi
build_rc="" npm_rc="" build_s="" npm_s=""
next_progress=$((SECONDS + 10))
while [ -z "$build_rc" ] || { [ -n "$npm_pid" ] && [ -z "$npm_rc" ]; }; do
  nap 1
  if [ -z "$build_rc" ] && ! kill -0 "$build_pid" 2> /dev/null; then
    build_rc=0
    wait "$build_pid" || build_rc=$?
    build_s=$((SECONDS - started_all))
    if [ "$build_rc" -ne 0 ]; then
      tail_log "$build_log"
      fail "the build failed (exit $build_rc; output above, all of it in $build_log)"
    fi
    say "built in $build_s s"
  fi
  if [ -n "$npm_pid" ] && [ -z "$npm_rc" ] && ! kill -0 "$npm_pid" 2> /dev/null; then
    npm_rc=0
    wait "$npm_pid" || npm_rc=$?
    npm_s=$((SECONDS - started_all))
    if [ "$npm_rc" -ne 0 ]; then
      tail_log "$npm_log"
      fail "npm ci in e2e/ failed (exit $npm_rc; output above)"
    fi
    say "Firebase CLI installed in $npm_s s"
  fi
  if [ "$SECONDS" -ge "$next_progress" ]; then
    next_progress=$((SECONDS + 10))
    progress="$((SECONDS - started_all)) s:"
    [ -n "$build_rc" ] || progress="$progress building ($(find . -path ./e2e -prune -o -name '*.class' -newer "$build_mark" -print 2> /dev/null | wc -l | tr -d ' ') classes compiled so far);"
    if [ -n "$npm_pid" ] && [ -z "$npm_rc" ]; then
      size=$(du -sm e2e/node_modules 2> /dev/null | cut -f1 || true)
      progress="$progress installing the Firebase CLI (${size:-0} MB in e2e/node_modules so far);"
    fi
    say "  still going at ${progress%;}"
  fi
done
build_pid="" npm_pid=""
[ -x "$firebase" ] || fail "$firebase is missing after npm ci (see $npm_log)"

# The emulator's configuration lives in the data directory, so every port comes from the
# variables above and everything listens on 127.0.0.1 only.
cat > "$data/firebase.json" << JSON
{
  "emulators": {
    "auth": { "host": "127.0.0.1", "port": $AUTH_EMULATOR_PORT },
    "hub": { "host": "127.0.0.1", "port": $EMULATOR_HUB_PORT },
    "logging": { "host": "127.0.0.1", "port": $EMULATOR_LOGGING_PORT },
    "ui": { "enabled": false },
    "singleProjectMode": true
  }
}
JSON
import=()
[ -f "$export_dir/firebase-export-metadata.json" ] && import=(--import "$export_dir")
# firebase-tools finds "the" emulator hub of a project through a file in the system temp directory
# (hub-demo-kairos.json in os.tmpdir()), and exports on exit whatever hub that file names: with a
# second emulator of the same project on the machine, ours would save the other's users. A temp
# directory of its own keeps this emulator's hub file, and so its export, to itself.
emulator_tmp=$data/emulator-tmp
mkdir -p "$emulator_tmp"
rm -f "$emulator_tmp"/hub-*.json # a stale one from a killed run
started_emulator=$SECONDS
(cd "$data" && TMPDIR=$emulator_tmp exec "$root/$firebase" emulators:start --only auth \
  --project demo-kairos --config "$data/firebase.json" ${import[@]+"${import[@]}"} \
  --export-on-exit "$export_dir") > "$emulator_log" 2>&1 < /dev/null &
emulator_pid=$!
say "starting the Auth Emulator on 127.0.0.1:$AUTH_EMULATOR_PORT (log: $emulator_log)"
deadline=$((SECONDS + timeout))
until curl -s --max-time 2 "http://127.0.0.1:$AUTH_EMULATOR_PORT/" 2> /dev/null |
  grep -q '"ready": *true'; do
  if ! kill -0 "$emulator_pid" 2> /dev/null; then
    tail_log "$emulator_log"
    fail "the Auth Emulator exited during start-up (cause above)"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail_log "$emulator_log"
    fail "the Auth Emulator was not ready within $timeout s (DEV_START_TIMEOUT)"
  fi
  sleep 0.5
done
emulator_s=$((SECONDS - started_emulator))
say "Auth Emulator ready in $emulator_s s on http://127.0.0.1:$AUTH_EMULATOR_PORT (users kept in $export_dir)"

export KAIROS_ENV=development
export FIREBASE_PROJECT_ID=${FIREBASE_PROJECT_ID:-demo-kairos}
export FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:$AUTH_EMULATOR_PORT
export LOG_FORMAT=${LOG_FORMAT:-text}
# Each push is one log line (kind, negotiation id, version, token suffix and the exact FCM message,
# token shortened) instead of a call to FCM.
export PUSH_PROVIDER=${PUSH_PROVIDER:-log}
if [ -z "${CURSOR_SECRET:-}" ]; then # one per data directory, so cursors survive a restart
  [ -s "$data/cursor-secret" ] || (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "$data/cursor-secret")
  CURSOR_SECRET=$(cat "$data/cursor-secret")
  export CURSOR_SECRET
fi
started_server=$SECONDS
java -jar "$jar" < /dev/null &
server_pid=$!
say "starting the server on 127.0.0.1:$PORT"
until curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/ready"; do
  kill -0 "$server_pid" 2> /dev/null || fail "the server exited during start-up (its log is above)"
  [ "$SECONDS" -lt "$deadline" ] ||
    fail "the server was not ready within $timeout s (DEV_START_TIMEOUT; its log is above)"
  sleep 0.5
done
server_s=$((SECONDS - started_server))
phases="build $build_s s"
[ -z "$npm_s" ] || phases="$phases, Firebase CLI install $npm_s s (alongside the build)"
say "started in $((SECONDS - started_all)) s: $phases, Auth Emulator $emulator_s s, server $server_s s"
say "ready: API on http://127.0.0.1:$PORT, Auth Emulator on http://127.0.0.1:$AUTH_EMULATOR_PORT"
say "get a token with: AUTH_EMULATOR_PORT=$AUTH_EMULATOR_PORT scripts/dev-token.sh alice@example.com"
say "stop with Ctrl-C or: kill $$"

# Runs until a signal arrives (the trap stops everything) or either child ends on its own.
# (Polling rather than `wait -n`, which macOS's bash 3.2 lacks.)
while kill -0 "$server_pid" 2> /dev/null && kill -0 "$emulator_pid" 2> /dev/null; do
  nap 1
done
kill -0 "$emulator_pid" 2> /dev/null || tail_log "$emulator_log"
fail "the server or the emulator stopped on its own; stopping the other"
