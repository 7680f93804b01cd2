#!/bin/sh
# batch: a batch of cases rebuilt: only what changed, byte-identical to a
# clean build, --jobs, progress on a terminal, a word allowed after the
# residual-risk report, and kills mid-build.
# Usage: sh tests/t/batch.sh [BUILDDIR]
. tests/lib.sh
begin batch

echo "== batch regeneration: only what changed, byte-identical to a clean build"
if [ -d "$c" ] && [ -d "$A" ]; then
	rm -rf "$T/batch" "$T/bout" && mkdir -p "$T/batch" && cp -r "$c" "$T/batch/a" && cp -r "$A" "$T/batch/b"
	t "a batch of two cases builds" "$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b"
	t "... all twenty files" test "$(ls "$T/bout"/*/ | grep -c 'x$\|pdf$')" = 20
	ls -l --time-style=full-iso "$T/bout"/*/ > "$T/batch.ls1"
	"$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b" > "$T/batch.out" 2> "$T/batch.err"
	t "a rebuild with nothing changed writes nothing" test ! -s "$T/batch.out"
	t "... says so" grep -q "note: 2 cases: 0 rebuilt (0 documents), 2 unchanged" "$T/batch.err"
	ls -l --time-style=full-iso "$T/bout"/*/ > "$T/batch.ls2"
	t "... and touches no file" cmp "$T/batch.ls1" "$T/batch.ls2"
	echo "Ask who else lives in the home, every time." >> "$T/batch/b/review/learning.md"
	"$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b" > "$T/batch.out" 2> "$T/batch.err"
	t "a narrative edited: exactly the documents that use it are rebuilt" sh -c \
	    "sed 's|.*/||' '$T/batch.out' | sort | tr '\n' ' ' | grep -qx 'learning-brief.docx learning-brief.pdf rapid-review-report.docx rapid-review-report.pdf '"
	t "... in the edited case only" sh -c "! grep -q NSCP '$T/batch.out'"
	t "... summarised" grep -q "batch/b: 2 documents rebuilt, 3 unchanged" "$T/batch.err"
	"$BIN" build -q -o "$T/bclean" "$T/batch/a" "$T/batch/b" > /dev/null 2>&1
	t "the rebuilt outputs equal a clean build's, byte for byte" diff -r -x .cspr "$T/bout" "$T/bclean"
	"$BIN" build -q --jobs 2 -o "$T/bjobs" "$T/batch/a" "$T/batch/b" > "$T/bjobs.out" 2>&1
	t "--jobs 2 builds the same files" diff -r -x .cspr "$T/bclean" "$T/bjobs"
	exits "--jobs 0: usage (64)" 64 "$BIN" build -j 0 -o "$T/bj0" "$T/batch/a"
	t "progress shows on a terminal" sh -c "script -qec \"'$BIN' build --force -o '$T/bprog' '$T/batch/a' '$T/batch/b'\" /dev/null | grep -q '\[2/2\]'"
	t "... and not in a pipe" sh -c "! '$BIN' build --force -o '$T/bprog' '$T/batch/a' '$T/batch/b' 2>&1 | grep -q '\[2/2\]'"
	# The business unit allows a word the report listed, and builds again.
	"$BIN" build -q --audience publication --accept-residual --document all -o "$T/bpub" "$T/batch/b" > /dev/null 2>&1
	t "the residual-risk report lists an unknown word" grep -q "^unknown-word	Sertraline" "$T/bpub/Child A (publication).residual-risk.txt"
	ls -l --time-style=full-iso "$T/bpub"/*/ > "$T/bpub.ls1"
	sed -i 's|<allow>Eastmoor</allow>|<allow>Eastmoor</allow><allow>Sertraline</allow>|' "$T/batch/b/case.xml"
	"$BIN" build -q --audience publication --accept-residual --document all -o "$T/bpub" "$T/batch/b" > "$T/bpub.out" 2>&1
	t "after allowing it, the report no longer does" sh -c "! grep -q Sertraline '$T/bpub/Child A (publication).residual-risk.txt'"
	ls -l --time-style=full-iso "$T/bpub"/*/ > "$T/bpub.ls2"
	t "... and no document, unchanged by it, was rewritten" cmp "$T/bpub.ls1" "$T/bpub.ls2"
	# Killed mid-build: earlier outputs whole, and the next build right.
	bad=0
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		"$BIN" build -q --force -o "$T/bout" "$T/batch/a" "$T/batch/b" > /dev/null 2>&1 &
		pid=$!
		sleep "0.$((i * 7 % 10))$((i % 10))"
		kill -9 $pid 2> /dev/null
		wait $pid 2> /dev/null
		for f in "$T/bout"/*/*.docx; do unzip -tq "$f" > /dev/null 2>&1 || bad=$((bad + 1)); done
		for f in "$T/bout"/*/*.pdf; do qpdf --check "$f" > /dev/null 2>&1 || bad=$((bad + 1)); done
	done
	t "killed 12 times mid-build: every output still whole" test "$bad" = 0
	t "... and the next build completes" "$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b"
	t "... equal to a clean build" diff -r -x .cspr "$T/bout" "$T/bclean"
	t "... leaving no temporary file" sh -c "test -z \"\$(find '$T/bout' -name '.*.docx.??????*' -o -name '.*.pdf.??????')\""
fi

end
