#!/usr/bin/env bash
# Two builds of Marquee in alternating wrk rounds: each checkout's `npm run start:front` runs at the
# same time (A on 3401/8401, B on 3402/8402), and every round loads the four pages through each
# front and the article on each bare next start, A then B. Prints req/s per round and the median of
# the within-round ratios B/A, the comparison the README's figures use.
#
#   scripts/measure/ab.sh <checkout A> <checkout B> [rounds=5] [seconds=10]
#   ENC=gzip scripts/measure/ab.sh ...   # wrk sends Accept-Encoding: gzip
#
# Both checkouts need `npm ci` and `npm run build` first.
set -euo pipefail
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
rounds=${3:-5}
seconds=${4:-10}
pages=(/ /tv/luke-cage-season-2-set-photos /gallery/luke-cage-season-2-set-photos/3 /tv)
header=()
[ -n "${ENC:-}" ] && header=(-H "Accept-Encoding: ${ENC}")

pids=()
cleanup() { for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

serve() { # checkout next-port front-port
  (cd "$1" && PORT=$2 FRONT_PORT=$3 setsid npm run start:front >"/tmp/ab-$2.log" 2>&1) &
  pids+=($!)
}
serve "$a" 3401 8401
serve "$b" 3402 8402
for url in http://127.0.0.1:8401/ http://127.0.0.1:8402/; do
  for _ in $(seq 60); do curl -fso /dev/null "$url" && break; sleep 1; done
done

rps() { # url
  wrk -t2 -c64 -d"${seconds}s" "${header[@]}" "$1" | awk '/Requests\/sec/ { print $2 }'
}
targets=()
for page in "${pages[@]}"; do targets+=("front $page"); done
targets+=("next /tv/luke-cage-season-2-set-photos")

# Warm every page on both (first renders, the front's cache) before measuring.
for target in "${targets[@]}"; do
  set -- $target
  for port in 1 2; do
    [ "$1" = front ] && base=840$port || base=340$port
    wrk -t2 -c16 -d2s "${header[@]}" "http://127.0.0.1:$base$2" >/dev/null
  done
done

declare -A ratios
for round in $(seq "$rounds"); do
  for target in "${targets[@]}"; do
    set -- $target
    if [ "$1" = front ]; then ua=8401 ub=8402; else ua=3401 ub=3402; fi
    ra=$(rps "http://127.0.0.1:$ua$2")
    rb=$(rps "http://127.0.0.1:$ub$2")
    ratio=$(awk -v a="$ra" -v b="$rb" 'BEGIN { printf "%.3f", b / a }')
    ratios["$target"]+="$ratio "
    echo "round $round  $target  A $ra  B $rb  B/A $ratio"
  done
done
echo
echo "median B/A over $rounds rounds (${ENC:-identity}):"
for target in "${targets[@]}"; do
  median=$(tr ' ' '\n' <<<"${ratios[$target]}" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "  $target  $median"
done
