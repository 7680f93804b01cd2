#!/bin/sh
# Runs the tests of cspr, every group or the ones named: unit tests, golden
# dumps, bad-input diagnostics, the regression files, the command line,
# end-to-end checks of DOCX and PDF output with real clients, and more
# (tests/README.md lists the groups; each is tests/t/GROUP.sh).
# Usage: tests/run.sh BUILDDIR [GROUP...], from the top of the source tree.
# UPDATE=1 rewrites golden files. Ends with "N passed, N failed" for all
# the groups run; exits non-zero if anything failed.
set -u
groups="unit cli golden bad regress docx pdf case templates publication anon
    batch reliability faults"
O=${1:-build}
[ $# -gt 0 ] && shift
run=${*:-$groups}
for g in $run; do
	case " $(echo $groups) " in
	*" $g "*) ;;
	*) echo "tests/run.sh: unknown group '$g' (valid: $(echo $groups | sed 's/ /, /g'))" >&2; exit 64 ;;
	esac
done
R=${CSPR_TEST_TMP:-tests/tmp}
rm -rf "$R" && mkdir -p "$R" || exit 2
pass=0
fail=0
skipped=0
summary=
for g in $run; do
	rm -f "$R/$g.counts"
	CSPR_TEST_COUNTS=$R/$g.counts sh "tests/t/$g.sh" "$O"
	if [ -s "$R/$g.counts" ]; then
		read -r p f s < "$R/$g.counts"
	else
		# A group that stopped before its end is a failure, whatever it
		# had counted.
		echo "FAIL group $g stopped before its end"
		p=0; f=1; s=0
	fi
	pass=$((pass + p)); fail=$((fail + f)); skipped=$((skipped + s))
	summary="$summary$(printf '   %-12s %4d ok' "$g:" "$p")"
	[ "$f" = 0 ] || summary="$summary, $f FAILED"
	[ "$s" = 0 ] || summary="$summary, $s skipped"
	summary="$summary
"
done
echo "== by group"
printf '%s' "$summary"
echo "$pass passed, $fail failed${skipped:+, $skipped skipped}" | sed 's/, 0 skipped//'
[ "$fail" = 0 ]
