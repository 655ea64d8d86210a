#!/usr/bin/env bash
# Issue #23's figures for the shared render cache (README, "Running on several machines"), on a
# synthetic library, with `next start` of this build on 127.0.0.1 (no front):
#   - first renders per second of distinct never-rendered stories, 1 instance and 2 (sharing one
#     Redis), the same 16 wrk connections in all (8 + 8 for 2 instances);
#   - cached-article req/s, one instance with the Redis handler against one with the file-system
#     cache, in alternating rounds (wrk -c64 -d10s), medians;
#   - RSS of each instance after its runs; Redis memory per 1,000 cached pages.
#
#   npm run build && npm run content:synth -- --articles 10000 --out /tmp/synth10k
#   scripts/measure/render-cache.sh /tmp/synth10k [FIRST_PORT=3230] [REDIS_PORT=6393] [ROUNDS=3]
#
# REDIS_MAXMEMORY (e.g. 4gb) overrides ops/redis/redis.conf's maxmemory.
# Needs wrk and redis-server. Everything it starts is stopped by its PID when it ends.
set -euo pipefail
library=$(realpath "$1")
first=${2:-3230}
redis_port=${3:-6393}
rounds=${4:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/marquee-render-cache.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 2
  rm -rf "$work" "$root"/.next-render-cache-*
}
trap cleanup EXIT

# /<category>/<slug> of every story, in a random order.
awk 'FNR == 1 { slug = FILENAME; sub(/.*\//, "", slug); sub(/\.md$/, "", slug) }
     /^category:/ && !seen[FILENAME]++ { print "/" $2 "/" slug }' "$library"/articles/*.md |
  shuf --random-source=<(yes) >"$work/paths"
echo "$(wc -l <"$work/paths") stories in $library"

setsid redis-server ops/redis/redis.conf --port "$redis_port" --dir "$work" \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" \
  ${REDIS_MAXMEMORY:+--maxmemory "$REDIS_MAXMEMORY"} &
pids+=($!)
redis() { redis-cli -p "$redis_port" "$@"; }
until redis ping >/dev/null 2>&1; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/redis.log"; exit 1; }
  sleep 0.2
done

# start NAME PORT [REDIS_URL]: next start on a copy of the build, its library $library.
start() {
  local dist=".next-render-cache-$1"
  cp -r .next "$dist"
  rm -rf "$dist/cache" "$dist/server/route-cache"
  NEXT_DIST_DIR="$dist" CONTENT_DIR="$library" REDIS_URL="${3:-}" NEXT_TELEMETRY_DISABLED=1 \
    setsid node_modules/.bin/next start -H 127.0.0.1 -p "$2" >"$work/$1.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$work/$1.pid"
}
# healthy NAME PORT: waits until the instance answers GET /api/health with 200.
healthy() {
  until curl -sf "http://127.0.0.1:$2/api/health" >/dev/null; do
    kill -0 "$(cat "$work/$1.pid")" 2>/dev/null || { cat "$work/$1.log"; exit 1; }
    sleep 0.5
  done
}
# RSS (MB) of an instance: its process group.
rss() {
  ps -o rss= -g "$(cat "$work/$1.pid")" | awk '{ kb += $1 } END { printf "%.0f", kb / 1024 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# A Lua script for wrk that asks for the lines of a file in turn, once each, then stops.
cat >"$work/walk.lua" <<'EOF'
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  n = 0
end
function request()
  n = n + 1
  if n > #paths then wrk.thread:stop() end
  return wrk.format("GET", paths[math.min(n, #paths)])
end
EOF
# renders PORT:FILE...: wrk on each port at once (16 connections in all), each on its own
# never-rendered paths, for 10 s or until they run out; prints the renders per second of all.
renders() {
  local count=$# target wrks=() outs=()
  for target in "$@"; do
    wrk -t1 -c$((16 / count)) -d10s --timeout 30s --script="$work/walk.lua" \
      "http://127.0.0.1:${target%%:*}" -- "${target#*:}" >"$work/wrk-${target%%:*}.out" &
    wrks+=($!)
    outs+=("$work/wrk-${target%%:*}.out")
  done
  wait "${wrks[@]}"
  cat "${outs[@]}" | awk '/^Requests\/sec:/ { t += $2 } END { printf "%.1f", t }'
}
used_memory() { redis info memory | awk -F: '/^used_memory:/ { print $2 + 0 }'; }

url="redis://127.0.0.1:$redis_port"
start redis-a "$first" "$url"
start redis-b "$((first + 1))" "$url"
start files "$((first + 2))"
healthy redis-a "$first"
healthy redis-b "$((first + 1))"
healthy files "$((first + 2))"

# Paths never asked for before, for each run. A first round on each instance warms it up (its
# first renders are slower while V8 compiles), not counted.
split -l 900 -d -a 3 "$work/paths" "$work/part-"
part() { printf '%s/part-%03d' "$work" "$1"; }
renders "$first:$(part 0)" "$((first + 1)):$(part 1)" >/dev/null
for round in $(seq 1 "$rounds"); do
  keys=$(redis dbsize)
  memory=$(used_memory)
  one=$(renders "$first:$(part $((round * 3 - 1)))")
  sleep 2
  echo "$(($(redis dbsize) - keys)) $(($(used_memory) - memory))" >>"$work/memory"
  two=$(renders "$first:$(part $((round * 3)))" "$((first + 1)):$(part $((round * 3 + 1)))")
  echo "round $round: first renders/s, 1 instance $one, 2 instances $two"
  echo "$one" >>"$work/one"
  echo "$two" >>"$work/two"
done

# Cached article: asked for once, then the same URL for 10 s; the two caches take turns.
article=$(head -1 "$work/paths")
for port in "$first" "$((first + 2))"; do curl -sf -o /dev/null "http://127.0.0.1:$port$article"; done
for round in $(seq 1 "$rounds"); do
  for port in "$first" "$((first + 2))"; do
    wrk -t2 -c64 -d10s --timeout 30s "http://127.0.0.1:$port$article" |
      awk -v port="$port" '/^Requests\/sec:/ { print $2 >> "'"$work"'/cached-" port }'
  done
  echo "round $round: cached article req/s, Redis $(tail -1 "$work/cached-$first"), files $(tail -1 "$work/cached-$((first + 2))")"
done

echo
echo "first renders/s (median of $rounds): 1 instance $(median <"$work/one"), 2 instances $(median <"$work/two")"
echo "cached article req/s (median of $rounds): Redis handler $(median <"$work/cached-$first"), file system $(median <"$work/cached-$((first + 2))")"
echo "RSS MB: redis-a $(rss redis-a), redis-b $(rss redis-b), files $(rss files)"
awk '{ keys += $1; bytes += $2 } END { printf "Redis memory per 1,000 cached pages: %.1f MB (%d pages)\n", bytes / keys * 1000 / 1048576, keys }' "$work/memory"
redis info memory | grep -E '^(used_memory_human|maxmemory_human):'
redis info stats | grep -E '^(evicted_keys|expired_keys):'
# Commands Redis refused (OOM) or that failed, and what the instances logged about Redis.
redis info commandstats | awk -F'[:,=]' '/rejected_calls=[1-9]|failed_calls=[1-9]/ { print "refused or failed: " $0 }'
for name in redis-a redis-b; do
  echo "$name: $(grep -c '\[marquee\] Redis' "$work/$name.log" || true) lines about Redis$(grep -m1 '\[marquee\] Redis' "$work/$name.log" | sed 's/^/, first: /')"
done
# Keys without an expiry (volatile-* policies never evict them), and their sizes.
redis --scan | while read -r key; do
  if [ "$(redis ttl "$key")" = -1 ]; then echo "no expiry: $key $(redis memory usage "$key") bytes"; fi
done
echo "keys: $(redis dbsize)"
