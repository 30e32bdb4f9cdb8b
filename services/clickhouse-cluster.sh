#!/usr/bin/env bash
# A local ClickHouse cluster, 2 shards x 2 replicas, on loopback only: four clickhouse-server processes of Debian's
# package with their own ports and directories, one `remote_servers` cluster named `granular`, macros per node
# ({shard}, {replica}) and ZooKeeper (services/zookeeper.sh) for the replicated tables and ON CLUSTER DDL.
# usage: services/clickhouse-cluster.sh up|down|status|urls|shards|node-up I|node-down I
# Node i (1..4) is replica r((i-1)%2+1) of shard (i+1)/2 and listens on HTTP 8130+i, native TCP 9130+i and
# interserver HTTP 9230+i (CLICKHOUSE_CLUSTER_BASE moves all three). Data, logs and PID files live under
# .run/cluster/clickhouse/node-i, git-ignored. `urls` prints the HTTP URLs, one per replica, shard by shard;
# `shards` prints them as CLICKHOUSE_SHARDS takes them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOST=127.0.0.1
BASE=${CLICKHOUSE_CLUSTER_BASE:-130}
NODES=4
ZK_PORT=${ZOOKEEPER_PORT:-2181}
TOP=${CLICKHOUSE_CLUSTER_DIR:-$ROOT/.run/cluster/clickhouse}

NAME=clickhouse
# shellcheck source=services/lib.sh
. "$ROOT/services/lib.sh"

http_port() { echo $((8000 + BASE + $1)); }
tcp_port() { echo $((9000 + BASE + $1)); }
interserver_port() { echo $((9100 + BASE + $1)); }
shard() { echo $((($1 + 1) / 2)); }
replica() { echo "r$((($1 - 1) % 2 + 1))"; }

# cluster_xml I: what node I adds to the single server's configuration (merged from config.d).
cluster_xml() {
  local i=$1 s n
  echo "<?xml version=\"1.0\"?>"
  echo "<yandex>"
  echo "  <interserver_http_host>$HOST</interserver_http_host>"
  echo "  <interserver_http_port>$(interserver_port "$i")</interserver_http_port>"
  echo "  <zookeeper><node><host>$HOST</host><port>$ZK_PORT</port></node></zookeeper>"
  echo "  <distributed_ddl><path>/clickhouse/granular/task_queue/ddl</path></distributed_ddl>"
  echo "  <macros><cluster>granular</cluster><shard>$(shard "$i")</shard><replica>$(replica "$i")</replica></macros>"
  echo "  <remote_servers><granular>"
  for s in 1 2; do
    echo "    <shard><internal_replication>true</internal_replication>"
    for n in $((2 * s - 1)) $((2 * s)); do
      echo "      <replica><host>$HOST</host><port>$(tcp_port "$n")</port></replica>"
    done
    echo "    </shard>"
  done
  echo "  </granular></remote_servers>"
  echo "</yandex>"
}

node_up() {
  local i=$1 dir=$TOP/node-$1
  if listening "$(http_port "$i")"; then echo "clickhouse node $i: already listening on $HOST:$(http_port "$i")"; return 0; fi
  command -v clickhouse-server >/dev/null || services/clickhouse.sh install
  mkdir -p "$dir/data" "$dir/tmp" "$dir/log" "$dir/user_files" "$dir/format_schemas" "$dir/config.d"
  cp services/clickhouse/users.xml "$dir/users.xml"
  sed -e "s|@DIR@|$dir|g" -e "s|@HOST@|$HOST|g" -e "s|@HTTP_PORT@|$(http_port "$i")|g" -e "s|@TCP_PORT@|$(tcp_port "$i")|g" \
    services/clickhouse/config.xml > "$dir/config.xml"
  cluster_xml "$i" > "$dir/config.d/cluster.xml"
  nohup clickhouse-server --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 &
  echo $! > "$dir/clickhouse.pid"
  PIDFILE=$dir/clickhouse.pid DIR=$dir NAME="clickhouse node $i"
  local port; port=$(http_port "$i")
  node_ready() { listening "$port" && curl -sf "http://$HOST:$port/ping" >/dev/null; }
  await_ready node_ready "$dir/log/clickhouse-server.err.log"
  echo "clickhouse node $i: up on http://$HOST:$port, shard $(shard "$i") replica $(replica "$i") (pid $(cat "$PIDFILE"))"
}

node_down() {
  local i=$1
  PIDFILE=$TOP/node-$1/clickhouse.pid DIR=$TOP/node-$1 NAME="clickhouse node $i"
  stop_started
}

up() {
  services/zookeeper.sh status >/dev/null 2>&1 || { echo "clickhouse cluster: ZooKeeper is not up on $HOST:$ZK_PORT (services/zookeeper.sh up)" >&2; return 1; }
  local i; for i in $(seq 1 $NODES); do node_up "$i"; done
}

down() { local i; for i in $(seq $NODES -1 1); do node_down "$i"; done; }

urls() { local i; for i in $(seq 1 $NODES); do echo "http://$HOST:$(http_port "$i")"; done; }

# shards: the replicas' URLs as CLICKHOUSE_SHARDS takes them, shards separated by ';' and replicas by ','.
shards() { echo "http://$HOST:$(http_port 1),http://$HOST:$(http_port 2);http://$HOST:$(http_port 3),http://$HOST:$(http_port 4)"; }

status() {
  local i rc=0
  for i in $(seq 1 $NODES); do
    if listening "$(http_port "$i")"; then echo "clickhouse node $i: listening on http://$HOST:$(http_port "$i")"
    else echo "clickhouse node $i: down"; rc=1; fi
  done
  return $rc
}

case "${1:-}" in
  up) up ;; down) down ;; status) status ;; urls) urls ;; shards) shards ;;
  node-up) node_up "${2:?node number}" ;; node-down) node_down "${2:?node number}" ;;
  *) echo "usage: $0 up|down|status|urls|shards|node-up I|node-down I" >&2; exit 2 ;;
esac
