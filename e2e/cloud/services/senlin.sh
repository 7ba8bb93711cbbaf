# Senlin (clustering) on :8777: api (uwsgi) + engine + conductor, RPC over rabbitmq,
# sqlite (its first migration is MySQL-only SQL: FLOAT(24,8)). No health manager. The API creates a trust from the user to the senlin
# user; `os.heat.stack` profiles build their nodes as heat stacks, `os.nova.server` ones
# as fake-driver servers.
SVC_KIND[senlin]=api
SVC_PACKAGES[senlin]="python3-senlin python3-senlinclient"
SVC_NEEDS[senlin]="keystone rabbitmq"
SVC_PROCS[senlin]="senlin-api senlin-engine senlin-conductor"
PROC_PORT[senlin-api]=8777
SVC_PROBE[senlin]="http://$HOST:8777/"
SVC_CATALOG[senlin]="senlin clustering http://$HOST:8777"
SVC_USER[senlin]=senlin

senlin_setup() {
  local SD=$ETC/senlin
  mkdir -p "$SD" "$DATA/senlin" "$STATE/lock/senlin"
  conf "$SD/senlin.conf" <<EOF
[DEFAULT]
debug = $DEBUG
host = ossdk
transport_url = $RABBIT_URL
default_region_name = $REGION
graceful_shutdown_timeout = 5
$(db_section senlin senlin)
[senlin_api]
bind_host = $HOST
bind_port = 8777
workers = 1
api_paste_config = $SD/api-paste.ini
[engine]
workers = 1
[conductor]
workers = 1
# the trusts the API creates for every user are delegated to this user
[authentication]
auth_url = $KS_URL/v3
service_username = senlin
service_password = $SERVICE_PASSWORD
service_project_name = service
service_user_domain = Default
service_project_domain = Default
interface = public
$(authtoken_section senlin)
[oslo_concurrency]
lock_path = $STATE/lock/senlin
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section)
EOF
  conf "$SD/api-paste.ini" <<EOF
[pipeline:senlin-api]
pipeline = cors http_proxy_to_wsgi request_id faultwrap versionnegotiation webhook authtoken context trust apiv1app
[app:apiv1app]
paste.app_factory = senlin.api.common.wsgi:app_factory
senlin.app_factory = senlin.api.openstack.v1.router:API
[filter:request_id]
paste.filter_factory = oslo_middleware.request_id:RequestId.factory
[filter:faultwrap]
paste.filter_factory = senlin.api.common.wsgi:filter_factory
senlin.filter_factory = senlin.api.middleware:fault_filter
[filter:context]
paste.filter_factory = senlin.api.common.wsgi:filter_factory
senlin.filter_factory = senlin.api.middleware:context_filter
[filter:versionnegotiation]
paste.filter_factory = senlin.api.common.wsgi:filter_factory
senlin.filter_factory = senlin.api.middleware:version_filter
[filter:trust]
paste.filter_factory = senlin.api.common.wsgi:filter_factory
senlin.filter_factory = senlin.api.middleware:trust_filter
[filter:webhook]
paste.filter_factory = senlin.api.common.wsgi:filter_factory
senlin.filter_factory = senlin.api.middleware:webhook_filter
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
$(cors_paste_filter senlin "$SD/senlin.conf")
EOF
  conf "$BIN/senlin-api.wsgi" <<EOF
import sys
sys.argv = ['senlin-api', '--config-file', '$SD/senlin.conf']
from senlin.cmd.api_wsgi import init_app
application = init_app()
EOF
  wrapper senlin-manage senlin.cmd.manage
  # pylib/ossdk_senlin_checkin.py: without it, green threads running actions die now and then
  mkdir -p "$STATE/pylib"
  conf "$STATE/pylib/ossdk_senlin_checkin.py" < "$CLOUD_DIR/pylib/ossdk_senlin_checkin.py"
  wrapper senlin-engine senlin.cmd.engine main ossdk_senlin_checkin
  wrapper senlin-conductor senlin.cmd.conductor main ossdk_senlin_checkin
  db_ready senlin senlin
  if [ ! -f "$DATA/senlin/.initialized" ]; then
    "$BIN/senlin-manage" --config-file "$SD/senlin.conf" db_sync >> "$LOGD/senlin-manage.log" 2>&1 \
      || die "senlin db_sync failed" senlin-manage
    sqlite_wal "$(db_url senlin senlin)"
    touch "$DATA/senlin/.initialized"
  fi
  # one thread: importing senlin.cmd monkey-patches with eventlet, and with more uwsgi
  # threads the RPC replies never reach the waiting request ("Timed out waiting for a reply")
  UWSGI_THREADS=1 uwsgi_ini senlin-api 8777 "$BIN/senlin-api.wsgi"
  start_bg senlin-api uwsgi --ini "$ETC/senlin-api-uwsgi.ini"
  rabbitmq_wait
  start_bg senlin-engine "$BIN/senlin-engine" --config-file "$SD/senlin.conf"
  start_bg senlin-conductor "$BIN/senlin-conductor" --config-file "$SD/senlin.conf"
}
