# Cinder (block-storage, volumev3) on :8776: api, scheduler, one volume service and
# backups (posix driver). Backend "fake": cinder's fake driver with every volume kept
# as a sparse file (pylib/ossdk_cinder_fake.py), so backups and restores carry data.
# Volumes attach to nova's fake servers and detach.
SVC_KIND[cinder]=api
# dmidecode: os-brick asks it for the system uuid and fails if it is missing
SVC_PACKAGES[cinder]="python3-cinder dmidecode"
SVC_NEEDS[cinder]="keystone rabbitmq"
SVC_PROCS[cinder]="cinder-api cinder-scheduler cinder-volume cinder-backup"
PROC_PORT[cinder-api]=8776
SVC_PROBE[cinder]="http://$HOST:8776/"
# openstacksdk looks up block-storage, nova's [cinder] catalog_info looks up volumev3
SVC_CATALOG[cinder]="cinder block-storage http://$HOST:8776/v3/%(project_id)s
cinderv3 volumev3 http://$HOST:8776/v3/%(project_id)s"
SVC_USER[cinder]=cinder

cinder_setup() {
  local CD=$ETC/cinder b
  mkdir -p "$CD" "$DATA/cinder/volumes" "$DATA/cinder/backups" "$STATE/lock/cinder" "$STATE/pylib"
  conf "$STATE/pylib/ossdk_cinder_fake.py" < "$CLOUD_DIR/pylib/ossdk_cinder_fake.py"
  conf "$CD/cinder.conf" <<EOF
[DEFAULT]
debug = $DEBUG
host = ossdk
my_ip = $HOST
state_path = $DATA/cinder
osapi_volume_listen = $HOST
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
auth_strategy = keystone
transport_url = $RABBIT_URL
api_paste_config = $CD/api-paste.ini
enabled_backends = fake
default_volume_type = __DEFAULT__
glance_api_servers = http://$HOST:9292
rootwrap_config = /dev/null
# without it every list filter is rejected ("Invalid filters name are found in query options")
resource_query_filters_file = $CD/resource_filters.json
backup_driver = cinder.backup.drivers.posix.PosixBackupDriver
backup_posix_path = $DATA/cinder/backups
# privileged helpers (os-brick, backups) run as root here: no sudo/rootwrap
[privsep_osbrick]
helper_command = privsep-helper --config-file $CD/cinder.conf
[cinder_sys_admin]
helper_command = privsep-helper --config-file $CD/cinder.conf
[fake]
volume_driver = ossdk_cinder_fake.FileBackedFakeDriver
volume_backend_name = fake
target_helper = fake
$(db_section cinder cinder)
$(authtoken_section cinder)
$(ksauth_section nova cinder)
interface = public
$(ksauth_section service_user cinder)
send_service_user_token = true
[oslo_concurrency]
lock_path = $STATE/lock/cinder
[oslo_messaging_notifications]
driver = noop
$(policy_section)
$(cors_section)
EOF
  conf "$CD/api-paste.ini" <<EOF
[composite:osapi_volume]
use = call:cinder.api:root_app_factory
/: apiversions
/healthcheck: healthcheck
/v3: openstack_volume_api_v3
[composite:openstack_volume_api_v3]
use = call:cinder.api.middleware.auth:pipeline_factory
keystone = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler authtoken keystonecontext apiv3
keystone_nolimit = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler authtoken keystonecontext apiv3
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
[filter:faultwrap]
paste.filter_factory = cinder.api.middleware.fault:FaultWrapper.factory
[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory
[filter:sizelimit]
paste.filter_factory = oslo_middleware.sizelimit:RequestBodySizeLimiter.factory
[app:apiv3]
paste.app_factory = cinder.api.v3.router:APIRouter.factory
[pipeline:apiversions]
pipeline = request_id cors http_proxy_to_wsgi faultwrap osvolumeversionapp
[app:osvolumeversionapp]
paste.app_factory = cinder.api.versions:Versions.factory
[pipeline:healthcheck]
pipeline = request_id healthcheckapp
[app:healthcheckapp]
paste.app_factory = oslo_middleware:Healthcheck.app_factory
backends = disable_by_file
disable_by_file_path = $CD/healthcheck_disable
[filter:keystonecontext]
paste.filter_factory = cinder.api.middleware.auth:CinderKeystoneContext.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
[filter:request_id]
paste.filter_factory = cinder.api.middleware.request_id:RequestId.factory
$(cors_paste_filter cinder "$CD/cinder.conf")
EOF
  # the filters cinder's API accepts per resource (cinder-common's default file)
  conf "$CD/resource_filters.json" <<'EOF'
{
    "volume": ["name", "status", "metadata",
               "bootable", "migration_status", "availability_zone",
               "group_id", "size", "created_at", "updated_at",
               "consumes_quota"],
    "backup": ["name", "status", "volume_id"],
    "snapshot": ["name", "status", "volume_id", "metadata",
                 "availability_zone", "consumes_quota"],
    "group": ["name"],
    "group_snapshot": ["name", "status", "group_id"],
    "attachment": ["volume_id", "status", "instance_id", "attach_status"],
    "message": ["resource_uuid", "resource_type", "event_id",
                "request_id", "message_level"],
    "pool": ["name", "volume_type"],
    "volume_type": ["is_public", "extra_specs"]
}
EOF
  for b in api scheduler volume backup manage; do wrapper cinder-$b cinder.cmd.$b; done
  db_ready cinder cinder
  if [ ! -f "$DATA/cinder/.initialized" ]; then
    "$BIN/cinder-manage" --config-file "$CD/cinder.conf" db sync >> "$LOGD/cinder-manage.log" 2>&1 \
      || die "cinder db sync failed" cinder-manage
    sqlite_wal "$(db_url cinder cinder)"
    touch "$DATA/cinder/.initialized"
  fi
  rabbitmq_wait
  start_bg cinder-api "$BIN/cinder-api" --config-file "$CD/cinder.conf"
  start_bg cinder-scheduler "$BIN/cinder-scheduler" --config-file "$CD/cinder.conf"
  start_bg cinder-volume env PYTHONPATH="$STATE/pylib" "$BIN/cinder-volume" --config-file "$CD/cinder.conf"
  start_bg cinder-backup "$BIN/cinder-backup" --config-file "$CD/cinder.conf"
}
