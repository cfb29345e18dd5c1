#!/usr/bin/env bash
# Prints a Firebase ID token for a test user of the local Auth Emulator, creating the user on
# first use. Usage: scripts/dev-token.sh alice@example.com [emulator host:port]
set -euo pipefail
email=${1:?usage: scripts/dev-token.sh EMAIL [HOST:PORT]}
host=${2:-127.0.0.1:9099}
base="http://$host/identitytoolkit.googleapis.com/v1"
body="{\"email\":\"$email\",\"password\":\"dev-password-1\",\"returnSecureToken\":true}"
answer=$(curl -s -X POST "$base/accounts:signInWithPassword?key=dev" -H 'Content-Type: application/json' -d "$body")
if ! printf '%s' "$answer" | grep -q idToken; then
  answer=$(curl -s -X POST "$base/accounts:signUp?key=dev" -H 'Content-Type: application/json' -d "$body")
fi
printf '%s' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["idToken"])'
