#!/usr/bin/env bash
# Starts or stops a throw-away Virtuoso 7 for tests and local trials: config and database in one
# folder, bound to 127.0.0.1 only, anonymous SPARQL update granted for that instance alone.
#
#   scripts/virtuoso.sh start [DIR]   prints DIR=, PID=, HTTP=, SQL= lines (eval-able); DIR defaults to a new temp folder
#   scripts/virtuoso.sh stop DIR      stops the instance whose pid is in DIR/virtuoso.pid, then removes DIR
#
# Environment: VIRTUOSO_HTTP_PORT (8890), VIRTUOSO_SQL_PORT (1111), VIRTUOSO_MAX_ROWS (10000: the
# ResultSetMaxRows past which the server cuts results off), VIRTUOSO_BIN (virtuoso-t on PATH),
# VIRTUOSO_ISQL (isql-vt on PATH), VIRTUOSO_START_TIMEOUT (60 seconds).
set -euo pipefail

die() { echo "virtuoso.sh: $*" >&2; exit 1; }
owned=""

start() {
  local bin=${VIRTUOSO_BIN:-$(command -v virtuoso-t || true)}
  local isql=${VIRTUOSO_ISQL:-$(command -v isql-vt || true)}
  [ -n "$bin" ] || die "virtuoso-t not found; install it with: DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource-7-bin"
  [ -n "$isql" ] || die "isql-vt not found (it comes with virtuoso-opensource-7-bin)"
  local dir=${1:-}
  if [ -z "$dir" ]; then
    dir=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-virtuoso.XXXXXX")
    # A folder we made is ours to remove if the start fails.
    owned=$dir
    trap 'if [ -n "$owned" ] && [ ! -e "$owned/virtuoso.pid" ]; then rm -rf "$owned"; fi' EXIT
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/virtuoso.pid" ] || die "$dir already holds an instance (virtuoso.pid exists); stop it first"
  local http=${VIRTUOSO_HTTP_PORT:-8890} sql=${VIRTUOSO_SQL_PORT:-1111} maxrows=${VIRTUOSO_MAX_ROWS:-10000}
  local timeout=${VIRTUOSO_START_TIMEOUT:-60}
  local port
  for port in "$http" "$sql"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port on 127.0.0.1 is already in use (another Virtuoso?); set VIRTUOSO_HTTP_PORT / VIRTUOSO_SQL_PORT"
    fi
  done
  mkdir -p "$dir/www"
  cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort             = 127.0.0.1:$sql
LiteMode               = 0
DisableUnixSocket      = 1
DisableTcpSocket       = 0
MaxClientConnections   = 10
CheckpointInterval     = 0
O_DIRECT               = 0
CaseMode               = 2
MaxStaticCursorRows    = 5000
CheckpointAuditTrail   = 0
AllowOSCalls           = 0
SchedulerInterval      = 10
DirsAllowed            = ., $dir
ThreadCleanupInterval  = 0
ThreadThreshold        = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize      = 100000
SingleCPU              = 0
PrefixResultNames      = 0
RdfFreeTextRulesSize   = 100
IndexTreeMaps          = 64
MaxMemPoolSize         = 200000000
PrefixResultNames      = 0
MacSpotlight           = 0
MaxQueryMem            = 512M
NumberOfBuffers        = 100000
MaxDirtyBuffers        = 75000
MaxSortedTopRows       = 1000000

[HTTPServer]
ServerPort                  = 127.0.0.1:$http
ServerRoot                  = $dir/www
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
DefaultMailServer           = localhost:25
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
MaxCachedProxyConnections   = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
MaintenancePage             = atomic.html
EnabledGzipContent          = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[VDB]
ArrayOptimization = 0
NumArrayParameters = 10
VDBDisconnectTimeout = 1000
KeepConnectionOnFixedThread = 0

[Replication]
ServerName = newsgraph-test
ServerEnable = 0
QueueMax = 50000

[SPARQL]
ResultSetMaxRows           = $maxrows
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
DefaultQuery               = SELECT * WHERE { ?s ?p ?o } LIMIT 10
DeferInferenceRulesInit    = 0
INI

  # A restart appends to the same log: only a "Server online" after this offset counts.
  local offset=0
  [ -f "$dir/virtuoso.log" ] && offset=$(wc -c < "$dir/virtuoso.log")

  # Foreground in our own background job, so $! is the server's own pid (no daemon fork to chase).
  ( cd "$dir" && exec "$bin" +foreground +configfile "$dir/virtuoso.ini" </dev/null >>"$dir/virtuoso.out" 2>&1 ) &
  local pid=$!
  echo "$pid" > "$dir/virtuoso.pid"

  local waited=0
  until tail -c +$((offset + 1)) "$dir/virtuoso.log" 2>/dev/null | grep -q "Server online"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso.sh: virtuoso-t (pid $pid) exited before it was online; last lines of $dir/virtuoso.log:" >&2
      tail -n 20 "$dir/virtuoso.log" "$dir/virtuoso.out" >&2 2>/dev/null || true
      rm -f "$dir/virtuoso.pid"
      exit 1
    fi
    if [ "$waited" -ge $((timeout * 10)) ]; then
      kill "$pid" 2>/dev/null || true
      rm -f "$dir/virtuoso.pid"
      die "virtuoso-t (pid $pid) not online after ${timeout}s; see $dir/virtuoso.log"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done

  # Anonymous update is for this throw-away instance only: the account "SPARQL" is what /sparql and
  # /sparql-graph-crud run as when no credentials are sent.
  "$isql" "127.0.0.1:$sql" dba dba exec="grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" \
    >"$dir/grant.out" 2>&1 || { cat "$dir/grant.out" >&2; kill "$pid"; rm -f "$dir/virtuoso.pid"; die "could not grant SPARQL_UPDATE"; }

  echo "DIR=$dir"
  echo "PID=$pid"
  echo "HTTP=http://127.0.0.1:$http"
  echo "SQL=127.0.0.1:$sql"
}

stop() {
  local dir=${1:-}
  [ -n "$dir" ] || die "usage: virtuoso.sh stop DIR"
  [ -f "$dir/virtuoso.pid" ] || die "no virtuoso.pid in $dir"
  local pid
  pid=$(cat "$dir/virtuoso.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$dir/virtuoso.pid"
  case "$dir" in
    */newsgraph-virtuoso.*) rm -rf "$dir" ;;
  esac
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) die "usage: virtuoso.sh start [DIR] | stop DIR" ;;
esac
