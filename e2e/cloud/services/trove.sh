# Trove (database) on :8779 in fake mode: one eventlet process runs the API and the
# taskmanager (RPC in memory, transport fake:/); nova, cinder, neutron, swift and the
# guest agent are trove.tests.fakes and glance a fake of pylib/trove_fakemode.py, so
# no database VM boots: instances go BUILD -> ACTIVE in memory in a few seconds (and
# are lost when the process restarts). sqlite; datastores mysql 5.7.29 (default) and
# mariadb 10.4 with their configuration parameters.
SVC_KIND[trove]=api
SVC_PACKAGES[trove]="python3-trove python3-troveclient python3-proboscis"
SVC_NEEDS[trove]="keystone"
SVC_PROCS[trove]="trove-api"
PROC_PORT[trove-api]=8779
SVC_PROBE[trove]="http://$HOST:8779/"
SVC_CATALOG[trove]="trove database http://$HOST:8779/v1.0/%(project_id)s"
SVC_USER[trove]=trove

trove_setup() {
  local TD=$ETC/trove LIB=$STATE/pylib
  mkdir -p "$TD" "$DATA/trove" "$LIB"
  conf "$LIB/trove_fakemode.py" < "$CLOUD_DIR/pylib/trove_fakemode.py"
  conf "$TD/trove.conf" <<EOF
[DEFAULT]
debug = $DEBUG
host = $HOST
bind_host = $HOST
bind_port = 8779
trove_api_workers = 1
api_paste_config = $TD/api-paste.ini
graceful_shutdown_timeout = 5
transport_url = fake:/
control_exchange = trove
os_region_name = $REGION
default_datastore = mysql
remote_nova_client = trove.tests.fakes.nova.fake_create_nova_client
remote_cinder_client = trove.tests.fakes.nova.fake_create_cinder_client
remote_neutron_client = trove.tests.fakes.neutron.fake_create_neutron_client
remote_swift_client = trove.tests.fakes.swift.fake_create_swift_client
remote_guest_client = trove.tests.fakes.guestagent.fake_create_guest_client
remote_glance_client = trove_fakemode.glance_client
trove_dns_support = false
trove_volume_support = true
# the fake cinder extends only a detached volume
online_volume_resize = false
max_accepted_volume_size = 25
max_instances_per_tenant = 55
max_volumes_per_tenant = 100
max_backups_per_tenant = 20
volume_time_out = 30
server_delete_time_out = 10
resize_time_out = 120
revert_time_out = 120
# the rate limiter counts every request of the tests
http_get_rate = 5000
http_post_rate = 5000
http_put_rate = 5000
http_delete_rate = 5000
http_mgmt_post_rate = 5000
$(db_section trove trove)
[oslo_messaging_notifications]
driver = noop
$(ksauth_section service_credentials trove)
$(authtoken_section trove)
$(policy_section)
$(cors_section)
EOF
  conf "$TD/api-paste.ini" <<EOF
[composite:trove]
use = call:trove.common.wsgi:versioned_urlmap
/: versions
/v1.0: troveapi
[app:versions]
paste.app_factory = trove.versions:app_factory
[pipeline:troveapi]
pipeline = cors http_proxy_to_wsgi faultwrapper authtoken authorization contextwrapper ratelimit extensions troveapp
[filter:extensions]
paste.filter_factory = trove.common.extensions:factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
[filter:authorization]
paste.filter_factory = trove.common.auth:AuthorizationMiddleware.factory
[filter:contextwrapper]
paste.filter_factory = trove.common.wsgi:ContextMiddleware.factory
[filter:faultwrapper]
paste.filter_factory = trove.common.wsgi:FaultWrapper.factory
[filter:ratelimit]
paste.filter_factory = trove.common.limits:RateLimitingMiddleware.factory
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
[app:troveapp]
paste.app_factory = trove.common.api:app_factory
$(cors_paste_filter trove "$TD/trove.conf")
EOF
  db_ready trove trove
  if [ ! -f "$DATA/trove/.initialized" ]; then
    env PYTHONPATH="$LIB" $PY "$LIB/trove_fakemode.py" init "$TD/trove.conf" >> "$LOGD/trove-manage.log" 2>&1 \
      || die "trove db init failed" trove-manage
    sqlite_wal "$(db_url trove trove)"
    touch "$DATA/trove/.initialized"
  fi
  start_bg trove-api env PYTHONPATH="$LIB" $PY "$LIB/trove_fakemode.py" serve "$TD/trove.conf"
}
