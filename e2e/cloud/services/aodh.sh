# Aodh (alarming) on :8042: API (uwsgi) + evaluator (every 10 s); PostgreSQL. No notifier
# (notifications off): alarm actions are not delivered, and no rabbitmq is needed. Zed has no plain `threshold` alarms: event, composite
# and the gnocchi_* types (validated against gnocchi as the aodh user).
SVC_KIND[aodh]=api
SVC_PACKAGES[aodh]="python3-aodh python3-aodhclient"
SVC_NEEDS[aodh]="keystone"
SVC_PROCS[aodh]="aodh-api aodh-evaluator"
PROC_PORT[aodh-api]=8042
SVC_PROBE[aodh]="http://$HOST:8042/"
SVC_CATALOG[aodh]="aodh alarming http://$HOST:8042"
SVC_USER[aodh]=aodh

aodh_setup() {
  local AD=$ETC/aodh H=$STATE/home/aodh
  mkdir -p "$AD" "$DATA/aodh" "$H/.aodh"
  conf "$AD/aodh.conf" <<EOF
[DEFAULT]
debug = $DEBUG
transport_url = $RABBIT_URL
[api]
auth_mode = keystone
gnocchi_external_project_owner = service
[evaluator]
evaluation_interval = 10
# aodh picks its storage driver by the URL's scheme: postgresql, not postgresql+psycopg2
$(db_section aodh aodh | sed 's/+psycopg2//')
$(ksauth_section service_credentials aodh)
interface = public
$(authtoken_section aodh)
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section)
EOF
  # the API's paste pipeline (the one aodh ships) reads its config from the default
  # locations: ~/.aodh/aodh.conf
  ln -sfn "$AD/aodh.conf" "$H/.aodh/aodh.conf"
  wrapper aodh-dbsync aodh.cmd.storage dbsync
  wrapper aodh-evaluator aodh.cmd.alarm evaluator
  db_ready aodh aodh
  if [ ! -f "$DATA/aodh/.initialized" ]; then
    "$BIN/aodh-dbsync" --config-file "$AD/aodh.conf" >> "$LOGD/aodh-dbsync.log" 2>&1 || die "aodh-dbsync failed" aodh-dbsync
    sqlite_wal "$(db_url aodh aodh)"
    touch "$DATA/aodh/.initialized"
  fi
  # aodh (Zed) writes the default quota (-1, unlimited) to the database on the first GET
  # /v2/quotas, and its create check then reads that row as `alarms >= -1`: every later
  # create is refused as over quota. A negative stored limit is unlimited, as documented.
  conf "$BIN/aodh-api.wsgi" <<EOF
from aodh.api.controllers.v2 import alarms
_over_quota = alarms.is_over_quota
def is_over_quota(conn, project_id, user_id):
    quotas = conn.get_quotas(project_id)
    if any(q.resource == 'alarms' and q.limit is not None and q.limit < 0 for q in quotas):
        return False
    return _over_quota(conn, project_id, user_id)
alarms.is_over_quota = is_over_quota
from aodh.api import app
application = app.build_wsgi_app(argv=[])
EOF
  uwsgi_ini aodh-api 8042 "$BIN/aodh-api.wsgi" "HOME=$H"
  start_bg aodh-api uwsgi --ini "$ETC/aodh-api-uwsgi.ini"
  start_bg aodh-evaluator "$BIN/aodh-evaluator" --config-file "$AD/aodh.conf"
}
