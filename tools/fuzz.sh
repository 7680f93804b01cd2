#!/bin/sh
# make fuzz: builds the libFuzzer harnesses of tests/fuzz/ with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs each for
# SECONDS (default 600), seeded from fixtures/ and with deep and long
# inputs, each up to the size cspr accepts. Prints each harness's
# executions and coverage. A crash is saved in build-fuzz/crashes/: turn
# it into a regression fixture (fixtures/bad/ or a unit test).
# Needs LIBS and PKG_CFLAGS from the Makefile.
set -eu
secs=${1:-600}
O=build-fuzz
FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
make --no-print-directory -s O=$O CC=clang CFLAGS="$FLAGS -fsanitize=fuzzer-no-link" all
# The objects of today's sources, not whatever $O/src holds: a file moved
# to another folder leaves its old object behind.
objs=$(find src -name '*.c' ! -path src/main.c | sort | sed "s|^|$O/|; s|\\.c\$|.o|")
mkdir -p $O/crashes
status=0
for h in tests/fuzz/fuzz_*.c; do
	n=$(basename "$h" .c)
	clang -std=c17 -D_POSIX_C_SOURCE=200809L $FLAGS -fsanitize=fuzzer \
	    $PKG_CFLAGS -Isrc -Itests/fuzz -o "$O/$n" "$h" $objs $O/schemas.o $LIBS
	corpus=$O/corpus/$n
	mkdir -p "$corpus"
	case $n in
	fuzz_return_xml) seeds=$(ls fixtures/cases/*/*.xml fixtures/cases/*/*/*.xml fixtures/bad/*.xml) ;;
	fuzz_return_md) seeds=$(ls fixtures/cases/*/*/*.md fixtures/bad/*.md) ;;
	fuzz_template) seeds=$(ls templates/*.txt) ;;
	fuzz_build|fuzz_anon) seeds=$(ls fixtures/cases/*/review/*.md) ;;
	fuzz_date) seeds="" ;;
	esac
	if [ "$n" = fuzz_date ]; then
		for d in 14/03/2025 14.03.25 2025-03-14 14-Mar-25 "March 2025" 03/2025 2025 "?14/03/2025" 09:30 0930; do
			printf '%s' "$d" > "$corpus/seed-$(printf '%s' "$d" | md5sum | cut -c1-8)"
		done
	fi
	for s in $seeds; do cp "$s" "$corpus/seed-$(md5sum < "$s" | cut -c1-12)"; done
	# Deep and long shapes that small seeds take the fuzzer long to
	# grow (issue 23: 300 KB of '>' crashed a build; 40,000 empty list
	# items took seconds a line).
	case $n in
	fuzz_build|fuzz_return_md)
		for p in '>' '- ' '> ' '[' '![' '-
' '*' '1. '; do
			python3 -c "import sys; sys.stdout.write(sys.argv[1] * (300000 // len(sys.argv[1])))" "$p" \
			    > "$corpus/seed-deep-$(printf '%s' "$p" | md5sum | cut -c1-8)"
		done ;;
	esac
	# As long as the tool accepts: a file (8 MiB), a field (64 KiB), a
	# template (256 KiB).
	case $n in
	fuzz_anon) maxlen=65536 ;;
	fuzz_template) maxlen=262144 ;;
	fuzz_date) maxlen=256 ;;
	*) maxlen=8388608 ;;
	esac
	echo "== $n: $secs s"
	if ! "$O/$n" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=$maxlen -print_final_stats=1 -artifact_prefix="$O/crashes/$n-" \
	    "$corpus" > "$O/$n.log" 2>&1; then
		status=1
		tail -40 "$O/$n.log"
	fi
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$O/$n.log" | tail -1 | grep -o '[0-9]*$' || echo '?')
	cov=$(grep -o 'cov: [0-9]*' "$O/$n.log" | tail -1 | grep -o '[0-9]*' || echo '?')
	ft=$(grep -o 'ft: [0-9]*' "$O/$n.log" | tail -1 | grep -o '[0-9]*' || echo '?')
	echo "$n: $runs executions, coverage $cov edges, $ft features"
done
exit $status
