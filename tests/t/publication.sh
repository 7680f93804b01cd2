#!/bin/sh
# publication: audiences on the shipped case: a draft notes what is still
# to be completed; a publication build makes the public documents only,
# in a folder named by the published name, free of register names
# (leakscan), and the confidential report only when asked for by name and
# complete; templates say who their document is for.
# Usage: sh tests/t/publication.sh [BUILDDIR]
. tests/lib.sh
begin publication

echo "== audiences: drafts, and the publication gate"
# What a publication lacks is left out, heading and all; a draft shows
# its placeholder under the heading.
for cs in fixtures/cases/*/; do
	n=$(basename "$cs")
	for d in $(documents); do
		"$BIN" dump -q --stage doc --audience publication --document "$d" "$cs" > "$T/$n.$d.pub" 2> /dev/null
		t "$n $d, publication: no heading over nothing" $PY tests/empty_headings.py "$T/$n.$d.pub"
	done
done
if [ -d "$c" ]; then
	exits "an unknown audience: usage (64)" 64 "$BIN" build --audience public -o "$T/aud" "$c"
	exits "an unknown document: usage (64)" 64 "$BIN" build --document minutes -o "$T/aud" "$c"
	cp "$T/last.out" "$T/audd.err"
	t "... naming the valid ones" grep -q "unknown document 'minutes' (valid: rapid-review-report, learning-brief, seven-minute-briefing, scoping-composite, integrated-chronology, all)" "$T/audd.err"
	"$BIN" build -q -o "$T/aud0" "$c" > /dev/null 2> "$T/aud0.err"
	t "a draft notes required content still to be completed" \
	    grep -q "note: NSCP-2025-014: rapid-review-report: to be completed: The alleged perpetrator.*(review/perpetrator.md)" "$T/aud0.err"
	# Publication makes the documents for the public; the rapid review
	# report is confidential, made only when asked for by name.
	NP="$T/aud2/Child A (publication)"
	exits "publication of the shipped case: exit 0" 0 "$BIN" build -q --audience publication -o "$T/aud2" "$c"
	t "... the learning brief and the 7-minute briefing, no more" sh -c \
	    "test \"\$(ls '$NP' | tr '\n' ' ')\" = 'learning-brief.docx learning-brief.pdf seven-minute-briefing.docx seven-minute-briefing.pdf '"
	t "... in a folder named by the published name, never the reference" sh -c \
	    "test -d '$NP' && ! ls '$T/aud2' | grep -q NSCP"
	t "... titled by it too" sh -c "pdfinfo '$NP/learning-brief.pdf' | grep -q '^Title: *Learning brief: Child A\$' && ! pdftotext '$NP/learning-brief.pdf' - | grep -q NSCP"
	leak "... which leakscan finds free of every register name" --terms tests/anon/northshire.terms "$T/aud2"
	t "... with no OFFICIAL-SENSITIVE marking or DRAFT" sh -c "! pdftotext '$NP/learning-brief.pdf' - | grep -q 'OFFICIAL-SENSITIVE\|DRAFT'"
	exits "the rapid review report, asked for by name, lacking required content: exit 65" 65 "$BIN" build -q --audience publication --document rapid-review-report -o "$T/aud1" "$c"
	cp "$T/last.out" "$T/aud1.err"
	t "... listing it" grep -q "error: rapid-review-report: required for publication: .*(review/perpetrator.md)" "$T/aud1.err"
	t "... and writing nothing" test ! -e "$T/aud1"
	rm -rf "$T/full" && cp -r "$c" "$T/full" && echo "Mr Kowalczyk was known to the police for an earlier assault." > "$T/full/review/perpetrator.md"
	exits "... and once complete: exit 0" 0 "$BIN" build -q --audience publication --document rapid-review-report -o "$T/aud3" "$T/full"
	t "... that document alone" sh -c "test \"\$(ls '$T/aud3/Child A (publication)' | tr '\n' ' ')\" = 'rapid-review-report.docx rapid-review-report.pdf '"
	leak "... free of every register name" --terms tests/anon/northshire.terms "$T/aud3"
	# A template says who its document is for.
	rm -rf "$T/audt" && cp -r templates "$T/audt" && sed -i 's/^audience .*/audience internal/' "$T/audt/learning-brief.txt" "$T/audt/seven-minute-briefing.txt"
	exits "no template for publication: exit 65" 65 "$BIN" build -q --templates "$T/audt" --audience publication -o "$T/audtout" "$c"
	cp "$T/last.out" "$T/audt.err"
	t "... saying how to mark one" grep -q "no template says its document is for publication: add 'audience internal publication'" "$T/audt.err"
	sed -i 's/^audience .*/audience everyone/' "$T/audt/learning-brief.txt"
	exits "an unknown audience in a template: exit 65" 65 "$BIN" build -q --templates "$T/audt" -o "$T/audtout" "$c"
	cp "$T/last.out" "$T/audt.err"
	t "... at its line, naming the valid ones" grep -q "learning-brief.txt:[0-9]*:10: error: unknown audience 'everyone' (valid: internal, publication)" "$T/audt.err"
fi

end
