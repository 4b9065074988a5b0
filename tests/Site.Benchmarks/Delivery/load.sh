#!/usr/bin/env bash
# Load benchmark of the Delivery API against two baselines measured in the same run:
#   - the same JSON bytes served as static files by the same Kestrel process (our static file middleware),
#   - the same bytes served by nginx (1 worker).
# Requests: an item by path, and a children query with take=10, both with Accept-Language: en-us.
# The rate limiter stays on (with a bucket too large to refuse anything), so its cost is in the figures.
# Needs wrk and nginx (apt-get install wrk nginx).
# Usage: bash tests/Site.Benchmarks/Delivery/load.sh [duration-seconds] [connections]
set -euo pipefail

duration="${1:-10}"
connections="${2:-32}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
site_port=5111
nginx_port=5112
api="/umbraco/delivery/api/v2"
requests=("$api/content/item/sessions/13th-forum-2017" "$api/content?fetch=children:/sessions&take=10")
names=("item-by-path" "children-take-10")
trap 'kill "${site_pid:-0}" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx" >&2; exit 2; }

echo "Publishing the site (Release)..." >&2
dotnet publish "$root/src/Site" -c Release -o "$work/site" --nologo -v quiet >&2

start_site() {
  ( cd "$work/site" && Site__DataPath="$work/data" Site__Sync__Folder="$root/uSync/v14" ASPNETCORE_URLS="http://127.0.0.1:$site_port" Site__Public__BaseUrl="http://127.0.0.1:$site_port" \
      Site__DeliveryApi__RateLimit__TokenLimit=1000000000 Site__DeliveryApi__RateLimit__TokensPerSecond=1000000000 \
      Logging__LogLevel__Default=Warning exec dotnet Site.dll ) >"$work/site.log" 2>&1 &
  site_pid=$!
}

wait_ready() {
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$site_port${requests[0]}"; then return 0; fi
    sleep 0.05
  done
  echo "the site did not start" >&2; cat "$work/site.log" >&2; exit 1
}

# 1. The JSON bytes of each request, saved as static files under the same Kestrel's web root and for nginx.
start_site
wait_ready
mkdir -p "$work/site/wwwroot/bench" "$work/nginx/bench"
for i in "${!requests[@]}"; do
  curl -fsS -H "Accept-Language: en-us" "http://127.0.0.1:$site_port${requests[$i]}" -o "$work/site/wwwroot/bench/${names[$i]}.json"
  cp "$work/site/wwwroot/bench/${names[$i]}.json" "$work/nginx/bench/"
done
kill "$site_pid"; wait "$site_pid" 2>/dev/null || true
start_site
wait_ready

cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; }
  sendfile on;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx; }
}
NGINX
# nginx's worker runs as an unprivileged user: it must be able to read the files (mktemp -d makes a private folder).
chmod -R a+rX "$work/nginx"
chmod a+x "$work"
nginx -c "$work/nginx.conf"
curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/bench/${names[0]}.json" || { echo "nginx does not serve the files" >&2; cat "$work/nginx-error.log" >&2; exit 1; }

run_wrk() { # url -> "requests/s p99"
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Accept-Language: en-us" "$1" >"$work/wrk.txt" 2>&1
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$work/wrk.txt")
  if [ -n "$errors" ]; then echo "wrk saw $errors non-2xx responses from $1" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  echo "$rps $p99"
}

# Warm up the JIT and the output cache before measuring.
for i in "${!requests[@]}"; do
  wrk -t1 -c4 -d2s -H "Accept-Language: en-us" "http://127.0.0.1:$site_port${requests[$i]}" >/dev/null
  wrk -t1 -c4 -d1s "http://127.0.0.1:$site_port/bench/${names[$i]}.json" >/dev/null
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "| request | server | bytes | requests/s | p99 latency | vs Kestrel static | vs nginx |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for i in "${!requests[@]}"; do
  bytes=$(stat -c %s "$work/nginx/bench/${names[$i]}.json")
  read -r site_rps site_p99 < <(run_wrk "http://127.0.0.1:$site_port${requests[$i]}")
  read -r static_rps static_p99 < <(run_wrk "http://127.0.0.1:$site_port/bench/${names[$i]}.json")
  read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/bench/${names[$i]}.json")
  echo "| \`${requests[$i]#"$api"}\` | Delivery API (snapshot + output cache) | $bytes | $site_rps | $site_p99 | **$(ratio "$site_rps" "$static_rps")** | **$(ratio "$site_rps" "$nginx_rps")** |"
  echo "| | same Kestrel, static file | $bytes | $static_rps | $static_p99 | 1.00 | $(ratio "$static_rps" "$nginx_rps") |"
  echo "| | nginx, static file | $bytes | $nginx_rps | $nginx_p99 | $(ratio "$nginx_rps" "$static_rps") | 1.00 |"
done

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$site_pid/status")
echo
echo "Resident memory of the site after the load: $(( rss_kb / 1024 )) MiB"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); wrk -t2 -c$connections -d${duration}s"
