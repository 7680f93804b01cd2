#!/bin/sh
# unit: the cmocka unit tests of tests/unit/, built into BUILDDIR/tests/
# by make unit. Usage: sh tests/t/unit.sh [BUILDDIR]
. tests/lib.sh
begin unit

echo "== unit tests"
for u in "$O"/tests/test_*; do
	[ -x "$u" ] || continue
	t "unit $(basename "$u")" "$u"
done

end
