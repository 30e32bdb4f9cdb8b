#!/usr/bin/env bash
# A standalone ZooKeeper server from Maven Central jars, on loopback only: the coordination service of the local
# ClickHouse cluster's replicated tables (ClickHouse 18.16 needs ZooKeeper; newer ClickHouse can use ClickHouse
# Keeper, which speaks the same protocol, at the same <zookeeper> address).
# usage: services/zookeeper.sh up|down|status|classpath
# Listens on ZOOKEEPER_PORT (2181); data, log and PID file under .run/cluster/zookeeper (ZOOKEEPER_DIR), git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOST=127.0.0.1
PORT=${ZOOKEEPER_PORT:-2181}
DIR=${ZOOKEEPER_DIR:-$ROOT/.run/cluster/zookeeper}
PIDFILE=$DIR/zookeeper.pid

NAME=zookeeper
# shellcheck source=services/lib.sh
. "$ROOT/services/lib.sh"

classpath() { maven_classpath services/zookeeper/pom.xml "$DIR/classpath.txt"; }

# serving: srvr names the server's mode only while it serves requests (ruok says imok even when its main thread
# died at start and nothing is served).
serving() { local r; { exec 3<>"/dev/tcp/$HOST/$PORT"; } 2>/dev/null || return 1; printf srvr >&3; r=$(cat <&3); exec 3>&-; [[ "$r" == *"Mode: "* ]]; }

up() {
  if listening "$PORT"; then echo "zookeeper: already listening on $HOST:$PORT, reusing it"; return 0; fi
  local cp; cp=$(classpath)
  mkdir -p "$DIR/data" "$DIR/log"
  cat > "$DIR/zoo.cfg" <<CFG
tickTime=2000
dataDir=$DIR/data
clientPort=$PORT
clientPortAddress=$HOST
maxClientCnxns=0
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,mntr
autopurge.snapRetainCount=3
autopurge.purgeInterval=1
CFG
  nohup java -Xmx256m -cp "$cp" org.apache.zookeeper.server.ZooKeeperServerMain "$DIR/zoo.cfg" >"$DIR/log/stdout.log" 2>&1 &
  echo $! > "$PIDFILE"
  await_ready serving "$DIR/log/stdout.log" && echo "zookeeper: up on $HOST:$PORT (pid $(cat "$PIDFILE"))"
}

down() { stop_started; }

status() { if serving; then echo "zookeeper: up on $HOST:$PORT"; else echo "zookeeper: down"; return 1; fi; }

case "${1:-}" in
  up) up ;; down) down ;; status) status ;; classpath) classpath ;;
  *) echo "usage: $0 up|down|status|classpath" >&2; exit 2 ;;
esac
