# Zaqar (messaging, v2) on :8888 (uwsgi). Messages and claims live in Swift (the swift
# message store, as objects in the service project's account); queues in sqlite (the
# sqlalchemy management store). Debian's package lacks the Lua scripts of the redis
# store (message post and claim answer 503 there), and the sqlalchemy store's migrations
# are MySQL-only: its tables are created from zaqar's own table definitions.
# Every request needs a Client-ID header (a UUID). One request at a time: the swift store
# claims by rewriting objects, and two claims running at once hand out the same messages.
SVC_KIND[zaqar]=api
SVC_PACKAGES[zaqar]="python3-zaqar python3-zaqarclient"
SVC_NEEDS[zaqar]="keystone swift"
SVC_PROCS[zaqar]="zaqar-api"
PROC_PORT[zaqar-api]=8888
SVC_PROBE[zaqar]="http://$HOST:8888/"
SVC_CATALOG[zaqar]="zaqar messaging http://$HOST:8888"
SVC_USER[zaqar]=zaqar

zaqar_setup() {
  local ZD=$ETC/zaqar H=$STATE/home/zaqar db
  mkdir -p "$ZD" "$DATA/zaqar" "$H/.zaqar"
  db=$(db_url zaqar zaqar)
  [ -s "$DATA/zaqar/signed-url-key" ] || $PY -c 'import secrets; print(secrets.token_hex(20))' \
    > "$DATA/zaqar/signed-url-key"
  conf "$ZD/zaqar.conf" <<EOF
[DEFAULT]
debug = $DEBUG
auth_strategy = keystone
pooling = false
[drivers]
transport = wsgi
message_store = swift
management_store = sqlalchemy
[drivers:transport:wsgi]
bind = $HOST
port = 8888
[drivers:message_store:swift]
uri = swift://zaqar:$SERVICE_PASSWORD@/service
auth_url = $KS_URL/v3
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
interface = public
[drivers:management_store:sqlalchemy]
uri = $db
[signed_url]
secret_key = $(cat "$DATA/zaqar/signed-url-key")
$(authtoken_section zaqar)
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section Client-ID)
EOF
  # zaqar's WSGI module reads its config from the default locations: ~/.zaqar/zaqar.conf
  ln -sfn "$ZD/zaqar.conf" "$H/.zaqar/zaqar.conf"
  db_ready zaqar zaqar
  if [ ! -f "$DATA/zaqar/.initialized" ]; then
    sqlite_wal "$db"
    $PY - "$db" <<'EOF' >> "$LOGD/zaqar-manage.log" 2>&1 || die "zaqar: creating the queue tables failed" zaqar-manage
import sys
import sqlalchemy
from zaqar.storage.sqlalchemy import tables
tables.metadata.create_all(sqlalchemy.create_engine(sys.argv[1]))
EOF
    touch "$DATA/zaqar/.initialized"
  fi
  UWSGI_THREADS=1 uwsgi_ini zaqar-api 8888 /usr/lib/python3/dist-packages/zaqar/transport/wsgi/app.py "HOME=$H"
  start_bg zaqar-api uwsgi --ini "$ETC/zaqar-api-uwsgi.ini"
}
