#!/usr/bin/env bash
# Load benchmark of the public site against two baselines measured in the same run:
#   - the same page bytes served as static files by the same Kestrel process (our own static file middleware),
#   - the same bytes served by nginx.
# Also measures cold start (process start to the first 200 on /en/ with an empty database, import included)
# and resident memory after the load. A news article with photos (a cover, two images in the text and a gallery of
# sample photos that sample-photo.py draws, uploaded and published through the management API) is measured beside
# the repository's pages, with one of its image renditions. Needs wrk, nginx and python3 (apt-get install wrk nginx python3).
# Usage: bash tests/Site.Benchmarks/load.sh [duration-seconds] [connections]
set -euo pipefail

duration="${1:-10}"
connections="${2:-32}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
site_port=5101
nginx_port=5102
admin_email="bench@forum.test"
admin_password="benchmark password 2026"
pages=("/en/sessions/13th-forum-2017" "/en/news/20th-forum-suzhou-2025" "/en/news/bench-images")
names=("session.html" "news.html" "news-images.html")
trap 'kill "${site_pid:-0}" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing: apt-get install python3" >&2; exit 2; }

echo "Publishing the site (Release)..." >&2
dotnet publish "$root/src/Site" -c Release -o "$work/site" --nologo -v quiet >&2

start_site() {
  ( cd "$work/site" && Site__DataPath="$work/data" Site__Sync__Folder="$root/uSync/v14" ASPNETCORE_URLS="http://127.0.0.1:$site_port" Site__Public__BaseUrl="http://127.0.0.1:$site_port" \
      BackOffice__Admin__Email="$admin_email" BackOffice__Admin__Password="$admin_password" \
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

# 2. A news article with photos, written as an editor's script would: through the management API.
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
api="http://127.0.0.1:$site_port/umbraco/management/api/v1"
token=$(curl -fsS -X POST "$api/security/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" | json '["accessToken"]')
photos=()
for n in 1 2 3 4 5 6; do
  python3 "$root/tests/Site.Benchmarks/sample-photo.py" "$n" > "$work/photo$n.png"
  photos+=("$(curl -fsS -H "Authorization: Bearer $token" -F "file=@$work/photo$n.png;type=image/png" \
    -F "alt[en-US]=Sample photo $n" -F "alt[zh-CN]=示例照片 $n" "$api/media" | json '["id"]')")
done
news_id=$(curl -fsS "http://127.0.0.1:$site_port/umbraco/delivery/api/v2/content/item/news" | json '["id"]')
python3 - "$news_id" "${photos[@]}" > "$work/article.json" <<'PY'
import json, sys
news, photos = sys.argv[1], sys.argv[2:]
udi = lambda key: "umb://media/" + key.replace("-", "")
def body(words):
    return json.dumps({"markup": f"<p>{words}</p><p><img data-udi=\"{udi(photos[1])}\"></p><p>{words}</p>"
                       f"<p><img data-udi=\"{udi(photos[2])}\"></p><p>{words}</p>", "blocks": None})
# The gallery is a block (the photo gallery element type of uSync/v14) in the article's block list, shown in both languages.
gallery = "7d3c3a52-3f4e-4c1b-9a55-0b8f3c2d1e01"
blocks = {"layout": {"Umbraco.BlockList": [{"contentKey": gallery, "settingsKey": None}]},
          "contentData": [{"contentTypeKey": "37f7e8ac-011f-56a3-aa4b-b788962aeedb", "key": gallery, "values": [
              {"editorAlias": "Umbraco.MediaPicker3", "culture": None, "segment": None, "alias": "images",
               "value": [{"key": "7d3c3a52-3f4e-4c1b-9a55-0b8f3c2d1e1" + str(n), "mediaKey": key} for n, key in enumerate(photos[3:])]},
              {"editorAlias": "Umbraco.TextBox", "culture": "zh-CN", "segment": None, "alias": "caption", "value": "示例照片"},
              {"editorAlias": "Umbraco.TextBox", "culture": "en-US", "segment": None, "alias": "caption", "value": "Sample photos"}]}],
          "settingsData": [],
          "expose": [{"contentKey": gallery, "culture": c, "segment": None} for c in ("zh-CN", "en-US")]}
values = [{"alias": "publishDate", "culture": None, "value": "2026-12-01"},
          {"alias": "image", "culture": None, "value": json.dumps([{"mediaKey": photos[0]}])},
          {"alias": "blocks", "culture": None, "value": json.dumps(blocks)}]
for culture, title, words in (("zh-CN", "示例：图片页面", "基准测试用的示例内容。" * 20),
                              ("en-US", "Sample: a page with photos", "Sample content for the benchmark. " * 20)):
    values += [{"alias": "title", "culture": culture, "value": title},
               {"alias": "bodyText", "culture": culture, "value": body(words)},
               {"alias": "umbracoUrlName", "culture": culture, "value": "bench-images"}]
print(json.dumps({"parentId": news, "contentType": "newsArticle",
                  "names": {"zh-CN": "示例：图片页面", "en-US": "Sample: a page with photos"}, "values": values}))
PY
article=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @"$work/article.json" "$api/document" | json '["id"]')
curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"cultures":["zh-CN","en-US"]}' "$api/document/$article/publish"

# One of the page's photos as a browser without srcset asks for it: the cover's src, a rendition up to 1024 px wide.
photo_url=$(curl -fsS "http://127.0.0.1:$site_port/en/news/bench-images" | python3 -c '
import re, sys
cover = re.search(r"<img[^>]*fetchpriority=\"high\"[^>]*>", sys.stdin.read()).group(0)
print(re.search(r"\ssrc=\"([^\"]+)\"", cover).group(1).replace("&amp;", "&"))')
pages+=("$photo_url")
names+=("photo.${photo_url##*.}")

# 3. The bytes, saved as static files under the same Kestrel's web root and for nginx.
mkdir -p "$work/site/wwwroot/bench" "$work/nginx/bench"
for i in "${!pages[@]}"; do
  curl -fsS "http://127.0.0.1:$site_port${pages[$i]}" -o "$work/site/wwwroot/bench/${names[$i]}"
  cp "$work/site/wwwroot/bench/${names[$i]}" "$work/nginx/bench/"
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
  for url in "http://127.0.0.1:$site_port${pages[$i]}" "http://127.0.0.1:$site_port/bench/${names[$i]}" "http://127.0.0.1:$nginx_port/bench/${names[$i]}"; do
    curl -fsS "$url" -o "$work/check" || { echo "$url does not answer 200" >&2; cat "$work/nginx-error.log" >&2; exit 1; }
    cmp -s "$work/check" "$work/nginx/bench/${names[$i]}" || { echo "$url serves different bytes" >&2; exit 1; }
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
  read -r static_rps static_p99 < <(run_wrk "http://127.0.0.1:$site_port/bench/${names[$i]}")
  read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/bench/${names[$i]}")
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
