#!/bin/sh
# golden: the shipped cases' diagnostics, their case, merge and document
# dumps and their deadlines table against tests/golden/ (UPDATE=1
# rewrites them), the merge's XML against its schema, and the deadlines
# command. Usage: sh tests/t/golden.sh [BUILDDIR]
. tests/lib.sh
begin golden

echo "== golden dumps of the shipped cases"
for cs in fixtures/cases/*/; do
	n=$(basename "$cs")
	t "check $n" sh -c "'$BIN' check '$cs' 2> '$T/$n.check'"
	golden "check $n diagnostics" "tests/golden/$n.check" "$T/$n.check"
	for s in case merge doc; do
		"$BIN" dump -q --stage $s "$cs" > "$T/$n.$s" 2>&1
		golden "dump $s $n" "tests/golden/$n.$s" "$T/$n.$s"
	done
	"$BIN" merge -q "$cs" > "$T/$n.merge.xml" 2>"$T/$n.merge.err"
	t "merge $n is valid XML per schema" xmllint --noout \
	    --schema schemas/integrated-chronology.xsd "$T/$n.merge.xml"
	"$BIN" merge -q -o "$T/$n.merge2.xml" "$cs"
	t "merge -o $n equals stdout" cmp "$T/$n.merge.xml" "$T/$n.merge2.xml"
	for d in $(review_documents); do
		"$BIN" dump -q --stage doc --document $d "$cs" > "$T/$n.$d.doc" 2>&1
		golden "dump doc $d $n" "tests/golden/$n.$d.doc" "$T/$n.$d.doc"
	done
	# As of a fixed day: the table is the same whenever the test runs.
	"$BIN" deadlines -q --as-of 2025-04-09 "$cs" > "$T/$n.deadlines" 2> /dev/null
	golden "deadlines $n" "tests/golden/$n.deadlines" "$T/$n.deadlines"
done
rm -rf "$T/nolcspr" && cp -r fixtures/cases/northshire-2025-014 "$T/nolcspr" && sed -i 's/lcspr="yes"/lcspr="no"/' "$T/nolcspr/review/review.xml"
t "deadlines: no LCSPR row when the decision was against one" sh -c "! '$BIN' deadlines -q --as-of 2025-04-09 '$T/nolcspr' 2>/dev/null | grep -q LCSPR"
exits "deadlines --as-of a month: usage (64)" 64 "$BIN" deadlines --as-of 2025-04 fixtures/cases/northshire-2025-014
rm -rf "$T/badcal" && cp -r templates "$T/badcal" && echo "2031-02-30 No such day" >> "$T/badcal/bank-holidays.txt"
exits "deadlines with a bad bank-holiday file: exit 65" 65 "$BIN" deadlines --templates "$T/badcal" fixtures/cases/northshire-2025-014
cp "$T/last.out" "$T/badcal.out"
t "... naming the line and column" grep -q "bank-holidays.txt:$(wc -l < templates/bank-holidays.txt | awk '{print $1 + 1}'):9: error: expected a date" "$T/badcal.out"

end
