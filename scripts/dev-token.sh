#!/usr/bin/env bash
# Prints a Firebase ID token for a test user of the local Auth Emulator, creating the user on
# first use. Needs curl. Usage: scripts/dev-token.sh EMAIL [HOST:PORT]
# The emulator is at HOST:PORT if given, else 127.0.0.1:$AUTH_EMULATOR_PORT (default 9099, the
# same variable scripts/dev.sh reads).
set -euo pipefail
email=${1:?usage: scripts/dev-token.sh EMAIL [HOST:PORT]}
host=${2:-127.0.0.1:${AUTH_EMULATOR_PORT:-9099}}
base="http://$host/identitytoolkit.googleapis.com/v1"
body="{\"email\":\"$email\",\"password\":\"dev-password-1\",\"returnSecureToken\":true}"

call() { # endpoint: prints the answer, or fails when the emulator does not answer at all
  # A just-restarted emulator (importing its users) can be slow to answer its first request.
  curl -s --max-time 10 --retry 3 --retry-connrefused --retry-delay 1 -X POST "$base/$1?key=dev" -H 'Content-Type: application/json' -d "$body" ||
    {
      echo "dev-token: no Auth Emulator answers on $host (is scripts/dev.sh running? AUTH_EMULATOR_PORT?)" >&2
      exit 1
    }
}
token() { printf '%s' "$1" | tr -d '\n' | sed -n 's/.*"idToken" *: *"\([^"]*\)".*/\1/p'; }

answer=$(call accounts:signInWithPassword)
id_token=$(token "$answer")
if [ -z "$id_token" ]; then
  answer=$(call accounts:signUp)
  id_token=$(token "$answer")
fi
if [ -z "$id_token" ]; then
  echo "dev-token: the emulator on $host gave no token: $answer" >&2
  exit 1
fi
printf '%s\n' "$id_token"
