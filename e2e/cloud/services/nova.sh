# Nova (compute) on :8774: api, conductor, scheduler and one compute host ("ossdk")
# running the fake virt driver; databases in the private PostgreSQL, RPC over rabbitmq
SVC_KIND[nova]=api
SVC_PACKAGES[nova]="python3-nova"
SVC_NEEDS[nova]="keystone placement rabbitmq"
SVC_PROCS[nova]="nova-api nova-conductor nova-scheduler nova-compute"
PROC_PORT[nova-api]=8774
SVC_PROBE[nova]="http://$HOST:8774/"
SVC_CATALOG[nova]="nova compute http://$HOST:8774/v2.1"
SVC_USER[nova]=nova

nova_setup() {
  local ND=$ETC/nova b
  mkdir -p "$ND" "$DATA/nova/instances" "$STATE/lock/nova"
  conf "$ND/nova.conf" <<EOF
[DEFAULT]
debug = $DEBUG
host = ossdk
my_ip = $HOST
state_path = $DATA/nova
instances_path = $DATA/nova/instances
compute_driver = fake.FakeDriver
transport_url = $RABBIT_URL
enabled_apis = osapi_compute
osapi_compute_listen = $HOST
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
allow_resize_to_same_host = true
use_rootwrap_daemon = false
instance_usage_audit = false
heal_instance_info_cache_interval = -1
# periodic tasks (host discovery, resource updates) start at once, not after up to 60 s
periodic_fuzzy_delay = 0
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $ND/api-paste.ini
$(db_section nova nova_api api_database)
$(db_section nova nova_cell1)
[conductor]
workers = 1
[scheduler]
workers = 1
# maps the compute host to cell1 without nova-manage cell_v2 discover_hosts
discover_hosts_in_cells_interval = 2
[filter_scheduler]
enabled_filters = ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter,ServerGroupAffinityFilter
[compute]
live_migration_wait_for_vif_plug = false
[vnc]
enabled = false
[spice]
enabled = false
[glance]
region_name = $REGION
[cinder]
os_region_name = $REGION
catalog_info = volumev3::publicURL
auth_url = $KS_URL/v3
auth_type = password
username = nova
password = $SERVICE_PASSWORD
project_name = service
user_domain_name = Default
project_domain_name = Default
$(ksauth_section placement nova)
valid_interfaces = public
$(ksauth_section neutron nova)
valid_interfaces = public
$(ksauth_section service_user nova)
send_service_user_token = true
$(authtoken_section nova)
[oslo_concurrency]
lock_path = $STATE/lock/nova
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section)
EOF
  conf "$ND/api-paste.ini" <<EOF
[composite:osapi_compute]
use = call:nova.api.openstack.urlmap:urlmap_factory
/: oscomputeversions
/v2: oscomputeversion_legacy_v2
/v2.1: oscomputeversion_v2
/v2/+: openstack_compute_api_v21_legacy_v2_compatible
/v2.1/+: openstack_compute_api_v21
[composite:openstack_compute_api_v21]
use = call:nova.api.auth:pipeline_factory_v21
keystone = cors http_proxy_to_wsgi compute_req_id faultwrap request_log sizelimit osprofiler authtoken keystonecontext osapi_compute_app_v21
[composite:openstack_compute_api_v21_legacy_v2_compatible]
use = call:nova.api.auth:pipeline_factory_v21
keystone = cors http_proxy_to_wsgi compute_req_id faultwrap request_log sizelimit osprofiler authtoken keystonecontext legacy_v2_compatible osapi_compute_app_v21
[filter:request_log]
paste.filter_factory = nova.api.openstack.requestlog:RequestLog.factory
[filter:compute_req_id]
paste.filter_factory = nova.api.compute_req_id:ComputeReqIdMiddleware.factory
[filter:faultwrap]
paste.filter_factory = nova.api.openstack:FaultWrapper.factory
[filter:osprofiler]
paste.filter_factory = nova.profiler:WsgiMiddleware.factory
[filter:sizelimit]
paste.filter_factory = oslo_middleware:RequestBodySizeLimiter.factory
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
[filter:legacy_v2_compatible]
paste.filter_factory = nova.api.openstack:LegacyV2CompatibleWrapper.factory
[app:osapi_compute_app_v21]
paste.app_factory = nova.api.openstack.compute:APIRouterV21.factory
[pipeline:oscomputeversions]
pipeline = cors faultwrap request_log http_proxy_to_wsgi oscomputeversionapp
[pipeline:oscomputeversion_v2]
pipeline = cors compute_req_id faultwrap request_log http_proxy_to_wsgi oscomputeversionapp_v2
[pipeline:oscomputeversion_legacy_v2]
pipeline = cors compute_req_id faultwrap request_log http_proxy_to_wsgi legacy_v2_compatible oscomputeversionapp_v2
[app:oscomputeversionapp]
paste.app_factory = nova.api.openstack.compute.versions:Versions.factory
[app:oscomputeversionapp_v2]
paste.app_factory = nova.api.openstack.compute.versions:VersionsV2.factory
[filter:keystonecontext]
paste.filter_factory = nova.api.auth:NovaKeystoneContext.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
$(cors_paste_filter nova "$ND/nova.conf")
EOF
  for b in api conductor scheduler compute; do wrapper nova-$b nova.cmd.$b; done
  db_ready nova nova_api nova_cell0 nova_cell1
  if [ ! -f "$DATA/nova/.initialized" ]; then
    # = nova-manage api_db sync; cell_v2 map_cell0; cell_v2 create_cell --name cell1;
    #   db sync -- in one python process instead of four
    $PY - "$ND/nova.conf" "$(db_url nova nova_cell0)" "$(db_url nova nova_cell1)" "$RABBIT_URL" \
      >> "$LOGD/nova-manage.log" 2>&1 <<'EOF' || die "nova database setup failed" nova-manage
import sys
conf, cell0, cell1, transport = sys.argv[1:]
from nova.cmd import manage
from nova import config, context, objects
config.parse_args(['nova-manage', '--config-file', conf])
objects.register_all()
def check(rc, what):
    if rc not in (0, None):
        raise SystemExit('%s failed (rc=%s)' % (what, rc))
check(manage.ApiDbCommands().sync(), 'api_db sync')
check(manage.CellV2Commands().map_cell0(database_connection=cell0), 'map_cell0')
cells = objects.CellMappingList.get_all(context.get_admin_context())
if not [c for c in cells if c.name == 'cell1']:
    check(manage.CellV2Commands().create_cell(name='cell1', database_connection=cell1,
                                              transport_url=transport, verbose=True), 'create_cell')
check(manage.DbCommands().sync(), 'db sync')
print('nova databases ready')
EOF
    sqlite_wal "$(db_url nova nova_api)" "$(db_url nova nova_cell0)" "$(db_url nova nova_cell1)"
    touch "$DATA/nova/.initialized"
  fi
  rabbitmq_wait
  start_bg nova-api "$BIN/nova-api" --config-file "$ND/nova.conf"
}

# conductor and scheduler authenticate to placement as the nova user at start and exit
# if it does not exist yet; compute would only retry its placement report after a
# 60 s periodic task: all three start after the keystone registration.
nova_late() {
  local b
  for b in conductor scheduler compute; do
    start_bg nova-$b "$BIN/nova-$b" --config-file "$ETC/nova/nova.conf"
  done
}
