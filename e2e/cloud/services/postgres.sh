# PostgreSQL: private cluster for nova, neutron and cinder; unix socket only, no TCP.
# (sqlite fails there: nova under parallel boots, neutron's migrations need ALTER
# constraints.) Throw-away data: fsync off.
SVC_KIND[postgres]=infra
SVC_PACKAGES[postgres]="postgresql python3-psycopg2"
SVC_PROCS[postgres]="postgres"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

postgres_setup() {
  local PGDATA=$DATA/postgres i=0
  [ -n "$PGBIN" ] || PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$PGDATA" "$PG_SOCK"
  chown postgres: "$PGDATA" "$PG_SOCK"; chmod 700 "$PGDATA"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups "$PGBIN/initdb" -D "$PGDATA" -U postgres \
      --auth=trust -E UTF8 --no-sync > "$LOGD/postgres-initdb.log" 2>&1 || die "initdb failed" postgres-initdb
  fi
  start_bg postgres setpriv --reuid=postgres --regid=postgres --init-groups "$PGBIN/postgres" -D "$PGDATA" \
    -c listen_addresses= -c unix_socket_directories="$PG_SOCK" -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c shared_buffers=32MB -c max_connections=400 -c logging_collector=off
  until "$PGBIN/pg_isready" -q -h "$PG_SOCK"; do
    alive postgres || die "postgres exited" postgres
    i=$((i + 1)); [ $i -gt 240 ] && die "postgres not ready after 60s" postgres
    sleep 0.25
  done
  touch "$RUN/pg.ready"
}

# pg_create_db NAME: create database NAME unless it exists
pg_create_db() {
  local psql=("$PGBIN/psql" -h "$PG_SOCK" -U postgres -tA)
  "${psql[@]}" -c "select 1 from pg_database where datname='$1'" | grep -q 1 && return 0
  "${psql[@]}" -qc "create database $1" >/dev/null 2>&1 \
    || "${psql[@]}" -c "select 1 from pg_database where datname='$1'" | grep -q 1 \
    || die "create database $1 failed" postgres
}
