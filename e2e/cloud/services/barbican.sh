# Barbican (key-manager) on :9311: the API only (uwsgi); simple_crypto plugin (secrets
# encrypted with a key kept in $DATA/barbican/kek), orders processed in the API (no
# queue, no worker). Storing secrets needs the `creator` role (demo and alt-demo have it).
# sqlite, one request at a time: each request is one transaction, and two of them
# writing at once fail with "database is locked" even in WAL mode. (Not PostgreSQL:
# psycopg2 stores the simple_crypto plugin's key data, bytes, as '\x..' text, and
# every later secret then fails to decrypt it.)
SVC_KIND[barbican]=api
SVC_PACKAGES[barbican]="python3-barbican python3-barbicanclient"
SVC_NEEDS[barbican]="keystone"
SVC_PROCS[barbican]="barbican-api"
PROC_PORT[barbican-api]=9311
SVC_PROBE[barbican]="http://$HOST:9311/"
SVC_CATALOG[barbican]="barbican key-manager http://$HOST:9311"
SVC_USER[barbican]=barbican

barbican_setup() {
  local BD=$ETC/barbican H=$STATE/home/barbican
  mkdir -p "$BD" "$DATA/barbican" "$H/.barbican"
  [ -s "$DATA/barbican/kek" ] || $PY -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())' \
    > "$DATA/barbican/kek"
  conf "$BD/barbican.conf" <<EOF
[DEFAULT]
debug = $DEBUG
host_href = http://$HOST:9311
sql_connection = $(db_url barbican barbican)
# the tables are created when the API starts
db_auto_create = true
[queue]
enable = false
[keystone_notifications]
enable = false
[secretstore]
enabled_secretstore_plugins = store_crypto
[crypto]
enabled_crypto_plugins = simple_crypto
[simple_crypto_plugin]
kek = $(cat "$DATA/barbican/kek")
$(authtoken_section barbican)
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section)
EOF
  # barbican parses its config at import time, and each plugin again, always from the
  # default locations: ~/.barbican/barbican.conf is the first of them
  ln -sfn "$BD/barbican.conf" "$H/.barbican/barbican.conf"
  conf "$BD/api-paste.ini" <<EOF
[composite:main]
use = egg:Paste#urlmap
/: barbican_version
/v1: barbican_api
[pipeline:barbican_version]
pipeline = cors http_proxy_to_wsgi versionapp
[pipeline:barbican_api]
pipeline = cors http_proxy_to_wsgi authtoken context microversion apiapp
[app:apiapp]
paste.app_factory = barbican.api.app:create_main_app
[app:versionapp]
paste.app_factory = barbican.api.app:create_version_app
[filter:context]
paste.filter_factory = barbican.api.middleware.context:ContextMiddleware.factory
[filter:microversion]
paste.filter_factory = barbican.api.middleware.microversion:MicroversionMiddleware.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
$(cors_paste_filter barbican "$BD/barbican.conf")
EOF
  conf "$BIN/barbican-api.wsgi" <<EOF
from paste import deploy
application = deploy.loadapp('config:$BD/api-paste.ini')
EOF
  db_ready barbican barbican
  if [ ! -f "$DATA/barbican/.initialized" ]; then
    sqlite_wal "$(db_url barbican barbican)"
    touch "$DATA/barbican/.initialized"
  fi
  UWSGI_THREADS=1 uwsgi_ini barbican-api 9311 "$BIN/barbican-api.wsgi" "HOME=$H"
  start_bg barbican-api uwsgi --ini "$ETC/barbican-api-uwsgi.ini"
}
