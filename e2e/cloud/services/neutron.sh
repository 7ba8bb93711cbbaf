# Neutron (network) on :9696: API only. ML2 without agents; a no-op mechanism driver
# binds every port on every host, so ports go ACTIVE and nova's fake driver boots.
SVC_KIND[neutron]=api
SVC_PACKAGES[neutron]="python3-neutron"
SVC_NEEDS[neutron]="keystone rabbitmq"
SVC_PROCS[neutron]="neutron-server"
PROC_PORT[neutron-server]=9696
SVC_PROBE[neutron]="http://$HOST:9696/"
SVC_CATALOG[neutron]="neutron network http://$HOST:9696"
SVC_USER[neutron]=neutron

neutron_setup() {
  local QD=$ETC/neutron LIB=$STATE/pylib
  mkdir -p "$QD" "$DATA/neutron" "$STATE/lock/neutron" "$STATE/home/cache" "$LIB/ossdk_noop_mech-1.0.dist-info"
  conf "$LIB/ossdk_noop_mech.py" < "$CLOUD_DIR/pylib/ossdk_noop_mech.py"
  # ML2 loads mechanism drivers only by entry-point name
  printf 'Metadata-Version: 2.1\nName: ossdk-noop-mech\nVersion: 1.0\n' | conf "$LIB/ossdk_noop_mech-1.0.dist-info/METADATA"
  printf '[neutron.ml2.mechanism_drivers]\nossdk_noop = ossdk_noop_mech:NoopMechanismDriver\n' \
    | conf "$LIB/ossdk_noop_mech-1.0.dist-info/entry_points.txt"
  conf "$QD/neutron.conf" <<EOF
[DEFAULT]
debug = $DEBUG
bind_host = $HOST
bind_port = 9696
core_plugin = ml2
# no trunk: it needs an OVS/LB/OVN mechanism driver
service_plugins = router,segments,qos,port_forwarding
auth_strategy = keystone
api_workers = 0
rpc_workers = 1
rpc_state_report_workers = 0
transport_url = $RABBIT_URL
state_path = $DATA/neutron
api_paste_config = $QD/api-paste.ini
allow_overlapping_ips = true
dhcp_agent_notification = false
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
router_distributed = false
l3_ha = false
$(db_section neutron neutron)
$(authtoken_section neutron)
$(ksauth_section nova neutron)
endpoint_type = public
[oslo_concurrency]
lock_path = $STATE/lock/neutron
[oslo_messaging_notifications]
driver = noop
$(policy_section)
[agent]
root_helper =
[quotas]
quota_network = 100
quota_subnet = 100
quota_port = 500
quota_router = 20
quota_floatingip = 50
quota_security_group = 100
quota_security_group_rule = 1000
$(cors_section)
EOF
  conf "$QD/ml2_conf.ini" <<EOF
[ml2]
type_drivers = flat,vlan,vxlan,geneve,local
tenant_network_types = vxlan
mechanism_drivers = ossdk_noop
extension_drivers = port_security,qos
[ml2_type_flat]
flat_networks = *
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:199
[ml2_type_vxlan]
vni_ranges = 1:1000
[ml2_type_geneve]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
firewall_driver = noop
EOF
  conf "$QD/api-paste.ini" <<EOF
[composite:neutron]
use = egg:Paste#urlmap
/: neutronversions_composite
/healthcheck: healthcheck
/v2.0: neutronapi_v2_0
[composite:neutronapi_v2_0]
use = call:neutron.auth:pipeline_factory
keystone = cors http_proxy_to_wsgi request_id catch_errors osprofiler authtoken keystonecontext extensions neutronapiapp_v2_0
[composite:neutronversions_composite]
use = call:neutron.auth:pipeline_factory
keystone = cors http_proxy_to_wsgi neutronversions
[filter:request_id]
paste.filter_factory = oslo_middleware:RequestId.factory
[filter:catch_errors]
paste.filter_factory = oslo_middleware:CatchErrors.factory
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
[filter:keystonecontext]
paste.filter_factory = neutron.auth:NeutronKeystoneContext.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
[filter:extensions]
paste.filter_factory = neutron.api.extensions:plugin_aware_extension_middleware_factory
[app:neutronversions]
paste.app_factory = neutron.pecan_wsgi.app:versions_factory
[app:neutronapiapp_v2_0]
paste.app_factory = neutron.api.v2.router:APIRouter.factory
[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory
[app:healthcheck]
paste.app_factory = oslo_middleware:Healthcheck.app_factory
backends = disable_by_file
disable_by_file_path = $QD/healthcheck_disable
$(cors_paste_filter neutron "$QD/neutron.conf")
EOF
  wrapper neutron-server neutron.cmd.eventlet.server
  wrapper neutron-db-manage neutron.db.migration.cli
  db_ready neutron neutron
  if [ ! -f "$DATA/neutron/.initialized" ]; then
    # neutron's alembic migrations need ALTER ... ADD CONSTRAINT (not in sqlite) and are
    # slow: create the schema from the models (neutron's tests assert models ==
    # migrations) and stamp the alembic heads
    $PY - "$(db_url neutron neutron)" "$QD/neutron.conf" "$QD/ml2_conf.ini" \
      >> "$LOGD/neutron-db-manage.log" 2>&1 <<'EOF' || die "neutron database setup failed" neutron-db-manage
import sys
import sqlalchemy as sa
from neutron.db.migration.models import head
url, conf, ml2 = sys.argv[1:]
head.get_metadata().create_all(sa.create_engine(url))
sys.argv = ['neutron-db-manage', '--config-file', conf, '--config-file', ml2, 'stamp', 'heads']
from neutron.db.migration import cli
cli.main()
EOF
    sqlite_wal "$(db_url neutron neutron)"
    touch "$DATA/neutron/.initialized"
  fi
  rabbitmq_wait
  start_bg neutron-server env PYTHONPATH="$LIB" XDG_CACHE_HOME="$STATE/home/cache" \
    "$BIN/neutron-server" --config-file "$QD/neutron.conf" --config-file "$QD/ml2_conf.ini"
}
