# RabbitMQ: private node for nova, neutron and cinder RPC; loopback only, no plugins
SVC_KIND[rabbitmq]=infra
SVC_PACKAGES[rabbitmq]="rabbitmq-server"
SVC_PROCS[rabbitmq]="epmd rabbitmq"
PROC_PORT[rabbitmq]=5672

rabbitmq_setup() {
  mkdir -p "$DATA/rabbitmq/mnesia" "$LOGD/rabbitmq" "$STATE/home/rabbitmq"
  conf "$ETC/rabbitmq.conf" <<EOF
listeners.tcp.default = $HOST:$RABBIT_PORT
loopback_users = none
log.console = true
log.console.level = warning
log.file = false
disk_free_limit.absolute = 50MB
EOF
  echo '[].' | conf "$ETC/rabbitmq-enabled-plugins"
  # epmd would otherwise be started by the node itself, listening on every address
  start_bg epmd /usr/bin/epmd -address $HOST -port 4369
  wait_port epmd 4369 20
  start_bg rabbitmq env HOME="$STATE/home/rabbitmq" RABBITMQ_NODENAME=ossdk@localhost \
    RABBITMQ_NODE_IP_ADDRESS=$HOST RABBITMQ_NODE_PORT=$RABBIT_PORT RABBITMQ_DIST_PORT=25672 \
    RABBITMQ_MNESIA_BASE="$DATA/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$LOGD/rabbitmq" \
    RABBITMQ_CONFIG_FILE="$ETC/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq-enabled-plugins" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$ETC/rabbitmq-advanced.config" RABBITMQ_CONF_ENV_FILE=/dev/null \
    RABBITMQ_PID_FILE="$RUN/rabbitmq-beam.pidfile" ERL_EPMD_ADDRESS=$HOST ERL_EPMD_PORT=4369 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
}

# services call this before starting a daemon that connects to the bus
rabbitmq_wait() { wait_port rabbitmq $RABBIT_PORT 120; }
