#!/usr/bin/env bash
# Two builds of Marquee in alternating wrk rounds (`npm run bench -- --against <checkout>` runs it):
# each checkout's `npm run start:front` runs at the same time (A on 3401/8401, B on 3402/8402), and
# every round loads the four pages through each front and the article on each bare next start, A
# and B in turn (A first in odd rounds). Prints req/s and the servers' CPU per request (every
# process under each start:front, from /proc) per round, and the medians of the within-round
# ratios B/A. CPU per request is the steadier figure on a machine shared with other work.
#
#   scripts/bench/ab.sh <checkout A> <checkout B> [rounds=5] [seconds=10]
#   ENC=gzip ...        wrk sends Accept-Encoding: gzip
#   PAGES="/ /tv/a /gallery/b/1 /tv" ...   home, article, gallery photo, hub (the article also
#                       goes to bare next start); these four by default
#
# Both checkouts need `npm ci` and `npm run build` first.
set -euo pipefail
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
rounds=${3:-5}
seconds=${4:-10}
read -r -a pages <<<"${PAGES:-/ /tv/luke-cage-season-2-set-photos /gallery/luke-cage-season-2-set-photos/3 /tv}"
header=()
[ -n "${ENC:-}" ] && header=(-H "Accept-Encoding: ${ENC}")

declare -A group
cleanup() { for pid in "${group[@]}"; do kill -- "-$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

serve() { # checkout next-port front-port; each server in a process group of its own
  (cd "$1" && PORT=$2 FRONT_PORT=$3 exec setsid npm run start:front >"/tmp/ab-$2.log" 2>&1) &
  group[$2]=$!
}
serve "$a" 3401 8401
serve "$b" 3402 8402
for url in http://127.0.0.1:8401/ http://127.0.0.1:8402/; do
  for _ in $(seq 60); do curl -fso /dev/null "$url" && break; sleep 1; done
done

ticks() { # root pid: utime + stime of it and every process below it, in clock ticks
  # The command name in parentheses may hold spaces ("nginx: worker process"): fields after it.
  awk -v root="$1" '
    { pid = $1; sub(/^.*\) /, ""); parent[pid] = $2; t[pid] = $12 + $13 }
    END {
      for (pid in t) for (p = pid; p != "" && p != 0; p = parent[p]) if (p == root) { sum += t[pid]; break }
      print sum + 0
    }' /proc/[0-9]*/stat 2>/dev/null
}
load() { # url process-group: "req/s µs-of-CPU-per-request"
  local before after out
  before=$(ticks "$2")
  out=$(wrk -t2 -c64 -d"${seconds}s" "${header[@]}" "$1")
  after=$(ticks "$2")
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    / requests in / { n = $1 } /Requests\/sec/ { r = $2 }
    END { printf "%s %.0f", r, t / hz * 1e6 / n }' <<<"$out"
}
targets=()
for page in "${pages[@]}"; do targets+=("front $page"); done
targets+=("next ${pages[1]}")

# Warm every page on both (first renders, the front's cache) before measuring.
for target in "${targets[@]}"; do
  set -- $target
  for port in 1 2; do
    [ "$1" = front ] && base=840$port || base=340$port
    wrk -t2 -c16 -d2s "${header[@]}" "http://127.0.0.1:$base$2" >/dev/null
  done
done

declare -A ratios cpus
for round in $(seq "$rounds"); do
  for target in "${targets[@]}"; do
    set -- $target
    if [ "$1" = front ]; then ua=8401 ub=8402; else ua=3401 ub=3402; fi
    # Odd rounds load A first, even rounds B first: neither always runs on a warmer machine.
    if ((round % 2)); then
      read -r ra ca <<<"$(load "http://127.0.0.1:$ua$2" "${group[3401]}")"
      read -r rb cb <<<"$(load "http://127.0.0.1:$ub$2" "${group[3402]}")"
    else
      read -r rb cb <<<"$(load "http://127.0.0.1:$ub$2" "${group[3402]}")"
      read -r ra ca <<<"$(load "http://127.0.0.1:$ua$2" "${group[3401]}")"
    fi
    ratio=$(awk -v a="$ra" -v b="$rb" 'BEGIN { printf "%.3f", b / a }')
    cpu=$(awk -v a="$ca" -v b="$cb" 'BEGIN { printf "%.3f", b / a }')
    ratios["$target"]+="$ratio "
    cpus["$target"]+="$cpu "
    echo "round $round  $target  req/s A $ra B $rb (B/A $ratio)  CPU µs/req A $ca B $cb (B/A $cpu)"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "medians of B/A over $rounds rounds (${ENC:-identity}): req/s, CPU per request"
for target in "${targets[@]}"; do
  echo "  $target  $(median <<<"${ratios[$target]}")  $(median <<<"${cpus[$target]}")"
done
