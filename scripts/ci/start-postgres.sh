#!/usr/bin/env bash
# Starts a local PostgreSQL (Debian's postgresql packages) for the PostgreSQL store tests, and
# makes sure that role `glassbox` (password `glassbox`, LOGIN CREATEDB) and its database `glassbox`
# exist, so that postgres://glassbox:glassbox@127.0.0.1:5432/glassbox works. Idempotent: a cluster
# already running is left as it is. Prints diagnostics on stderr only (stdout stays empty).
#
# The server refuses to run as root: pg_ctlcluster switches to the cluster's owner, and psql runs as
# the postgres user (peer authentication over the Unix socket).
set -euo pipefail
exec 1>&2

PORT=5432
say() { echo "start-postgres: $*"; }
die() { say "$*"; exit 1; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  die "pg_lsclusters/pg_ctlcluster not found: install Debian's postgresql package"
fi

SUDO=()
AS_POSTGRES=()
if [ "$(id -u)" = "0" ]; then
  AS_POSTGRES=(runuser -u postgres --)
elif [ "$(id -un)" != "postgres" ]; then
  SUDO=(sudo -n)
  AS_POSTGRES=(sudo -n -u postgres --)
fi

# The cluster on our port if there is one (any version), else a new `main` cluster of the newest
# installed major version.
VERSION=""
CLUSTER=""
while read -r ver name port _; do
  if [ "$port" = "$PORT" ]; then VERSION="$ver"; CLUSTER="$name"; break; fi
done < <(pg_lsclusters --no-header)

if [ -z "$VERSION" ]; then
  VERSION="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -n 1 || true)"
  [ -n "$VERSION" ] || die "no PostgreSQL server installed under /usr/lib/postgresql"
  CLUSTER=main
  if [ -d "/etc/postgresql/$VERSION/$CLUSTER" ]; then
    die "cluster $VERSION/$CLUSTER exists but does not use port $PORT: see pg_lsclusters"
  fi
  say "creating cluster $VERSION/$CLUSTER on port $PORT"
  "${SUDO[@]}" pg_createcluster --port "$PORT" "$VERSION" "$CLUSTER"
fi

if "${SUDO[@]}" pg_ctlcluster "$VERSION" "$CLUSTER" status >/dev/null 2>&1; then
  say "cluster $VERSION/$CLUSTER already running on port $PORT"
else
  say "starting cluster $VERSION/$CLUSTER on port $PORT"
  # listen on the loopback address only, whatever the cluster's postgresql.conf says
  "${SUDO[@]}" pg_ctlcluster "$VERSION" "$CLUSTER" start -- -o "-c listen_addresses=127.0.0.1"
fi

ready=""
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || die "PostgreSQL $VERSION/$CLUSTER does not accept connections on 127.0.0.1:$PORT (log: /var/log/postgresql/postgresql-$VERSION-$CLUSTER.log)"

# Role and database, as the superuser over the Unix socket. cd / so that psql running as postgres
# does not complain about a working directory it cannot read.
psql_admin() { (cd / && "${AS_POSTGRES[@]}" psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres "$@"); }
psql_admin >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'glassbox') THEN
    CREATE ROLE glassbox LOGIN CREATEDB PASSWORD 'glassbox';
  ELSE
    ALTER ROLE glassbox LOGIN CREATEDB PASSWORD 'glassbox';
  END IF;
END
$$;
SELECT 'CREATE DATABASE glassbox OWNER glassbox' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'glassbox')
\gexec
SQL

# The URL the tests use: password authentication over TCP (Debian's pg_hba: scram-sha-256 on 127.0.0.1).
if ! PGPASSWORD=glassbox PGCONNECT_TIMEOUT=10 psql -X -q -At -h 127.0.0.1 -p "$PORT" -U glassbox -d glassbox -c 'SELECT 1' >/dev/null; then
  die "cannot log in as glassbox@127.0.0.1:$PORT with the password (check pg_hba.conf of cluster $VERSION/$CLUSTER)"
fi
say "ready: postgres://glassbox:***@127.0.0.1:$PORT/glassbox (PostgreSQL $VERSION/$CLUSTER)"
