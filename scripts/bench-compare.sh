#!/usr/bin/env bash
# bench-compare.sh — crmtui beside the tools it should be compared with, in
# one run, on the same data (issue 7, point 4):
#
#   • today's agenda, whole process (`crmtui today --json`), against the
#     sqlite3 shell running the same reads on the same file (our floor: the
#     SQL alone, no Go runtime, no rules, no JSON). The reads are what
#     `crmtui debug agenda-sql` traces from the same code path.
#   • the Customers filter (domain/search) against `fzf --filter` on the
#     same 100,000 display names, for a few latin queries: our whole process
#     (read the names, build the index, one search) and our in-process time
#     per keystroke, each as a ratio to fzf's whole process. fzf knows no
#     pinyin, so on Chinese names a latin query finds (almost) nothing; a
#     second fzf column runs it on the names followed by their pinyin and
#     initials, which is how people give fzf a chance. Match counts are
#     printed side by side, not compared: fzf is a fuzzy matcher.
#
# Usage: scripts/bench-compare.sh [DB]        (default /tmp/ref100k.db)
# Env:   RUNS (default 10) timed runs of each whole process, after one warm-up;
#        DATE (default 2026-11-22) the agenda's day; AS a salesperson's name
#        (default: the store's first, as crmtui picks it).
# Prints a Markdown table on stdout; progress goes to stderr.
set -euo pipefail

DB=${1:-/tmp/ref100k.db}
RUNS=${RUNS:-10}
DATE=${DATE:-2026-11-22}
AS=${AS:-}
QUERIES=(zhang wang li zs chen)

if [[ ! -f $DB ]]; then
	cat >&2 <<EOF
$DB does not exist. Build the 100,000-customer reference store first (a few minutes):
  go run ./cmd/crmtui demo --no-tui --customers 100000 --today 2026-11-22 --db $DB
EOF
	exit 1
fi
for tool in go sqlite3 fzf; do
	command -v "$tool" >/dev/null || { echo "bench-compare: $tool is not installed" >&2; exit 1; }
done

cd "$(dirname "$0")/.."
BIN=$PWD/bin/crmtui
echo "building $BIN" >&2
CGO_ENABLED=0 go build -o "$BIN" ./cmd/crmtui

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# No user config: every run sees the defaults (and the same salesperson).
export CRMTUI_CONFIG=$TMP/none.toml
asflag=()
[[ -n $AS ]] && asflag=(--as "$AS")

# now_us prints the wall clock in microseconds (no fork with bash 5).
now_us() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		local t=${EPOCHREALTIME/[.,]/}
		echo $((10#$t))
	else
		echo $(($(date +%s%N) / 1000))
	fi
}

# median_ms CMD... runs CMD once to warm up, then RUNS times, and prints the
# median wall time in milliseconds (one decimal).
median_ms() {
	"$@"
	local times=() i t0 t1
	for ((i = 0; i < RUNS; i++)); do
		t0=$(now_us)
		"$@"
		t1=$(now_us)
		times+=($((t1 - t0)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}

# ratio A B prints A/B: one decimal from 1 up, two significant digits below.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b <= 0) { print "–"; exit }
		r = a / b
		if (r >= 1) printf "%.1f×", r; else printf "%.2g×", r
	}'
}

# ---- agenda against sqlite3 ----
echo "agenda: tracing the reads of crmtui today" >&2
"$BIN" debug agenda-sql --db "$DB" --date "$DATE" ${asflag[@]+"${asflag[@]}"} >"$TMP/agenda.sql"
nreads=$(grep -c '^-- [0-9]* rows\?$' "$TMP/agenda.sql" || true)
nrows=$(grep -o '^-- [0-9]* rows\?$' "$TMP/agenda.sql" | awk '{s += $2} END {print s + 0}')
sqlrows=$(sqlite3 "$DB" <"$TMP/agenda.sql" | wc -l)
who=$("$BIN" today --db "$DB" --date "$DATE" ${asflag[@]+"${asflag[@]}"} --json | sed -n 's/^  "salesperson": "\(.*\)",$/\1/p')
items=$("$BIN" today --db "$DB" --date "$DATE" ${asflag[@]+"${asflag[@]}"} --json | sed -n 's/^  "total": \([0-9]*\),$/\1/p')

run_today() { "$BIN" today --db "$DB" --date "$DATE" ${asflag[@]+"${asflag[@]}"} --json >/dev/null; }
run_sqlite() { sqlite3 "$DB" <"$TMP/agenda.sql" >/dev/null; }
echo "agenda: timing $RUNS runs each" >&2
t_today=$(median_ms run_today)
t_sqlite=$(median_ms run_sqlite)

# ---- filter against fzf ----
echo "filter: exporting the display names" >&2
# As the Customers list shows a customer: the name, then the remark; in the
# list's order.
sqlite3 "$DB" "SELECT CASE WHEN remark <> '' THEN name || ' ' || remark ELSE name END FROM customers ORDER BY value_rank DESC, id" >"$TMP/names.txt"
nnames=$(wc -l <"$TMP/names.txt")
"$BIN" debug filter --names "$TMP/names.txt" --keys-out "$TMP/keys.txt"

qargs=()
for q in "${QUERIES[@]}"; do qargs+=(--query "$q"); done
"$BIN" debug filter --names "$TMP/names.txt" "${qargs[@]}" --repeat 200 >"$TMP/inproc.txt"
build_ms=$(awk '/^# entries/ {print $7}' "$TMP/inproc.txt")

run_ours() { "$BIN" debug filter --names "$TMP/names.txt" --query "$1" --repeat 1 >/dev/null; }
run_fzf() { fzf --filter "$1" <"$2" >/dev/null || true; } # fzf exits 1 when nothing matches

rows=()
for q in "${QUERIES[@]}"; do
	echo "filter: timing \"$q\"" >&2
	read -r ours_n search_us typed_us < <(awk -F'\t' -v q="$q" '$1 == q {print $2, $3, $4}' "$TMP/inproc.txt")
	fzf_n=$( (fzf --filter "$q" <"$TMP/names.txt" || true) | wc -l)
	fzfp_n=$( (fzf --filter "$q" <"$TMP/keys.txt" || true) | wc -l)
	t_ours=$(median_ms run_ours "$q")
	t_fzf=$(median_ms run_fzf "$q" "$TMP/names.txt")
	t_fzfp=$(median_ms run_fzf "$q" "$TMP/keys.txt")
	search_ms=$(awk -v u="$search_us" 'BEGIN {printf "%.2f", u / 1000}')
	typed_ms=$(awk -v u="$typed_us" 'BEGIN {printf "%.2f", u / 1000}')
	rows+=("| \`$q\` | $ours_n / $fzf_n / $fzfp_n | $t_ours | $search_ms ($typed_ms) | $t_fzf | $t_fzfp | $(ratio "$t_ours" "$t_fzf") / $(ratio "$t_ours" "$t_fzfp") | $(ratio "$search_ms" "$t_fzf") / $(ratio "$search_ms" "$t_fzfp") |")
done

# ---- the table ----
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
rev="? (not a git checkout)" dirty=""
if git rev-parse --git-dir >/dev/null 2>&1; then
	rev=$(git rev-parse --short HEAD)
	git diff --quiet HEAD -- . || dirty=" with uncommitted changes"
fi
cat <<EOF
### crmtui beside fzf and sqlite3

$(date -u '+%Y-%m-%d %H:%M UTC'), commit $rev$dirty; $(nproc) cores (${cpu:-unknown CPU}), $mem; $(go version | awk '{print $3}'), sqlite3 $(sqlite3 --version | awk '{print $1}'), fzf $(fzf --version | awk '{print $1}').
Store \`$DB\` ($nnames customers). Times are wall-clock medians of $RUNS runs after one warm-up (\`scripts/bench-compare.sh\`).

**Agenda** of ${who:-every salesperson} for $DATE ($items items): whole process, against the sqlite3 shell running the same $nreads reads (\`crmtui debug agenda-sql\`; they return $nrows rows, sqlite3 printed $sqlrows).

| | crmtui | sqlite3 (floor) | ratio |
|---|---:|---:|---:|
| \`crmtui today --date $DATE --json\` vs \`sqlite3 DB < agenda.sql\` | $t_today ms | $t_sqlite ms | $(ratio "$t_today" "$t_sqlite") |

**Filter** on the $nnames display names (name and remark, as the Customers list shows them): crmtui's whole process (\`crmtui debug filter --names FILE --query Q --repeat 1\`: read the names, build the index in $build_ms ms, one search) and its in-process time per keystroke (median of 200: a full \`Index.Search\`, in brackets typing the query a key at a time into a \`Filter\`, per key), against \`fzf --filter Q < FILE\` (whole process) on the names, and on the names followed by their pinyin and initials ("+py"). Matches are not compared: fzf matches fuzzily and knows no pinyin; crmtui matches names by pinyin, full or initials.

| query | matches crmtui / fzf / fzf +py | crmtui process ms | crmtui per keystroke ms | fzf ms | fzf +py ms | process ÷ fzf / fzf +py | keystroke ÷ fzf / fzf +py |
|---|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")
EOF
