#!/usr/bin/env bash
# status.sh [-q] - state of the local test cloud: every recorded process (alive?,
# memory), every API endpoint (answers?), every listening socket (loopback only?).
# Exit code 0 only if all recorded processes are alive and all APIs answer.
# -q: one summary line.
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"
clean_env
Q=${1:-}
bad=0
say() { [ "$Q" = -q ] || echo "$@"; }
[ -d "$RUN" ] || { echo "cloud not set up (no $STATE)"; exit 3; }
ls "$RUN"/*.pid >/dev/null 2>&1 || { echo "cloud not running (no processes recorded in $RUN)"; exit 3; }

# the process group of PID plus its direct children (postgres backends leave the group)
members() { ps -eo pid=,pgid=,ppid= | awk -v g="$1" '$2==g || $3==g {print $1}' | sort -u; }
total=0
say "$(printf '%-26s %-8s %-6s %-6s %s' process pid alive procs 'pss(MiB)')"
for f in "$RUN"/*.pid; do
  n=$(basename "$f" .pid)
  pid=$(cat "$f")
  if alive "$n"; then
    procs=0 pss=0
    for p in $(members "$pid"); do
      procs=$((procs + 1))
      v=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null); pss=$((pss + ${v:-0}))
    done
    total=$((total + pss))
    say "$(printf '%-26s %-8s %-6s %-6s %d' "$n" "$pid" yes "$procs" $((pss / 1024)))"
  else
    say "$(printf '%-26s %-8s %-6s' "$n" "$pid" NO)"; bad=1
  fi
done
say "total PSS: $((total / 1024)) MiB"
say ""

up=""
for s in $API_SERVICES; do
  first=${SVC_PROCS[$s]%% *}
  [ -f "$RUN/$first.pid" ] || continue
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "${SVC_PROBE[$s]}" || true)
  case $code in
    [1234]??) say "$(printf '%-10s %-42s %s' "$s" "${SVC_PROBE[$s]}" "$code")"; up="$up $s";;
    *) say "$(printf '%-10s %-42s %s  <-- DOWN' "$s" "${SVC_PROBE[$s]}" "${code:-000}")"; bad=1;;
  esac
done
say ""

say "listening sockets (must be loopback):"
pids=$(for f in "$RUN"/*.pid; do members "$(cat "$f")"; done | sort -u)
while read -r _ _ _ local _ proc; do
  for p in $(echo "$proc" | grep -o 'pid=[0-9]*' | cut -d= -f2); do
    if echo "$pids" | grep -qx "$p"; then
      say "  $local $(echo "$proc" | grep -o '"[^"]*"' | head -1)"
      case $local in 127.0.0.1:*|\[::1\]:*) ;; *) echo "NOT LOOPBACK: $local $proc"; bad=1;; esac
      break
    fi
  done
done < <(ss -Hltnp 2>/dev/null; ss -Hlunp 2>/dev/null)

if [ $bad = 0 ]; then echo "cloud OK:$up ($STATE/clouds.yaml)"
else echo "cloud NOT OK ($STATE; logs in $LOGD)"; fi
exit $bad
