#!/bin/sh
# First start of the PostgreSQL container: the runtime role the API connects as. It owns nothing;
# the API's start-up (as the owner, DATABASE_OWNER_URL) grants it what it needs after migrating.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$ONEMAP_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE onemap_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'pw';
SQL
