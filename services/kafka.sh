#!/usr/bin/env bash
# Single-node KRaft Kafka broker from Maven Central jars, on loopback only.
# usage: services/kafka.sh up|down|status
# Data and the PID file live under .run/kafka (git-ignored). A broker already listening is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOST=127.0.0.1
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
DIR=$ROOT/.run/kafka
PIDFILE=$DIR/kafka.pid

NAME=kafka
# shellcheck source=services/lib.sh
. "$ROOT/services/lib.sh"

classpath() {
  if [ ! -s "$DIR/classpath.txt" ] || [ services/kafka/pom.xml -nt "$DIR/classpath.txt" ]; then
    mkdir -p "$DIR"
    mvn -B -q -f services/kafka/pom.xml dependency:build-classpath -Dmdep.outputFile="$DIR/classpath.txt" >&2
  fi
  cat "$DIR/classpath.txt"
}

up() {
  if listening "$PORT"; then echo "kafka: already listening on $HOST:$PORT, reusing it"; return 0; fi
  mkdir -p "$DIR/data" "$DIR/logs"
  local cp; cp=$(classpath)
  cat > "$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DIR/data
num.partitions=4
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  local java_opts=(-Xms256m -Xmx768m -Dkafka.logs.dir="$DIR/logs" -Dlog4j2.configurationFile="$ROOT/services/kafka/log4j2.properties")
  if [ ! -f "$DIR/data/meta.properties" ]; then
    local id; id=$(java -cp "$cp" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)
    java -cp "$cp" "${java_opts[@]}" kafka.tools.StorageTool format -t "$id" -c "$DIR/server.properties" --standalone >/dev/null
  fi
  nohup java -cp "$cp" "${java_opts[@]}" kafka.Kafka "$DIR/server.properties" >"$DIR/logs/stdout.log" 2>&1 &
  echo $! > "$PIDFILE"
  kafka_ready() { listening "$PORT"; }
  await_ready kafka_ready "$DIR/logs/stdout.log" && echo "kafka: up on $HOST:$PORT (pid $(cat "$PIDFILE"))"
}

down() { stop_started; }

status() { if listening "$PORT"; then echo "kafka: listening on $HOST:$PORT"; else echo "kafka: down"; return 1; fi; }

case "${1:-}" in
  up) up ;; down) down ;; status) status ;;
  classpath) classpath ;;
  *) echo "usage: $0 up|down|status|classpath" >&2; exit 2 ;;
esac
