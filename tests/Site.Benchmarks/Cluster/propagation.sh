#!/usr/bin/env bash
# How long a publish on instance A takes to show on instance B: two instances of the site (Release) on one new
# PostgreSQL database, each with its own data folder and a shared media folder. Each round creates a page on A through
# the management API, publishes it, and from the moment A answers polls B's page every 10 ms until it is served.
# Needs curl, jq, psql and a PostgreSQL user who may create databases.
# Usage: bash tests/Site.Benchmarks/Cluster/propagation.sh [rounds] [poll-interval]
#   poll-interval is Site:Cluster:PollInterval (default 00:00:02, the site's default);
#   SITE_BENCH_POSTGRES (default "Host=localhost;Username=site;Password=site") names the server.
set -euo pipefail

rounds="${1:-20}"
poll="${2:-00:00:02}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
server="${SITE_BENCH_POSTGRES:-Host=localhost;Username=site;Password=site}"
database="site_bench_$(date +%s)_$$"
port_a=5111
port_b=5112
admin_email="bench@forum.test"
admin_password="benchmark password 2026"

for tool in curl jq psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

# psql's own form of the connection string, for creating nothing (EF Core's migration creates the database) and dropping it.
pg_host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$server"); pg_user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$server")
pg_password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$server"); pg_port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$server")
cleanup() {
  kill "${pid_a:-0}" "${pid_b:-0}" 2>/dev/null || true
  wait 2>/dev/null || true
  PGPASSWORD="$pg_password" psql -h "$pg_host" -p "${pg_port:-5432}" -U "$pg_user" -d postgres -X -q -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing the site (Release)..." >&2
dotnet publish "$root/src/Site" -c Release -o "$work/site" --nologo -v quiet >&2
mkdir -p "$work/media"

start() { # name port
  ( cd "$work/site" && Site__DataPath="$work/$1" Site__Sync__Folder="$root/uSync/v14" ASPNETCORE_URLS="http://127.0.0.1:$2" \
      Site__Public__BaseUrl="http://127.0.0.1:$port_a" Site__DatabaseProvider=PostgreSql ConnectionStrings__Site="$server;Database=$database" \
      Site__Media__Folder="$work/media" Site__Cluster__PollInterval="$poll" \
      BackOffice__Admin__Email="$admin_email" BackOffice__Admin__Password="$admin_password" \
      Logging__LogLevel__Default=Warning exec dotnet Site.dll ) >"$work/$1.log" 2>&1 &
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null "http://127.0.0.1:$2/healthz" && return 0
    sleep 0.1
  done
  echo "instance $1 did not start" >&2; cat "$work/$1.log" >&2; exit 1
}

# One at a time: the first start on a new database imports uSync.
start a "$port_a"; pid_a=$!
start b "$port_b"; pid_b=$!

api="http://127.0.0.1:$port_a/umbraco/management/api/v1"
token=$(curl -fs -X POST "$api/security/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" | jq -r .accessToken)
home=$(curl -fs -H "Authorization: Bearer $token" "$api/tree/document/children" | jq -r '.[0].id')

delays=()
for round in $(seq 1 "$rounds"); do
  slug="propagation-$round-$$"
  id=$(curl -fs -X POST "$api/document" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d @- <<JSON | jq -r .id
{"parentId":"$home","contentType":"page","names":{"zh-CN":"传播 $round","en-US":"Propagation $round"},
 "values":[{"alias":"title","culture":"zh-CN","value":"传播 $round"},{"alias":"title","culture":"en-US","value":"Propagation $round"},
           {"alias":"umbracoUrlName","culture":"zh-CN","value":"$slug"},{"alias":"umbracoUrlName","culture":"en-US","value":"$slug"}]}
JSON
)
  curl -fs -o /dev/null -X POST "$api/document/$id/publish" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"cultures":["zh-CN","en-US"]}'
  t0=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_b/en/$slug")" = 200 ]; do
    sleep 0.01
    if [ $(( ($(date +%s%N) - t0) / 1000000000 )) -gt 60 ]; then echo "round $round: not on B after 60 s" >&2; exit 1; fi
  done
  delays+=($(( ($(date +%s%N) - t0) / 1000000 )))
  # Start the next round at a random point of B's poll cycle.
  sleep "0.$(( RANDOM % 10 ))"
done

sorted=($(printf '%s\n' "${delays[@]}" | sort -n))
count=${#sorted[@]}
echo "poll interval $poll, $count rounds; publish on A answered -> page served by B (ms):"
echo "  min ${sorted[0]}, median ${sorted[$((count / 2))]}, p95 ${sorted[$(( (count * 95 + 99) / 100 - 1 ))]}, max ${sorted[$((count - 1))]}"
echo "  all: ${delays[*]}"
