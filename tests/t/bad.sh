#!/bin/sh
# bad: the bad-input corpus: each return in fixtures/bad/ and each case
# folder in fixtures/bad-cases/ exits 65, within 20 seconds, with exactly
# the diagnostics of its NAME.err; a hostile XML return opens no other
# file and touches no network; a return over the size limit is refused.
# Usage: sh tests/t/bad.sh [BUILDDIR]
. tests/lib.sh
begin bad

echo "== bad input: each file in fixtures/bad/ against its .err golden"
for f in fixtures/bad/*; do
	case "$f" in *.err) continue ;; esac
	n=$(basename "$f")
	# No crash, no hang: a time bound, and a status that is not a signal.
	timeout 20 "$BIN" check "$f" > "$T/bad.out" 2> "$T/bad.$n.err"
	st=$?
	if [ $st = 65 ]; then ok "bad $n: exit 65"; else
		echo "exit $st, expected 65" > "$T/bad.out"; ko "bad $n: exit 65" "$T/bad.out"; fi
	golden "bad $n: diagnostics" "$f.err" "$T/bad.$n.err"
done
for d in fixtures/bad-cases/*/; do
	[ -d "$d" ] || continue
	n=$(basename "$d")
	timeout 20 "$BIN" check "$d" > "$T/bad.out" 2> "$T/badcase.$n.err"
	st=$?
	if [ $st = 65 ]; then ok "bad case $n: exit 65"; else
		echo "exit $st, expected 65" > "$T/bad.out"; ko "bad case $n: exit 65" "$T/bad.out"; fi
	golden "bad case $n: diagnostics" "fixtures/bad-cases/$n.err" "$T/badcase.$n.err"
done

# A hostile return opens no file it was not given and touches no network.
if command -v strace > /dev/null; then
	for f in fixtures/bad/doctype-external-entity.xml fixtures/bad/entity-bomb.xml; do
		strace -f -e trace=open,openat,connect,socket -o "$T/strace.out" \
		    "$BIN" check "$f" > /dev/null 2>&1
		if grep -q -e passwd -e 'connect(' -e 'socket(' "$T/strace.out"; then
			ko "$(basename "$f"): no other file, no network" "$T/strace.out"
		else ok "$(basename "$f"): no other file, no network"; fi
	done
fi

# Returns that once took minutes (a 20,000-column table, 80,000 metadata
# lines) and a metadata key given twice: tests/regress/md-*.t.

# Too large to ship: generated here.
head -c 9000000 /dev/zero | tr '\0' 'a' > "$T/too-big.md"
exits "a 9 MB return: exit 65" 65 timeout 20 "$BIN" check "$T/too-big.md"
cp "$T/last.out" "$T/too-big.out"
t "a 9 MB return: says the limit" grep -q "larger than 8 MiB" "$T/too-big.out"
rm -f "$T/too-big.md"

end
