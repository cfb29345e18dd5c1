#!/usr/bin/env bash
# Starts Kairos locally: the Firebase Auth Emulator (UI disabled) and the server with an embedded
# PostgreSQL whose data lives in .kairos/ and survives restarts. Needs only a JDK 17+ and Node 20+.
# Ctrl-C stops both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=bootstrap/target/kairos-server.jar

if [ ! -f "$jar" ] || [ -n "$(find . -path ./e2e/node_modules -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
  echo "dev: building the server"
  ./mvnw -B -q -DskipTests package
fi
if [ ! -x e2e/node_modules/.bin/firebase ]; then
  echo "dev: installing the Firebase CLI (pinned in e2e/package-lock.json)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill -TERM -- "-$emulator_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

mkdir -p .kairos
setsid e2e/node_modules/.bin/firebase emulators:start --only auth --project demo-kairos \
  > .kairos/auth-emulator.log 2>&1 &
emulator_pid=$!
for _ in $(seq 1 90); do curl -sf -o /dev/null http://127.0.0.1:9099/ && break; sleep 1; done
echo "dev: Auth Emulator on http://127.0.0.1:9099 (log: .kairos/auth-emulator.log)"
echo "dev: get a token with: scripts/dev-token.sh alice@example.com"

export KAIROS_ENV=development
export FIREBASE_PROJECT_ID=${FIREBASE_PROJECT_ID:-demo-kairos}
export FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099
export LOG_FORMAT=${LOG_FORMAT:-text}
export PORT=${PORT:-8080}
echo "dev: server on http://127.0.0.1:$PORT"
java -jar "$jar"
