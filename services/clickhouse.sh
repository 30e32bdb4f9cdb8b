#!/usr/bin/env bash
# Local ClickHouse server from Debian's clickhouse-server package, loopback only.
# usage: services/clickhouse.sh up|down|status
# Installs the package with apt-get when missing. Data, logs and the PID file live under .run/clickhouse
# (CLICKHOUSE_DIR overrides it: `make chaos` runs a private server it may stop, on its own ports and directory).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOST=127.0.0.1
HTTP_PORT=${CLICKHOUSE_HTTP_PORT:-8123}
TCP_PORT=${CLICKHOUSE_TCP_PORT:-9000}
DIR=${CLICKHOUSE_DIR:-$ROOT/.run/clickhouse}
PIDFILE=$DIR/clickhouse.pid

NAME=clickhouse
# shellcheck source=services/lib.sh
. "$ROOT/services/lib.sh"

install() {
  command -v clickhouse-server >/dev/null && return 0
  echo "clickhouse: installing Debian's clickhouse-server and clickhouse-client"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q clickhouse-server clickhouse-client >/dev/null
}

up() {
  if listening "$HTTP_PORT"; then echo "clickhouse: already listening on $HOST:$HTTP_PORT, reusing it"; return 0; fi
  install
  mkdir -p "$DIR/data" "$DIR/tmp" "$DIR/log" "$DIR/user_files" "$DIR/format_schemas"
  cp services/clickhouse/users.xml "$DIR/users.xml"
  # One template for this server and ClickHouseOutageIT's private one.
  sed -e "s|@DIR@|$DIR|g" -e "s|@HOST@|$HOST|g" -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@TCP_PORT@|$TCP_PORT|g" \
    services/clickhouse/config.xml > "$DIR/config.xml"
  nohup clickhouse-server --config-file="$DIR/config.xml" >"$DIR/log/stdout.log" 2>&1 &
  echo $! > "$PIDFILE"
  clickhouse_ready() { listening "$HTTP_PORT" && curl -sf "http://$HOST:$HTTP_PORT/ping" >/dev/null; }
  await_ready clickhouse_ready "$DIR/log/clickhouse-server.err.log" && echo "clickhouse: up on http://$HOST:$HTTP_PORT (pid $(cat "$PIDFILE"))"
}

down() { stop_started; }

status() { if listening "$HTTP_PORT"; then echo "clickhouse: listening on http://$HOST:$HTTP_PORT"; else echo "clickhouse: down"; return 1; fi; }

case "${1:-}" in
  up) up ;; down) down ;; status) status ;; install) install ;;
  *) echo "usage: $0 up|down|status|install" >&2; exit 2 ;;
esac
