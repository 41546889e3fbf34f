#!/usr/bin/env bash
# The services of a scaled-out installation, on 127.0.0.1 of a Debian machine, for development
# and CI: PostgreSQL, Redis and a single-node OpenSearch (see README.md, "Services").
#
#   scripts/services.sh start    # `make services`: install what is missing, start, wait, print the URLs
#   scripts/services.sh stop     # `make services-stop`: stop what `start` started, by pid
#   scripts/services.sh status
#
# Idempotent: a service that already answers on its port is reused and left alone by `stop`
# (only the pids this script wrote under $SERVICES_STATE_DIR are ever signalled). The URLs are
# also written to $SERVICES_STATE_DIR/env, for `. .services/env`.
#
# Settings (environment):
#   POSTGRES_PORT=5432  REDIS_PORT=6379  REDIS_DB=1  OPENSEARCH_PORT=9200
#   OPENSEARCH_TRANSPORT_PORT=9300  OPENSEARCH_HEAP=1g  SERVICES_DB=kotoutuminen (the site's
#   database; the tests' one is ${SERVICES_DB}_test)  SERVICES=postgresql,redis,opensearch
#   SERVICES_STATE_DIR=<project>/.services  SERVICES_CACHE_DIR=~/.cache/kotoutuminen (the built
#   OpenSearch launcher, one folder per version of scripts/opensearch-node; Maven's own
#   downloads stay in ~/.m2)
set -euo pipefail

PROJECT=$(cd "$(dirname "$0")/.." && pwd)
STATE_DIR=${SERVICES_STATE_DIR:-$PROJECT/.services}
CACHE_DIR=${SERVICES_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kotoutuminen}
POSTGRES_PORT=${POSTGRES_PORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DB=${REDIS_DB:-1}
OPENSEARCH_PORT=${OPENSEARCH_PORT:-9200}
OPENSEARCH_TRANSPORT_PORT=${OPENSEARCH_TRANSPORT_PORT:-9300}
OPENSEARCH_HEAP=${OPENSEARCH_HEAP:-1g}
SERVICES_DB=${SERVICES_DB:-kotoutuminen}
SERVICES=${SERVICES:-postgresql,redis,opensearch}
LAUNCHER_SRC=$PROJECT/scripts/opensearch-node
LAUNCHER_CLASS=fi.kotoutuminen.opensearch.LocalOpenSearch

say() { printf '%s\n' "$*"; }
fail() { printf 'services: %s\n' "$*" >&2; exit 1; }
wanted() { [[ ",$SERVICES," == *",$1,"* ]]; }

# --- installing from Debian's packages ---------------------------------------------------------
APT_UPDATED=""
apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to install: $*"
        sudo=sudo
    fi
    say "installing $* (apt-get)"
    if [ -z "$APT_UPDATED" ]; then
        $sudo apt-get update -qq
        APT_UPDATED=1
    fi
    # RUNLEVEL=1: the packages' own init scripts do not start a server; this script starts
    # them itself, on its ports, without persistence for Redis, and records their pids.
    $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_command() {  # command, Debian package
    command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

# --- pid files: only what this script started is ever stopped ----------------------------------
pid_alive() {  # name, what its command line contains
    local file=$STATE_DIR/$1.pid pid
    [ -f "$file" ] || return 1
    pid=$(cat "$file")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

stop_pid() {  # name, what its command line contains, signal
    local file=$STATE_DIR/$1.pid pid
    if ! pid_alive "$1" "$2"; then
        rm -f "$file"
        return 0
    fi
    pid=$(cat "$file")
    say "stopping $1 (pid $pid)"
    kill "-$3" "$pid"
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "$1 (pid $pid) did not stop in 30 s: killing it"
        kill -KILL "$pid"
    fi
    rm -f "$file"
}

wait_for() {  # seconds, command...: true as soon as the command succeeds
    local seconds=$1
    shift
    for _ in $(seq 1 $((seconds * 2))); do
        "$@" && return 0
        sleep 0.5
    done
    return 1
}

# --- PostgreSQL --------------------------------------------------------------------------------
postgres_answers() { pg_isready -q -h 127.0.0.1 -p "$POSTGRES_PORT" 2>/dev/null; }
psql_postgres() { psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq "$@"; }

start_postgresql() {
    need_command pg_isready postgresql-client
    if postgres_answers; then
        if pid_alive postgresql postgres; then
            say "PostgreSQL: running on 127.0.0.1:$POSTGRES_PORT (started by make services, pid $(cat "$STATE_DIR/postgresql.pid"))"
        else
            say "PostgreSQL: already running on 127.0.0.1:$POSTGRES_PORT, reused (not started here: services-stop leaves it alone)"
        fi
    else
        # The server package (its install creates the cluster 'main' on 5432).
        compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || apt_install postgresql
        local version name datadir
        read -r version name datadir < <(pg_lsclusters -h | awk -v port="$POSTGRES_PORT" '$3 == port {print $1, $2, $6; exit}') || true
        if [ -z "${version:-}" ]; then
            version=$(ls /usr/lib/postgresql | sort -V | tail -1)
            name=main
            pg_lsclusters -h | awk '{print $1 "/" $2}' | grep -qx "$version/main" && name=port$POSTGRES_PORT
            say "PostgreSQL: creating cluster $version/$name on port $POSTGRES_PORT"
            pg_createcluster --port "$POSTGRES_PORT" "$version" "$name" >/dev/null
            datadir=$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $6}')
        fi
        local hba=/etc/postgresql/$version/$name/pg_hba.conf
        if ! grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
            # The first matching line wins: the user postgres from this machine needs no password.
            say "PostgreSQL: trusting user postgres from 127.0.0.1 ($hba)"
            sed -i '1i host all postgres 127.0.0.1/32 trust  # added by make services (development only)' "$hba"
        fi
        if pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $4}' | grep -q online; then
            # Started by its package while being installed, on another address than 127.0.0.1.
            pg_ctlcluster --skip-systemctl-redirect "$version" "$name" reload
        else
            say "PostgreSQL: starting cluster $version/$name"
            pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
        fi
        wait_for 60 postgres_answers || fail "PostgreSQL did not answer on 127.0.0.1:$POSTGRES_PORT within 60 s"
        head -1 "$datadir/postmaster.pid" >"$STATE_DIR/postgresql.pid"
        say "PostgreSQL: started (pid $(cat "$STATE_DIR/postgresql.pid"))"
    fi
    psql_postgres -c 'SELECT 1' >/dev/null 2>&1 ||
        fail "PostgreSQL on 127.0.0.1:$POSTGRES_PORT does not let the user postgres in without a password; set DATABASE_URL yourself"
    local db
    for db in "$SERVICES_DB" "${SERVICES_DB}_test"; do
        if [ -z "$(psql_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
            psql_postgres -c "CREATE DATABASE \"$db\"" >/dev/null
            say "PostgreSQL: created database $db"
        fi
    done
}

# --- Redis -------------------------------------------------------------------------------------
redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

start_redis() {
    need_command redis-cli redis-tools
    if redis_answers; then
        if pid_alive redis redis-server; then
            say "Redis: running on 127.0.0.1:$REDIS_PORT (started by make services, pid $(cat "$STATE_DIR/redis.pid"))"
        else
            say "Redis: already running on 127.0.0.1:$REDIS_PORT, reused (not started here: services-stop leaves it alone)"
        fi
        return
    fi
    need_command redis-server redis-server
    if redis_answers; then
        say "Redis: started by its package while being installed, on 127.0.0.1:$REDIS_PORT (services-stop leaves it alone)"
        return
    fi
    # A cache: no snapshots, no append-only file.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
        --dir "$STATE_DIR" --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log"
    wait_for 30 redis_answers || fail "Redis did not answer on 127.0.0.1:$REDIS_PORT within 30 s (see $STATE_DIR/redis.log)"
    wait_for 5 test -s "$STATE_DIR/redis.pid" || true
    say "Redis: started on 127.0.0.1:$REDIS_PORT (pid $(cat "$STATE_DIR/redis.pid"), no persistence)"
}

# --- OpenSearch --------------------------------------------------------------------------------
opensearch_healthy() {
    curl -fsS -m 2 "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

java_major() {  # prints the major version of `java`, or 0
    java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1 || echo 0
}

launcher_dir() {  # the cache folder of this version of the launcher (pom.xml and sources)
    local key
    key=$(cd "$LAUNCHER_SRC" && find pom.xml src -type f | sort | xargs cat | sha256sum | cut -c1-16)
    printf '%s/opensearch-node-%s' "$CACHE_DIR" "$key"
}

launcher_complete() {  # the built jar and every jar of its classpath are there
    local dir=$1 jar
    [ -f "$dir/local-opensearch.jar" ] && [ -s "$dir/classpath.txt" ] || return 1
    while IFS= read -r jar; do
        [ -f "$jar" ] || return 1
    done < <(tr ':' '\n' <"$dir/classpath.txt")
}

build_launcher() {
    local dir build
    dir=$(launcher_dir)
    if launcher_complete "$dir"; then
        say "OpenSearch: launcher built before ($dir)"
        return
    fi
    if [ "$(java_major)" -lt 17 ] 2>/dev/null || ! command -v javac >/dev/null 2>&1; then
        apt_install openjdk-17-jdk-headless
    fi
    need_command mvn maven
    say "OpenSearch: building the launcher with Maven (first time: downloads about 60 MB into ~/.m2)"
    build=$(mktemp -d)
    cp -r "$LAUNCHER_SRC/." "$build/"
    if ! (cd "$build" && mvn -q -B -Dstyle.color=never package dependency:build-classpath -Dmdep.outputFile=classpath.txt); then
        rm -rf "$build"
        fail "the Maven build of scripts/opensearch-node failed (see above)"
    fi
    mkdir -p "$CACHE_DIR"
    rm -rf "$dir.tmp"
    mkdir "$dir.tmp"
    cp "$build"/target/local-opensearch-*.jar "$dir.tmp/local-opensearch.jar"
    cp "$build/classpath.txt" "$dir.tmp/classpath.txt"
    rm -rf "$dir" "$build"
    mv "$dir.tmp" "$dir"
}

start_opensearch() {
    if opensearch_healthy; then
        if pid_alive opensearch "$LAUNCHER_CLASS"; then
            say "OpenSearch: running on 127.0.0.1:$OPENSEARCH_PORT (started by make services, pid $(cat "$STATE_DIR/opensearch.pid"))"
        else
            say "OpenSearch: already running on 127.0.0.1:$OPENSEARCH_PORT, reused (not started here: services-stop leaves it alone)"
        fi
        return
    fi
    if curl -s -o /dev/null -m 2 "http://127.0.0.1:$OPENSEARCH_PORT/"; then
        fail "something answers on 127.0.0.1:$OPENSEARCH_PORT but it is not a healthy OpenSearch; set OPENSEARCH_PORT"
    fi
    build_launcher
    local dir home started
    dir=$(launcher_dir)
    home=$(mktemp -d "${TMPDIR:-/tmp}/kotoutuminen-opensearch.XXXXXX")
    printf '%s\n' "$home" >"$STATE_DIR/opensearch.home"
    say "OpenSearch: starting a single node on 127.0.0.1:$OPENSEARCH_PORT (data in $home)"
    started=$(date +%s.%N)
    setsid nohup java "-Xms$OPENSEARCH_HEAP" "-Xmx$OPENSEARCH_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
        -Dfile.encoding=UTF-8 -Djava.io.tmpdir="$home" -Dlog4j2.formatMsgNoLookups=true \
        -cp "$dir/local-opensearch.jar:$(cat "$dir/classpath.txt")" "$LAUNCHER_CLASS" \
        "$home" "$OPENSEARCH_PORT" "$OPENSEARCH_TRANSPORT_PORT" >"$STATE_DIR/opensearch.log" 2>&1 </dev/null &
    printf '%s\n' "$!" >"$STATE_DIR/opensearch.pid"
    if ! wait_for 180 opensearch_healthy_or_dead || ! opensearch_healthy; then
        tail -30 "$STATE_DIR/opensearch.log" >&2 || true
        stop_opensearch
        fail "OpenSearch did not become healthy on 127.0.0.1:$OPENSEARCH_PORT (log above)"
    fi
    say "OpenSearch: healthy after $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s (pid $(cat "$STATE_DIR/opensearch.pid"))"
}

opensearch_healthy_or_dead() {
    opensearch_healthy || ! pid_alive opensearch "$LAUNCHER_CLASS"
}

stop_opensearch() {
    stop_pid opensearch "$LAUNCHER_CLASS" TERM
    if [ -f "$STATE_DIR/opensearch.home" ]; then
        local home
        home=$(cat "$STATE_DIR/opensearch.home")
        case "$home" in
            */kotoutuminen-opensearch.*) rm -rf "$home" ;;
        esac
        rm -f "$STATE_DIR/opensearch.home"
    fi
}

# --- commands ----------------------------------------------------------------------------------
write_env() {
    local file=$STATE_DIR/env
    : >"$file"
    wanted postgresql && printf 'export DATABASE_URL=postgres://postgres@127.0.0.1:%s/%s\n' "$POSTGRES_PORT" "$SERVICES_DB" >>"$file"
    wanted redis && printf 'export REDIS_URL=redis://127.0.0.1:%s/%s\n' "$REDIS_PORT" "$REDIS_DB" >>"$file"
    wanted opensearch && printf 'export OPENSEARCH_URL=http://127.0.0.1:%s\n' "$OPENSEARCH_PORT" >>"$file"
    say ""
    say "Services are up. Export these to use them (or: . $file):"
    sed 's/^/    /' "$file"
    if wanted postgresql; then
        say "Tests: DATABASE_URL=postgres://postgres@127.0.0.1:$POSTGRES_PORT/${SERVICES_DB}_test make test"
    fi
    say "Stop what was started here: make services-stop"
}

start() {
    mkdir -p "$STATE_DIR"
    wanted postgresql && start_postgresql
    wanted redis && start_redis
    wanted opensearch && start_opensearch
    write_env
}

stop() {
    [ -d "$STATE_DIR" ] || { say "nothing was started here"; return; }
    stop_opensearch
    stop_pid redis redis-server TERM
    # SIGINT is PostgreSQL's fast shutdown: open connections are closed, not waited for.
    stop_pid postgresql postgres INT
    rm -f "$STATE_DIR/env"
}

status() {
    local name pattern
    for name in postgresql:postgres redis:redis-server "opensearch:$LAUNCHER_CLASS"; do
        pattern=${name#*:}
        name=${name%%:*}
        if pid_alive "$name" "$pattern"; then
            say "$name: started here, pid $(cat "$STATE_DIR/$name.pid")"
        else
            say "$name: not started here"
        fi
    done
    postgres_answers && say "PostgreSQL answers on 127.0.0.1:$POSTGRES_PORT" || say "PostgreSQL: nothing on 127.0.0.1:$POSTGRES_PORT"
    redis_answers && say "Redis answers on 127.0.0.1:$REDIS_PORT" || say "Redis: nothing on 127.0.0.1:$REDIS_PORT"
    opensearch_healthy && say "OpenSearch healthy on 127.0.0.1:$OPENSEARCH_PORT" || say "OpenSearch: nothing healthy on 127.0.0.1:$OPENSEARCH_PORT"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) fail "usage: $0 start|stop|status" ;;
esac
