# The helpers every test group shares (sourced, never run): the pass and
# fail counters, the checks t, exits, golden and leak, and the group's
# temporary folder. A group script starts with
#	. tests/lib.sh
#	begin NAME "$@"
# and ends with `end`; it is run from the top of the source tree.
set -u
O=${1:-build}
BIN=$O/cspr
PY=/usr/bin/python3	# Debian's, which has python3-docx
# The shipped cases most groups use.
c=fixtures/cases/northshire-2025-014
A=fixtures/cases/eastmoor-2026-003
# The independent scanner the team shares (not part of cspr): LEAKSCAN, or
# beside the checkout, or where the workplace keeps it.
LEAKSCAN=${LEAKSCAN:-}
for l in ../shared/tools/leakscan; do
	[ -z "$LEAKSCAN" ] && [ -x "$l" ] && LEAKSCAN=$(cd "$(dirname "$l")" && pwd)/leakscan
done
pass=0
fail=0
skipped=0

# begin NAME: the group's temporary folder, $T, emptied; under CSPR_WRAP
# (make check-valgrind) BIN becomes a script that runs cspr under it.
begin() {
	group=$1
	T=${CSPR_TEST_TMP:-tests/tmp}/$group
	rm -rf "$T" && mkdir -p "$T" || exit 2
	if [ ! -x "$O/cspr" ]; then
		echo "no $O/cspr: build it first (make all unit, or make check)" >&2
		exit 2
	fi
	BIN=$O/cspr
	# CSPR_WRAP runs every cspr under a tool (make check-valgrind).
	if [ -n "${CSPR_WRAP:-}" ]; then
		printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$CSPR_WRAP" "$(cd "$O" && pwd)/cspr" > "$T/cspr"
		chmod +x "$T/cspr"
		BIN=$T/cspr
	fi
}

# The documents cspr builds, from cspr itself (one list: src/cmd/docset.c),
# and those of them that are not the integrated chronology, whose own
# checks are more detailed.
documents() { "$O/cspr" build --list-documents; }
review_documents() { documents | grep -vx integrated-chronology; }

# end: the group's counts. Run alone, a group ends as tests/run.sh does,
# with "N passed, N failed"; under tests/run.sh (CSPR_TEST_COUNTS), it
# leaves its counts in that file for the one final line.
end() {
	if [ -n "${CSPR_TEST_COUNTS:-}" ]; then
		echo "$pass $fail $skipped" > "$CSPR_TEST_COUNTS"
	else
		echo "$pass passed, $fail failed${skipped:+, $skipped skipped}" | sed 's/, 0 skipped//'
	fi
	[ "$fail" = 0 ]
	exit
}

ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -40; }

# t NAME CMD...: passes when CMD exits 0; its output is kept for failures.
t() {
	name=$1; shift
	if "$@" > "$T/last.out" 2>&1; then ok "$name"; else ko "$name" "$T/last.out"; fi
}

# golden NAME EXPECTED ACTUAL: compares (or, with UPDATE=1, rewrites).
golden() {
	if [ "${UPDATE:-0}" = 1 ]; then cp "$3" "$2"; ok "$1 (updated)"; return; fi
	if diff -u "$2" "$3" > "$T/last.diff" 2>&1; then ok "$1"; else ko "$1" "$T/last.diff"; fi
}

# exits NAME CODE CMD...: passes when CMD exits with CODE.
exits() {
	name=$1; want=$2; shift 2
	"$@" > "$T/last.out" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then ok "$name"; else
		echo "exit $got, expected $want" >> "$T/last.out"; ko "$name" "$T/last.out"; fi
}

# leak NAME ARGS...: runs leakscan, or says plainly that it was skipped.
leak() {
	name=$1; shift
	if [ -z "$LEAKSCAN" ]; then skipped=$((skipped + 1)); echo "SKIP $name (no leakscan found; set LEAKSCAN)"; return; fi
	t "$name" "$LEAKSCAN" "$@"
}
