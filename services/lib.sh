# Shared by the scripts in services/: start, wait for and stop one local server by PID file, and the class path
# of a server run from Maven Central jars. Callers set NAME, HOST, DIR and PIDFILE.

listening() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# await_ready CHECK LOG: waits up to 60 s for CHECK to succeed while the process in PIDFILE lives.
await_ready() {
  local check=$1 log=$2
  for _ in $(seq 1 120); do
    if $check; then return 0; fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      echo "$NAME: failed to start, see $DIR" >&2; tail -20 "$log" >&2 || true; return 1
    fi
    sleep 0.5
  done
  echo "$NAME: not ready after 60 s, see $DIR" >&2; return 1
}

# stop_started: stops the process this checkout started (by its PID file), never anything else.
stop_started() {
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    local pid; pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
    echo "$NAME: stopped (pid $pid)"
  else
    echo "$NAME: not started by this project (no live PID in $PIDFILE)"
  fi
  rm -f "$PIDFILE"
}

# maven_classpath POM FILE: the class path POM's dependencies resolve to, cached in FILE until POM changes.
maven_classpath() {
  local pom=$1 out=$2
  if [ ! -s "$out" ] || [ "$pom" -nt "$out" ]; then
    mkdir -p "$(dirname "$out")"
    mvn -B -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$out" >&2
  fi
  cat "$out"
}
