# Heat (orchestration) on :8004: heat-api (uwsgi) and one heat-engine, RPC over rabbitmq.
# Stacks run as the user through a trust to the heat user; users heat creates inside a
# stack (wait conditions, signals) live in the keystone domain "heat" (register.py).
# No heat-api-cfn: the metadata/wait condition URLs below are only written into servers.
SVC_KIND[heat]=api
SVC_PACKAGES[heat]="python3-heat python3-heatclient"
SVC_NEEDS[heat]="keystone rabbitmq"
SVC_PROCS[heat]="heat-api heat-engine"
PROC_PORT[heat-api]=8004
SVC_PROBE[heat]="http://$HOST:8004/"
SVC_CATALOG[heat]="heat orchestration http://$HOST:8004/v1/%(project_id)s"
SVC_USER[heat]=heat

heat_setup() {
  local HD=$ETC/heat
  mkdir -p "$HD/environment.d" "$HD/templates" "$DATA/heat" "$STATE/lock/heat"
  conf "$HD/heat.conf" <<EOF
[DEFAULT]
debug = $DEBUG
host = ossdk
transport_url = $RABBIT_URL
num_engine_workers = 1
graceful_shutdown_timeout = 5
# off by default; on here so that abandon and adopt can be proven
enable_stack_abandon = true
enable_stack_adopt = true
region_name_for_services = $REGION
environment_dir = $HD/environment.d
template_dir = $HD/templates
stack_user_domain_name = heat
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $SERVICE_PASSWORD
heat_metadata_server_url = http://$HOST:8000
heat_waitcondition_server_url = http://$HOST:8000/v1/waitcondition
$(db_section heat heat)
[paste_deploy]
api_paste_config = $HD/api-paste.ini
[heat_api]
bind_host = $HOST
bind_port = 8004
workers = 1
# the trusts heat creates on every stack are delegated to this user
[trustee]
auth_type = password
auth_url = $KS_URL/v3
username = heat
password = $SERVICE_PASSWORD
user_domain_name = Default
[clients]
endpoint_type = publicURL
[clients_keystone]
auth_uri = $KS_URL
[ec2authtoken]
auth_uri = $KS_URL/v3
$(authtoken_section heat)
[oslo_concurrency]
lock_path = $STATE/lock/heat
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section)
EOF
  conf "$HD/api-paste.ini" <<EOF
[pipeline:heat-api]
pipeline = cors request_id faultwrap http_proxy_to_wsgi versionnegotiation authurl authtoken context apiv1app
[app:apiv1app]
paste.app_factory = heat.common.wsgi:app_factory
heat.app_factory = heat.api.openstack.v1:API
[filter:versionnegotiation]
paste.filter_factory = heat.common.wsgi:filter_factory
heat.filter_factory = heat.api.openstack:version_negotiation_filter
[filter:faultwrap]
paste.filter_factory = heat.common.wsgi:filter_factory
heat.filter_factory = heat.api.openstack:faultwrap_filter
[filter:context]
paste.filter_factory = heat.common.context:ContextMiddleware_filter_factory
[filter:authurl]
paste.filter_factory = heat.common.auth_url:filter_factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
[filter:request_id]
paste.filter_factory = oslo_middleware.request_id:RequestId.factory
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
$(cors_paste_filter heat "$HD/heat.conf")
EOF
  # heat-api's WSGI entry point reads its config from the command line
  conf "$BIN/heat-api.wsgi" <<EOF
import sys
sys.argv = ['heat-api', '--config-file', '$HD/heat.conf']
from heat.httpd.heat_api import init_application
application = init_application()
EOF
  wrapper heat-engine heat.cmd.engine
  wrapper heat-manage heat.cmd.manage
  db_ready heat heat
  if [ ! -f "$DATA/heat/.initialized" ]; then
    "$BIN/heat-manage" --config-file "$HD/heat.conf" db_sync >> "$LOGD/heat-manage.log" 2>&1 \
      || die "heat db_sync failed" heat-manage
    sqlite_wal "$(db_url heat heat)"
    touch "$DATA/heat/.initialized"
  fi
  uwsgi_ini heat-api 8004 "$BIN/heat-api.wsgi"
  start_bg heat-api uwsgi --ini "$ETC/heat-api-uwsgi.ini"
  rabbitmq_wait
  start_bg heat-engine "$BIN/heat-engine" --config-file "$HD/heat.conf"
}
