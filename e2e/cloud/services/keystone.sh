# Keystone (identity) on :5000, served by uwsgi; sqlite in WAL mode, fernet tokens
SVC_KIND[keystone]=api
SVC_PACKAGES[keystone]="python3-keystone python3-memcache uwsgi-core uwsgi-plugin-python3"
SVC_NEEDS[keystone]="memcached"
SVC_PROCS[keystone]="keystone"
PROC_PORT[keystone]=5000
SVC_PROBE[keystone]="$KS_URL/v3"

keystone_setup() {
  local KD=$ETC/keystone
  mkdir -p "$KD" "$DATA/keystone"
  conf "$KD/keystone.conf" <<EOF
[DEFAULT]
debug = $DEBUG
public_endpoint = $KS_URL
$(db_section keystone keystone)
# sqlite ignores foreign keys unless asked: without them deleting a user leaves rows of its
# application credentials behind, and a later credential reusing their ids fails
sqlite_fk = true
[identity]
# bcrypt cost 4 instead of 12: every password login and user creation is ~250 ms faster
password_hash_rounds = 4
[auth]
methods = external,password,token,oauth1,mapped,application_credential,totp
[cache]
# without a cache one token validation costs hundreds of sqlite queries (~1.5 s)
enabled = true
backend = oslo_cache.memcache_pool
memcache_servers = $HOST:11211
[token]
provider = fernet
expiration = 43200
[fernet_tokens]
key_repository = $DATA/keystone/fernet-keys
[fernet_receipts]
key_repository = $DATA/keystone/fernet-keys
[credential]
key_repository = $DATA/keystone/credential-keys
$(policy_section)
$(cors_section)
EOF
  wrapper keystone-manage keystone.cmd.manage
  if [ ! -f "$DATA/keystone/.initialized" ]; then
    keystone_keys "$DATA/keystone/fernet-keys" "$DATA/keystone/credential-keys"
    local KM=("$BIN/keystone-manage" --config-file "$KD/keystone.conf")
    "${KM[@]}" db_sync >> "$LOGD/keystone-manage.log" 2>&1 || die "keystone db_sync failed" keystone-manage
    "${KM[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin \
      --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-service-name keystone \
      --bootstrap-region-id $REGION --bootstrap-public-url $KS_URL/v3 \
      --bootstrap-internal-url $KS_URL/v3 --bootstrap-admin-url $KS_URL/v3 \
      >> "$LOGD/keystone-manage.log" 2>&1 || die "keystone bootstrap failed" keystone-manage
    sqlite_wal "$(db_url keystone keystone)"
    touch "$DATA/keystone/.initialized"
  fi
  # keystone's CORS middleware reads [cors] from the default config locations
  # (/etc/keystone, ~/.keystone), not from OS_KEYSTONE_CONFIG_DIR: pass it as environment
  local envs=()
  mapfile -t envs < <(cors_env)
  uwsgi_ini keystone $KS_PORT /usr/bin/keystone-wsgi-public \
    "OS_KEYSTONE_CONFIG_DIR=$KD" "HOME=$STATE/home" "${envs[@]}"
  start_bg keystone uwsgi --ini "$ETC/keystone-uwsgi.ini"
}

# keystone_keys DIR...: what `keystone-manage fernet_setup/credential_setup` write (key
# files 0 = staged and 1 = primary), without two more slow python start-ups
keystone_keys() {
  $PY - "$@" <<'EOF'
import base64, os, sys
for d in sys.argv[1:]:
    os.makedirs(d, mode=0o700, exist_ok=True)
    for i in ('0', '1'):
        p = os.path.join(d, i)
        if not os.path.exists(p):
            with open(os.open(p, os.O_WRONLY | os.O_CREAT, 0o600), 'w') as f:
                f.write(base64.urlsafe_b64encode(os.urandom(32)).decode())
EOF
}
