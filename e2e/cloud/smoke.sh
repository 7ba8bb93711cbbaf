#!/usr/bin/env bash
# smoke.sh [service ...] - check the running local cloud with real clients (openstack CLI,
# curl): one or more checks per service incl. CORS, cleaning up what it creates. Keystone
# and the named services (default: every service that is up).
# Prints PASS/FAIL per check; exit code = number of failures.
#   env: SMOKE_ORIGIN (http://localhost:5173) - Origin used for the CORS checks
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/lib.sh"
clean_env
export OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml
ORIGIN=${SMOKE_ORIGIN:-http://localhost:5173}
OSC=(/usr/bin/openstack --os-cloud local-demo)
ADM=(/usr/bin/openstack --os-cloud local-admin)
APP=(/usr/bin/openstack --os-cloud local-appcred)
TMP=$(mktemp -d /tmp/ossdk-smoke.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
N=smoke-$$-$(date +%s)
fails=0
ONLY=" $* "
# up SERVICE: SERVICE runs (cloud.json) and is to be checked
up() { grep -q "\"$1\"" "$STATE/cloud.json" && { [ "$ONLY" = "  " ] || [[ $ONLY == *" $1 "* ]]; }; }
has() { grep -q "\"$1\"" "$STATE/cloud.json"; }  # has SERVICE: SERVICE runs
pass() { echo "[$(ts)] PASS $*"; }
fail() { fails=$((fails + 1)); echo "[$(ts)] FAIL $*"; }
check() {  # check DESCRIPTION CMD...
  local d=$1; shift
  if "$@" > "$TMP/out" 2>&1; then pass "$d"; else fail "$d: $(tail -n 3 "$TMP/out" | tr '\n' ' ')"; fi
}
eventually() {  # eventually SECONDS DESCRIPTION CMD... (until CMD succeeds; CMD exiting 2 gives up)
  local t=$1 d=$2 i=0; shift 2
  until "$@" > "$TMP/out" 2>&1; do
    [ $? = 2 ] && { fail "$d: $(tail -n 2 "$TMP/out" | tr '\n' ' ')"; return 1; }  # 2: no use waiting
    i=$((i + 1)); [ $i -gt $((t * 2)) ] && { fail "$d (after ${t}s): $(tail -n 2 "$TMP/out" | tr '\n' ' ')"; return 1; }
    sleep 0.5
  done
  pass "$d"
}
# cors URL [TOKEN]: preflight answered for ORIGIN, and the actual GET carries CORS headers
cors() {
  local url=$1 h
  h=$(curl -s -D - -o /dev/null -X OPTIONS "$url" -H "Origin: $ORIGIN" \
    -H 'Access-Control-Request-Method: GET' -H 'Access-Control-Request-Headers: x-auth-token,openstack-api-version')
  echo "$h" | grep -qiE "^access-control-allow-origin: (\*|$ORIGIN)" || { echo "preflight: $h"; return 1; }
  h=$(curl -s -D - -o /dev/null "$url" -H "Origin: $ORIGIN" ${2:+-H "X-Auth-Token: $2"})
  echo "$h" | grep -qiE "^access-control-allow-origin: (\*|$ORIGIN)" || { echo "GET: $h"; return 1; }
  echo "$h" | grep -qi '^access-control-expose-headers:.*x-openstack-request-id' || { echo "GET: $h"; return 1; }
}

# ---- keystone
TOKEN=$("${OSC[@]}" token issue -f value -c id 2>"$TMP/err") && pass "keystone: token (demo)" || fail "keystone: token: $(cat "$TMP/err")"
PROJECT=$("${OSC[@]}" token issue -f value -c project_id 2>/dev/null)
check "keystone: token (application credential)" "${APP[@]}" token issue
check "keystone: token (system scope)" /usr/bin/openstack --os-cloud local-system-admin token issue
check "keystone: token (alt-demo)" /usr/bin/openstack --os-cloud local-alt-demo token issue
check "keystone: CORS on /v3/auth/tokens exposes X-Subject-Token" bash -c "curl -s -D - -o /dev/null \
  -H 'Origin: $ORIGIN' -H 'Content-Type: application/json' http://$HOST:5000/v3/auth/tokens -d \
  '{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\",\"domain\":{\"id\":\"default\"},\"password\":\"$DEMO_PASSWORD\"}}}}}' \
  | grep -i '^access-control-expose-headers:.*x-subject-token'"
check "keystone: CORS on /v3/auth/projects" cors "http://$HOST:5000/v3/auth/projects" "$TOKEN"

# ---- swift
if up swift; then
  head -c 100000 /dev/urandom > "$TMP/obj.bin"
  check "swift: GET /info" bash -c "curl -sf http://$HOST:8080/info | grep -q slo"
  check "swift: container create" "${OSC[@]}" container create "$N"
  check "swift: object upload + download" bash -c "cd '$TMP' && ${OSC[*]} object create '$N' obj.bin && \
    curl -sf -H 'X-Auth-Token: $TOKEN' http://$HOST:8080/v1/AUTH_$PROJECT/$N/obj.bin | cmp - obj.bin"
  check "swift: CORS on account" cors "http://$HOST:8080/v1/AUTH_$PROJECT" "$TOKEN"
  check "swift: CORS on object exposes etag" bash -c "curl -s -D - -o /dev/null -H 'Origin: $ORIGIN' \
    -H 'X-Auth-Token: $TOKEN' http://$HOST:8080/v1/AUTH_$PROJECT/$N/obj.bin | grep -i '^access-control-expose-headers:.*etag'"
  eventually 20 "swift: account object count (container-updater)" bash -c \
    "curl -sI -H 'X-Auth-Token: $TOKEN' http://$HOST:8080/v1/AUTH_$PROJECT | grep -qi '^x-account-object-count: [1-9]'"
  check "swift: delete container" "${OSC[@]}" container delete -r "$N"
fi

# ---- glance
if up glance; then
  check "glance: public image cirros-fake" "${OSC[@]}" image show cirros-fake
  head -c 65536 /dev/urandom > "$TMP/img.raw"
  check "glance: image import (glance-direct)" "${OSC[@]}" image create --import --disk-format raw \
    --container-format bare --file "$TMP/img.raw" "$N"
  eventually 60 "glance: imported image active" bash -c "${OSC[*]} image show '$N' -f value -c status | grep -qx active"
  check "glance: CORS" cors "http://$HOST:9292/v2/images" "$TOKEN"
  check "glance: image delete" "${OSC[@]}" image delete "$N"
fi

# ---- placement
if up placement; then
  ADMIN_TOKEN=$("${ADM[@]}" token issue -f value -c id 2>/dev/null)
  check "placement: compute host is a resource provider" bash -c "curl -sf -H 'X-Auth-Token: $ADMIN_TOKEN' \
    http://$HOST:8778/resource_providers | grep -q '\"name\": \"ossdk\"'"
  check "placement: CORS" cors "http://$HOST:8778/" ""
fi

# ---- neutron
if up neutron; then
  check "neutron: networks public + private" bash -c "${OSC[*]} network list -f value -c Name | sort | tr '\n' ' ' | grep -q 'private public'"
  check "neutron: security group create" "${OSC[@]}" security group create "$N"
  check "neutron: floating ip create" bash -c "${OSC[*]} floating ip create public -f value -c id > '$TMP/fip'"
  check "neutron: CORS" cors "http://$HOST:9696/v2.0/networks" "$TOKEN"
fi

# ---- nova
if up nova; then
  check "nova: server create (fake driver) -> ACTIVE" "${OSC[@]}" server create --flavor m1.nano \
    --image cirros-fake --network private --wait "$N"
  check "nova: CORS" cors "http://$HOST:8774/v2.1/servers" "$TOKEN"
fi

# ---- cinder
if up cinder; then
  check "cinder: volume create" "${OSC[@]}" volume create --size 1 "$N"
  eventually 60 "cinder: volume available" bash -c "${OSC[*]} volume show '$N' -f value -c status | grep -qx available"
  if up nova; then
    check "cinder+nova: attach volume" "${OSC[@]}" server add volume "$N" "$N"
    eventually 60 "cinder: volume in-use" bash -c "${OSC[*]} volume show '$N' -f value -c status | grep -qx in-use"
    check "cinder+nova: detach volume" "${OSC[@]}" server remove volume "$N" "$N"
    eventually 60 "cinder: volume available again" bash -c "${OSC[*]} volume show '$N' -f value -c status | grep -qx available"
  fi
  check "cinder: backup create" "${OSC[@]}" volume backup create --name "$N" "$N"
  eventually 120 "cinder: backup available" bash -c "${OSC[*]} volume backup show '$N' -f value -c status | grep -qx available"
  check "cinder: backup delete" "${OSC[@]}" volume backup delete "$N"
  check "cinder: CORS" cors "http://$HOST:8776/v3/$PROJECT/volumes" "$TOKEN"
fi

# ---- heat: a stack of a random string, a wait condition signalled with the token of the
# user heat makes in its stack domain and, with neutron (and nova), a network + subnet
# (and a server)
if up heat; then
  {
    echo "heat_template_version: 2018-08-31"
    echo "resources:"
    echo "  rand: {type: OS::Heat::RandomString, properties: {length: 12}}"
    echo "  handle: {type: OS::Heat::WaitConditionHandle}"
    echo "  wait: {type: OS::Heat::WaitCondition, properties: {handle: {get_resource: handle}, timeout: 300}}"
    if has neutron; then
      echo "  net: {type: OS::Neutron::Net, properties: {name: $N-heat}}"
      echo "  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.99.0.0/24}}"
      has nova && echo "  server: {type: OS::Nova::Server, depends_on: subnet, properties: {flavor: m1.nano," \
        "image: cirros-fake, networks: [{network: {get_resource: net}}]}}"
    fi
    echo "outputs:"
    echo "  random: {value: {get_attr: [rand, value]}}"
    echo "  signal_url: {value: {get_attr: [handle, endpoint]}}"
    echo "  signal_token: {value: {get_attr: [handle, token]}}"
    echo "  data: {value: {get_attr: [wait, data]}}"
  } > "$TMP/stack.yaml"
  stack_out() { "${OSC[@]}" stack output show "$N" "$1" -f value -c output_value; }
  # stack_is STATUS: 0 when the stack has STATUS, 2 (give up) when it failed
  stack_is() {
    local s
    s=$("${OSC[@]}" stack show "$N" -f value -c stack_status -c stack_status_reason | tr '\n' ' ')
    echo "$s"
    case $s in "$1 "*) return 0;; *_FAILED*) return 2;; *) return 1;; esac
  }
  heat_signal() {
    curl -sf -X POST -H "X-Auth-Token: $(stack_out signal_token)" -H 'Content-Type: application/json' \
      -d '{"status": "SUCCESS", "data": "signalled"}' "$(stack_out signal_url)"
  }
  resources="random string, wait condition$(has neutron && echo ', net, subnet')$(has neutron && has nova && echo ', server')"
  check "heat: stack create ($resources)" "${OSC[@]}" stack create -t "$TMP/stack.yaml" "$N"
  eventually 120 "heat: wait condition handle (a user in the stack domain)" bash -c \
    "${OSC[*]} stack resource show '$N' handle -f value -c resource_status | grep -qx CREATE_COMPLETE"
  check "heat: signal with the handle's token" heat_signal
  eventually 300 "heat: stack CREATE_COMPLETE" stack_is CREATE_COMPLETE
  check "heat: outputs" bash -c "[ \$(${OSC[*]} stack output show '$N' random -f value -c output_value | wc -c) = 13 ] && \
    ${OSC[*]} stack output show '$N' data -f value -c output_value | grep -q signalled"
  check "heat: CORS" cors "http://$HOST:8004/v1/$PROJECT/stacks" "$TOKEN"
  check "heat: stack delete" "${OSC[@]}" stack delete -y --wait "$N"
fi

# ---- barbican: a text secret through the client, a binary one through the API (base64 in,
# raw bytes out), a key order
if up barbican; then
  B=http://$HOST:9311/v1
  check "barbican: secret store (text)" bash -c "${OSC[*]} secret store --name '$N' --payload 'text-$N' \
    -f value -c 'Secret href' > '$TMP/secret'"
  check "barbican: secret payload read back" bash -c "[ \"\$(${OSC[*]} secret get --payload \$(cat '$TMP/secret') \
    -f value)\" = 'text-$N' ]"
  head -c 300 /dev/urandom > "$TMP/secret.bin"
  barbican_binary() {
    local ref
    ref=$(curl -sf -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' "$B/secrets" -d "{\"name\": \"$N-bin\",
      \"payload\": \"$(base64 -w0 "$TMP/secret.bin")\", \"payload_content_type\": \"application/octet-stream\",
      \"payload_content_encoding\": \"base64\"}" | sed 's/.*"secret_ref": *"\([^"]*\)".*/\1/') || return 1
    echo "$ref" > "$TMP/secret-bin"
    curl -sf -H "X-Auth-Token: $TOKEN" -H 'Accept: application/octet-stream' "$ref/payload" | cmp - "$TMP/secret.bin"
  }
  check "barbican: binary secret stored (base64) and read back (octet-stream)" barbican_binary
  check "barbican: key order" bash -c "${OSC[*]} secret order create key --name '$N' --algorithm aes --bit-length 256 \
    --mode cbc -f value -c 'Order href' > '$TMP/order'"
  eventually 60 "barbican: order ACTIVE, its key 32 bytes" bash -c "${OSC[*]} secret order get \$(cat '$TMP/order') \
    -f value -c 'Secret href' > '$TMP/order-secret' && curl -sf -H 'X-Auth-Token: $TOKEN' \
    -H 'Accept: application/octet-stream' \$(cat '$TMP/order-secret')/payload | [ \$(wc -c) = 32 ]"
  check "barbican: CORS" cors "$B/secrets" "$TOKEN"
  # (deleting the order needs the admin role in its project: rule order:delete)
  barbican_delete() {
    local f
    for f in secret secret-bin order-secret; do
      curl -sf -X DELETE -H "X-Auth-Token: $TOKEN" "$(cat "$TMP/$f")" || return 1
    done
  }
  check "barbican: delete the secrets" barbican_delete
fi

# ---- zaqar (v2): the client posts and lists, curl claims and deletes with the claim id;
# every call carries a Client-ID
if up zaqar; then
  Z=http://$HOST:8888 CID=$(cat /proc/sys/kernel/random/uuid)
  zaqar() {  # zaqar METHOD PATH [BODY]: prints the status code, the body goes to $TMP/z
    curl -s -o "$TMP/z" -w '%{http_code}' -X "$1" -H "X-Auth-Token: $TOKEN" -H "Client-ID: $CID" \
      -H 'Content-Type: application/json' ${3:+-d "$3"} "$Z$2"
  }
  is() { [ "$1" = "$2" ] || { echo "got $1, expected $2: $(cat "$TMP/z")"; return 1; }; }
  check "zaqar: queue create" "${OSC[@]}" messaging queue create "$N"
  check "zaqar: post 3 messages" "${OSC[@]}" messaging message post --client-id "$CID" "$N" \
    '[{"ttl": 300, "body": {"n": 1}}, {"ttl": 300, "body": {"n": 2}}, {"ttl": 300, "body": "three"}]'
  check "zaqar: list messages (echo)" bash -c "[ \$(${OSC[*]} messaging message list --client-id '$CID' --echo '$N' \
    -f value -c ID | wc -l) = 3 ]"
  zaqar_claim() {
    is "$(zaqar POST "/v2/queues/$N/claims?limit=2" '{"ttl": 60, "grace": 60}')" 201 || return 1
    $PY -c 'import json, sys; print("\n".join(m["href"] for m in json.load(open(sys.argv[1]))["messages"]))' \
      "$TMP/z" > "$TMP/claimed"
    [ "$(wc -l < "$TMP/claimed")" = 2 ] && grep -q 'claim_id=' "$TMP/claimed"
  }
  check "zaqar: claim 2 messages" zaqar_claim
  check "zaqar: a claimed message is not deleted without its claim id (403)" \
    is "$(zaqar DELETE "$(head -n 1 "$TMP/claimed" | sed 's/?.*//')")" 403
  check "zaqar: delete a claimed message with its claim id" is "$(zaqar DELETE "$(head -n 1 "$TMP/claimed")")" 204
  check "zaqar: queue stats (1 claimed, 1 free)" bash -c "[ $(zaqar GET "/v2/queues/$N/stats") = 200 ] && \
    grep -q '\"claimed\": 1, \"free\": 1, \"total\": 2' '$TMP/z' || { cat '$TMP/z'; exit 1; }"
  zaqar_cors() {
    cors "$Z/v2/queues" "$TOKEN" && curl -s -D - -o /dev/null -X OPTIONS -H "Origin: $ORIGIN" \
      -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: client-id' "$Z/v2/queues" \
      | grep -qi '^access-control-allow-headers:.*client-id'
  }
  check "zaqar: CORS (Client-ID allowed)" zaqar_cors
  check "zaqar: queue delete" is "$(zaqar DELETE "/v2/queues/$N")" 204
fi

# ---- gnocchi: a metric, measures aggregated by metricd, a resource with a metric, deletes
if up gnocchi; then
  check "gnocchi: metric create (archive policy medium)" bash -c "${OSC[*]} metric create --archive-policy-name medium \
    -f value -c id '$N' > '$TMP/metric'"
  now=$(date -u +%s)
  check "gnocchi: measures add" "${OSC[@]}" metric measures add -m "$(date -u -d @$((now - 30)) +%FT%T)@10" \
    -m "$(date -u -d @$((now - 20)) +%FT%T)@20" -m "$(date -u -d @$((now - 10)) +%FT%T)@30" "$(cat "$TMP/metric")"
  eventually 60 "gnocchi: metricd aggregated the measures (max over 60 s = 30)" bash -c "${OSC[*]} metric measures show \
    --aggregation max --granularity 60 -f value -c value \$(cat '$TMP/metric') | grep -qx '30.0'"
  RES=$(cat /proc/sys/kernel/random/uuid)
  check "gnocchi: resource with a metric" "${OSC[@]}" metric resource create --type generic -n cpu:low "$RES"
  check "gnocchi: CORS" cors "http://$HOST:8041/v1/metric" "$TOKEN"
  check "gnocchi: resource and metric delete" bash -c "${OSC[*]} metric resource delete '$RES' && \
    ${OSC[*]} metric delete \$(cat '$TMP/metric')"
fi

# ---- aodh: an event alarm (state set/get) and, with gnocchi, a threshold alarm on a metric
# that the evaluator moves to `alarm`
if up aodh; then
  check "aodh: event alarm create" bash -c "${OSC[*]} alarm create --name '$N-event' --type event \
    --event-type compute.instance.update --query 'traits.state=string::error' -f value -c alarm_id > '$TMP/alarm1'"
  check "aodh: alarm state set + get" bash -c "${OSC[*]} alarm state set --state ok \$(cat '$TMP/alarm1') && \
    ${OSC[*]} alarm state get \$(cat '$TMP/alarm1') -f value | grep -qx ok"
  if has gnocchi; then
    now=$(date -u +%s)
    check "aodh: a gnocchi metric with measures above 15" bash -c "${OSC[*]} metric create --archive-policy-name low \
      -f value -c id '$N-alarm' > '$TMP/alarm-metric' && ${OSC[*]} metric measures add \
      -m $(date -u -d @$((now - 60)) +%FT%T)@50 -m $(date -u -d @$((now - 30)) +%FT%T)@60 \$(cat '$TMP/alarm-metric')"
    check "aodh: gnocchi threshold alarm create (validated by gnocchi)" bash -c "${OSC[*]} alarm create --name '$N-gnocchi' \
      --type gnocchi_aggregation_by_metrics_threshold --metric \$(cat '$TMP/alarm-metric') --threshold 15 \
      --comparison-operator gt --aggregation-method mean --granularity 300 --evaluation-periods 1 \
      -f value -c alarm_id > '$TMP/alarm2'"
    eventually 90 "aodh: evaluator moved the threshold alarm to alarm" bash -c "${OSC[*]} alarm show \
      \$(cat '$TMP/alarm2') -f value -c state | grep -qx alarm"
  fi
  check "aodh: CORS" cors "http://$HOST:8042/v2/alarms" "$TOKEN"
  aodh_delete() {
    local f
    for f in alarm1 alarm2; do [ -s "$TMP/$f" ] && { "${OSC[@]}" alarm delete "$(cat "$TMP/$f")" || return 1; }; done
    [ -s "$TMP/alarm-metric" ] && "${OSC[@]}" metric delete "$(cat "$TMP/alarm-metric")"
    return 0
  }
  check "aodh: alarm delete" aodh_delete
fi

# ---- senlin: a cluster of 2 nodes, each a heat stack (os.heat.stack profile)
if up senlin && has heat; then
  printf '%s\n' 'heat_template_version: 2018-08-31' 'resources:' \
    '  rand: {type: OS::Heat::RandomString, properties: {length: 8}}' > "$TMP/node.yaml"
  printf '%s\n' 'type: os.heat.stack' 'version: 1.0' 'properties:' '  template: node.yaml' '  timeout: 120' \
    > "$TMP/profile.yaml"
  # the client reads the template path relative to the current directory
  check "senlin: profile create (os.heat.stack)" bash -c "cd '$TMP' && ${OSC[*]} cluster profile create \
    --spec-file profile.yaml '$N'"
  check "senlin: cluster create (2 nodes)" "${OSC[@]}" cluster create --profile "$N" --desired-capacity 2 "$N"
  eventually 240 "senlin: cluster ACTIVE" bash -c "${OSC[*]} cluster show '$N' -f value -c status | grep -qx ACTIVE"
  check "senlin: 2 nodes ACTIVE, each a heat stack" bash -c "[ \$(${OSC[*]} cluster node list --filters \
    cluster_id=\$(${OSC[*]} cluster show '$N' -f value -c id) -f value -c status | grep -c ACTIVE) = 2 ] && \
    [ \$(${OSC[*]} stack list -f value -c 'Stack Name' | grep -c '^node-') -ge 2 ]"
  check "senlin: CORS" cors "http://$HOST:8777/v1/clusters" "$TOKEN"
  check "senlin: cluster delete" "${OSC[@]}" cluster delete --force "$N"
  eventually 240 "senlin: cluster gone" bash -c "! ${OSC[*]} cluster show '$N'"
  check "senlin: profile delete" "${OSC[@]}" cluster profile delete "$N"
fi

# ---- clean up (best effort)
up heat && "${OSC[@]}" stack delete -y --wait "$N" >/dev/null 2>&1
up nova && "${OSC[@]}" server delete --wait "$N" >/dev/null 2>&1
if up cinder; then
  for _ in $(seq 60); do "${OSC[@]}" volume backup show "$N" >/dev/null 2>&1 || break; sleep 1; done
  "${OSC[@]}" volume delete "$N" >/dev/null 2>&1
fi
if up neutron; then
  [ -s "$TMP/fip" ] && "${OSC[@]}" floating ip delete "$(cat "$TMP/fip")" >/dev/null 2>&1
  "${OSC[@]}" security group delete "$N" >/dev/null 2>&1
fi
echo "[$(ts)] $fails failure(s)"
exit $fails
