#!/bin/sh
# unit: the cmocka unit tests of tests/unit/, built into BUILDDIR/tests/
# by make unit. Usage: sh tests/t/unit.sh [BUILDDIR]
. tests/lib.sh
begin unit

echo "== unit tests"
# One binary for each source: a missing one fails, not skips.
for s in tests/unit/test_*.c; do
	u=$(basename "$s" .c)
	t "unit $u" "$O/tests/$u"
done

end
