# Swift (object-store): proxy :8080, object :6200, container :6201, account :6202,
# plus container-updater (account listing counts), object-updater (listing updates that timed
# out) and object-expirer (X-Delete-At).
# One device, one replica, partition power 0; keystone auth.
SVC_KIND[swift]=api
SVC_PACKAGES[swift]="python3-swift python3-xattr python3-swiftclient"
SVC_NEEDS[swift]="keystone memcached"
SVC_PROCS[swift]="swift-proxy swift-object swift-container swift-account swift-container-updater swift-object-updater swift-object-expirer"
PROC_PORT[swift-proxy]=8080 PROC_PORT[swift-object]=6200 PROC_PORT[swift-container]=6201 PROC_PORT[swift-account]=6202
SVC_PROBE[swift]="http://$HOST:8080/info"
SVC_CATALOG[swift]="swift object-store http://$HOST:8080/v1/AUTH_%(project_id)s"
SVC_USER[swift]=swift

# can folder $1 hold swift-sized user xattrs (> 4 KiB per file)? ext4 without
# ea_inode holds ~3.5 KiB, so large object metadata would fail with 507
swift_xattr_ok() {
  mkdir -p "$1"
  $PY - "$1" <<'EOF'
import os, sys, tempfile
fd, p = tempfile.mkstemp(dir=sys.argv[1])
try:
    for i in range(40):
        os.setxattr(p, 'user.swift.metadata%d' % i, b'x' * 254)
except OSError:
    sys.exit(1)
finally:
    os.close(fd)
    os.unlink(p)
EOF
}

swift_setup() {
  local SD=$ETC/swift devices s p
  mkdir -p "$SD" "$DATA/swift-recon"
  if [ -f "$DATA/swift-devices" ]; then devices=$(cat "$DATA/swift-devices")
  elif swift_xattr_ok "$DATA/swift"; then devices=$DATA/swift
  else devices=/dev/shm/openstack-sdk-cloud-swift-$(echo "$STATE" | md5sum | cut -c1-8)
  fi
  echo "$devices" > "$DATA/swift-devices"
  mkdir -p "$devices/d1"
  conf "$SD/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = ossdk
swift_hash_path_suffix = ossdk
[storage-policy:0]
name = Policy-0
default = yes
[swift-constraints]
EOF
  if [ ! -f "$SD/object.ring.gz" ]; then
    (cd "$SD" && $PY - $HOST <<'EOF'
import sys
from swift.cli.ringbuilder import main
host = sys.argv[1]
for ring, port in (('object', 6200), ('container', 6201), ('account', 6202)):
    # partition power 0: the container-updater forks a child per partition
    # directory on every sweep; 2^10 partitions keep a core busy
    for args in (['create', '0', '1', '0'], ['add', 'r1z1-%s:%d/d1' % (host, port), '1'],
                 ['rebalance']):
        try:
            main(['swift-ring-builder', ring + '.builder'] + args)
        except SystemExit as e:
            if e.code not in (0, None, 1):   # 1 = warning (tiny ring)
                raise
EOF
    ) > "$LOGD/swift-ring-builder.log" 2>&1 || die "swift ring build failed" swift-ring-builder
  fi
  for s in object:6200 container:6201 account:6202; do
    p=${s#*:}; s=${s%%:*}
    conf "$SD/$s-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = $p
workers = 0
devices = $devices
mount_check = false
swift_dir = $SD
# the daemons would drop privileges to the swift user and then fail on root's files
user = root
recon_cache_path = $DATA/swift-recon
log_level = $([ "$DEBUG" = true ] && echo DEBUG || echo INFO)
[pipeline:main]
pipeline = healthcheck recon $s-server
[app:$s-server]
use = egg:swift#$s
$([ $s = object ] && echo "allowed_headers = Content-Disposition, Content-Encoding, X-Delete-At, X-Object-Manifest, X-Static-Large-Object, Cache-Control, Content-Language, Expires, X-Robots-Tag")
# on a busy machine the container listing update can take longer than the default 1 s; when it
# times out the listing lags until the object-updater catches up, so wait for it instead
$([ $s = object ] && echo "container_update_timeout = 10")
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:recon]
use = egg:swift#recon
[$s-replicator]
[$s-auditor]
$([ $s = container ] && printf '[container-sync]\n[container-updater]\ninterval = 5\n')
$([ $s = object ] && printf '[object-updater]\ninterval = 5\n[object-expirer]\ninterval = 5\n# the only node: it must process the expiry queue\ndequeue_from_legacy = true\ninternal_client_conf_path = %s\n' "$SD/internal-client.conf")
EOF
  done
  # Swift's own CORS answers container and object requests; account requests
  # (GET /v1/AUTH_x) get no CORS headers from swift 2.30, so oslo's CORS filter runs
  # first in the pipeline too (it leaves responses that already carry CORS alone).
  conf "$SD/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = $HOST
bind_port = 8080
workers = 0
swift_dir = $SD
user = root
log_level = $([ "$DEBUG" = true ] && echo DEBUG || echo INFO)
cors_allow_origin = $CORS_ORIGINS
strict_cors_mode = true
cors_expose_headers = etag, x-timestamp, x-trans-id, x-openstack-request-id, content-length, content-type, x-object-manifest, x-static-large-object, x-symlink-target, x-container-object-count, x-container-bytes-used, x-account-object-count, x-account-bytes-used, x-account-container-count, x-delete-at, x-object-meta-mtime, last-modified, accept-ranges, content-range, x-storage-policy, x-container-read, x-container-write, x-versions-enabled, content-disposition

[pipeline:main]
pipeline = cors catch_errors gatekeeper healthcheck proxy-logging cache listing_formats container_sync bulk tempurl ratelimit formpost authtoken keystoneauth staticweb copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
node_timeout = 30
conn_timeout = 2

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
allowed_origin = $CORS_ORIGINS
allow_credentials = true
allow_headers = $CORS_ALLOW_HEADERS,X-Container-Read,X-Container-Write,X-Container-Meta-Access-Control-Allow-Origin,X-Container-Meta-Access-Control-Expose-Headers,X-Versions-Location,X-History-Location,X-Versions-Enabled,X-Object-Manifest,X-Static-Large-Object,X-Symlink-Target,X-Delete-At,X-Delete-After,X-Copy-From,Destination,X-Newest,X-Detect-Content-Type,Range,X-Container-Meta-Temp-URL-Key,X-Account-Meta-Temp-URL-Key,X-Remove-Container-Meta-Temp-URL-Key,X-Remove-Account-Meta-Temp-URL-Key,Content-Disposition,Content-Encoding,Cache-Control,Expires
expose_headers = Etag,X-Timestamp,X-Trans-Id,X-Openstack-Request-Id,Content-Length,Content-Type,Last-Modified,X-Account-Object-Count,X-Account-Bytes-Used,X-Account-Container-Count,X-Account-Meta-Temp-URL-Key,X-Account-Storage-Policy-Policy-0-Object-Count,X-Account-Storage-Policy-Policy-0-Bytes-Used,X-Account-Storage-Policy-Policy-0-Container-Count,X-Storage-Policy,X-Container-Read,X-Container-Write,X-Versions-Enabled,Content-Disposition
allow_methods = GET,HEAD,POST,PUT,DELETE,COPY,OPTIONS
max_age = 3600

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $KS_URL/v3
auth_url = $KS_URL/v3
auth_type = password
username = swift
password = $SERVICE_PASSWORD
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
memcached_servers = $HOST:11211
# tempurl, formpost, staticweb and CORS preflights are anonymous requests
delay_auth_decision = true
service_token_roles_required = true

[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member, swiftoperator
reseller_admin_role = ResellerAdmin
allow_overrides = true

[filter:healthcheck]
use = egg:swift#healthcheck
[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:11211
[filter:ratelimit]
use = egg:swift#ratelimit
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:container_sync]
use = egg:swift#container_sync
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:formpost]
use = egg:swift#formpost
[filter:staticweb]
use = egg:swift#staticweb
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true
[filter:symlink]
use = egg:swift#symlink
EOF
  # used by the object-expirer
  conf "$SD/internal-client.conf" <<EOF
[DEFAULT]
swift_dir = $SD
user = root
[pipeline:main]
pipeline = catch_errors proxy-logging cache symlink proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:symlink]
use = egg:swift#symlink
[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:11211
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:catch_errors]
use = egg:swift#catch_errors
EOF
  swift_wrappers "$SD"
  start_bg swift-object "$BIN/swift-object-server" "$SD/object-server.conf" -v
  start_bg swift-container "$BIN/swift-container-server" "$SD/container-server.conf" -v
  start_bg swift-account "$BIN/swift-account-server" "$SD/account-server.conf" -v
  start_bg swift-proxy "$BIN/swift-proxy-server" "$SD/proxy-server.conf" -v
  start_bg swift-container-updater "$BIN/swift-container-updater" "$SD/container-server.conf" -v
  start_bg swift-object-updater "$BIN/swift-object-updater" "$SD/object-server.conf" -v
  start_bg swift-object-expirer "$BIN/swift-object-expirer" "$SD/object-server.conf" -v
}

# Launchers. swift reads /etc/swift/swift.conf unless its module globals are pointed at
# our swift_dir first. And swift always adds a syslog handler, which without /dev/log
# falls back to UDP and leaves a socket bound to 0.0.0.0 in every process: replace it
# with a no-op (-v logs to stderr = log/NAME.log).
swift_wrappers() {
  local SD=$1 s pre
  pre="#!$PY
import logging, sys
from swift.common import utils
class _NoSyslog(logging.NullHandler):
    def __init__(self, *args, **kwargs):
        logging.NullHandler.__init__(self)
utils.ThreadSafeSysLogHandler = _NoSyslog
utils.set_swift_dir('$SD')
from swift.common import storage_policy, constraints
storage_policy.reload_storage_policies()
constraints.reload_constraints()
from swift.common.utils import parse_options"
  for s in object container account proxy; do
    {
      echo "$pre"
      echo "from swift.common.wsgi import run_wsgi"
      echo "conf_file, options = parse_options()"
      if [ $s = object ]; then
        echo "from swift.obj import server"
        echo "sys.exit(run_wsgi(conf_file, 'object-server', global_conf_callback=server.global_conf_callback, **options))"
      else
        echo "sys.exit(run_wsgi(conf_file, '$s-server', **options))"
      fi
    } > "$BIN/swift-$s-server"
  done
  # the background daemons: NAME MODULE CLASS
  local d name mod cls
  for d in "container-updater swift.container.updater ContainerUpdater" \
           "object-updater swift.obj.updater ObjectUpdater" \
           "object-expirer swift.obj.expirer ObjectExpirer"; do
    read -r name mod cls <<< "$d"
    { echo "$pre"
      echo "from $mod import $cls"
      echo "from swift.common.daemon import run_daemon"
      echo "conf_file, options = parse_options(once=True)"
      echo "run_daemon($cls, conf_file, **options)"
    } > "$BIN/swift-$name"
  done
  chmod +x "$BIN"/swift-*
}
