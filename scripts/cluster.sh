#!/usr/bin/env bash
# KTXH beyond one machine, on loopback: a PostgreSQL primary with a streaming replica, Redis, two
# application servers (gunicorn) and a job worker, then scripts/cluster_check.py shows that
#   a write on one server is read on the other, a cache entry is invalidated across servers,
#   a job queued by one server is done by the worker, and reads are served by the replica.
# Exits non-zero if any check fails; stops everything it started and removes its folder.
# Runs as root (PostgreSQL then runs as the postgres user) or as an ordinary user.
# KTXH_CLUSTER_KEEP=1 keeps the folder (databases, logs) for a look after the run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
[ -x .venv/bin/ktxh ] || bash scripts/setup.sh
PY=$ROOT/.venv/bin/python
KTXH=$ROOT/.venv/bin/ktxh
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "Không tìm thấy PostgreSQL (initdb) trong /usr/lib/postgresql/*/bin" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "Không tìm thấy redis-server" >&2; exit 2; }

WORK=$(mktemp -d /tmp/ktxh-cluster.XXXXXX)
chmod 755 "$WORK"
PIDS=()
as_pg() {  # run a PostgreSQL binary as the postgres user when we are root
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}
cleanup() {
  local rc=$?
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
  for db in replica primary; do
    [ -f "$WORK/$db/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/$db" -m fast -w stop >/dev/null 2>&1
  done
  if [ "$rc" != 0 ]; then
    echo "--- nhật ký (lỗi, mã $rc) ---" >&2
    tail -n 30 "$WORK"/*.log 1>&2 2>/dev/null
  fi
  if [ -n "${KTXH_CLUSTER_KEEP:-}" ]; then echo "Giữ lại $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

free_ports() { "$PY" -c '
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"; }
read -r PG1 PG2 REDIS APP1 APP2 <<<"$(free_ports 5)"
echo "Thư mục tạm: $WORK; cổng: primary $PG1, replica $PG2, redis $REDIS, máy chủ $APP1 và $APP2"

# --- PostgreSQL primary -----------------------------------------------------------------------
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_pg "$PGBIN/initdb" -D "$WORK/primary" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
cat >>"$WORK/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG1
unix_socket_directories = '$WORK'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
EOF
echo "host replication postgres 127.0.0.1/32 trust" >>"$WORK/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG1" -U postgres ktxh

# --- streaming replica -----------------------------------------------------------------------
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG1" -U postgres -D "$WORK/replica" -R -X stream -c fast
cat >>"$WORK/replica/postgresql.conf" <<EOF
port = $PG2
log_statement = 'all'
EOF
as_pg "$PGBIN/pg_ctl" -D "$WORK/replica" -l "$WORK/replica.log" -w start >/dev/null

# --- Redis ------------------------------------------------------------------------------------
redis-server --bind 127.0.0.1 --port "$REDIS" --save "" --appendonly no --daemonize yes \
  --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"

# --- the application: one database, one secret key, one Redis for all --------------------------
export KTXH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG1/ktxh"
export KTXH_REPLICA_URLS="postgres://postgres@127.0.0.1:$PG2/ktxh"
export KTXH_REDIS_URL="redis://127.0.0.1:$REDIS/0"
export KTXH_SECRET_KEY="cluster-$(basename "$WORK")-khoa-chung-cua-moi-may-chu"
export KTXH_DATA_DIR="$WORK/data"
unset DJANGO_SETTINGS_MODULE KTXH_DEBUG
echo "Tạo cơ sở dữ liệu và nạp dữ liệu mẫu…"
"$KTXH" serve --prepare-only >"$WORK/prepare.log"
DJANGO_SUPERUSER_PASSWORD=quan-tri-cum-may DJANGO_SETTINGS_MODULE=ktxh.web.settings \
  "$PY" -m django createsuperuser --noinput --username quantri --email quantri@example.invalid >/dev/null

for port in "$APP1" "$APP2"; do
  KTXH_DATA_DIR="$WORK/data-$port" "$KTXH" serve --no-demo --addr "127.0.0.1:$port" --workers 2 >"$WORK/app-$port.log" 2>&1 &
  PIDS+=($!)
done
"$KTXH" worker >"$WORK/worker.log" 2>&1 &
WORKER=$!
PIDS+=("$WORKER")

"$PY" scripts/cluster_check.py --a "http://127.0.0.1:$APP1" --b "http://127.0.0.1:$APP2" \
  --redis "$KTXH_REDIS_URL" --replica-log "$WORK/replica.log" --primary-port "$PG1" --replica-port "$PG2" --worker-pid "$WORKER" \
  --pid-a "${PIDS[0]}" --pid-b "${PIDS[1]}"
