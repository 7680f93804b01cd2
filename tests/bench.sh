#!/bin/sh
# make bench: times cspr on synthetic cases of growing size and reports
# wall time and peak memory of each command. Figures, not pass/fail.
set -eu
O=${1:-build}
BIN=$PWD/$O/cspr
T=tests/tmp/bench
rm -rf "$T" && mkdir -p "$T"
printf '%-10s %-8s %10s %10s\n' case command seconds peak-KiB
for size in "7 20" "10 200" "20 1000"; do
	set -- $size
	c=$T/case-$1x$2
	/usr/bin/python3 tests/gen_case.py "$c" "$1" "$2"
	for cmd in check merge build; do
		/usr/bin/python3 - "$BIN" "$cmd" "$c" "$T/out" <<'PY'
import resource, subprocess, sys, time
bin, cmd, case, out = sys.argv[1:]
args = [bin, cmd, '-q', case] + (['-o', out] if cmd == 'build' else [])
t = time.monotonic()
subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
dt = time.monotonic() - t
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{case.rsplit('/', 1)[1]:<10} {cmd:<8} {dt:10.3f} {kib:10d}")
PY
	done
done
