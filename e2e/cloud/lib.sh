# lib.sh - helpers shared by up.sh, down.sh, status.sh and services/*.sh.
# Sourced, never executed. Everything the cloud writes lives under $STATE.

CLOUD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${OSSDK_CLOUD_STATE:-/tmp/openstack-sdk-cloud}
HOST=127.0.0.1
REGION=RegionOne
# Debian's python has the OpenStack libraries; a pyenv/venv python may come first in PATH
PY=/usr/bin/python3
ADMIN_PASSWORD=${OSSDK_CLOUD_ADMIN_PASSWORD:-admin}
DEMO_PASSWORD=${OSSDK_CLOUD_DEMO_PASSWORD:-demo}
SERVICE_PASSWORD=${OSSDK_CLOUD_SERVICE_PASSWORD:-service}
APPCRED_SECRET=${OSSDK_CLOUD_APPCRED_SECRET:-local-appcred-secret}
CORS_ORIGINS=${OSSDK_CLOUD_CORS_ORIGINS:-*}
DEBUG=$([ "${OSSDK_CLOUD_DEBUG:-0}" = 1 ] && echo true || echo false)

ETC=$STATE/etc DATA=$STATE/data LOGD=$STATE/log RUN=$STATE/run BIN=$STATE/bin

KS_PORT=5000
KS_URL=http://$HOST:$KS_PORT
RABBIT_PORT=5672
RABBIT_URL="rabbit://guest:guest@$HOST:$RABBIT_PORT/"

# ---- environment ----------------------------------------------------------------
# oslo.config reads OS_<GROUP>__<OPTION> from the environment and the clients read
# OS_AUTH_URL & co: nothing from the caller's shell may leak into the services.
clean_env() {
  export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  unset PYTHONPATH PYTHONHOME VIRTUAL_ENV PYTHONSTARTUP 2>/dev/null || true
  local v
  for v in $(env | sed -n 's/^\(OS_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
  export PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 LANG=C.UTF-8
}

# ---- logging --------------------------------------------------------------------
T0=${T0:-$(date +%s%N)}
ts() { local n; n=$(( ($(date +%s%N) - T0) / 100000000 )); printf '%3d.%ds' $((n / 10)) $((n % 10)); }
log() { echo "[$(ts)] $*"; }
# die MESSAGE [LOGNAME]: print the error (and the tail of log/LOGNAME.log) and exit
die() {
  echo "[$(ts)] ERROR: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$LOGD/$2.log" ]; then
    echo "---- last lines of $LOGD/$2.log ----" >&2
    tail -n 25 "$LOGD/$2.log" >&2
    echo "----" >&2
  fi
  exit 1
}

# ---- processes ------------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
# start time (clock ticks since boot) of a pid: a recycled pid never matches
pid_start() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }
# alive NAME: the process recorded as NAME is running (same pid and start time)
alive() {
  local pid
  [ -f "$RUN/$1.pid" ] || return 1
  pid=$(cat "$RUN/$1.pid")
  kill -0 "$pid" 2>/dev/null || return 1
  [ ! -f "$RUN/$1.start" ] || [ "$(pid_start "$pid")" = "$(cat "$RUN/$1.start")" ]
}

# start_bg NAME CMD...: run CMD in its own session (process group = its workers), stdout
# and stderr to log/NAME.log, pid + start time in run/. A running NAME is kept unless
# the config of the service being set up changed in this run (then it is restarted).
start_bg() {
  local name=$1; shift
  if alive "$name"; then
    if [ -n "${CUR_SVC:-}" ] && [ -f "$RUN/$CUR_SVC.conf-changed" ]; then
      log "$name: config changed, restarting"
      stop_proc "$name"
    else
      return 0
    fi
  fi
  local port=${PROC_PORT[$name]:-}
  if [ -n "$port" ] && port_open "$port"; then
    die "$name: port $HOST:$port is taken by a process this cloud did not start: $(ss -Hltnp "sport = :$port" | grep -o 'users:.*' | head -n 1)"
  fi
  # daemons run at niceness 0 even when the setup job that starts them is niced
  # fd 9 is up.sh's lock: a daemon must not keep holding it
  ( exec 9>&-; cd "$STATE" && exec setsid nice -n "$((0 - $(nice)))" "$@" >>"$LOGD/$name.log" 2>&1 </dev/null ) &
  local pid=$!
  echo "$pid" > "$RUN/$name.pid"
  pid_start "$pid" > "$RUN/$name.start"
  log "started $name (pid $pid)"
}

# stop_proc NAME...: TERM the process groups of the NAMEs (in parallel), KILL what is
# left after 20 s
stop_proc() {
  local name pid i left=() p
  for name in "$@"; do
    if ! alive "$name"; then rm -f "$RUN/$name.pid" "$RUN/$name.start"; continue; fi
    pid=$(cat "$RUN/$name.pid")
    # postgres: SIGINT = fast shutdown; its backends leave the process group
    if [ "$name" = postgres ]; then kill -INT "$pid" 2>/dev/null; left+=("$pid"); continue; fi
    if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then
      kill -TERM -- "-$pid" 2>/dev/null; left+=("-$pid")
    else
      kill -TERM "$pid" 2>/dev/null; left+=("$pid")
    fi
  done
  for i in $(seq 80); do
    p=(); for pid in "${left[@]}"; do kill -0 -- "$pid" 2>/dev/null && p+=("$pid"); done
    left=("${p[@]}")
    [ ${#left[@]} -eq 0 ] && break
    sleep 0.25
  done
  for pid in "${left[@]}"; do echo "still running after 20 s, killing: $pid"; kill -KILL -- "$pid" 2>/dev/null; done
  for name in "$@"; do rm -f "$RUN/$name.pid" "$RUN/$name.start"; done
}

# wait_http NAME URL [SECONDS]: until URL answers with an HTTP status below 500
wait_http() {
  local name=$1 url=$2 t=${3:-240} i=0 code
  while :; do
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)
    case $code in [1234]??) return 0;; esac
    alive "$name" || die "$name exited" "$name"
    i=$((i + 1)); [ $i -gt $((t * 4)) ] && die "$name: $url not answering after ${t}s (last code $code)" "$name"
    sleep 0.25
  done
}
# wait_port NAME PORT [SECONDS]
wait_port() {
  local name=$1 port=$2 t=${3:-120} i=0
  until port_open "$port"; do
    alive "$name" || die "$name exited" "$name"
    i=$((i + 1)); [ $i -gt $((t * 4)) ] && die "$name: port $port not open after ${t}s" "$name"
    sleep 0.25
  done
}

# wrapper NAME MODULE [FUNC] [FIRST]: tiny console script in $BIN (importing the $STATE/pylib
# module FIRST before anything else). The distribution's console
# scripts live in the service packages, whose postinst scripts configure and start
# system daemons; only the python3-* libraries are installed.
wrapper() {
  cat > "$BIN/$1.new" <<EOF
#!$PY
import sys
sys.argv[0] = '$1'
${4:+sys.path.insert(0, '$STATE/pylib'); import $4}
from $2 import ${3:-main}
sys.exit(${3:-main}())
EOF
  chmod +x "$BIN/$1.new"; mv -f "$BIN/$1.new" "$BIN/$1"
}

# ---- config files -----------------------------------------------------------------
# conf FILE < content: write FILE only when its content changes, and then mark the
# service being set up ($CUR_SVC) so that start_bg restarts its running daemons.
conf() {
  local f=$1 tmp
  mkdir -p "$(dirname "$f")"
  tmp=$(mktemp "$f.XXXXXX")
  cat > "$tmp"
  if [ -f "$f" ] && cmp -s "$tmp" "$f"; then rm -f "$tmp"; return 0; fi
  [ -f "$f" ] && [ -n "${CUR_SVC:-}" ] && touch "$RUN/$CUR_SVC.conf-changed"
  chmod 644 "$tmp"; mv -f "$tmp" "$f"
}

# uwsgi_ini NAME PORT WSGI_SCRIPT [ENV=VALUE...]
uwsgi_ini() {
  local name=$1 port=$2 script=$3 e; shift 3
  {
    echo "[uwsgi]"
    echo "plugins = python3"
    echo "http-socket = $HOST:$port"
    echo "wsgi-file = $script"
    echo "master = true"
    # load the app in each worker after the fork: with the app preloaded in the
    # master a worker can inherit a held lock and hang on its first request
    echo "lazy-apps = true"
    echo "processes = ${UWSGI_PROCESSES:-1}"
    echo "threads = ${UWSGI_THREADS:-4}"
    echo "enable-threads = true"
    echo "die-on-term = true"
    echo "need-app = true"
    echo "buffer-size = 65535"
    echo "http-keepalive = false"
    echo "add-header = Connection: close"
    echo "chdir = $STATE"
    echo "disable-logging = ${UWSGI_QUIET:-false}"
    for e in "$@"; do echo "env = $e"; done
  } | conf "$ETC/$name-uwsgi.ini"
}

# ---- databases --------------------------------------------------------------------
# Services listed here keep their databases in the private PostgreSQL (unix socket):
# sqlite fails under parallel requests in eventlet services ("database is locked").
PG_SERVICES=${OSSDK_CLOUD_PG_SERVICES-nova neutron cinder heat aodh}
PG_SOCK=$RUN/pg
on_pg() { case " $PG_SERVICES " in *" $1 "*) return 0;; esac; return 1; }
db_url() {  # db_url SERVICE DBNAME
  if on_pg "$1"; then echo "postgresql+psycopg2://postgres@/$2?host=$PG_SOCK"
  else echo "sqlite:///$DATA/$1/$2.sqlite"; fi
}
db_section() {  # db_section SERVICE DBNAME [GROUP]
  echo "[${3:-database}]"
  echo "connection = $(db_url "$1" "$2")"
  if on_pg "$1"; then echo "max_pool_size = 2"; echo "max_overflow = 30"
  else echo "sqlite_synchronous = false"; fi
}
# sqlite must run in WAL mode: oslo.db wraps reads in transactions, and with the
# default rollback journal concurrent requests fail with "database is locked".
sqlite_wal() {  # sqlite_wal URL...
  local u f=()
  for u in "$@"; do case $u in sqlite:///*) f+=("${u#sqlite://}");; esac; done
  [ ${#f[@]} -gt 0 ] || return 0
  $PY - "${f[@]}" <<'EOF'
import sqlite3, sys
for f in sys.argv[1:]:
    c = sqlite3.connect(f, timeout=30)
    c.execute('PRAGMA journal_mode=WAL')
    c.close()
EOF
}
# db_ready SERVICE: databases of SERVICE can be used (postgres up, DBs created)
db_ready() {
  on_pg "$1" || return 0
  local i=0 d
  until [ -f "$RUN/pg.ready" ]; do
    i=$((i + 1)); [ $i -gt 720 ] && die "postgres not ready after 180s" postgres; sleep 0.25
  done
  shift
  for d in "$@"; do pg_create_db "$d"; done
}

# ---- auth and CORS sections -----------------------------------------------------------
CORS_ALLOW_HEADERS="Content-Type,Accept,Accept-Encoding,X-Auth-Token,X-Subject-Token,X-Service-Token,X-Openstack-Request-Id,X-Project-Id,X-Project-Name,X-Project-Domain-Id,X-Project-Domain-Name,X-Domain-Id,X-Domain-Name,X-User-Id,X-User-Name,X-User-Domain-Id,X-User-Domain-Name,X-Roles,X-Identity-Status,X-Service-Catalog,X-Tenant-Id,OpenStack-API-Version,X-OpenStack-Nova-API-Version,Openstack-Auth-Receipt,X-Image-Meta-Checksum,X-Image-Meta-Store,X-Storage-Token,Content-MD5,If-Match,If-None-Match,X-Auth-User,X-Auth-Key"
CORS_EXPOSE_HEADERS="X-Auth-Token,X-Subject-Token,X-Service-Token,X-Openstack-Request-Id,X-Compute-Request-Id,OpenStack-API-Version,X-OpenStack-Nova-API-Version,Openstack-Auth-Receipt,Location,ETag,Content-Length,Content-MD5,X-Image-Meta-Checksum,OpenStack-image-import-methods,OpenStack-image-store-ids,Retry-After,Vary"
CORS_METHODS="GET,HEAD,POST,PUT,PATCH,DELETE"
cors_section() {  # cors_section [MORE_ALLOW_HEADERS] [MORE_EXPOSE_HEADERS] (comma lists)
  cat <<EOF
[cors]
allowed_origin = $CORS_ORIGINS
allow_credentials = true
allow_headers = $CORS_ALLOW_HEADERS${1:+,$1}
expose_headers = $CORS_EXPOSE_HEADERS${2:+,$2}
allow_methods = $CORS_METHODS
max_age = 3600
EOF
}
# the [cors] options as oslo.config environment variables, for apps whose CORS
# middleware builds its own ConfigOpts from the default config locations
cors_env() {
  echo "OS_CORS__ALLOWED_ORIGIN=$CORS_ORIGINS"
  echo "OS_CORS__ALLOW_CREDENTIALS=true"
  echo "OS_CORS__ALLOW_HEADERS=$CORS_ALLOW_HEADERS"
  echo "OS_CORS__EXPOSE_HEADERS=$CORS_EXPOSE_HEADERS"
  echo "OS_CORS__ALLOW_METHODS=$CORS_METHODS"
  echo "OS_CORS__MAX_AGE=3600"
}
# paste filter that makes oslo CORS read our config file: with only
# oslo_config_project it reads /etc/<project>/<project>.conf instead
cors_paste_filter() {  # cors_paste_filter PROJECT CONFIG_FILE
  cat <<EOF
[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = $1
oslo_config_file = $2
EOF
}
authtoken_section() {  # authtoken_section SERVICE_USER
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $KS_URL/v3
auth_url = $KS_URL/v3
auth_type = password
username = $1
password = $SERVICE_PASSWORD
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
service_token_roles_required = true
memcached_servers = $HOST:11211
EOF
}
ksauth_section() {  # ksauth_section GROUP USER: keystoneauth password options
  cat <<EOF
[$1]
auth_url = $KS_URL/v3
auth_type = password
username = $2
password = $SERVICE_PASSWORD
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
EOF
}
policy_section() {
  cat <<EOF
[oslo_policy]
enforce_scope = false
enforce_new_defaults = false
EOF
}

# ---- service registry ---------------------------------------------------------------
# Every services/NAME.sh declares, for its NAME:
#   SVC_PACKAGES[NAME]  apt packages          SVC_NEEDS[NAME]   other pieces it needs
#   SVC_PROCS[NAME]     recorded processes    SVC_PROBE[NAME]   URL that answers when up
#   SVC_CATALOG[NAME]   "service-name type url" lines for the keystone catalog
#   SVC_USER[NAME]      keystone service user (project service, roles admin+service)
#   SVC_KIND[NAME]      api | infra
# and the functions NAME_setup (config, databases, start; runs in parallel with the
# other services) and optionally NAME_late (starts what needs the keystone users).
#   PROC_PORT[PROCESS]  TCP port a process listens on (checked to be free before start)
declare -A SVC_PACKAGES SVC_NEEDS SVC_PROCS SVC_PROBE SVC_CATALOG SVC_USER SVC_KIND PROC_PORT
COMMON_PACKAGES="curl procps iproute2 util-linux python3-keystoneauth1 python3-yaml"
API_SERVICES="keystone swift glance placement nova neutron cinder heat barbican zaqar gnocchi aodh senlin trove"
INFRA_SERVICES="memcached rabbitmq postgres"
for _f in "$CLOUD_DIR"/services/*.sh; do . "$_f"; done
unset _f
