#!/usr/bin/env bash
# Script test of scripts/dev.sh (run by .ci/run). On free, non-default ports and a data directory
# of its own: start, create a user and a negotiation, stop with ONE SIGTERM and check that no
# process is left, start again and check that the same email gets the same uid and still reads its
# negotiation; with a second emulator of the same project id running in the (test's) system temp
# directory, restart, add a user, stop and start again: both users keep their uids; then, with the
# emulator's port taken (by another process, then by the emulator's own
# hub), dev.sh must fail within 30 s and say why.
# Needs bash, curl and python3 (for JSON).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
data=$work/data
passed=0
dev_pid=""
blocker_pid=""
other_pid=""

ok() {
  passed=$((passed + 1))
  echo "dev-test: ok - $*"
}
die() {
  echo "dev-test: FAILED: $*" >&2
  [ -f "$work/dev.out" ] && { echo "---- dev.sh output ----" >&2; tail -n 60 "$work/dev.out" >&2; }
  [ -f "$data/auth-emulator.log" ] && { echo "---- emulator log ----" >&2; tail -n 30 "$data/auth-emulator.log" >&2; }
  echo "dev-test: $passed passed, 1 failed"
  exit 1
}
cleanup() {
  if [ -n "$dev_pid" ] && kill -TERM "$dev_pid" 2> /dev/null; then sleep 5; fi
  [ -z "$blocker_pid" ] || kill "$blocker_pid" 2> /dev/null || true
  [ -z "$other_pid" ] || kill -TERM -- "-$other_pid" 2> /dev/null || true
  for pid in $(left_over); do kill -KILL "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# Every process dev.sh starts inherits KAIROS_DATA_DIR=$data: any still alive is left over.
left_over() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    pid=${environ#/proc/}
    pid=${pid%/environ}
    [ "$pid" = "$$" ] && continue
    if { tr '\0' '\n' < "$environ"; } 2> /dev/null | grep -qx "KAIROS_DATA_DIR=$data"; then
      echo "$pid"
    fi
  done
}

export PORT AUTH_EMULATOR_PORT EMULATOR_HUB_PORT EMULATOR_LOGGING_PORT
PORT=$(free_port)
AUTH_EMULATOR_PORT=$(free_port)
EMULATOR_HUB_PORT=$(free_port)
EMULATOR_LOGGING_PORT=$(free_port)
export KAIROS_DATA_DIR=$data DEV_START_TIMEOUT=240 LOG_FORMAT=json
# The "system" temp directory dev.sh and the second emulator below share, so the test meets the
# shared hub file without touching the machine's real /tmp (other emulators may run there).
export TMPDIR=$work/system-tmp
mkdir -p "$TMPDIR"
api=http://127.0.0.1:$PORT
auth=http://127.0.0.1:$AUTH_EMULATOR_PORT/identitytoolkit.googleapis.com/v1
echo "dev-test: API $PORT, emulator $AUTH_EMULATOR_PORT, hub $EMULATOR_HUB_PORT," \
  "logging $EMULATOR_LOGGING_PORT, data $data"

start_dev() {
  # Emptied here, not only by the child's redirection: the loop below must never read the
  # previous run's "dev: ready" before the new dev.sh has truncated the file.
  : > "$work/dev.out"
  "$root/scripts/dev.sh" > "$work/dev.out" 2>&1 &
  dev_pid=$!
  local i
  for ((i = 0; i < 600; i++)); do
    grep -q '^dev: ready' "$work/dev.out" && return 0
    kill -0 "$dev_pid" 2> /dev/null || die "dev.sh exited before it was ready"
    sleep 1
  done
  die "dev.sh was not ready within 600 s"
}
stop_dev() {
  local started=$SECONDS
  kill -TERM "$dev_pid"
  local rc=0
  wait "$dev_pid" || rc=$?
  dev_pid=""
  ok "one SIGTERM stopped dev.sh in $((SECONDS - started)) s (exit $rc)"
  local left
  left=$(left_over)
  [ -z "$left" ] || die "processes left after SIGTERM: $(ps -o pid=,args= -p ${left//$'\n'/,})"
  ok "no process of dev.sh is left"
  curl -s --max-time 2 -o /dev/null "$api/health" && die "the API still answers"
  curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$AUTH_EMULATOR_PORT/" && die "the emulator still answers"
  ok "nothing listens on $PORT or $AUTH_EMULATOR_PORT any more"
  tail -n 1 "$work/dev.out" | grep -qx 'dev: stopped' || die "dev.sh's last line is not 'dev: stopped'"
  ok "dev.sh's last line is 'dev: stopped'"
}
sign_up() { # email -> the emulator's answer (localId, idToken)
  curl -sf --max-time 10 -X POST "$auth/accounts:signUp?key=dev" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"dev-password-1\",\"returnSecureToken\":true}"
}
uid_of() { # ID token -> its sub
  python3 -c 'import base64,json,sys; p=sys.argv[1].split(".")[1]; p+="="*(-len(p)%4); print(json.loads(base64.urlsafe_b64decode(p))["sub"])' "$1"
}
start_negotiation() { # token, id, participant -> HTTP status; body in $work/start.json
  curl -s --max-time 10 -o "$work/start.json" -w '%{http_code}' -X POST "$api/negotiate/start" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "{
      \"id\": \"$2\", \"intent_category\": \"dinner\", \"participant_ids\": [\"$3\"],
      \"proposed_slots\": [{\"starts_at\": \"2099-05-01T19:00:00Z\", \"duration_minutes\": 90}],
      \"encrypted_payload\": \"ZGV2LXRlc3Q=\"}"
}

# 1. First start, a user, an invitee and a negotiation.
start_dev
ok "dev.sh started on non-default ports"
phases=$(grep '^dev: started in ' "$work/dev.out") || die "dev.sh printed no phase times"
ok "phases: ${phases#dev: }"
grep -q '"host": "127.0.0.1"' "$data/firebase.json" || die "the emulator does not listen on loopback"
alice_token=$(AUTH_EMULATOR_PORT=$AUTH_EMULATOR_PORT "$root/scripts/dev-token.sh" alice@dev-test.kairos)
alice=$(uid_of "$alice_token")
bob=$(sign_up bob@dev-test.kairos | json '["localId"]')
ok "dev-token.sh created alice ($alice); bob is $bob"
negotiation=$(python3 -c 'import uuid; print(uuid.uuid4())')
status=$(start_negotiation "$alice_token" "$negotiation" "$bob")
[ "$status" = 201 ] || die "start answered $status: $(cat "$work/start.json")"
ok "alice started negotiation $negotiation with bob (201)"
status=$(start_negotiation "$alice_token" "$(python3 -c 'import uuid; print(uuid.uuid4())')" nobody-here)
[ "$status" = 422 ] && grep -q unknown_participant "$work/start.json" ||
  die "an unknown participant got $status: $(cat "$work/start.json")"
ok "a participant the emulator does not know is refused (422 unknown_participant)"

# 2. One SIGTERM stops everything.
stop_dev
[ -f "$data/auth-export/firebase-export-metadata.json" ] || die "the emulator exported no users"
ok "the emulator saved its users in $data/auth-export"

# 3. Another emulator of the same project id on the machine (its hub file in the shared temp
#    directory, one user of its own), then the restart: same email, same uid, same negotiation.
other=$work/other-emulator
mkdir -p "$other"
other_auth=$(free_port)
cat > "$other/firebase.json" << JSON
{ "emulators": { "auth": { "host": "127.0.0.1", "port": $other_auth },
                 "hub": { "host": "127.0.0.1", "port": $(free_port) },
                 "logging": { "host": "127.0.0.1", "port": $(free_port) },
                 "ui": { "enabled": false }, "singleProjectMode": true } }
JSON
(cd "$other" && exec setsid env -u KAIROS_DATA_DIR "$root/e2e/node_modules/.bin/firebase" emulators:start \
  --only auth --project demo-kairos --config "$other/firebase.json") > "$other/emulator.log" 2>&1 &
other_pid=$!
for _ in $(seq 1 120); do
  curl -s --max-time 2 "http://127.0.0.1:$other_auth/" 2> /dev/null | grep -q '"ready": *true' && break
  sleep 1
done
curl -sf --max-time 10 -X POST "http://127.0.0.1:$other_auth/identitytoolkit.googleapis.com/v1/accounts:signUp?key=dev" \
  -H 'Content-Type: application/json' \
  -d '{"email":"stranger@other.kairos","password":"dev-password-1","returnSecureToken":true}' > /dev/null ||
  die "the second emulator did not come up: $(tail -n 20 "$other/emulator.log")"
[ -f "$TMPDIR/hub-demo-kairos.json" ] || die "the second emulator wrote no hub file in $TMPDIR"
ok "a second emulator of demo-kairos runs on $other_auth with its hub file in the shared temp directory"
start_dev
again_token=$(AUTH_EMULATOR_PORT=$AUTH_EMULATOR_PORT "$root/scripts/dev-token.sh" alice@dev-test.kairos) ||
  die "dev-token.sh got no token after the restart"
[ "$(uid_of "$again_token")" = "$alice" ] || die "alice has a new uid after the restart"
ok "after the restart alice@dev-test.kairos still has uid $alice"
status=$(curl -s --max-time 10 -o "$work/read.json" -w '%{http_code}' "$api/negotiations/$negotiation" \
  -H "Authorization: Bearer $again_token")
[ "$status" = 200 ] && [ "$(json '["data"]["id"]' < "$work/read.json")" = "$negotiation" ] ||
  die "reading the negotiation after the restart answered $status: $(cat "$work/read.json")"
ok "alice still reads her negotiation after the restart"
carol=$(sign_up carol@dev-test.kairos | json '["localId"]')
stop_dev
grep -q "$carol" "$data/auth-export/auth_export/accounts.json" && ! grep -q stranger "$data/auth-export/auth_export/accounts.json" ||
  die "the export after a run beside another emulator is not this emulator's users"
ok "with the other emulator running, the export holds this emulator's users (carol, no stranger)"
start_dev
again_token=$(AUTH_EMULATOR_PORT=$AUTH_EMULATOR_PORT "$root/scripts/dev-token.sh" alice@dev-test.kairos) ||
  die "dev-token.sh got no token after the restart beside another emulator"
[ "$(uid_of "$again_token")" = "$alice" ] || die "alice has a new uid after a restart beside another emulator"
carol_again=$(curl -sf --max-time 10 -X POST "$auth/accounts:signInWithPassword?key=dev" -H 'Content-Type: application/json' \
  -d '{"email":"carol@dev-test.kairos","password":"dev-password-1","returnSecureToken":true}' | json '["localId"]') ||
  die "carol cannot sign in after the restart"
[ "$carol_again" = "$carol" ] || die "carol has a new uid after the restart"
ok "beside another emulator of the same project, a restart kept alice ($alice) and carol ($carol)"
stop_dev
kill -TERM -- "-$other_pid" 2> /dev/null || true
other_pid=""

# 4. The emulator's port taken: a non-zero exit within 30 s, with the cause on screen.
env -u KAIROS_DATA_DIR python3 -c 'import socket,sys,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(120)' "$AUTH_EMULATOR_PORT" &
blocker_pid=$!
for _ in $(seq 1 50); do (exec 3<> "/dev/tcp/127.0.0.1/$AUTH_EMULATOR_PORT") 2> /dev/null && break; sleep 0.1; done
started=$SECONDS
rc=0
timeout 30 "$root/scripts/dev.sh" > "$work/taken.out" 2>&1 || rc=$?
elapsed=$((SECONDS - started))
cat "$work/taken.out"
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || die "with the port taken dev.sh exited $rc after $elapsed s"
grep -q "port $AUTH_EMULATOR_PORT (AUTH_EMULATOR_PORT) is already in use" "$work/taken.out" ||
  die "dev.sh did not name the taken port"
ok "with the emulator's port taken dev.sh exited $rc in $elapsed s and named the cause"
[ -z "$(left_over)" ] || die "processes left after the failed start"
ok "no process is left after the failed start"

kill "$blocker_pid" 2> /dev/null || true
blocker_pid=""

# 5. A port conflict only the emulator itself meets (its hub on the auth port): it dies during
#    start-up, and dev.sh must say so with the emulator's own words. This run includes dev.sh's
#    incremental build (~10 s here), so it gets 60 s on a machine busy with other builds.
started=$SECONDS
rc=0
EMULATOR_HUB_PORT=$AUTH_EMULATOR_PORT timeout 60 "$root/scripts/dev.sh" > "$work/crash.out" 2>&1 || rc=$?
elapsed=$((SECONDS - started))
cat "$work/crash.out"
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || die "with the emulator failing dev.sh exited $rc after $elapsed s"
grep -q "port taken" "$work/crash.out" && grep -q "Auth Emulator exited during start-up" "$work/crash.out" ||
  die "dev.sh did not show why the emulator failed"
ok "when the emulator dies on a taken port dev.sh exits $rc in $elapsed s with its log tail"
[ -z "$(left_over)" ] || die "processes left after the emulator failed"
ok "no process is left after the emulator failed"

echo "dev-test: $passed passed, 0 failed"
