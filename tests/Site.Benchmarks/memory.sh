#!/usr/bin/env bash
# Resident memory of one published site after the standard page load, by kind, with cold start and requests/s.
# Publish first (e.g. `dotnet publish src/Site -c Release -o /tmp/site-base`), then compare variants side by side,
# alternating them with the baseline in one session (docs/performance.md, "Where the memory is"):
#   bash tests/Site.Benchmarks/memory.sh /tmp/site-base 5301 base
#   bash tests/Site.Benchmarks/memory.sh /tmp/site-base 5302 tc-off DOTNET_TieredCompilation=0
# Prints one line, once the site has settled (below): cold start (process start to the first 200 on /en/), resident memory (VmRSS) split into anonymous
# (GC heap, native heaps, stacks), file-backed (mapped assemblies and libraries) and shared (the runtime's
# double-mapped executable code, `/memfd:doublemapper`: JIT output and stubs), the peak (VmHWM) and wrk's requests/s.
# DATA=folder reuses (and keeps) a data folder instead of a fresh one; LOAD=0 only starts the site (no pages, no wrk);
# HOLD=1 leaves the site running and writes its process id to $TMPDIR/memory-NAME.pid (for dotnet-gcdump/counters).
# Needs wrk and curl (apt-get install wrk curl).
set -uo pipefail
[ $# -ge 3 ] || { echo "usage: memory.sh PUBLISH_FOLDER PORT NAME [ENV=VALUE ...]" >&2; exit 2; }
site="$(cd "$1" && pwd)"; port=$2; name=$3; shift 3
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="${TMPDIR:-/tmp}"
if [ -n "${DATA:-}" ]; then data=$DATA; else data="$tmp/memory-data-$name"; rm -rf "$data"; fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

start=$(date +%s%N)
( cd "$site" && exec env "$@" Site__DataPath="$data" Site__Sync__Folder="$root/uSync/v14" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" Site__Public__BaseUrl="http://127.0.0.1:$port" \
    BackOffice__Admin__Email=bench@forum.test BackOffice__Admin__Password="benchmark password 2026" \
    Logging__LogLevel__Default=Warning dotnet Site.dll ) >"$tmp/memory-$name.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do curl -fs -o /dev/null "http://127.0.0.1:$port/en/" && break; sleep 0.05; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))

rps=-
if [ "${LOAD:-1}" = 1 ]; then
  # Both languages, a session, news, search in both languages (a Chinese query percent-encoded), Delivery API, sitemap.
  for page in /en/ /zh/ /en/sessions /en/sessions/13th-forum-2017 /zh/sessions/13th-forum-2017 /en/news /en/partners \
      /en/about "/en/search?q=Tampere" "/zh/search?q=%E8%8A%AC%E5%85%B0" /umbraco/delivery/api/v2/content /sitemap.xml; do
    for _ in 1 2 3; do curl -fs -o /dev/null "http://127.0.0.1:$port$page" || echo "$name: $page failed" >&2; done
  done
  rps=$(wrk -t2 -c16 -d5s "http://127.0.0.1:$port/en/sessions/13th-forum-2017" 2>&1 \
    | awk '/Requests\/sec/{printf "%d", $2} /Non-2xx/{printf " (non-2xx: %s)", $4}')
fi
# Settled: work started by the start or the load (the search index's first sync of a large site) has ended when the
# process used under 5 % of a core for two seconds in a row (at most 60 s), then 2 s more.
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK); quiet=0; before=$(ticks)
for _ in $(seq 1 60); do
  sleep 1; now=$(ticks)
  if [ $(( (now - before) * 100 )) -lt $(( hz * 5 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
  before=$now; [ "$quiet" -ge 2 ] && break
done
sleep 2

mib() { awk -v key="$1:" '$1 == key {print int($2 / 1024)}' "/proc/$pid/status"; }
code=$(awk '/memfd:doublemapper/{m=1; next} /^[0-9a-f]+-/{m=0} m && /^Rss:/{s+=$2} END{print int(s / 1024)}' "/proc/$pid/smaps")
echo "$name: cold ${ready} ms, RSS $(mib VmRSS) MiB (anon $(mib RssAnon), file $(mib RssFile), shmem $(mib RssShmem), jit $code), peak $(mib VmHWM), rps $rps"
if [ "${HOLD:-0}" = 1 ]; then echo "$pid" >"$tmp/memory-$name.pid"; exit 0; fi
kill "$pid"; wait "$pid" 2>/dev/null
exit 0
