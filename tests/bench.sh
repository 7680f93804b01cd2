#!/bin/sh
# make bench: see tests/bench.py.
exec /usr/bin/python3 tests/bench.py "${1:-build}"
