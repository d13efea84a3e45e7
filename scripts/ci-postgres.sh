#!/usr/bin/env bash
# PostgreSQL for the hub's storage tests (issue 14), for CI: installs Debian's `postgresql` when
# it is missing, starts its cluster, creates the role and database `p135_test` (password p135,
# on 127.0.0.1 only), and prints on stdout the one line to export:
#   P135_TEST_DATABASE_URL=postgres://p135:p135@127.0.0.1:5432/p135_test
# Idempotent: run it again and it only checks. Needs root (apt-get, su postgres). Messages go to
# stderr; exit 1 when PostgreSQL cannot be installed or started.
# In .ci/run, before the tests:  export "$(scripts/ci-postgres.sh)" || echo "warning: …" >&2
set -euo pipefail

ROLE=p135
PASSWORD=p135
DB=p135_test
log() { echo "ci-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || { log "could not install postgresql"; exit 1; }
fi

# The newest cluster Debian made (pg_createcluster on install); create one if there is none.
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  log "creating cluster ${version}/main"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster ${version}/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 2>&1 || pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -p $port" && break
  sleep 1
done
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -p $port $*"; }

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname = '$ROLE'\"")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin "-c \"create role $ROLE login password '$PASSWORD'\"" >&2
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname = '$DB'\"")" != "1" ]; then
  log "creating database $DB"
  psql_admin "-c \"create database $DB owner $ROLE\"" >&2
fi

url="postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DB"
PGPASSWORD=$PASSWORD psql -qtA -h 127.0.0.1 -p "$port" -U "$ROLE" "$DB" -c 'select 1' >/dev/null || { log "cannot connect to $DB as $ROLE"; exit 1; }
echo "P135_TEST_DATABASE_URL=$url"
