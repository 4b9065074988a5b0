#!/usr/bin/env bash
# Soak benchmark: MINUTES (10) of load at CONNECTIONS (64) over a mix of pages in both languages, Delivery API queries,
# search and a photo rendition, while an editor saves and publishes an article every second through the management
# API and a visitor registers as a member every 10 s. Runs on SQLite, then on PostgreSQL when SOAK_POSTGRES names a
# server (a user who may create databases, e.g. "Host=localhost;Username=site;Password=site").
# Reports per minute: requests/s, p99 latency, 5xx and connection errors, resident memory, open file handles and
# database connections (sampled every 10 s); fails when any request got a 5xx or a connection error, or when resident
# memory grew by 10% or more after the first minute.
# Needs wrk and python3 (apt-get install wrk python3; psql for the PostgreSQL connection count).
# Usage: [SOAK_POSTGRES=...] [SOAK_ENV="NAME=value ..."] [SOAK_PORT=5111] bash tests/Site.Benchmarks/soak.sh [minutes] [connections]
set -euo pipefail

minutes="${1:-10}"
connections="${2:-64}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
port="${SOAK_PORT:-5111}"
admin_email="soak@forum.test"
admin_password="soak benchmark password"
api="http://127.0.0.1:$port/umbraco/management/api/v1"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; kill "${site_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing: apt-get install python3" >&2; exit 2; }

echo "Publishing the site (Release)..." >&2
dotnet publish "$root/src/Site" -c Release -o "$work/site" --nologo -v quiet 2>&1 | grep -v NU1603 >&2 || true
[ -f "$work/site/Site.dll" ] || { echo "dotnet publish failed" >&2; exit 1; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

cat > "$work/soak.lua" <<'LUA'
-- Each line of SOAK_URLS is "path" or "path|Accept-Language"; threads walk the list from different places.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  paths, languages = {}, {}
  for line in io.lines(os.getenv("SOAK_URLS")) do
    local path, language = line:match("^([^|]+)|?(.*)$")
    paths[#paths + 1] = path
    languages[#languages + 1] = language
  end
  i = math.random(#paths)
  server_errors = 0
end
function request()
  i = i % #paths + 1
  if languages[i] ~= "" then return wrk.format("GET", paths[i], { ["Accept-Language"] = languages[i] }) end
  return wrk.format("GET", paths[i])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write(string.format("5xx %d\n", total))
end
LUA

soak() { # name, then extra environment for the site (NAME=value ...)
  local name=$1
  shift
  rm -rf "$work/data"
  ( cd "$work/site" && exec env "$@" Site__DataPath="$work/data" Site__Sync__Folder="$root/uSync/v14" ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Site__Public__BaseUrl="http://127.0.0.1:$port" BackOffice__Admin__Email="$admin_email" BackOffice__Admin__Password="$admin_password" \
      Site__Members__RateLimitPermits=1000000 Site__Search__RateLimit__Enabled=false Logging__LogLevel__Default=Warning \
      dotnet Site.dll ) >"$work/site-$name.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 1 1200); do curl -fs -o /dev/null "http://127.0.0.1:$port/en/" && break; sleep 0.05; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/en/" || { echo "the site did not start" >&2; cat "$work/site-$name.log" >&2; exit 1; }

  # An article with a cover photo for the editor to publish, and the mix of addresses.
  local token photo news article
  token=$(curl -fsS -X POST "$api/security/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" | json '["accessToken"]')
  python3 "$root/tests/Site.Benchmarks/sample-photo.py" 1 > "$work/photo.png"
  photo=$(curl -fsS -H "Authorization: Bearer $token" -F "file=@$work/photo.png;type=image/png" \
    -F "alt[en-US]=Sample photo" -F "alt[zh-CN]=示例照片" "$api/media" | json '["id"]')
  news=$(curl -fsS "http://127.0.0.1:$port/umbraco/delivery/api/v2/content/item/news" | json '["id"]')
  article_body() { # version
    python3 - "$news" "$photo" "$1" <<'PY'
import json, sys
news, photo, version = sys.argv[1:]
values = [{"alias": "publishDate", "culture": None, "value": "2026-12-01"},
          {"alias": "image", "culture": None, "value": json.dumps([{"mediaKey": photo}])}]
for culture, title in (("zh-CN", f"示例：浸泡测试 {version}"), ("en-US", f"Sample: soak test {version}")):
    values += [{"alias": "title", "culture": culture, "value": title},
               {"alias": "bodyText", "culture": culture, "value": json.dumps({"markup": f"<p>{title}</p>", "blocks": None})},
               {"alias": "umbracoUrlName", "culture": culture, "value": "soak-test"}]
print(json.dumps({"parentId": news, "contentType": "newsArticle",
                  "names": {"zh-CN": f"示例：浸泡测试 {version}", "en-US": f"Sample: soak test {version}"}, "values": values}))
PY
  }
  article=$(article_body 0 | curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @- "$api/document" | json '["id"]')
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"cultures":["zh-CN","en-US"]}' "$api/document/$article/publish"

  curl -fsS "http://127.0.0.1:$port/sitemap.xml" | python3 -c '
import re, sys
for url in re.findall(r"<loc>http://[^/]+([^<]+)</loc>", sys.stdin.read()): print(url)' > "$work/urls"
  local cover
  cover=$(curl -fsS "http://127.0.0.1:$port/en/news/soak-test" | python3 -c '
import re, sys
img = re.search(r"<img[^>]*fetchpriority=\"high\"[^>]*>", sys.stdin.read()).group(0)
print(re.search(r"\ssrc=\"([^\"]+)\"", img).group(1).replace("&amp;", "&"))')
  {
    echo "$cover"
    for lang in zh-CN en-US; do
      echo "/umbraco/delivery/api/v2/content?take=10|$lang"
      echo "/umbraco/delivery/api/v2/content?fetch=children:/sessions&sort=name:asc&take=20|$lang"
      echo "/umbraco/delivery/api/v2/content/item/news/soak-test|$lang"
    done
    echo "/api/search?q=forum&culture=en-US"
    echo "/api/search?q=%E6%A0%A1%E9%95%BF&culture=zh-CN"
    echo "/en/search?q=principals"
    echo "/zh/search?q=%E4%BA%A4%E6%B5%81"
  } >> "$work/urls"
  while read -r line; do
    local path=${line%%|*} lang=""
    [[ "$line" == *"|"* ]] && lang=${line#*|}
    curl -fsS -o /dev/null ${lang:+-H "Accept-Language: $lang"} "http://127.0.0.1:$port$path" || { echo "$line does not answer 2xx before the soak" >&2; exit 1; }
  done < "$work/urls"

  touch "$work/running"
  # The editor: saves a new version and publishes it every second (each in the background, so a slow publish under
  # load does not thin the rate); each writes "ok|failed seconds" to the publish log.
  ( n=0
    while [ -f "$work/running" ]; do
      n=$((n + 1))
      article_body "$n" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"names": d["names"], "values": d["values"]}))' > "$work/save-$n.json"
      ( t0=$(date +%s%N)
        if curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @"$work/save-$n.json" "$api/document/$article" \
          && curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"cultures":["zh-CN","en-US"]}' "$api/document/$article/publish"; then
          echo "ok $(( ($(date +%s%N) - t0) / 1000000 ))" >> "$work/publishes"
        else
          echo "failed $(( ($(date +%s%N) - t0) / 1000000 ))" >> "$work/publishes"
        fi
        rm -f "$work/save-$n.json" ) &
      sleep 1
    done
    wait ) &
  pids+=($!)
  # A visitor: registers as a member every 10 s through the real form (antiforgery token and cookie).
  ( n=0; ok=0; failed=0
    while [ -f "$work/running" ]; do
      n=$((n + 1))
      rm -f "$work/cookies"
      form_token=$(curl -fsS -c "$work/cookies" "http://127.0.0.1:$port/en/member/register" \
        | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
      status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$work/cookies" "http://127.0.0.1:$port/en/member/register" \
        --data-urlencode "__RequestVerificationToken=$form_token" --data-urlencode "Email=soak$n-$RANDOM@school.test" \
        --data-urlencode "Password=soak member password $n" --data-urlencode "Name=Soak Member $n" --data-urlencode "School=Sample School" \
        --data-urlencode "Position=Principal" --data-urlencode "City=Nanjing" --data-urlencode "Country=China" --data-urlencode "PreferredCulture=en-US")
      if [[ "$status" == 2* || "$status" == 3* ]]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
      echo "$ok $failed" > "$work/registrations"
      sleep 10
    done ) &
  pids+=($!)
  # Every 10 s: resident memory (MiB), open file handles, database connections.
  ( while [ -f "$work/running" ]; do
      rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$site_pid/status")
      # Resident memory by kind: anonymous (heaps, stacks), file-backed (mapped assemblies, index files) and shared
      # (the runtime's double-mapped executable code), to tell a growing heap from code and mapped files.
      kinds=$(awk '/RssAnon|RssFile|RssShmem/ {printf "%d/", $2 / 1024}' "/proc/$site_pid/status")
      fds=$(ls "/proc/$site_pid/fd" | wc -l)
      if [ "$name" = postgresql ]; then
        dbc=$(PGPASSWORD="$pg_password" psql -h "$pg_host" -U "$pg_user" -d postgres -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$pg_database'" 2>/dev/null || echo "?")
      else
        dbc=$(ls -l "/proc/$site_pid/fd" 2>/dev/null | grep -c 'site\.db$' || true)
      fi
      echo "$(date +%s) $rss $fds $dbc ${kinds%/}" >> "$work/samples-$name"
      sleep 10
    done ) &
  pids+=($!)

  echo
  echo "### $name: $minutes min at $connections connections"
  echo
  echo "| minute | requests/s | p99 | 5xx | connection errors | resident memory | anon/file/shared MiB | file handles | database connections | publish p50 |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  local total5xx=0 totalerr=0 first_rss="" last_rss="" published_before=0
  touch "$work/publishes"
  for minute in $(seq 1 "$minutes"); do
    SOAK_URLS="$work/urls" wrk -t2 -c"$connections" -d60s --latency -s "$work/soak.lua" "http://127.0.0.1:$port" > "$work/wrk.txt" 2>&1
    local rps p99 s5 errors sample
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    s5=$(awk '$1 == "5xx" {print $2}' "$work/wrk.txt")
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.txt")
    errors=${errors:-0}
    sample=$(tail -n 1 "$work/samples-$name")
    read -r _ rss fds dbc kinds <<< "$sample"
    [ -z "$first_rss" ] && first_rss=$rss
    last_rss=$rss
    total5xx=$((total5xx + s5)); totalerr=$((totalerr + errors))
    # Save-and-publish time of the publishes that finished in this minute: does a publish slow down as they accumulate?
    local pub_minute
    pub_minute=$(tail -n +"$((published_before + 1))" "$work/publishes" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] " ms" : "-")}')
    published_before=$(wc -l < "$work/publishes")
    echo "| $minute | $rps | $p99 | $s5 | $errors | $rss MiB | $kinds | $fds | $dbc | $pub_minute |"
  done
  rm -f "$work/running"
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
  local pub_ok pub_failed pub_median
  pub_ok=$(grep -c '^ok' "$work/publishes" || true)
  pub_failed=$(grep -c '^failed' "$work/publishes" || true)
  pub_median=$(awk '{print $2}' "$work/publishes" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rm -f "$work/publishes"
  read -r reg_ok reg_failed < "$work/registrations"
  local growth
  growth=$(awk -v a="$first_rss" -v b="$last_rss" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
  local fd_range dbc_range
  fd_range=$(awk 'NR > 6 {print $3}' "$work/samples-$name" | sort -n | sed -n '1p;$p' | paste -sd- -)
  dbc_range=$(awk 'NR > 6 {print $4}' "$work/samples-$name" | sort -n | sed -n '1p;$p' | paste -sd- -)
  echo
  echo "$name: 5xx $total5xx, connection errors $totalerr; resident memory ${first_rss} MiB after minute 1, ${last_rss} MiB at the end (${growth}%);" \
    "file handles after minute 1: $fd_range; database connections: $dbc_range; publishes $pub_ok ok, $pub_failed failed (median save and publish $pub_median ms); registrations $reg_ok ok, $reg_failed failed"
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true
  if [ "$total5xx" -gt 0 ] || [ "$totalerr" -gt 0 ] || [ "$pub_failed" -gt 0 ] || [ "$reg_failed" -gt 0 ] \
     || awk -v g="$growth" 'BEGIN { exit !(g >= 10) }'; then
    echo "$name: FAILED (see $work/site-$name.log)" >&2
    failed_runs=$((failed_runs + 1))
  fi
}

failed_runs=0
# SOAK_ENV: extra environment for the site process, to compare runtime settings ("DOTNET_gcServer=0 ...").
read -ra soak_env <<< "${SOAK_ENV:-}"
soak sqlite "${soak_env[@]}"
if [ -n "${SOAK_POSTGRES:-}" ]; then
  pg_database="site_soak_$(date +%s)"
  pg_host=$(python3 -c 'import sys; print(dict(p.split("=", 1) for p in sys.argv[1].split(";") if p).get("Host", "localhost"))' "$SOAK_POSTGRES")
  pg_user=$(python3 -c 'import sys; print(dict(p.split("=", 1) for p in sys.argv[1].split(";") if p).get("Username", ""))' "$SOAK_POSTGRES")
  pg_password=$(python3 -c 'import sys; print(dict(p.split("=", 1) for p in sys.argv[1].split(";") if p).get("Password", ""))' "$SOAK_POSTGRES")
  soak postgresql "${soak_env[@]}" Site__DatabaseProvider=PostgreSql ConnectionStrings__Site="$SOAK_POSTGRES;Database=$pg_database"
  PGPASSWORD="$pg_password" psql -h "$pg_host" -U "$pg_user" -d postgres -qc "DROP DATABASE IF EXISTS \"$pg_database\" WITH (FORCE)" || true
fi
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); wrk -t2 -c$connections, 60 s per minute row"
exit "$failed_runs"
