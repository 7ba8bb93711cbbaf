#!/usr/bin/env bash
# down.sh [--purge] - stop the local test cloud started by up.sh.
# Only the processes recorded in $STATE/run (pid + start time) are signalled, each
# with its whole process group (its forked workers). Data is kept for the next
# up.sh unless --purge is given, which deletes the state folder and swift's data.
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"
clean_env
PURGE=0
case "${1:-}" in
  --purge) PURGE=1;;
  "") ;;
  -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
  *) echo "usage: down.sh [--purge]" >&2; exit 2;;
esac
[ -d "$STATE" ] || { echo "nothing to stop: no $STATE"; exit 0; }

exec 9>"$STATE/up.lock"
flock -w 600 9 || { echo "up.sh is still running (lock $STATE/up.lock)" >&2; exit 1; }
rm -f "$RUN/ready"

# API services first (in parallel), then keystone, then cache, bus and database
api=() infra=()
for s in $API_SERVICES; do [ $s = keystone ] || api+=(${SVC_PROCS[$s]:-}); done
for s in $INFRA_SERVICES; do infra+=(${SVC_PROCS[$s]:-}); done
known=" ${api[*]} keystone ${infra[*]} "
# anything recorded that no service file names any more
for f in "$RUN"/*.pid; do
  [ -e "$f" ] || continue
  n=$(basename "$f" .pid)
  case $known in *" $n "*) ;; *) api+=("$n");; esac
done
for stage in "${api[*]}" keystone "${infra[*]}"; do
  names=()
  for n in $stage; do
    [ -f "$RUN/$n.pid" ] || continue
    alive "$n" && names+=("$n")
    alive "$n" || rm -f "$RUN/$n.pid" "$RUN/$n.start"
  done
  [ ${#names[@]} -gt 0 ] || continue
  echo "stopping ${names[*]}"
  stop_proc "${names[@]}"
done
rm -f "$RUN"/pg.ready "$RUN"/*.conf-changed

if [ $PURGE = 1 ]; then
  swiftdev=$(cat "$DATA/swift-devices" 2>/dev/null || true)
  case $swiftdev in /dev/shm/openstack-sdk-cloud-swift-*) rm -rf "$swiftdev";; esac
  rm -rf "$STATE"
  echo "purged $STATE"
fi
echo "cloud stopped"
