# Gnocchi (metric) on :8041: API (uwsgi) + gnocchi-metricd (one worker). Indexer in the
# private PostgreSQL (gnocchi's indexer knows only MySQL and PostgreSQL), measures and
# aggregates in files; 8 incoming sacks instead of 128 keep an idle metricd idle.
SVC_KIND[gnocchi]=api
SVC_PACKAGES[gnocchi]="python3-gnocchi python3-gnocchiclient python3-psycopg2"
SVC_NEEDS[gnocchi]="keystone postgres"
SVC_PROCS[gnocchi]="gnocchi-api gnocchi-metricd"
PROC_PORT[gnocchi-api]=8041
SVC_PROBE[gnocchi]="http://$HOST:8041/"
SVC_CATALOG[gnocchi]="gnocchi metric http://$HOST:8041"
SVC_USER[gnocchi]=gnocchi

gnocchi_setup() {
  local GD=$ETC/gnocchi
  mkdir -p "$GD" "$DATA/gnocchi/storage"
  conf "$GD/gnocchi.conf" <<EOF
[DEFAULT]
debug = $DEBUG
parallel_operations = 2
[api]
auth_mode = keystone
paste_config = $GD/api-paste.ini
[indexer]
url = postgresql://postgres@/gnocchi?host=$PG_SOCK
[storage]
driver = file
file_basepath = $DATA/gnocchi/storage
[incoming]
driver = file
file_basepath = $DATA/gnocchi/storage
[metricd]
workers = 1
metric_processing_delay = 5
metric_cleanup_delay = 30
metric_reporting_delay = -1
$(authtoken_section gnocchi)
$(policy_section)
$(cors_section)
EOF
  conf "$GD/api-paste.ini" <<EOF
[composite:gnocchi+keystone]
use = egg:Paste#urlmap
/ = gnocchiversions
/v1 = gnocchiv1+keystone
[pipeline:gnocchiv1+keystone]
pipeline = keystone_authtoken gnocchiv1
[app:gnocchiversions]
paste.app_factory = gnocchi.rest.app:app_factory
root = gnocchi.rest.api.VersionsController
[app:gnocchiv1]
paste.app_factory = gnocchi.rest.app:app_factory
root = gnocchi.rest.api.V1Controller
[filter:keystone_authtoken]
use = egg:keystonemiddleware#auth_token
oslo_config_project = gnocchi
oslo_config_file = $GD/gnocchi.conf
EOF
  # gnocchi 4.4.2 with pecan 1.4 answers 406 to every DELETE sent with "Accept:
  # application/json" (fixed in gnocchi 4.4.5): expose the delete methods as json too
  conf "$BIN/gnocchi-api.wsgi" <<EOF
import sys
sys.argv = ['gnocchi-api', '--config-file', '$GD/gnocchi.conf']
import pecan
from gnocchi.rest import api
for c in (api.ArchivePolicyController, api.ArchivePolicyRuleController, api.MetricController,
          api.ResourceTypeController, api.ResourceController):
    pecan.expose('json')(c.delete)
from gnocchi.rest import wsgi
application = wsgi.application
EOF
  # PostgreSQL whatever OSSDK_CLOUD_PG_SERVICES says
  PG_SERVICES="$PG_SERVICES gnocchi" db_ready gnocchi gnocchi
  if [ ! -f "$DATA/gnocchi/.initialized" ]; then
    /usr/bin/gnocchi-upgrade --config-file "$GD/gnocchi.conf" --sacks-number 8 >> "$LOGD/gnocchi-upgrade.log" 2>&1 \
      || die "gnocchi-upgrade failed" gnocchi-upgrade
    touch "$DATA/gnocchi/.initialized"
  fi
  uwsgi_ini gnocchi-api 8041 "$BIN/gnocchi-api.wsgi"
  start_bg gnocchi-api uwsgi --ini "$ETC/gnocchi-api-uwsgi.ini"
  start_bg gnocchi-metricd /usr/bin/gnocchi-metricd --config-file "$GD/gnocchi.conf"
}
