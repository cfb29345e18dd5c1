#!/usr/bin/env bash
# End-to-end run: the built jar, the real Firebase Auth Emulator (UI disabled), an embedded
# PostgreSQL, a fake FCM endpoint (e2e/fake-fcm.mjs), and a whole negotiation over HTTP with the
# pushes it causes. Stops everything it started, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
# The development build: the production jar has no embedded PostgreSQL.
jar="$root/dev-server/target/kairos-dev-server.jar"
work=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 2
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url, seconds, log
  for _ in $(seq 1 "$2"); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  echo "e2e: $1 did not come up; last log lines:" >&2; tail -40 "$3" >&2; return 1
}

if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi
if [ "${E2E_REUSE_FIREBASE_CLI:-}" != 1 ]; then # set by e2e/pgbouncer.sh after a fresh install
  echo "e2e: installing the Firebase CLI (pinned in e2e/package-lock.json)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

auth_port=$(free_port); hub_port=$(free_port); api_port=$(free_port)
cat > "$work/firebase.json" <<JSON
{ "emulators": { "auth": { "host": "127.0.0.1", "port": $auth_port },
                 "hub": { "host": "127.0.0.1", "port": $hub_port },
                 "ui": { "enabled": false }, "logging": { "port": $(free_port) },
                 "singleProjectMode": true } }
JSON
(cd "$work" && exec setsid "$here/node_modules/.bin/firebase" emulators:start --only auth \
   --project demo-kairos > "$work/emulator.log" 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:$auth_port/" 90 "$work/emulator.log"

# A stand-in for FCM: the server sends its pushes there (PUSH_PROVIDER=fcm) and the driver
# checks each one.
fcm_port=$(free_port)
setsid node "$here/fake-fcm.mjs" "$fcm_port" > "$work/fake-fcm.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$fcm_port/__requests" 30 "$work/fake-fcm.log"

KAIROS_ENV=development PORT=$api_port HOST=127.0.0.1 LOG_FORMAT=json LOG_LEVEL=INFO \
  FIREBASE_PROJECT_ID=demo-kairos FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:$auth_port \
  KAIROS_DATA_DIR="$work/data" EXPIRY_SWEEP_INTERVAL_SECONDS=5 \
  PUSH_PROVIDER=fcm FCM_API_URL="http://127.0.0.1:$fcm_port" \
  setsid java -jar "$jar" > "$work/server.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$api_port/health" 120 "$work/server.log"

# The client is generated from the document the server serves, never committed: lint the
# document (Redocly, zero errors), generate its TypeScript types (openapi-typescript), type-check
# the driver against them, then drive the negotiation through openapi-fetch.
echo "e2e: installing the client tools (pinned in e2e/client/package-lock.json)"
(cd "$here/client" && npm ci --no-audit --no-fund --loglevel=error)
curl -sf --max-time 10 -o "$work/openapi.json" "http://127.0.0.1:$api_port/openapi.json"
(cd "$here/client" \
  && npx --no-install redocly lint "$work/openapi.json" --config redocly.yaml --format=summary \
  && rm -rf generated \
  && npx --no-install openapi-typescript "$work/openapi.json" -o generated/api.d.ts \
  && npx --no-install tsc -p tsconfig.json \
  && npx --no-install tsx drive.ts --api "http://127.0.0.1:$api_port" \
       --auth "http://127.0.0.1:$auth_port" --fcm "http://127.0.0.1:$fcm_port" \
       --secrets-out "$work/secrets.txt")
# Every example of the iOS handbook (docs/ios) against the same server and fake FCM.
node "$here/handbook-check.mjs" --api "http://127.0.0.1:$api_port" --auth "http://127.0.0.1:$auth_port" --fcm "http://127.0.0.1:$fcm_port"

# A second generator: openapi-generator's typescript-fetch (its CLI jar from Maven Central, at the
# version the pom pins for the Java client), compiled under tsc --strict, drives another whole
# negotiation. modelPropertyNaming=original keeps the wire's snake_case names (the default
# camelCase mapping does not compile under --strict).
gen_version=$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' "$root/pom.xml")
gen_jar="$here/client/.tools/openapi-generator-cli-$gen_version.jar"
if [ ! -f "$gen_jar" ]; then
  echo "e2e: fetching openapi-generator-cli $gen_version"
  (cd "$root" && ./mvnw -B -q dependency:copy \
     -Dartifact="org.openapitools:openapi-generator-cli:$gen_version" \
     -DoutputDirectory="$here/client/.tools")
fi
rm -rf "$here/client/generated-fetch"
if ! java -jar "$gen_jar" generate -g typescript-fetch -i "$work/openapi.json" \
     -o "$here/client/generated-fetch" \
     --additional-properties=modelPropertyNaming=original,supportsES6=true > "$work/generator.log" 2>&1; then
  echo "e2e: FAILED: typescript-fetch generation" >&2; tail -20 "$work/generator.log" >&2; exit 1
fi
(cd "$here/client" \
  && npx --no-install tsc -p tsconfig.fetch.json \
  && npx --no-install tsx drive-fetch.ts --api "http://127.0.0.1:$api_port" \
       --auth "http://127.0.0.1:$auth_port")

# Not one blob or token may have reached a log line.
leaks=0
while IFS= read -r secret; do
  [ -n "$secret" ] || continue
  if grep -qF -- "$secret" "$work/server.log"; then leaks=$((leaks + 1)); fi
  sig=${secret##*.}
  if [ -n "$sig" ] && [ ${#sig} -gt 8 ] && grep -qF -- "$sig" "$work/server.log"; then leaks=$((leaks + 1)); fi
done < "$work/secrets.txt"
lines=$(grep -c '"request completed"' "$work/server.log" || true)
if [ "$leaks" -ne 0 ]; then
  echo "e2e: FAILED: $leaks secret(s) found in the server log" >&2
  exit 1
fi
echo "e2e: the server logged $lines request lines and no blob or token"
