#!/usr/bin/env bash
# KRaft Kafka from Maven Central jars, on loopback only: one broker by default, or KAFKA_BROKERS=3 for a local
# cluster of three combined broker/controller nodes (topics at replication factor 3, min.insync.replicas=2).
# usage: services/kafka.sh up|down|status|classpath|bootstrap|node-up I
# (node-up I starts node I of a formed cluster again after it was killed: `make chaos` does that to a broker.)
# Node i listens on KAFKA_PORT + 2(i-1) (9092, 9094, 9096) with its controller on the next port (9093, 9095,
# 9097). Data and PID files live under .run/kafka (one broker) or .run/kafka-cluster (three), git-ignored.
# A broker already listening is reused and never stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOST=127.0.0.1
PORT=${KAFKA_PORT:-9092}
BROKERS=${KAFKA_BROKERS:-1}
case "$BROKERS" in 1) DIR=$ROOT/.run/kafka ;; 3) DIR=$ROOT/.run/kafka-cluster ;;
  *) echo "kafka: KAFKA_BROKERS must be 1 or 3, got '$BROKERS'" >&2; exit 2 ;; esac
DIR=${KAFKA_DIR:-$DIR} # `make chaos` keeps its private cluster (other ports) apart from yours
CP_DIR=$ROOT/.run/kafka
PIDFILE=$DIR/kafka.pid # node 1's; see node_pid

NAME=kafka
# shellcheck source=services/lib.sh
. "$ROOT/services/lib.sh"

classpath() { maven_classpath services/kafka/pom.xml "$CP_DIR/classpath.txt"; }

# One broker keeps the layout it always had (.run/kafka/data, logs, kafka.pid); a cluster has a folder per node.
node_dir() { if [ "$BROKERS" -eq 1 ]; then echo "$DIR"; else echo "$DIR/node-$1"; fi; }
node_pid() { if [ "$BROKERS" -eq 1 ]; then echo "$DIR/kafka.pid"; else echo "$DIR/kafka-$1.pid"; fi; }
broker_port() { echo $((PORT + 2 * ($1 - 1))); }
controller_port() { echo $((PORT + 2 * ($1 - 1) + 1)); }
bootstrap() { local out="" i; for i in $(seq 1 "$BROKERS"); do out="$out${out:+,}$HOST:$(broker_port "$i")"; done; echo "$out"; }

# node_properties I: the server.properties of node I.
node_properties() {
  local i=$1 rf=1 isr=1 quorum
  if [ "$BROKERS" -eq 3 ]; then rf=3; isr=2; fi
  quorum=$(for j in $(seq 1 "$BROKERS"); do printf '%s,' "$HOST:$(controller_port "$j")"; done); quorum=${quorum%,}
  cat <<PROPS
process.roles=broker,controller
node.id=$i
controller.quorum.bootstrap.servers=$quorum
listeners=PLAINTEXT://$HOST:$(broker_port "$i"),CONTROLLER://$HOST:$(controller_port "$i")
advertised.listeners=PLAINTEXT://$HOST:$(broker_port "$i"),CONTROLLER://$HOST:$(controller_port "$i")
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$(node_dir "$i")/data
num.partitions=4
default.replication.factor=$rf
min.insync.replicas=$isr
auto.create.topics.enable=false
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$isr
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
}

up() {
  if listening "$PORT"; then echo "kafka: already listening on $HOST:$PORT, reusing it"; return 0; fi
  local cp; cp=$(classpath)
  mkdir -p "$DIR"
  local cluster_id="" initial="" i
  for i in $(seq 1 "$BROKERS"); do
    mkdir -p "$(node_dir "$i")/data" "$(node_dir "$i")/logs"
    node_properties "$i" > "$(node_dir "$i")/server.properties"
  done
  if [ ! -f "$(node_dir 1)/data/meta.properties" ]; then
    cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid)
    for i in $(seq 1 "$BROKERS"); do
      # Every controller needs a directory id known to all: the initial voter set names node@host:port:dir-id.
      echo "$i $(java -cp "$cp" kafka.tools.StorageTool random-uuid)" >> "$DIR/voters.txt.tmp"
    done
    initial=$(while read -r n d; do printf '%s' "$n@$HOST:$(controller_port "$n"):$d,"; done < "$DIR/voters.txt.tmp"); initial=${initial%,}
    rm -f "$DIR/voters.txt.tmp"
    for i in $(seq 1 "$BROKERS"); do
      if [ "$BROKERS" -eq 1 ]; then
        java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$(node_dir "$i")/server.properties" --standalone >/dev/null
      else
        java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$(node_dir "$i")/server.properties" \
          --initial-controllers "$initial" >/dev/null
      fi
    done
  fi
  local pids=""
  for i in $(seq 1 "$BROKERS"); do
    start_node "$i"
    pids="$pids $(cat "$(node_pid "$i")")"
  done
  for i in $(seq 1 "$BROKERS"); do await_node "$i"; done
  echo "kafka: up on $(bootstrap) ($BROKERS broker(s), pid(s)$pids)"
}

start_node() {
  local i=$1 cp nd; cp=$(classpath); nd=$(node_dir "$i")
  local java_opts=(-Xms256m -Xmx768m -Dkafka.logs.dir="$nd/logs" -Dlog4j2.configurationFile="$ROOT/services/kafka/log4j2.properties")
  nohup java -cp "$cp" "${java_opts[@]}" kafka.Kafka "$nd/server.properties" >"$nd/logs/stdout.log" 2>&1 &
  echo $! > "$(node_pid "$i")"
}

await_node() {
  local i=$1 p; p=$(broker_port "$1")
  PIDFILE=$(node_pid "$i")
  node_ready() { listening "$p"; }
  await_ready node_ready "$(node_dir "$i")/logs/stdout.log"
}

# node_up I: node I of an already formed cluster, started again (its data directory is kept).
node_up() {
  local i=$1
  if listening "$(broker_port "$i")"; then echo "kafka: node $i already listening"; return 0; fi
  [ -f "$(node_dir "$i")/data/meta.properties" ] || { echo "kafka: node $i was never formatted; run up first" >&2; return 1; }
  start_node "$i"
  await_node "$i"
  echo "kafka: node $i up on $HOST:$(broker_port "$i") (pid $(cat "$(node_pid "$i")"))"
}

down() {
  local i
  for i in $(seq "$BROKERS" -1 1); do
    PIDFILE=$(node_pid "$i")
    if [ "$BROKERS" -gt 1 ]; then NAME="kafka node $i"; fi
    stop_started
  done
}

status() { if listening "$PORT"; then echo "kafka: listening on $(bootstrap)"; else echo "kafka: down"; return 1; fi; }

case "${1:-}" in
  up) up ;; down) down ;; status) status ;;
  classpath) classpath ;; bootstrap) bootstrap ;; node-up) node_up "${2:?node number}" ;;
  *) echo "usage: $0 up|down|status|classpath|bootstrap|node-up I" >&2; exit 2 ;;
esac
