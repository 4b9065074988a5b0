#!/usr/bin/env bash
# Load benchmark of the public site against two baselines measured in the same run:
#   - the same page bytes served as static files by the same Kestrel process (our own static file middleware),
#   - the same bytes served by nginx.
# Also measures cold start (process start to the first 200 on /en/ with an empty database, import included)
# and resident memory after the load. Needs wrk and nginx (apt-get install wrk nginx).
# Usage: bash tests/Site.Benchmarks/load.sh [duration-seconds] [connections]
set -euo pipefail

duration="${1:-10}"
connections="${2:-32}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
site_port=5101
nginx_port=5102
pages=("/en/sessions/13th-forum-2017" "/en/news/20th-forum-suzhou-2025")
names=("session" "news")
trap 'kill "${site_pid:-0}" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx" >&2; exit 2; }

echo "Publishing the site (Release)..." >&2
dotnet publish "$root/src/Site" -c Release -o "$work/site" --nologo -v quiet >&2

start_site() {
  ( cd "$work/site" && Site__DataPath="$work/data" Site__Sync__Folder="$root/uSync/v14" ASPNETCORE_URLS="http://127.0.0.1:$site_port" Site__Public__BaseUrl="http://127.0.0.1:$site_port" \
      Logging__LogLevel__Default=Warning exec dotnet Site.dll ) >"$work/site.log" 2>&1 &
  site_pid=$!
}

wait_ready() {
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$site_port/en/"; then return 0; fi
    sleep 0.01
  done
  echo "the site did not start" >&2; cat "$work/site.log" >&2; exit 1
}

# 1. Cold start with an empty data folder (migrations and the uSync import included).
cold_start_ms=()
for run in 1 2 3; do
  rm -rf "$work/data"
  t0=$(date +%s%N)
  start_site
  wait_ready
  t1=$(date +%s%N)
  cold_start_ms+=($(( (t1 - t0) / 1000000 )))
  if [ "$run" -lt 3 ]; then kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; fi
done

# 2. The page bytes, saved as static files under the same Kestrel's web root and for nginx.
mkdir -p "$work/site/wwwroot/bench" "$work/nginx/bench"
for i in "${!pages[@]}"; do
  curl -fsS "http://127.0.0.1:$site_port${pages[$i]}" -o "$work/site/wwwroot/bench/${names[$i]}.html"
  cp "$work/site/wwwroot/bench/${names[$i]}.html" "$work/nginx/bench/"
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
  default_type text/html;
  sendfile on;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx; }
}
NGINX
# nginx's worker runs as an unprivileged user: it must be able to reach the files (mktemp -d makes a private folder).
chmod a+rx "$work"
chmod -R a+rX "$work/nginx"
nginx -c "$work/nginx.conf"

# Every server must answer 200 with the same bytes, or the comparison measures errors.
for i in "${!pages[@]}"; do
  for url in "http://127.0.0.1:$site_port${pages[$i]}" "http://127.0.0.1:$site_port/bench/${names[$i]}.html" "http://127.0.0.1:$nginx_port/bench/${names[$i]}.html"; do
    curl -fsS "$url" -o "$work/check.html" || { echo "$url does not answer 200" >&2; cat "$work/nginx-error.log" >&2; exit 1; }
    cmp -s "$work/check.html" "$work/nginx/bench/${names[$i]}.html" || { echo "$url serves different bytes" >&2; exit 1; }
  done
done

run_wrk() { # url -> "requests/s p99"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" >"$work/wrk.txt" 2>&1
  local rps p99
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "wrk saw error responses from $1:" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  echo "$rps $p99"
}

# Warm up the JIT and the output cache before measuring.
for i in "${!pages[@]}"; do wrk -t1 -c4 -d2s "http://127.0.0.1:$site_port${pages[$i]}" >/dev/null; done

echo "| page | server | requests/s | p99 latency | ratio to Kestrel static | ratio to nginx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for i in "${!pages[@]}"; do
  read -r site_rps site_p99 < <(run_wrk "http://127.0.0.1:$site_port${pages[$i]}")
  read -r static_rps static_p99 < <(run_wrk "http://127.0.0.1:$site_port/bench/${names[$i]}.html")
  read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/bench/${names[$i]}.html")
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
  echo "| ${pages[$i]} | site (snapshot + output cache) | $site_rps | $site_p99 | $(ratio "$site_rps" "$static_rps") | $(ratio "$site_rps" "$nginx_rps") |"
  echo "| ${pages[$i]} | same Kestrel, static file | $static_rps | $static_p99 | 1.00 | $(ratio "$static_rps" "$nginx_rps") |"
  echo "| ${pages[$i]} | nginx, static file | $nginx_rps | $nginx_p99 | $(ratio "$nginx_rps" "$static_rps") | 1.00 |"
done

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$site_pid/status")
echo
echo "Cold start (process start to first 200 on /en/, empty database, import included), 3 runs: ${cold_start_ms[*]} ms"
echo "Resident memory of the site after the load: $(( rss_kb / 1024 )) MiB"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); wrk -t2 -c$connections -d${duration}s"
