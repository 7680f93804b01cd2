#!/bin/sh
# cli: the command line (usage, exit statuses, the manual), build
# --timings, make install, and a clang -Werror build.
# Usage: sh tests/t/cli.sh [BUILDDIR]
. tests/lib.sh
begin cli

echo "== command line"
t "--version" "$BIN" --version
t "--help" "$BIN" --help
for s in check merge build dump sample; do t "$s --help" "$BIN" $s --help; done
t "build --list-documents: each one a template's, and some" sh -c \
    'n=0; for d in $("$0" build --list-documents); do test -f "templates/$d.txt" || exit 1; n=$((n + 1)); done; test $n -ge 5' "$BIN"
exits "no command: usage (64)" 64 "$BIN"
exits "unknown command: usage (64)" 64 "$BIN" frobnicate
exits "unknown option: usage (64)" 64 "$BIN" check --nope x
exits "bad --gap-days: usage (64)" 64 "$BIN" merge --gap-days 0 fixtures/cases/northshire-2025-014
exits "missing case: no input (66)" 66 "$BIN" check "$T/no-such-case"
exits "folder without case.xml: no input (66)" 66 "$BIN" check tests
t "man page renders" sh -c 'man -l docs/cspr.1 >/dev/null 2>&1 || groff -man -Tutf8 docs/cspr.1 >/dev/null'

echo "== build --timings notes every stage"
if [ -d "$c" ]; then
	"$BIN" build -q --timings -o "$T/out5" "$c" > /dev/null 2> "$T/timings.err"
	for w in "read and checked" merged "rapid-review-report built" \
	    "integrated-chronology built" \
	    "integrated-chronology.docx: note: rendered" \
	    "integrated-chronology.pdf: note: rendered"; do
		t "--timings: $w" grep -q "$w: [0-9.]* s (peak memory so far [0-9]* MiB)" "$T/timings.err"
	done
fi

echo "== build and install"
t "make install DESTDIR PREFIX" sh -c "make -s install O='$O' DESTDIR='$PWD/$T/inst' PREFIX=/usr >/dev/null &&
    test -x '$T/inst/usr/bin/cspr' && test -f '$T/inst/usr/share/cspr/templates/style.conf' &&
    test -f '$T/inst/usr/share/man/man1/cspr.1'"
t "installed binary finds the installed templates" sh -c "cd / && CSPR_TEMPLATES='$PWD/$T/inst/usr/share/cspr/templates' \
    '$PWD/$T/inst/usr/bin/cspr' sample pdf -o '$PWD/$T/inst.pdf'"
if command -v clang > /dev/null; then
	t "clang -Wall -Wextra -Werror build" make -s O="$T/clang" CC=clang all
fi

end
