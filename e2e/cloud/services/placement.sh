# Placement on :8778, served by uwsgi; sqlite in WAL mode
SVC_KIND[placement]=api
SVC_PACKAGES[placement]="python3-placement uwsgi-core uwsgi-plugin-python3"
SVC_NEEDS[placement]="keystone"
SVC_PROCS[placement]="placement"
PROC_PORT[placement]=8778
SVC_PROBE[placement]="http://$HOST:8778/"
SVC_CATALOG[placement]="placement placement http://$HOST:8778"
SVC_USER[placement]=placement

placement_setup() {
  local PD=$ETC/placement
  mkdir -p "$PD" "$DATA/placement"
  conf "$PD/placement.conf" <<EOF
[DEFAULT]
debug = $DEBUG
$(db_section placement placement placement_database)
[api]
auth_strategy = keystone
$(authtoken_section placement)
$(policy_section)
$(cors_section)
EOF
  db_ready placement placement
  if [ ! -f "$DATA/placement/.initialized" ]; then
    $PY -c 'import sys; sys.argv[0] = "placement-manage"; from placement.cmd.manage import main; sys.exit(main())' \
      --config-file "$PD/placement.conf" db sync >> "$LOGD/placement-manage.log" 2>&1 \
      || die "placement db sync failed" placement-manage
    sqlite_wal "$(db_url placement placement)"
    touch "$DATA/placement/.initialized"
  fi
  uwsgi_ini placement 8778 /usr/bin/placement-api "OS_PLACEMENT_CONFIG_DIR=$PD"
  start_bg placement uwsgi --ini "$ETC/placement-uwsgi.ini"
}
