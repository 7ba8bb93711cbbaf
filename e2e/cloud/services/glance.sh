# Glance (image) on :9292: file store, image import (glance-direct, web-download)
SVC_KIND[glance]=api
SVC_PACKAGES[glance]="python3-glance"
SVC_NEEDS[glance]="keystone"
SVC_PROCS[glance]="glance-api"
PROC_PORT[glance-api]=9292
SVC_PROBE[glance]="http://$HOST:9292/"
SVC_CATALOG[glance]="glance image http://$HOST:9292"
SVC_USER[glance]=glance

glance_setup() {
  local GD=$ETC/glance
  mkdir -p "$GD" "$DATA/glance"/{images,staging,tasks,cache} "$STATE/lock/glance"
  conf "$GD/glance-api.conf" <<EOF
[DEFAULT]
debug = $DEBUG
bind_host = $HOST
bind_port = 9292
workers = 0
enabled_backends = file:file
enabled_import_methods = [glance-direct,web-download]
show_image_direct_url = false
show_multiple_locations = false
image_cache_dir = $DATA/glance/cache
$(db_section glance glance)
[glance_store]
default_backend = file
[file]
filesystem_store_datadir = $DATA/glance/images
# glance-direct stages uploads here
[os_glance_staging_store]
filesystem_store_datadir = $DATA/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $DATA/glance/tasks
[paste_deploy]
flavor = keystone
config_file = $GD/glance-api-paste.ini
$(authtoken_section glance)
[oslo_concurrency]
lock_path = $STATE/lock/glance
$(policy_section)
[image_import_opts]
image_import_plugins = []
$(cors_section)
EOF
  conf "$GD/glance-api-paste.ini" <<EOF
[pipeline:glance-api-keystone]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context rootapp
[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app
[app:apiversions]
paste.app_factory = glance.api.versions:create_resource
[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory
[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = $GD/healthcheck_disable
[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory
[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true
[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory
[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
$(cors_paste_filter glance "$GD/glance-api.conf")
oslo_config_program = glance-api
EOF
  wrapper glance-api glance.cmd.api
  wrapper glance-manage glance.cmd.manage
  db_ready glance glance
  if [ ! -f "$DATA/glance/.initialized" ]; then
    "$BIN/glance-manage" --config-file "$GD/glance-api.conf" db_sync >> "$LOGD/glance-manage.log" 2>&1 \
      || die "glance db_sync failed" glance-manage
    sqlite_wal "$(db_url glance glance)"
    touch "$DATA/glance/.initialized"
  fi
  start_bg glance-api "$BIN/glance-api" --config-file "$GD/glance-api.conf"
}
