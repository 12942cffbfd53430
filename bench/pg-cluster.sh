# A throwaway PostgreSQL cluster under bench/target, sourced by bench/run.sh and bench/faults.sh: each runs on a
# cluster of its own (its own data directory and port), so restarting or tuning it disturbs nothing else on the
# machine. Needs PostgreSQL's server binaries (Debian: apt-get install postgresql postgresql-contrib).
#   pg_cluster_start DATA PORT [-c name=value ...]   # fresh initdb in DATA, then start on 127.0.0.1:PORT
#   pg_ctl_at DATA stop|restart|...                  # pg_ctl on that cluster (as the postgres user when root)

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
[ -x "$BIN/initdb" ] || BIN="$(dirname "$(command -v initdb || echo /nonexistent/initdb)")"

# initdb and the server refuse to run as root: as root, run them as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl_at() { local data="$1"; shift; as_pg "$BIN/pg_ctl" -D "$data" -l "$data.log" -w -t 60 "$@"; }

pg_cluster_start() {
    local data="$1" port="$2"
    shift 2
    [ -x "$BIN/initdb" ] || { echo "PostgreSQL's initdb and pg_ctl are missing (Debian: apt-get install postgresql)"; return 1; }
    # A cluster left running by an interrupted run would hold the port and the directory.
    if [ -f "$data/postmaster.pid" ]; then pg_ctl_at "$data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$data" "$data.log"
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data" && touch "$data.log" && chown postgres "$data.log"; fi
    as_pg "$BIN/initdb" -D "$data" -U postgres -A trust >/dev/null
    pg_ctl_at "$data" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 $*" start >/dev/null
}
