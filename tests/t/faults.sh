#!/bin/sh
# faults: builds that fail or are stopped part way: failing writes (an
# LD_PRELOAD shim, tests/faults/failio.c), a full disk, an output folder
# under a file, a hundred kills while the case changes, two builds into
# one folder at once, SIGINT and SIGTERM mid-build. Each time the output
# folder holds one build's documents, whole, and nothing temporary is left.
# Under CSPR_WRAP (valgrind) ten kills, one round of two builds, and no
# signals: those are about logic, races and signals, not memory.
# Usage: sh tests/t/faults.sh [BUILDDIR]
. tests/lib.sh
begin faults

echo "== faults: failing writes, missing parts, kills"
if [ -d "$c" ]; then
	cc -shared -fPIC -o "$T/failio.so" tests/faults/failio.c -ldl
	"$BIN" build -q -o "$T/fo" "$c" > /dev/null 2>&1
	(cd "$T/fo" && md5sum */*) > "$T/fo.sum"
	for m in fwrite fclose fsync rename; do
		for a in 0 5; do
			LD_PRELOAD=$PWD/$T/failio.so CSPR_FAIL=$m CSPR_FAIL_AFTER=$a \
			    "$BIN" build -q --force -o "$T/fo" "$c" > /dev/null 2> "$T/fo.err"
			st=$?
			if [ $st = 73 ] && grep -q "error: .*\(No space left\|Input/output\)" "$T/fo.err" &&
			    (cd "$T/fo" && md5sum */*) | cmp -s - "$T/fo.sum" &&
			    [ -z "$(find "$T/fo" -name '.*.docx.??????*' -o -name '.*.pdf.??????' -o -name '.cspr-stage.*')" ]; then
				ok "$m fails (after $a): exit 73, said, earlier outputs intact, no temporary file"
			else
				echo "exit $st" >> "$T/fo.err"; ko "$m fails (after $a)" "$T/fo.err"
			fi
		done
	done
	# A full disk, for real: files over 100 blocks (50 KiB in dash's
	# 512-byte blocks, 100 KiB in bash's) cannot be written; the
	# chronology PDF is 117 KB.
	sh -c "trap '' XFSZ; ulimit -f 100; exec '$BIN' build -q --force -o '$T/fo' '$c'" > /dev/null 2> "$T/full.err"
	st=$?
	t "a full disk (ulimit -f): exit 73" test $st = 73
	t "... earlier outputs intact" sh -c "cd '$T/fo' && md5sum */* | cmp -s - '$PWD/$T/fo.sum'"
	exits "output folder under a file: exit 73" 73 "$BIN" build -q -o "$c/case.xml/out" "$c"
	# Killed at random points, a hundred times, while the case goes
	# back and forth between two versions: after each kill its folder
	# holds one build's documents, all of one version or all of the
	# other, never some of each.
	rm -rf "$T/kcase" "$T/kv1" "$T/kv2" && cp -r "$c" "$T/kcase"
	cp "$c/review/summary.md" "$T/ksum1" && { cat "$c/review/summary.md"; echo "A second version of the summary."; } > "$T/ksum2"
	for v in 1 2; do
		cp "$T/ksum$v" "$T/kcase/review/summary.md"
		"$BIN" build -q -o "$T/kv$v" "$T/kcase" > /dev/null 2>&1
		(cd "$T/kv$v/NSCP-2025-014" && md5sum *.docx *.pdf) > "$T/kv$v.sum"
	done
	t "... the two versions differ" sh -c "! cmp -s '$T/kv1.sum' '$T/kv2.sum'"
	rm -rf "$T/kout" && cp -r "$T/kv2" "$T/kout"
	bad=0
	i=0
	: > "$T/kills.bad"
	# A hundred kills; ten under valgrind (CI time: atomicity is the
	# plain and ASan runs' business).
	kills=100
	[ -n "${CSPR_WRAP:-}" ] && kills=10
	while [ $i -lt $kills ]; do
		cp "$T/ksum$((i % 2 + 1))" "$T/kcase/review/summary.md"
		"$BIN" build -q --force -o "$T/kout" "$T/kcase" > /dev/null 2>&1 &
		pid=$!
		sleep "0.$(( (i * 37) % 10 ))$(( (i * 13) % 10 ))"
		kill -9 $pid 2> /dev/null
		wait $pid 2> /dev/null
		(cd "$T/kout/NSCP-2025-014" && md5sum *.docx *.pdf) > "$T/kout.sum" 2>/dev/null
		if ! cmp -s "$T/kout.sum" "$T/kv1.sum" && ! cmp -s "$T/kout.sum" "$T/kv2.sum"; then
			bad=$((bad + 1))
			{ echo "kill $i:"; cat "$T/kout.sum"; } >> "$T/kills.bad"
		fi
		i=$((i + 1))
	done
	t "killed $kills times: the folder holds one version's documents, whole, after each kill" test "$bad" = 0
	[ "$bad" = 0 ] || head -30 "$T/kills.bad"
	t "... the next build completes" "$BIN" build -q -o "$T/kout" "$T/kcase"
	t "... and leaves nothing of the killed builds" sh -c "test -z \"\$(find '$T/kout' -name '.cspr-stage.*' -o -name '.*.??????')\""
	for f in "$T/kout"/*/*.docx; do t "... $(basename "$(dirname "$f")")/$(basename "$f") opens in python-docx" $PY tests/docx_check.py "$f"; done
	for f in "$T/kout"/*/*.pdf; do t "... $(basename "$(dirname "$f")")/$(basename "$f") passes the PDF checks" sh tests/pdf_check.sh "$f"; done
fi

echo "== two builds at once, and signals mid-build"
if [ -d "$c" ]; then
	# Two builds at once into one folder: the second waits its turn.
	rm -rf "$T/conc" && "$BIN" build -q -o "$T/conc" "$c" > /dev/null 2>&1
	okc=0
	# Five rounds; one under valgrind, which checks memory, not races.
	rounds="1 2 3 4 5"
	[ -n "${CSPR_WRAP:-}" ] && rounds=1
	for i in $rounds; do
		"$BIN" build -q --force -o "$T/conc" "$c" "$A" > /dev/null 2> "$T/conc1.err" &
		p1=$!
		"$BIN" build -q --force -o "$T/conc" "$c" "$A" > /dev/null 2> "$T/conc2.err" &
		p2=$!
		wait $p1; s1=$?
		wait $p2; s2=$?
		[ $s1 = 0 ] && [ $s2 = 0 ] && okc=$((okc + 1))
	done
	t "two builds into one folder at once, $(echo $rounds | wc -w) times: both succeed each time" test "$okc" = "$(echo $rounds | wc -w)"
	t "... the documents whole" sh -c "for f in '$T/conc'/*/*.pdf; do qpdf --check \"\$f\" > /dev/null || exit 1; done"
	# An interrupt or a termination: stopped cleanly, nothing left. A
	# case big enough to be stopped in the middle (a second's build).
	rm -rf "$T/sigcase" && $PY tests/gen_case.py "$T/sigcase" 8 3000
	# Not under valgrind: cspr is still starting there when the signal
	# comes, and what is tested is signal handling, which the plain and
	# ASan runs cover, not memory.
	sigs="INT TERM"
	[ -n "${CSPR_WRAP:-}" ] && sigs=
	for sig in $sigs; do
		rm -rf "$T/sig" && "$BIN" build -q -o "$T/sig" "$T/sigcase" > /dev/null 2>&1
		(cd "$T/sig" && md5sum */*.pdf */*.docx) > "$T/sig.sum"
		# As from a terminal: a job started in the background by
		# this script would ignore interrupts.
		$PY -c "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])" \
		    "$BIN" build -q --force -o "$T/sig" "$T/sigcase" > /dev/null 2> "$T/sig.err" &
		pid=$!
		sleep 0.3
		kill -$sig $pid
		wait $pid
		st=$?
		t "SIG$sig mid-build: cspr dies of it, saying so (status $st)" sh -c "test $st -gt 128 && grep -q 'stopped by a signal' '$T/sig.err'"
		t "... no temporary file or staging folder left" sh -c "test -z \"\$(find '$T/sig' -name '.cspr-stage.*' -o -name '.*.??????')\""
		t "... the case's documents as they were, whole" sh -c "cd '$T/sig' && md5sum */*.pdf */*.docx | cmp -s - '$PWD/$T/sig.sum'"
	done
fi

end
