#!/usr/bin/env bash
# The end-to-end run (e2e/run.sh: a whole negotiation and its pushes) with the server behind
# PgBouncer in transaction mode, as on Cloud SQL with a pooler in front: requests go through
# PgBouncer (DATABASE_POOLER=transaction), the push dispatcher LISTENs on a direct connection
# (DATABASE_LISTEN_URL). PostgreSQL and PgBouncer are Debian's packages, installed with apt-get
# when missing (CI runs as root); both run as the postgres user, since neither runs as root.
# Afterwards PgBouncer's own counters must show the transactions went through it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
chmod 755 "$work"
pg_pid=""
bouncer_pid=""

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  [ -n "$bouncer_pid" ] && kill -TERM "$bouncer_pid" 2>/dev/null || true
  if [ -n "$pg_pid" ]; then as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

missing=()
command -v pgbouncer >/dev/null || missing+=(pgbouncer)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  echo "pgbouncer-e2e: installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
echo "pgbouncer-e2e: $(pgbouncer --version | head -1), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"

pg_port=$(free_port); bouncer_port=$(free_port)
password="e2e-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
[ "$(id -u)" = 0 ] && chown postgres "$work"
echo "$password" > "$work/pwfile"
as_postgres "$pg_bin/initdb" -D "$work/pg" -U kairos --pwfile="$work/pwfile" -A scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "$work/pwfile"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=60" >/dev/null
pg_pid=started
PGPASSWORD=$password psql -qAt -h 127.0.0.1 -p "$pg_port" -U kairos -d postgres \
  -c "CREATE DATABASE kairos" >/dev/null

# Transaction pooling with a small server pool: every request transaction borrows one of at most
# 5 server sessions, which is exactly where session state would leak or get lost.
cat > "$work/userlist.txt" <<EOF
"kairos" "$password"
EOF
cat > "$work/pgbouncer.ini" <<EOF
[databases]
kairos = host=127.0.0.1 port=$pg_port dbname=kairos
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $work/userlist.txt
admin_users = kairos
pool_mode = transaction
default_pool_size = 5
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
logfile = $work/pgbouncer.log
pidfile = $work/pgbouncer.pid
EOF
[ "$(id -u)" = 0 ] && chown postgres "$work"/userlist.txt "$work"/pgbouncer.ini
as_postgres pgbouncer -d "$work/pgbouncer.ini"
for _ in $(seq 1 50); do [ -s "$work/pgbouncer.pid" ] && break; sleep 0.1; done
bouncer_pid=$(cat "$work/pgbouncer.pid")

encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$password")
export DATABASE_URL="postgres://kairos:$encoded@127.0.0.1:$bouncer_port/kairos"
export DATABASE_LISTEN_URL="postgres://kairos:$encoded@127.0.0.1:$pg_port/kairos"
export DATABASE_POOLER=transaction
export DATABASE_POOL_MAX=8
# In CI e2e/run.sh has just installed the Firebase CLI from the same lock file: reuse it rather
# than spend minutes on a second npm ci.
if [ -x "$here/node_modules/.bin/firebase" ] \
  && [ "$here/node_modules/.package-lock.json" -nt "$here/package-lock.json" ]; then
  export E2E_REUSE_FIREBASE_CLI=1
fi
started=$(date +%s)
bash "$here/run.sh"

# The requests' transactions went through PgBouncer, in transaction mode.
stats=$(PGPASSWORD=$password psql -qAt -F ' ' -h 127.0.0.1 -p "$bouncer_port" -U kairos pgbouncer \
  -c "SHOW STATS" | awk '$1 == "kairos" {print $2, $3}')
read -r xacts queries <<< "$stats"
mode=$(PGPASSWORD=$password psql -qAt -h 127.0.0.1 -p "$bouncer_port" -U kairos pgbouncer \
  -c "SHOW CONFIG" | awk -F'|' '$1 == "pool_mode" {print $2}')
echo "pgbouncer-e2e: PgBouncer ($mode mode) carried $xacts transactions and $queries queries" \
  "in $(( $(date +%s) - started )) s"
if [ "$mode" != transaction ] || [ "${xacts:-0}" -lt 50 ]; then
  echo "pgbouncer-e2e: FAILED: expected the server's transactions to go through PgBouncer" >&2
  tail -20 "$work/pgbouncer.log" >&2
  exit 1
fi
