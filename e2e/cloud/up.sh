#!/usr/bin/env bash
# up.sh [service ...] - start the local OpenStack test cloud on 127.0.0.1.
#
# Services: keystone swift glance placement nova neutron cinder heat barbican zaqar
# gnocchi aodh senlin (default: all).
# Whatever a service needs comes along (keystone, placement for nova, memcached,
# rabbitmq, postgres). Idempotent: installs missing apt packages, writes config
# (restarting a daemon whose config changed), initializes databases once, starts
# what is not running, registers catalog/users, creates demo resources and writes
#   $STATE/clouds.yaml   clouds local-admin local-demo local-alt-demo local-appcred
#                        local-system-admin
#   $STATE/cloud.json    the same facts for tests (ids, passwords, services up)
# A cloud that is already up is detected in well under a second.
#
# Environment: OSSDK_CLOUD_STATE (/tmp/openstack-sdk-cloud), OSSDK_CLOUD_CORS_ORIGINS
# (* or a comma list of exact origins), OSSDK_CLOUD_PG_SERVICES ("nova neutron
# cinder heat aodh"),
# OSSDK_CLOUD_NO_APT=1 (fail instead of installing), OSSDK_CLOUD_DEBUG=1 (debug logs).
set -euo pipefail
T0=$(date +%s%N)
. "$(dirname "$(readlink -f "$0")")/lib.sh"
clean_env

for a in "$@"; do
  case $a in
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) [ -n "${SVC_KIND[$a]:-}" ] || { echo "unknown service '$a' (known: $API_SERVICES)" >&2; exit 2; };;
  esac
done
REQUESTED=${*:-$API_SERVICES}

# ---- what to run: the requested services, keystone, and whatever they need ----------
declare -A IN=()
add() {
  local s=$1 n
  [ -n "${IN[$s]:-}" ] && return 0
  IN[$s]=1
  for n in ${SVC_NEEDS[$s]:-}; do add "$n"; done
  if on_pg "$s" && [ "${SVC_KIND[$s]}" = api ]; then add postgres; fi
}
add keystone
for s in $REQUESTED; do add "$s"; done
WANT=""
for s in $INFRA_SERVICES $API_SERVICES; do [ -n "${IN[$s]:-}" ] && WANT="$WANT $s"; done
WANT=${WANT# }
WANT_API=$(for s in $WANT; do [ "${SVC_KIND[$s]}" = api ] && printf '%s ' "$s"; done; true)

mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
mkdir -p "$ETC" "$DATA" "$LOGD" "$RUN" "$BIN" "$STATE/home" "$STATE/lock"

# ---- one caller at a time ----------------------------------------------------------
exec 9>"$STATE/up.lock"
if ! flock -n 9; then
  log "another up.sh is starting the cloud; waiting for it"
  flock -w 1800 9 || die "could not get $STATE/up.lock within 30 minutes"
fi

# ---- fast path: everything wanted is already up with this very config ----------------
# One fingerprint per piece: the shared scripts, the settings and services/NAME.sh. Adding
# or changing one service leaves the fingerprints (and the fast path) of the others alone.
COMMON_FP=$(cat "$CLOUD_DIR"/lib.sh "$CLOUD_DIR"/up.sh "$CLOUD_DIR"/register.py "$CLOUD_DIR"/pylib/*.py 2>/dev/null \
  | { cat; echo "$CORS_ORIGINS|$PG_SERVICES|$DEBUG|$ADMIN_PASSWORD|$DEMO_PASSWORD|$SERVICE_PASSWORD|$APPCRED_SECRET"; } \
  | md5sum | cut -c1-16)
declare -A FP=()
for s in $INFRA_SERVICES $API_SERVICES; do
  FP[$s]=$( { echo "$COMMON_FP"; cat "$CLOUD_DIR/services/$s.sh"; } | md5sum | cut -c1-12)
done
procs_alive() {
  local s p
  for s in "$@"; do
    [ -n "${SVC_PROCS[$s]:-}" ] || return 1
    for p in ${SVC_PROCS[$s]}; do alive "$p" || return 1; done
  done
}
probes_ok() {
  local s code
  for s in "$@"; do
    [ -n "${SVC_PROBE[$s]:-}" ] || continue
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "${SVC_PROBE[$s]}" || true)
    case $code in [1234]??) ;; *) return 1;; esac
  done
}
# $RUN/ready: "NAME@FINGERPRINT ..." of every piece that was up after the last run
declare -A READY_FP=()
if [ -f "$RUN/ready" ]; then
  for w in $(cat "$RUN/ready"); do case $w in *@*) READY_FP[${w%%@*}]=${w#*@};; esac; done
fi
if [ -f "$STATE/cloud.json" ] && [ -f "$STATE/clouds.yaml" ]; then
  same=1
  for s in $WANT; do [ "${READY_FP[$s]:-}" = "${FP[$s]}" ] || same=0; done
  if [ $same = 1 ] && procs_alive $WANT && probes_ok $WANT; then
    log "cloud already up: $WANT"
    log "clouds.yaml: $STATE/clouds.yaml  cloud.json: $STATE/cloud.json"
    exit 0
  fi
fi
rm -f "$RUN/ready"

# ---- packages -------------------------------------------------------------------------
ensure_packages() {
  local pkgs="$COMMON_PACKAGES" s missing p made_policy=0 a0
  for s in $WANT; do pkgs="$pkgs ${SVC_PACKAGES[$s]:-}"; done
  # the resources step and the clients in clouds.yaml use openstacksdk
  [ "$WANT_API" != "keystone " ] && pkgs="$pkgs python3-openstacksdk python3-openstackclient"
  missing=$(for p in $pkgs; do
    dpkg-query -W -f='${db:Status-Abbrev}\n' "$p" 2>/dev/null | grep -q '^ii' || echo "$p"
  done | sort -u | tr '\n' ' ')
  [ -n "${missing// /}" ] || return 0
  [ "${OSSDK_CLOUD_NO_APT:-0}" = 1 ] && die "missing packages: $missing (OSSDK_CLOUD_NO_APT=1)"
  [ "$(id -u)" = 0 ] || die "missing packages: $missing (run as root to install them)"
  log "apt-get install $missing"
  # postinst scripts must not start system daemons (rabbitmq on 0.0.0.0, postgres :5432...)
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  a0=$(date +%s)
  local APT=(apt-get -q -o DPkg::Lock::Timeout=1200 -o Dpkg::Use-Pty=0)
  export DEBIAN_FRONTEND=noninteractive
  if ! ls /var/lib/apt/lists/ 2>/dev/null | grep -q '_Packages'; then
    "${APT[@]}" update > "$LOGD/apt.log" 2>&1 || die "apt-get update failed" apt
  fi
  # shellcheck disable=SC2086
  if ! "${APT[@]}" install -y --no-install-recommends $missing >> "$LOGD/apt.log" 2>&1; then
    log "apt-get install failed; apt-get update and retry"
    "${APT[@]}" update >> "$LOGD/apt.log" 2>&1 || die "apt-get update failed" apt
    "${APT[@]}" install -y --no-install-recommends $missing >> "$LOGD/apt.log" 2>&1 || die "apt-get install failed" apt
  fi
  if [ $made_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  log "packages installed in $(( $(date +%s) - a0 ))s"
}
ensure_packages

# ---- set up and start every piece, in parallel ----------------------------------------
log "starting: $WANT (state $STATE)"
rm -f "$RUN/pg.ready"
declare -A JOB_OF=()
run_setup() {  # run_setup SERVICE [NICE]: SERVICE_setup as a background job
  local s=$1 n=${2:-0}
  ( CUR_SVC=$s; [ "$n" = 0 ] || renice -n "$n" -p $BASHPID >/dev/null; "${s}_setup" ) &
  JOB_OF[$s]=$!
}
wait_setup() {  # wait_setup SERVICE: the setup job of SERVICE succeeded
  local s=$1
  [ -n "${JOB_OF[$s]:-}" ] || return 0
  wait "${JOB_OF[$s]}" || die "$s: setup failed (logs in $LOGD)"
  unset "JOB_OF[$s]"
}
# memcached is needed by keystone at once and starts instantly
CUR_SVC=memcached memcached_setup
for s in $WANT; do
  case $s in
    memcached) ;;
    keystone) run_setup "$s";;     # the critical path (catalog, users) at full speed
    *) run_setup "$s" 10;;
  esac
done

# ---- keystone: users, projects, catalog ----------------------------------------------
wait_setup keystone
wait_http keystone "$KS_URL/v3"
log "keystone answers"
# the catalog lists what is wanted now plus what already runs from an earlier call
CATALOG_SERVICES=$WANT_API
for s in $API_SERVICES; do
  case " $CATALOG_SERVICES " in *" $s "*) continue;; esac
  procs_alive "$s" && CATALOG_SERVICES="$CATALOG_SERVICES $s"
done
export REG_STATE=$STATE REG_HOST=$HOST REG_REGION=$REGION REG_KS_URL=$KS_URL \
  REG_ADMIN_PASSWORD=$ADMIN_PASSWORD REG_DEMO_PASSWORD=$DEMO_PASSWORD \
  REG_SERVICE_PASSWORD=$SERVICE_PASSWORD REG_APPCRED_SECRET=$APPCRED_SECRET \
  REG_CORS_ORIGINS=$CORS_ORIGINS
REG_CATALOG=""; REG_USERS=""
for s in $CATALOG_SERVICES; do
  [ -n "${SVC_CATALOG[$s]:-}" ] && REG_CATALOG="$REG_CATALOG${SVC_CATALOG[$s]}"$'\n'
  [ -n "${SVC_USER[$s]:-}" ] && REG_USERS="$REG_USERS ${SVC_USER[$s]}"
done
export REG_CATALOG REG_USERS
register() {  # register STEP [SERVICES]
  REG_SERVICES=${2:-} timeout 900 $PY "$CLOUD_DIR/register.py" "$1" >> "$LOGD/register.log" 2>&1 \
    || die "register.py $1 failed" register
}
register identity "$CATALOG_SERVICES"
log "keystone: projects, users, roles, application credential, catalog registered"

# ---- the rest -------------------------------------------------------------------------
for s in $WANT; do wait_setup "$s"; done
for s in $WANT; do
  if declare -F "${s}_late" >/dev/null; then CUR_SVC=$s "${s}_late"; fi
done
for s in $WANT_API; do
  p=${SVC_PROCS[$s]%% *}
  [ -n "${SVC_PROBE[$s]:-}" ] && wait_http "$p" "${SVC_PROBE[$s]}"
  for p in ${SVC_PROCS[$s]}; do alive "$p" || die "$p exited" "$p"; done
  log "$s answers"
done
if [ "$WANT_API" != "keystone " ]; then
  register resources "$WANT_API"
  log "demo resources ready (flavors, image, networks) and compute/volume services up"
fi

# ---- outputs --------------------------------------------------------------------------
UP=""
for s in $API_SERVICES; do procs_alive "$s" && probes_ok "$s" && UP="$UP $s"; done
UP=${UP# }
register outputs "$UP"
rm -f "$RUN"/*.conf-changed
# a piece set up now gets its current fingerprint; one that only kept running keeps the old
for s in $INFRA_SERVICES $UP; do
  procs_alive "$s" || continue
  case " $WANT " in *" $s "*) f=${FP[$s]};; *) f=${READY_FP[$s]:-unknown};; esac
  printf '%s@%s ' "$s" "$f"
done > "$RUN/ready"
log "cloud ready: $UP"
log "clouds.yaml: $STATE/clouds.yaml  cloud.json: $STATE/cloud.json"
