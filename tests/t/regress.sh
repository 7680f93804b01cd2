#!/bin/sh
# regress: one file per fixed bug, tests/regress/NAME.t (the format is in
# tests/README.md). Each runs in a folder of its own, tests/tmp/regress/NAME,
# holding a copy of tests/regress/NAME/ if there is one and of each case
# it names; its setup lines, then its command, with cspr (this build, or
# under CSPR_WRAP the wrapped one) first on PATH, $PY the Python with
# python-docx and $SRC the top of the source tree. Checks: the command's
# exit status, each message in its output (a grep pattern), each check
# command exiting 0. Usage: sh tests/t/regress.sh [BUILDDIR] [NAME...]
. tests/lib.sh
begin regress
[ $# -gt 0 ] && shift

mkdir -p "$T/bin"
if [ -n "${CSPR_WRAP:-}" ]; then
	cp "$T/cspr" "$T/bin/cspr"
else
	ln -s "$(cd "$O" && pwd)/cspr" "$T/bin/cspr"
fi
SRC=$PWD
PATH=$(cd "$T/bin" && pwd):$PATH
export PATH PY SRC

# field FILE KEY: the values of KEY in FILE's header, one a line.
field() {
	sed -n "s/^# $2: *//p" "$1"
}

# sh_in DIR LINE: runs LINE with sh in DIR, no input.
sh_in() {
	(cd "$1" && exec sh -c "$2") < /dev/null
}

echo "== regressions: each file in tests/regress/"
if [ $# -gt 0 ]; then
	files=
	for n in "$@"; do files="$files tests/regress/$n.t"; done
else
	files=$(ls tests/regress/*.t)
fi
for r in $files; do
	n=$(basename "$r" .t)
	W=$T/$n
	if [ ! -f "$r" ]; then ko "regress $n: no such file: $r"; continue; fi
	field "$r" command > "$T/$n.command"
	field "$r" exit > "$T/$n.exit"
	if [ "$(wc -l < "$T/$n.command")" != 1 ] || [ "$(wc -l < "$T/$n.exit")" != 1 ]; then
		ko "regress $n: needs one '# command:' and one '# exit:' line"
		continue
	fi
	cmd=$(cat "$T/$n.command")
	want=$(cat "$T/$n.exit")
	mkdir -p "$W"
	[ -d "tests/regress/$n" ] && cp -r "tests/regress/$n/." "$W/"
	for k in $(field "$r" case); do cp -r "fixtures/cases/$k" "$W/$k"; done
	field "$r" setup > "$T/$n.setup"
	broken=
	while IFS= read -r s; do
		if ! sh_in "$W" "$s" > "$T/$n.out" 2>&1; then broken=$s; break; fi
	done < "$T/$n.setup"
	if [ -n "$broken" ]; then
		echo "setup: $broken" >> "$T/$n.out"
		ko "regress $n: its setup failed" "$T/$n.out"
		continue
	fi
	sh_in "$W" "$cmd" > "$T/$n.out" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then ok "regress $n: exit $want"; else
		{ cat "$T/$n.out"; echo "$cmd"; echo "exit $got, expected $want"; } > "$T/$n.why"
		ko "regress $n: exit $want" "$T/$n.why"
	fi
	field "$r" message > "$T/$n.message"
	while IFS= read -r m; do
		if grep -q -e "$m" "$T/$n.out"; then ok "regress $n: says $m"; else
			ko "regress $n: says $m" "$T/$n.out"; fi
	done < "$T/$n.message"
	field "$r" check > "$T/$n.check"
	while IFS= read -r k; do
		t "regress $n: $k" sh_in "$W" "$k"
	done < "$T/$n.check"
done

end
