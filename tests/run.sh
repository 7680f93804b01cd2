#!/bin/sh
# Runs every test of cspr: unit tests, golden dumps, bad-input diagnostics,
# the command line, and end-to-end checks of DOCX and PDF output with real
# clients. Usage: tests/run.sh BUILDDIR. UPDATE=1 rewrites golden files.
# Ends with "N passed, N failed"; exits non-zero if anything failed.
set -u
O=${1:-build}
BIN=$O/cspr
PY=/usr/bin/python3	# Debian's, which has python3-docx
# The independent scanner the team shares (not part of cspr): LEAKSCAN, or
# beside the checkout, or where the workplace keeps it.
LEAKSCAN=${LEAKSCAN:-}
for l in ../shared/tools/leakscan; do
	[ -z "$LEAKSCAN" ] && [ -x "$l" ] && LEAKSCAN=$(cd "$(dirname "$l")" && pwd)/leakscan
done
skipped=0
# leak NAME ARGS...: runs leakscan, or says plainly that it was skipped.
leak() {
	name=$1; shift
	if [ -z "$LEAKSCAN" ]; then skipped=$((skipped + 1)); echo "SKIP $name (no leakscan found; set LEAKSCAN)"; return; fi
	t "$name" "$LEAKSCAN" "$@"
}
T=${CSPR_TEST_TMP:-tests/tmp}
rm -rf "$T" && mkdir -p "$T"
# CSPR_WRAP runs every cspr under a tool (make check-valgrind).
if [ -n "${CSPR_WRAP:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$CSPR_WRAP" "$PWD/$O/cspr" > "$T/cspr"
	chmod +x "$T/cspr"
	BIN=$T/cspr
fi
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -40; }

# t NAME CMD...: passes when CMD exits 0; its output is kept for failures.
t() {
	name=$1; shift
	if "$@" > "$T/last.out" 2>&1; then ok "$name"; else ko "$name" "$T/last.out"; fi
}

# golden NAME EXPECTED ACTUAL: compares (or, with UPDATE=1, rewrites).
golden() {
	if [ "${UPDATE:-0}" = 1 ]; then cp "$3" "$2"; ok "$1 (updated)"; return; fi
	if diff -u "$2" "$3" > "$T/last.diff" 2>&1; then ok "$1"; else ko "$1" "$T/last.diff"; fi
}

# exits NAME CODE CMD...: passes when CMD exits with CODE.
exits() {
	name=$1; want=$2; shift 2
	"$@" > "$T/last.out" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then ok "$name"; else
		echo "exit $got, expected $want" >> "$T/last.out"; ko "$name" "$T/last.out"; fi
}

echo "== unit tests"
for u in "$O"/tests/test_*; do
	[ -x "$u" ] || continue
	t "unit $(basename "$u")" "$u"
done

echo "== command line"
t "--version" "$BIN" --version
t "--help" "$BIN" --help
for c in check merge build dump sample; do t "$c --help" "$BIN" $c --help; done
exits "no command: usage (64)" 64 "$BIN"
exits "unknown command: usage (64)" 64 "$BIN" frobnicate
exits "unknown option: usage (64)" 64 "$BIN" check --nope x
exits "bad --gap-days: usage (64)" 64 "$BIN" merge --gap-days 0 fixtures/cases/northshire-2025-014
exits "missing case: no input (66)" 66 "$BIN" check "$T/no-such-case"
exits "folder without case.xml: no input (66)" 66 "$BIN" check tests
t "man page renders" sh -c 'man -l docs/cspr.1 >/dev/null 2>&1 || groff -man -Tutf8 docs/cspr.1 >/dev/null'

echo "== golden dumps of the shipped cases"
for c in fixtures/cases/*/; do
	n=$(basename "$c")
	t "check $n" sh -c "'$BIN' check '$c' 2> '$T/$n.check'"
	golden "check $n diagnostics" "tests/golden/$n.check" "$T/$n.check"
	for s in case merge doc; do
		"$BIN" dump -q --stage $s "$c" > "$T/$n.$s" 2>&1
		golden "dump $s $n" "tests/golden/$n.$s" "$T/$n.$s"
	done
	"$BIN" merge -q "$c" > "$T/$n.merge.xml" 2>"$T/$n.merge.err"
	t "merge $n is valid XML per schema" xmllint --noout \
	    --schema schemas/integrated-chronology.xsd "$T/$n.merge.xml"
	"$BIN" merge -q -o "$T/$n.merge2.xml" "$c"
	t "merge -o $n equals stdout" cmp "$T/$n.merge.xml" "$T/$n.merge2.xml"
	for d in rapid-review-report learning-brief seven-minute-briefing scoping-composite; do
		"$BIN" dump -q --stage doc --document $d "$c" > "$T/$n.$d.doc" 2>&1
		golden "dump doc $d $n" "tests/golden/$n.$d.doc" "$T/$n.$d.doc"
	done
	# As of a fixed day: the table is the same whenever the test runs.
	"$BIN" deadlines -q --as-of 2025-04-09 "$c" > "$T/$n.deadlines" 2> /dev/null
	golden "deadlines $n" "tests/golden/$n.deadlines" "$T/$n.deadlines"
done
rm -rf "$T/nolcspr" && cp -r fixtures/cases/northshire-2025-014 "$T/nolcspr" && sed -i 's/lcspr="yes"/lcspr="no"/' "$T/nolcspr/review/review.xml"
t "deadlines: no LCSPR row when the decision was against one" sh -c "! '$BIN' deadlines -q --as-of 2025-04-09 '$T/nolcspr' 2>/dev/null | grep -q LCSPR"
exits "deadlines --as-of a month: usage (64)" 64 "$BIN" deadlines --as-of 2025-04 fixtures/cases/northshire-2025-014
rm -rf "$T/badcal" && cp -r templates "$T/badcal" && echo "2031-02-30 No such day" >> "$T/badcal/bank-holidays.txt"
exits "deadlines with a bad bank-holiday file: exit 65" 65 "$BIN" deadlines --templates "$T/badcal" fixtures/cases/northshire-2025-014
cp "$T/last.out" "$T/badcal.out"
t "... naming the line and column" grep -q "bank-holidays.txt:$(wc -l < templates/bank-holidays.txt | awk '{print $1 + 1}'):9: error: expected a date" "$T/badcal.out"

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

# Debian's cmark-gfm is quadratic in the cells of a table row: such a
# return (4 MB, 20,000 columns; 40 s unchecked) is refused at once.
/usr/bin/python3 -c "import sys; sys.stdout.write('Agency: hv\\n\\n|' + ' a |' * 20000 + '\\n|' + ' --- |' * 20000 + '\\n' + ('|' + ' x |' * 20000 + '\\n') * 50)" > "$T/wide.md"
exits "a 20,000-column table: exit 65 within 5 s" 65 timeout 5 "$BIN" check "$T/wide.md"

# A "Key: value" block of 80,000 lines took 40 s (a rescan per line).
/usr/bin/python3 -c "import sys; sys.stdout.write('a: b\\n' * 80000)" > "$T/meta.md"
exits "80,000 metadata lines: exit 65 within 5 s" 65 timeout 5 "$BIN" check "$T/meta.md"

# A metadata key given twice is an error, not a silent first-one-wins.
printf 'Agency: edu\nAgency: police\n\n| Start date | What happened | Source |\n| --- | --- | --- |\n| 01/01/2024 | w | s |\n' > "$T/twice.md"
exits "a metadata key given twice: exit 65" 65 "$BIN" check "$T/twice.md"

# Too large to ship: generated here.
head -c 9000000 /dev/zero | tr '\0' 'a' > "$T/too-big.md"
exits "a 9 MB return: exit 65" 65 timeout 20 "$BIN" check "$T/too-big.md"
cp "$T/last.out" "$T/too-big.out"
t "a 9 MB return: says the limit" grep -q "larger than 8 MiB" "$T/too-big.out"

echo "== end to end: DOCX and PDF of the shipped cases"
for c in fixtures/cases/*/; do
	n=$(basename "$c")
	ref=$(sed -n 's/.*<case [^>]*ref="\([^"]*\)".*/\1/p' "$c/case.xml" | head -n 1)
	t "build $n" "$BIN" build -q -o "$T/out1" "$c"
	# Again with glibc's malloc, its memory filled with other bytes: a
	# deflater that read what it did not write would give other bytes.
	t "build $n again (determinism)" env MALLOC_PERTURB_=165 \
	    "$BIN" build -q -o "$T/out2" "$c"
	for f in $(cd "$T/out1/$ref" && ls); do
		t "$n $f is byte-identical across runs" cmp "$T/out1/$ref/$f" "$T/out2/$ref/$f"
	done
	t "$n: all ten documents written" test "$(ls "$T/out1/$ref" | wc -l)" = 10
	# The review documents, with the real clients (the chronology's
	# own, more detailed checks follow).
	mkdir -p "$T/lo-docs"
	t "$n: LibreOffice converts every review document" \
	    timeout 300 soffice -env:UserInstallation="file://$PWD/$T/lo-profile" \
	    --headless --norestore --convert-to pdf --outdir "$T/lo-docs" \
	    "$T/out1/$ref/rapid-review-report.docx" "$T/out1/$ref/learning-brief.docx" \
	    "$T/out1/$ref/seven-minute-briefing.docx" "$T/out1/$ref/scoping-composite.docx"
	ag1=$(sed -n 's/.*<agency [^>]*>\([^<]*\)<.*/\1/p' "$c/case.xml" | head -n 1)
	t "$n scoping-composite.pdf: contents list agencies, not each return's sub-headings" sh -c \
	    "pdftotext -f 1 -l 1 '$T/out1/$ref/scoping-composite.pdf' - > '$T/sc-contents.txt' &&
	    grep -qF \"$ag1\" '$T/sc-contents.txt' && ! grep -q 'Services provided' '$T/sc-contents.txt'"
	for d in rapid-review-report learning-brief seven-minute-briefing scoping-composite; do
		t "$n $d.docx: parts, relationships, python-docx" $PY tests/docx_check.py "$T/out1/$ref/$d.docx"
		t "$n $d.docx via LibreOffice: a PDF with its text" sh -c \
		    "pdftotext '$T/lo-docs/$d.pdf' - | grep -q '$ref'"
		t "$n $d.pdf: qpdf, fonts, boxes within the margins" sh tests/pdf_check.sh -m 20 "$T/out1/$ref/$d.pdf"
		t "$n $d.pdf: tagged, headers and footers artifacts" $PY tests/pdf_tags.py "$T/out1/$ref/$d.pdf" "" Document H1 P
	done
	docx=$T/out1/$ref/integrated-chronology.docx
	pdf=$T/out1/$ref/integrated-chronology.pdf
	t "$n docx: parts, relationships, python-docx" $PY tests/docx_check.py "$docx"
	t "$n docx: unzip tests every part's CRC" unzip -tq "$docx"
	t "$n docx: every event's text, in order, in its table row" \
	    $PY tests/chron_check.py docx "$T/$n.merge.xml" "$docx"
	mkdir -p "$T/lo"
	t "$n docx: LibreOffice converts it" \
	    timeout 180 soffice -env:UserInstallation="file://$PWD/$T/lo-profile" \
	    --headless --norestore --convert-to pdf --outdir "$T/lo" "$docx"
	t "$n docx via LibreOffice: every event's text in order" \
	    $PY tests/chron_check.py pdf-other "$T/$n.merge.xml" "$T/lo/integrated-chronology.pdf"
	t "$n pdf: qpdf, fonts embedded, boxes within the margins" sh tests/pdf_check.sh -m 20 "$pdf"
	t "$n pdf: tagged: table, header cells, headings, logo with alt text" \
	    $PY tests/pdf_tags.py "$pdf" "" Document H1 H2 Table TR TH TD P Figure
	t "$n pdf: every event's text, in order (pdftotext)" \
	    $PY tests/chron_check.py pdf "$T/$n.merge.xml" "$pdf"
	t "$n pdf: every event's texts in the structure tree, in order" \
	    $PY tests/chron_check.py tags "$T/$n.merge.xml" "$pdf"
	[ "$n" = northshire-2025-014 ] && t "$n pdf: Unicode names come out right" sh -c \
	    "pdftotext '$pdf' - | grep -q 'Zoë' && pdftotext '$pdf' - | grep -q 'Łukasz'"
done

echo "== outputs: bad input writes nothing and leaves earlier outputs alone"
c=fixtures/cases/northshire-2025-014
if [ -d "$c" ]; then
	rm -rf "$T/keep" && cp -r "$c" "$T/keep"
	"$BIN" build -q -o "$T/out3" "$T/keep" > /dev/null 2>&1
	( cd "$T/out3" && find . -type f | sort | xargs md5sum ) > "$T/before.sum"
	printf '<chronology version="1" agency="police"><event' > "$T/keep/chronology/zz-broken.xml"
	exits "build of a case with a broken return: exit 65" 65 "$BIN" build -q -o "$T/out3" "$T/keep"
	( cd "$T/out3" && find . -type f | sort | xargs md5sum ) > "$T/after.sum"
	t "earlier outputs untouched, no temporary files left" cmp "$T/before.sum" "$T/after.sum"
	exits "build into an unwritable place: exit 73" 73 "$BIN" build -q -o /proc/cspr-cannot "$c"
	rm -rf "$T/out3/NSCP-2025-014/integrated-chronology.pdf" && mkdir "$T/out3/NSCP-2025-014/integrated-chronology.pdf"
	md5sum "$T/out3/NSCP-2025-014/integrated-chronology.docx" > "$T/docx.sum"
	exits "a folder where an output goes: exit 73" 73 "$BIN" build -q -o "$T/out3" "$c"
	t "... and the other output was not replaced" md5sum -c --quiet "$T/docx.sum"
	rm -rf "$T/c2" && cp -r "$c" "$T/c2"
	exits "two cases with one reference: exit 65" 65 "$BIN" build -q -o "$T/out4" "$c" "$T/c2"
	t "... and nothing was written" test ! -e "$T/out4"
fi

echo "== the reviewer's material"
if [ -d "$c" ]; then
	rm -rf "$T/rv" && cp -r "$c" "$T/rv"
	sed -i 's/partner="police" vote="yes"/partner="police" vote="maybe"/' "$T/rv/review/review.xml"
	exits "a vote that is not yes or no: exit 65" 65 "$BIN" check "$T/rv"
	cp "$T/last.out" "$T/rv.out"
	t "... at its line, naming what is valid" grep -q "review/review.xml:6:.*error:.*maybe.*\(yes\|{yes, no}\|'yes', 'no'\)" "$T/rv.out"
	rm -rf "$T/rv" && cp -r "$c" "$T/rv" && echo "notes" > "$T/rv/review/notes.md"
	"$BIN" check "$T/rv" > "$T/rv.out" 2>&1
	t "an unknown file in review/: a warning naming the valid ones" \
	    grep -q "notes.md: warning: ignored: .*valid: summary.md" "$T/rv.out"
	rm -rf "$T/rv" && cp -r "$c" "$T/rv" && sed -i 's/<disagreement>.*<\/disagreement>//' "$T/rv/review/review.xml"
	"$BIN" check "$T/rv" > "$T/rv.out" 2>&1
	t "votes that differ with no disagreement recorded: a warning" \
	    grep -q "votes differ but no <disagreement> is recorded" "$T/rv.out"
fi

echo "== text from returns and narratives is text, never template or markup"
if [ -d "$c" ]; then
	rm -rf "$T/lit" && cp -r "$c" "$T/lit"
	$PY -c "
p = '$T/lit/chronology/police.xml'
s = open(p, encoding='utf-8').read().replace('<what>Police attended',
    '<what>LITERAL {ref} {partnership} # Not a heading &lt;w:p&gt;x&lt;/w:p&gt; | a | b | '
    'PDFSTR (a) \\\\b) (c \u285c\u0d28 \u5c29 end | Police attended', 1)
open(p, 'w', encoding='utf-8').write(s)
open('$T/pdfstr.txt', 'w', encoding='utf-8').write('PDFSTR (a) \\\\b) (c \u285c\u0d28 \u5c29 end\n')"
	printf '\nLITERAL2 {ref} {child} <w:t>raw</w:t> | not | a table |\n' >> "$T/lit/review/summary.md"
	t "a case with template and markup characters builds" "$BIN" build -q -o "$T/litout" "$T/lit"
	t "... the chronology shows the return's text as written (PDF)" sh -c \
	    "pdftotext -raw '$T/litout/NSCP-2025-014/integrated-chronology.pdf' - | tr '\n' ' ' | grep -qF 'LITERAL {ref} {partnership} # Not a heading <w:p>x</w:p> | a | b |'"
	# PDF text is drawn as two-byte codes in literal strings: the
	# delimiters, backslash, and codes whose bytes are those (U+285C,
	# U+0D28, U+5C29: '(' '\\', CR '(', '\\' ')') must come back as written.
	t "... string delimiters and such codes come back from the PDF as written" sh -c \
	    "pdftotext -raw '$T/litout/NSCP-2025-014/integrated-chronology.pdf' - | tr '\n' ' ' | grep -qF -f '$T/pdfstr.txt'"
	# A raw CR in a literal string reads as LF by the standard (7.3.4.2),
	# though poppler keeps it: U+0D28's first byte must be escaped.
	t "... and no content stream holds a raw CR" sh -c \
	    "qpdf --stream-data=uncompress --object-streams=disable '$T/litout/NSCP-2025-014/integrated-chronology.pdf' '$T/lit-qdf.pdf' &&
	    $PY -c \"import re, sys; d = open('$T/lit-qdf.pdf', 'rb').read(); s = [x for x in re.findall(rb'stream\\n(.*?)endstream', d, re.S) if b') Tj' in x]; sys.exit(not s or any(b'\\r' in x for x in s))\""
	t "... and the report shows the narrative's (PDF)" sh -c \
	    "pdftotext -raw '$T/litout/NSCP-2025-014/rapid-review-report.pdf' - | tr '\n' ' ' | grep -qF 'LITERAL2 {ref} {child} <w:t>raw</w:t> | not | a table |'"
	t "... and the DOCX holds it as text, its XML intact" $PY -c "
import docx, sys
d = docx.Document('$T/litout/NSCP-2025-014/integrated-chronology.docx')
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
sys.exit(not any('LITERAL {ref} {partnership} # Not a heading <w:p>x</w:p> | a | b |' in c for c in cells))"
fi

echo "== templates: a bad one is an error at its line, and nothing is written"
if [ -d "$c" ]; then
	rm -rf "$T/badt" && cp -r templates "$T/badt"
	n1=$(($(wc -l < templates/learning-brief.txt) + 1))
	printf 'frobnicate now\ntext Hello {name}\ngenerated nothing-such\n' >> "$T/badt/learning-brief.txt"
	exits "a template with an unknown keyword: exit 65" 65 "$BIN" build -q --templates "$T/badt" -o "$T/badtout" "$c"
	cp "$T/last.out" "$T/badt.err"
	t "... at its line and column, naming the valid keywords" \
	    grep -q "learning-brief.txt:$n1:1: error: unknown keyword 'frobnicate' (valid: audience, title," "$T/badt.err"
	t "... an unknown {name}, at its column" \
	    grep -q "learning-brief.txt:$((n1 + 1)):12: error: unknown or unclosed {name} (valid: {ref}" "$T/badt.err"
	t "... and nothing written" test ! -e "$T/badtout"
	sed -i '/^frobnicate/d; /{name}/d' "$T/badt/learning-brief.txt"
	exits "a template naming an unknown generated part: exit 65" 65 "$BIN" build -q --templates "$T/badt" -o "$T/badtout" "$c"
	cp "$T/last.out" "$T/badt.err"
	t "... naming the valid parts" grep -q "no generated part 'nothing-such' (valid: agencies," "$T/badt.err"
	t "... and nothing written, not even a folder" test ! -e "$T/badtout"
fi

echo "== audiences: drafts, and the publication gate"
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

echo "== anonymisation: the hard case"
A=fixtures/cases/eastmoor-2026-003
AP="$T/pub/Child A (publication)"
if [ -d "$A" ]; then
	# Names two people share are undecided: refused until decided.
	exits "publication with undecided shared names: exit 65" 65 "$BIN" build -q --audience publication -o "$T/pubr" "$A"
	cp "$T/last.out" "$T/pubr.err"
	t "... each at its place in the case's files, by register id" grep -q "eastmoor-2026-003/chronology/[a-z]*\.[a-z]*:[0-9]*:[0-9]*: error: publication: shared-name P0[0-9]/P0[0-9] (family): undecided" "$T/pubr.err"
	t "... the report giving the edit that decides each" grep -q "^	decide: add <alias>the words at fixtures/cases/eastmoor-2026-003/.*:[0-9]*:[0-9]*</alias> to the person they mean (one of P0" "$T/pubr/Child A (publication).residual-risk.txt"
	t "... and no folder left behind" test ! -e "$T/pubr/Child A (publication)"
	exits "publication with --accept-residual, every document: exit 0" 0 "$BIN" build -q --audience publication --accept-residual --document all -o "$T/pub" "$A"
	cp "$T/last.out" "$T/pub.err"
	t "... writes all ten files" test "$(ls "$AP" | wc -l)" = 10
	t "... under a folder name from the published name" test ! -e "$T/pub/EMSCP-2026-Brennan (publication)"
	t "... and the residual-risk report beside the folder, not in it" \
	    sh -c "test -s '$AP.residual-risk.txt' && ! ls '$AP' | grep -q residual"
	leak "leakscan finds nothing in the outputs or the report" --terms tests/anon/eastmoor.terms "$T/pub"
	"$BIN" build -q -o "$T/int" "$A" >/dev/null 2>&1
	if [ -n "$LEAKSCAN" ]; then
		t "leakscan does find the names in the internal drafts (it can fail)" sh -c "! '$LEAKSCAN' --terms tests/anon/eastmoor.terms '$T/int' >/dev/null"
	fi
	t "recall 100%, no common word replaced, grammar kept, nothing reads badly" $PY tests/anon_check.py tests/anon/eastmoor.probes "$AP" "$A/case.xml"
	sed -n '/^recall/,$p' "$T/last.out"
	t "the report flags a name two people share, by id" grep -q "^shared-name	P01/P02 (family)" "$AP.residual-risk.txt"
	t "... and names that are also common words, by id" sh -c "grep -q '^common-word name	P04 (given)' '$AP.residual-risk.txt' && grep -q '^common-word name	P05 (given)' '$AP.residual-risk.txt'"
	t "... and words it does not know" grep -q "^unknown-word	Sertraline	1	" "$AP.residual-risk.txt"
	t "no register name in anything cspr printed" sh -c "! grep -qi 'kayleigh\|brennan\|deccy\|hawthorn' '$T/pub.err' '$T/pubr.err'"
	for f in "$AP"/*.docx; do t "$(basename "$f") (publication) is sound" $PY tests/docx_check.py "$f"; done
	for f in "$AP"/*.pdf; do t "$(basename "$f") (publication) is sound" sh tests/pdf_check.sh "$f"; done
	"$BIN" build -q --audience publication --accept-residual --document all -o "$T/pub2" "$A" > /dev/null 2>&1
	t "publication output is byte-identical across builds" diff -r "$T/pub" "$T/pub2"
	"$BIN" dump -q --stage doc --document learning-brief --audience publication "$A" > "$T/eastmoor.lb.pub" 2>&1
	golden "dump doc learning-brief, publication, of the hard case" tests/golden/eastmoor-2026-003.learning-brief.publication "$T/eastmoor.lb.pub"
	exits "--strict with undecided entries: exit 65" 65 "$BIN" build -q --strict --accept-residual --audience publication -o "$T/strict" "$A"
	cp "$T/last.out" "$T/strict.err"
	t "... naming how many, and writing no document" sh -c "grep -q -- '--strict: [0-9]* undecided' '$T/strict.err' && test -z \"\$(find '$T/strict' -name '*.pdf' -o -name '*.docx')\""
	# The gate: a pass switched off leaves names the gate must catch.
	cp -r "$T/pub" "$T/gate"
	find "$T/gate" -type f \( -name '*.*x' -o -name '*.pdf' \) -print0 | xargs -0 md5sum | sort > "$T/gate.before"
	CSPR_ANON_OFF=possessive "$BIN" build -q --audience publication --accept-residual --document all -o "$T/gate" "$A" > "$T/gate.out" 2>&1
	t "the gate fails a build that leaks: exit 65" test $? = 65
	t "... naming file, part or page and register id" grep -q "learning-brief.pdf: error: publication gate: page 1: register entry P01 (given name) is still there" "$T/gate.out"
	t "... never the name" sh -c "! grep -qi 'kayleigh' '$T/gate.out'"
	find "$T/gate" -type f \( -name '*.*x' -o -name '*.pdf' \) -print0 | xargs -0 md5sum | sort > "$T/gate.after"
	t "... and leaves the earlier outputs as they were" sh -c "cmp '$T/gate.before' '$T/gate.after' || diff '$T/gate.before' '$T/gate.after'"
	t "... with no temporary file left" sh -c "test -z \"\$(find '$T/gate' -name '.*.docx.??????*' -o -name '.*.pdf.??????')\""
	# poppler's page text joins table cells ("Agency 0" "100" "100"
	# "100 of 100" as "Agency 0100100100 of 100", an NHS number's
	# shape); the gate reads the page with a tab between them.
	rm -rf "$T/cells" "$T/cellsout" && $PY tests/gen_case.py "$T/cells" 2 100
	t "the gate does not read table cells as one number" "$BIN" build -q --format pdf --audience publication --accept-residual --document all -o "$T/cellsout" "$T/cells"
	exits "... and still finds a name in them" 65 env CSPR_ANON_OFF=given "$BIN" build -q --format pdf --audience publication --accept-residual --document all -o "$T/cellsout2" "$T/cells"
	cp "$T/last.out" "$T/cells.err"
	t "... in the chronology" grep -q "integrated-chronology.pdf: error: publication gate: page [0-9]*: register entry P0[12] (given name) is still there" "$T/cells.err"
	rm -rf "$T/rel" && cp -r "$A" "$T/rel" && sed -i 's|dates="month-year"|dates="relative"|' "$T/rel/case.xml"
	"$BIN" dump -q --stage doc --document learning-brief --audience publication "$T/rel" > "$T/rel.dump" 2>&1
	t "dates=relative: days from the incident" sh -c "grep -q 'admitted to hospital on Day 0 with' '$T/rel.dump' && ! grep -q 'March 2025' '$T/rel.dump'"
	sed -i 's|dates="relative"|dates="year"|' "$T/rel/case.xml"
	"$BIN" dump -q --stage doc --document learning-brief --audience publication "$T/rel" > "$T/rel.dump" 2>&1
	t "dates=year: the year alone" sh -c "grep -q 'admitted to hospital in 2025 with' '$T/rel.dump' && ! grep -q 'March 2025' '$T/rel.dump'"
	exits "an unknown CSPR_ANON_OFF kind: exit 65" 65 env CSPR_ANON_OFF=nosuch "$BIN" build -q --audience publication -o "$T/mut2" "$A"
	rm -rf "$T/badre" && cp -r "$A" "$T/badre" && sed -i 's|EM/\[0-9\]{4}|EM/([0-9]{4}|' "$T/badre/case.xml"
	exits "a bad reference pattern: exit 65" 65 "$BIN" build -q --audience publication -o "$T/badreout" "$T/badre"
	cp "$T/last.out" "$T/badre.err"
	t "... at its place in case.xml, naming PCRE2" grep -q "badre/case.xml:[0-9]*: error: identifier pattern 'police reference' is not a valid regular expression (PCRE2 syntax)" "$T/badre.err"
	t "... and nothing written" test ! -e "$T/badreout"
fi

echo "== anonymisation: cases nobody tuned it to"
# Two fixtures written before the anonymiser's fixes, by someone who did
# not read it: every document published (--document all), read back by
# leakscan, the probes, and the checks of how the text reads.
for h in "wenmouth-2026-011:Child W" "hollinford-2026-007:Baby H"; do
	c2=fixtures/cases/${h%%:*}
	n=${h%%-*}
	HP="$T/hp-$n/${h#*:} (publication)"
	[ -d "$c2" ] || continue
	exits "$n: publication of every document: exit 0 (no gate false alarm)" 0 \
	    "$BIN" build -q --audience publication --accept-residual --document all -o "$T/hp-$n" "$c2"
	leak "$n: leakscan finds none of its terms in any output or the report" --terms "tests/anon/$n.terms" "$T/hp-$n"
	t "$n: recall 100%, no word replaced, nothing reads badly" $PY tests/anon_check.py "tests/anon/$n.probes" "$HP" "$c2/case.xml"
	sed -n '/^recall/,$p' "$T/last.out"
	t "$n: no live link but web and mail addresses" $PY -c "
import re, subprocess, sys, zipfile
bad = []
for d in ('rapid-review-report', 'learning-brief'):
    z = zipfile.ZipFile('$HP/' + d + '.docx')
    rels = z.read('word/_rels/document.xml.rels').decode()
    bad += [t for t in re.findall(r'TargetMode=\"External\" Target=\"([^\"]*)', rels)
            if not re.match(r'(https?|mailto):', t, re.I)]
    q = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', '$HP/' + d + '.pdf', '-'],
                       capture_output=True).stdout.decode('latin-1')
    bad += [u for u in re.findall(r'/URI \((.*?)\)', q) if not re.match(r'(https?|mailto):', u, re.I)]
print(bad)
sys.exit(1 if bad else 0)"
	t "$n: no bidi control left in the text" sh -c "! pdftotext '$HP/rapid-review-report.pdf' - | grep -q \"\$(printf '\342\200[\252-\256]\|\342\201[\246-\251]')\""
	t "$n: no day interval, time or day count beside month-only dates" sh -c \
	    "! pdftotext -layout '$HP/integrated-chronology.pdf' - | grep -q '+[0-9]* d\b\|: [0-9]* days\b\|[A-Z][a-z][a-z] 20[0-9][0-9] [0-2][0-9]:[0-5][0-9]'"
	"$BIN" build -q --audience publication --accept-residual --document all -o "$T/hp2-$n" "$c2" > /dev/null 2>&1
	t "$n: publication output byte-identical across builds" diff -r "$T/hp-$n" "$T/hp2-$n"
	"$BIN" build -q -o "$T/hi-$n" "$c2" > /dev/null 2>&1
	[ -n "$LEAKSCAN" ] && t "$n: leakscan does find its terms in the drafts (it can fail)" sh -c "! '$LEAKSCAN' --terms tests/anon/$n.terms '$T/hi-$n' > /dev/null"
done
W=fixtures/cases/wenmouth-2026-011
if [ -d "$W" ]; then
	exits "wenmouth by default: refused, a family name its people share left undecided" 65 "$BIN" build -q --audience publication -o "$T/wdef" "$W"
	cp "$T/last.out" "$T/wdef.err"
	t "... listed at its file and line" grep -q "wenmouth-2026-011/review/[a-z-]*\.md:[0-9]*:[0-9]*: error: publication: shared-name P01/P04 (family): undecided" "$T/wdef.err"
	t "... nothing published, no folder made" test ! -e "$T/wdef/Child W (publication)"
	t "... a short report: what to decide first, then at most twenty more" sh -c \
	    "test \$(grep -c '^[a-z]' '$T/wdef/Child W (publication).residual-risk.txt') -le 30"
fi
# Mutation check: each detector and variant kind switched off in turn
# must make the gate, leakscan or the probes fail, on one case or another.
# Under valgrind (CSPR_WRAP) a representative four: the check is of the
# detectors' logic, which the plain and ASan runs cover whole; valgrind
# is here for memory, and 27 publication builds would take it 20 minutes.
kinds="full given family title initials possessive plural alias caps
    accents separators runs nhs nino postcode phone email url reference dates
    bidi confusables glued handle address otherid"
[ -n "${CSPR_WRAP:-}" ] && kinds="given nhs glued otherid"
for k in $kinds; do
	caught=0
	for h in "eastmoor-2026-003:Child A" "wenmouth-2026-011:Child W" "hollinford-2026-007:Baby H"; do
		c2=fixtures/cases/${h%%:*}
		n=${h%%-*}
		rm -rf "$T/mut"
		if ! CSPR_ANON_OFF=$k "$BIN" build -q --audience publication --accept-residual --document all -o "$T/mut" "$c2" > "$T/mut.out" 2>&1 ||
		    ! $PY tests/anon_check.py "tests/anon/$n.probes" "$T/mut/${h#*:} (publication)" >> "$T/mut.out" 2>&1; then
			caught=1
			break
		fi
	done
	if [ $caught = 1 ]; then ok "mutation: '$k' switched off is caught ($n)"; else ko "mutation: '$k' switched off, yet nothing failed" "$T/mut.out"; fi
done

echo "== pathological input: no crash, and time that grows with the input, not its square"
# Each was a bug: the case accepted by check, then a crash or a hang in
# build (issue 23). The bound is ten times the time taken once fixed.
if [ -d "$c" ]; then
	for p in '>' '- ' '> ' '[' '!['; do
		rm -rf "$T/path" && cp -r "$c" "$T/path"
		$PY -c "import sys; sys.stdout.write(sys.argv[1] * (300000 // len(sys.argv[1])))" "$p" > "$T/path/review/summary.md"
		t "300 KB of '$p' in a narrative: check accepts it" "$BIN" check -q "$T/path"
		t "... and build builds it, every document" timeout 60 "$BIN" build -q --force -o "$T/pathout" "$T/path"
		t "... and dump --stage doc too" sh -c "timeout 60 '$BIN' dump -q --stage doc --document learning-brief '$T/path' > /dev/null"
	done
	rm -rf "$T/path" && cp -r "$c" "$T/path"
	$PY -c "print('-\n' * 80000)" > "$T/path/review/summary.md"
	t "80,000 empty list items: laid out in seconds (took minutes)" timeout 20 "$BIN" build -q --force --format pdf --document learning-brief -o "$T/pathout" "$T/path"
fi

echo "== batch regeneration: only what changed, byte-identical to a clean build"
if [ -d "$c" ] && [ -d "$A" ]; then
	rm -rf "$T/batch" "$T/bout" && mkdir -p "$T/batch" && cp -r "$c" "$T/batch/a" && cp -r "$A" "$T/batch/b"
	t "a batch of two cases builds" "$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b"
	t "... all twenty files" test "$(ls "$T/bout"/*/ | grep -c 'x$\|pdf$')" = 20
	ls -l --time-style=full-iso "$T/bout"/*/ > "$T/batch.ls1"
	"$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b" > "$T/batch.out" 2> "$T/batch.err"
	t "a rebuild with nothing changed writes nothing" test ! -s "$T/batch.out"
	t "... says so" grep -q "note: 2 cases: 0 rebuilt (0 documents), 2 unchanged" "$T/batch.err"
	ls -l --time-style=full-iso "$T/bout"/*/ > "$T/batch.ls2"
	t "... and touches no file" cmp "$T/batch.ls1" "$T/batch.ls2"
	echo "Ask who else lives in the home, every time." >> "$T/batch/b/review/learning.md"
	"$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b" > "$T/batch.out" 2> "$T/batch.err"
	t "a narrative edited: exactly the documents that use it are rebuilt" sh -c \
	    "sed 's|.*/||' '$T/batch.out' | sort | tr '\n' ' ' | grep -qx 'learning-brief.docx learning-brief.pdf rapid-review-report.docx rapid-review-report.pdf '"
	t "... in the edited case only" sh -c "! grep -q NSCP '$T/batch.out'"
	t "... summarised" grep -q "batch/b: 2 documents rebuilt, 3 unchanged" "$T/batch.err"
	"$BIN" build -q -o "$T/bclean" "$T/batch/a" "$T/batch/b" > /dev/null 2>&1
	t "the rebuilt outputs equal a clean build's, byte for byte" diff -r -x .cspr "$T/bout" "$T/bclean"
	"$BIN" build -q --jobs 2 -o "$T/bjobs" "$T/batch/a" "$T/batch/b" > "$T/bjobs.out" 2>&1
	t "--jobs 2 builds the same files" diff -r -x .cspr "$T/bclean" "$T/bjobs"
	exits "--jobs 0: usage (64)" 64 "$BIN" build -j 0 -o "$T/bj0" "$T/batch/a"
	t "progress shows on a terminal" sh -c "script -qec \"'$BIN' build --force -o '$T/bprog' '$T/batch/a' '$T/batch/b'\" /dev/null | grep -q '\[2/2\]'"
	t "... and not in a pipe" sh -c "! '$BIN' build --force -o '$T/bprog' '$T/batch/a' '$T/batch/b' 2>&1 | grep -q '\[2/2\]'"
	# The business unit allows a word the report listed, and builds again.
	"$BIN" build -q --audience publication --accept-residual --document all -o "$T/bpub" "$T/batch/b" > /dev/null 2>&1
	t "the residual-risk report lists an unknown word" grep -q "^unknown-word	Sertraline" "$T/bpub/Child A (publication).residual-risk.txt"
	ls -l --time-style=full-iso "$T/bpub"/*/ > "$T/bpub.ls1"
	sed -i 's|<allow>Eastmoor</allow>|<allow>Eastmoor</allow><allow>Sertraline</allow>|' "$T/batch/b/case.xml"
	"$BIN" build -q --audience publication --accept-residual --document all -o "$T/bpub" "$T/batch/b" > "$T/bpub.out" 2>&1
	t "after allowing it, the report no longer does" sh -c "! grep -q Sertraline '$T/bpub/Child A (publication).residual-risk.txt'"
	ls -l --time-style=full-iso "$T/bpub"/*/ > "$T/bpub.ls2"
	t "... and no document, unchanged by it, was rewritten" cmp "$T/bpub.ls1" "$T/bpub.ls2"
	# Killed mid-build: earlier outputs whole, and the next build right.
	bad=0
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		"$BIN" build -q --force -o "$T/bout" "$T/batch/a" "$T/batch/b" > /dev/null 2>&1 &
		pid=$!
		sleep "0.$((i * 7 % 10))$((i % 10))"
		kill -9 $pid 2> /dev/null
		wait $pid 2> /dev/null
		for f in "$T/bout"/*/*.docx; do unzip -tq "$f" > /dev/null 2>&1 || bad=$((bad + 1)); done
		for f in "$T/bout"/*/*.pdf; do qpdf --check "$f" > /dev/null 2>&1 || bad=$((bad + 1)); done
	done
	t "killed 12 times mid-build: every output still whole" test "$bad" = 0
	t "... and the next build completes" "$BIN" build -q -o "$T/bout" "$T/batch/a" "$T/batch/b"
	t "... equal to a clean build" diff -r -x .cspr "$T/bout" "$T/bclean"
	t "... leaving no temporary file" sh -c "test -z \"\$(find '$T/bout' -name '.*.docx.??????*' -o -name '.*.pdf.??????')\""
fi

echo "== reading only what it was given, writing only what it should"
if [ -d "$c" ]; then
	# A link in the case folder is never followed, to a file or a folder.
	rm -rf "$T/sl" "$T/slout" && cp -r "$c" "$T/sl"
	rm -f "$T/sl/review/national.md" && ln -s /etc/passwd "$T/sl/review/national.md"
	ln -s /usr/lib "$T/sl/chronology/zz"
	"$BIN" build --force -o "$T/slout" "$T/sl" > /dev/null 2> "$T/sl.err"
	t "a link to /etc/passwd as a narrative: not read, and said so" sh -c \
	    "grep -q 'sl/review/national.md: warning: ignored: a symbolic link' '$T/sl.err' && ! pdftotext '$T/slout/NSCP-2025-014/rapid-review-report.pdf' - | grep -q 'root:'"
	t "a linked folder inside a return folder: not walked" grep -q "sl/chronology/zz: warning: ignored: a symbolic link" "$T/sl.err"
	rm "$T/sl/review/national.md" "$T/sl/chronology/zz"
	mv "$T/sl/scoping" "$T/sl-scoping" && ln -s "$PWD/$T/sl-scoping" "$T/sl/scoping"
	"$BIN" check "$T/sl" > /dev/null 2> "$T/sl.err"
	t "a return folder that is a link: not followed" grep -q "sl/scoping: warning: ignored: a symbolic link to a folder" "$T/sl.err"
	rm "$T/sl/scoping" && mv "$T/sl-scoping" "$T/sl/scoping"
	# The stamp reads what the build reads: a 20 GB sparse file beside
	# the returns costs nothing.
	truncate -s 20G "$T/sl/attachment.bin" 2> /dev/null || dd if=/dev/zero of="$T/sl/attachment.bin" bs=1 count=0 seek=20G 2> /dev/null
	"$BIN" build -q -o "$T/slout" "$T/sl" > /dev/null 2>&1
	t "a 20 GB file in the case folder: a rebuild with nothing changed, in under 5 s" sh -c \
	    "timeout 5 '$BIN' build -o '$T/slout' '$T/sl' 2>&1 | grep -q '0 rebuilt (0 documents), 1 unchanged'"
	rm -f "$T/sl/attachment.bin"
	# A link where a case's output folder goes is never written through.
	rm -rf "$T/lo1" "$T/lotarget" && mkdir -p "$T/lo1" "$T/lotarget" && ln -s "$PWD/$T/lotarget" "$T/lo1/NSCP-2025-014"
	exits "a link in place of the case's output folder: exit 73" 73 "$BIN" build -q -o "$T/lo1" "$c"
	t "... nothing written through it" test -z "$(ls "$T/lotarget")"
	# Folders are unique by construction: a reference looks like no
	# publication's folder; a second case with one's reference is refused.
	rm -rf "$T/col" "$T/colout" && cp -r "$c" "$T/col" && sed -i 's/ref="NSCP-2025-014"/ref="Child-A-publication"/' "$T/col/case.xml"
	"$BIN" build -q --audience publication -o "$T/colout" "$c" > /dev/null 2>&1
	t "a draft whose reference reads like a publication leaves the publication alone" sh -c \
	    "'$BIN' build -q -o '$T/colout' '$T/col' > /dev/null 2>&1 && test -s '$T/colout/Child A (publication)/learning-brief.pdf' && test -s '$T/colout/Child-A-publication/rapid-review-report.pdf'"
	"$BIN" build -q -o "$T/colout" "$c" > /dev/null 2>&1
	rm -rf "$T/col2" && cp -r "$c" "$T/col2" && sed -i 's/Northshire Safeguarding/Another Safeguarding/' "$T/col2/case.xml"
	exits "another case with the same reference, into the same folder: exit 73" 73 "$BIN" build -q -o "$T/colout" "$T/col2"
	cp "$T/last.out" "$T/col.err"
	t "... saying whose it is" grep -q "NSCP-2025-014: error: cannot write there: it holds the documents of another case or audience" "$T/col.err"
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

echo "== limits: each with a clear error, configurable"
if [ -d "$c" ]; then
	exits "a bad CSPR_LIMITS: usage (64)" 64 env CSPR_LIMITS=files=1 "$BIN" check "$c"
	exits "a CSPR_LIMITS too big to hold (was wrapped round to 0): usage (64)" 64 env CSPR_LIMITS=file=17179869184G "$BIN" check "$c"
	exits "total=10K: a case whose files come to more is refused: exit 65" 65 env CSPR_LIMITS=total=10K "$BIN" check "$c"
	cp "$T/last.out" "$T/total.err"
	t "... before it is read, saying how to raise the limit" grep -q "northshire-2025-014: error: its files come to 0.[0-9] MiB, more than 10 KiB for one case: .*(or raise the limit: CSPR_LIMITS=total=N)" "$T/total.err"
	# A return saved by Windows Notepad (a byte order mark, CR LF) or an
	# old Mac editor (CR alone) reads as any other.
	for eol in crlf cr; do
		rm -rf "$T/eol" && cp -r "$c" "$T/eol"
		for f in "$T/eol"/chronology/*.md "$T/eol"/scoping/*.md; do
			{ printf '\357\273\277'; if [ $eol = crlf ]; then sed 's/$/\r/' "$f"; else tr '\n' '\r' < "$f"; fi; } > "$T/eol.tmp" && mv "$T/eol.tmp" "$f"
		done
		t "Markdown returns with a byte order mark and $eol line ends: read as they are" sh -c \
		    "'$BIN' check -q '$T/eol' && '$BIN' dump -q --stage case '$T/eol' | sed 's|$T/eol|CASE|' > '$T/eol.case' && '$BIN' dump -q --stage case '$c' | sed 's|$c|CASE|' | diff -q - '$T/eol.case' > /dev/null"
	done
	CSPR_LIMITS=events=5 "$BIN" check "$c" > /dev/null 2> "$T/lim.err"
	t "events=5: a return with more is refused, naming the limit" grep -q "csc.xml:[0-9]*: error: more than 5 events in one return: split it (or raise the limit: CSPR_LIMITS=events=N)" "$T/lim.err"
	CSPR_LIMITS=field=20 "$BIN" check "$c/chronology/gp.md" > /dev/null 2> "$T/lim.err"
	t "field=20: a longer field is refused at its cell" grep -q "gp.md:8:63: error: 'What happened' is larger than 20 bytes" "$T/lim.err"
	head -c 104857600 /dev/zero | tr '\0' 'a' > "$T/huge.md"
	exits "a 100 MB return: exit 65 within 5 s" 65 timeout 5 "$BIN" check "$T/huge.md"
	cp "$T/last.out" "$T/huge.err"
	t "... saying the limit and how to raise it" grep -q "huge.md: error: file is larger than 8 MiB: split the return or remove embedded material (or raise the limit: CSPR_LIMITS=file=N)" "$T/huge.err"
	# The binary itself, not a wrapper (valgrind's memory is its own).
	t "... in bounded memory (under 64 MiB)" sh -c "/usr/bin/time -f %M '$O/cspr' check '$T/huge.md' 2>&1 >/dev/null | tail -1 | awk '{ exit !(\$1 < 65536) }'"
	# A guard against a hang, not a timing: valgrind takes 15 to 18 s
	# alone, more beside another suite.
	lim=20
	[ -n "${CSPR_WRAP:-}" ] && lim=120
	t "CSPR_LIMITS=file=200M reads it (and finds it is no return)" sh -c "CSPR_LIMITS=file=200M timeout $lim '$BIN' check '$T/huge.md' 2>&1 | grep -q 'no .Agency:. line'"
	rm -f "$T/huge.md"
	/usr/bin/python3 -c "print('<?xml version=\"1.0\"?>\\n<chronology version=\"1\" agency=\"x\">' + '<a>' * 10000 + '</a>' * 10000 + '</chronology>')" > "$T/deep.xml"
	exits "10,000-deep XML: exit 65 within 5 s" 65 timeout 5 "$BIN" check "$T/deep.xml"
	rm -rf "$T/deepmd" && cp -r "$c" "$T/deepmd"
	/usr/bin/python3 -c "print('> ' * 10000 + 'deep')" > "$T/deepmd/review/summary.md"
	/usr/bin/python3 -c "print(''.join('  ' * i + '- item\\n' for i in range(2000)))" > "$T/deepmd/review/learning.md"
	t "10,000-deep Markdown in narratives: built within 20 s" timeout 20 "$BIN" build -q -o "$T/deepmdout" "$T/deepmd"
	# Nothing read or fetched that a return points at, with no network
	# at all (a network namespace) and every open and connect watched.
	printf '<?xml version="1.0"?>\n<chronology version="1" agency="police" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://127.0.0.1:9/evil.xsd"><author role="x"/></chronology>\n' > "$T/schemaloc.xml"
	nonet=""
	unshare -n true 2> /dev/null && nonet="unshare -n"
	for f in fixtures/bad/doctype-external-entity.xml fixtures/bad/entity-bomb.xml fixtures/bad/chron-xinclude.xml "$T/schemaloc.xml" fixtures/bad-cases/case-doctype; do
		strace -f -e trace=open,openat,connect,socket -o "$T/strace2.out" \
		    $nonet "$BIN" check "$f" > /dev/null 2>&1
		if grep -q -e passwd -e 'connect(' -e 'socket(' -e 'evil' "$T/strace2.out"; then
			ko "$(basename "$f"): nothing it points at is opened or fetched" "$T/strace2.out"
		else ok "$(basename "$f"): nothing it points at is opened or fetched"; fi
	done
fi

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
	exits "a template folder that is not there: exit 66" 66 "$BIN" build -q --templates "$T/no-templates" -o "$T/fo2" "$c"
	rm -rf "$T/nofont" && cp -r templates "$T/nofont" && sed -i "s|^font.regular .*|font.regular = /nonexistent/font.ttf|" "$T/nofont/style.conf"
	exits "a font file that is not there: exit 65" 65 "$BIN" build -q --templates "$T/nofont" -o "$T/fo3" "$c"
	cp "$T/last.out" "$T/nofont.err"
	t "... naming it at its line, and writing nothing" sh -c "grep -q 'nofont/style.conf:6:16: error: cannot read font file .*nonexistent/font.ttf' '$T/nofont.err' && test ! -e '$T/fo3'"
	# A font file that is there but is not a whole font: the PDF is
	# refused (73), the case keeps its earlier files, nothing crashes.
	rm -rf "$T/badfont" && cp -r templates "$T/badfont" && head -c 1022 \
	    /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf > "$T/badfont/bad.ttf"
	sed -i "s|^font.regular .*|font.regular = $(cd "$T/badfont" && pwd)/bad.ttf|" "$T/badfont/style.conf"
	exits "a font file cut short: exit 73" 73 "$BIN" build -q --templates "$T/badfont" -o "$T/fo4" "$c"
	cp "$T/last.out" "$T/badfont.err"
	t "... saying it is not a usable TrueType font, and keeping nothing" sh -c \
	    "grep -q \"cannot load font '.*bad.ttf': not a usable TrueType font\" '$T/badfont.err' && test -z \"\$(find '$T/fo4' -name '*.pdf' -o -name '*.docx' 2>/dev/null)\""
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

echo "== build --timings notes every stage"
if [ -d "$c" ]; then
	"$BIN" build -q --timings -o "$T/out5" "$c" > /dev/null 2> "$T/timings.err"
	for w in "read and checked" merged "rapid-review-report built" \
	    "integrated-chronology built" \
	    "integrated-chronology.docx: note: rendered" \
	    "integrated-chronology.pdf: note: rendered"; do
		t "--timings: $w" grep -q "$w: [0-9.]* s (peak memory so far [0-9]* MiB)" "$T/timings.err"
	done
fi

echo "== control characters in a return never reach the outputs"
if [ -d "$c" ]; then
	rm -rf "$T/ctl" && cp -r "$c" "$T/ctl"
	printf '| 99 | 14.03.25 | | | | SystmOne | Test | Bell\007 escape\033[31m nul-free \001text | | | n/a | n/a | P01 | Health Visitor 1 | no | background |\n' \
	    >> "$T/ctl/chronology/hv.md"
	t "build with control characters" "$BIN" build -q -o "$T/ctlout" "$T/ctl"
	t "their DOCX is sound" $PY tests/docx_check.py "$T/ctlout/NSCP-2025-014/integrated-chronology.docx"
	t "no control character in any DOCX part" sh -c "cd '$T' && rm -rf ctlx && mkdir ctlx && cd ctlx &&
	    unzip -q ../ctlout/NSCP-2025-014/integrated-chronology.docx &&
	    ! LC_ALL=C grep -rlP --include='*.xml' --include='*.rels' '[\x01-\x08\x0b\x0c\x0e-\x1f]' ."
	t "their PDF is sound and has the text" sh tests/pdf_check.sh "$T/ctlout/NSCP-2025-014/integrated-chronology.pdf"
	t "the text around them survives" sh -c "pdftotext '$T/ctlout/NSCP-2025-014/integrated-chronology.pdf' - | grep -q 'escape\[31m nul-free text'"
fi

echo "== backends on the every-feature sample"
t "sample docx" "$BIN" sample docx -o "$T/sample.docx"
t "sample docx: parts, relationships, python-docx" $PY tests/docx_check.py "$T/sample.docx"
t "sample docx: LibreOffice converts it" timeout 180 soffice -env:UserInstallation="file://$PWD/$T/lo-profile" \
    --headless --norestore --convert-to pdf --outdir "$T/lo" "$T/sample.docx"
# LibreOffice paginates on its own: leave out "Page X of Y".
grep -v '^Page [0-9]* of [0-9]*$' tests/sample-expected.txt > "$T/sample-expected-lo.txt"
t "sample docx via LibreOffice: every paragraph and cell, in order" \
    sh tests/pdf_check.sh -o -t "$T/lo/sample.pdf" "$T/sample-expected-lo.txt"
t "sample pdf" "$BIN" sample pdf -o "$T/sample.pdf"
t "sample pdf: qpdf, fonts, boxes within the margins, every text in order" \
    sh tests/pdf_check.sh -o -m 20 "$T/sample.pdf" tests/sample-expected.txt
grep -v -E '^(OFFICIAL-SENSITIVE|DRAFT|Page [0-9]+ of [0-9]+|Sample document: every feature)$' \
    tests/sample-expected.txt > "$T/sample-expected-tags.txt"
t "sample pdf: tagged, every text in the structure tree in order, artifacts out" \
    $PY tests/pdf_tags.py "$T/sample.pdf" "$T/sample-expected-tags.txt" \
    Document Sect H1 H2 H3 P L LI Lbl LBody Table TR TH TD Figure TOC TOCI Link
t "sample pdf: a header row repeated on each page is read once" sh -c \
    "test \$(pdfinfo -struct-text '$T/sample.pdf' | grep -c '\"What happened\"') = 1"
# A chronology past the sizes PDF readers are asked to handle in one
# array (8,191): 9,000 rows (in TBody groups), 1,500 pages (a page tree
# of nodes). It failed with libharu's array limit before cspr wrote its
# own PDF objects.
$PY tests/gen_case.py "$T/big-case" 10 900
t "a 9,000-event chronology builds as PDF" "$BIN" build -q --format pdf \
    --templates templates -o "$T/big" "$T/big-case"
t "... qpdf finds no fault in it" qpdf --check "$T/big/BENCH-1/integrated-chronology.pdf"
t "... its 9,000 rows are in the tree, under a THead and TBody groups" $PY -c "
import collections, re, subprocess
x = subprocess.run(['pdfinfo', '-struct', '$T/big/BENCH-1/integrated-chronology.pdf'],
    capture_output=True, text=True, check=True).stdout
n = collections.Counter(re.findall(r'^ *(THead|TBody|TR)\\b', x, re.M))
assert n['THead'] >= 1 and n['TBody'] >= 2 and n['TR'] > 9000, n
"
t "... no array in it holds more than 8,191 items, and it has every page" $PY -c "
import json, subprocess
j = json.loads(subprocess.run(['qpdf', '--json=1', '--json-key=objects',
    '$T/big/BENCH-1/integrated-chronology.pdf'], capture_output=True, text=True, check=True).stdout)
def walk(v):
    if isinstance(v, list):
        assert len(v) <= 8191, len(v)
        for x in v: walk(x)
    elif isinstance(v, dict):
        for x in v.values(): walk(x)
walk(j['objects'])
n = int(subprocess.run(['pdfinfo', '$T/big/BENCH-1/integrated-chronology.pdf'], capture_output=True,
    text=True).stdout.split('Pages:')[1].split()[0])
assert n > 1000, n
"
# Likely duplicates in a long chronology are found on two threads, each
# half of the days: their groups must be numbered as one pass would, in
# row order, each within one day. Two agencies' returns are copies of a
# third's, so that nearly every day has a group.
rm -rf "$T/dup-case" && cp -r "$T/big-case" "$T/dup-case" &&
	sed 's/agency="a00"/agency="a02"/' "$T/big-case/chronology/a00.xml" \
	    > "$T/dup-case/chronology/a02.xml" &&
	sed 's/agency="a00"/agency="a04"/' "$T/big-case/chronology/a00.xml" \
	    > "$T/dup-case/chronology/a04.xml"
t "a 9,000-event chronology with copied returns builds as DOCX" "$BIN" build \
    -q --format docx --templates templates -o "$T/dup" "$T/dup-case"
t "... its duplicate groups numbered in row order, each within a day" $PY -c "
import re, zipfile
x = zipfile.ZipFile('$T/dup/BENCH-1/integrated-chronology.docx').read('word/document.xml').decode()
seen, day, nrows = {}, {}, 0
for row in re.findall(r'<w:tr>(.*?)</w:tr>', x, re.S)[1:]:
    cells = [''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', c)) for c in re.findall(r'<w:tc>(.*?)</w:tc>', row, re.S)]
    if len(cells) != 9:
        continue
    nrows += 1
    for g in re.findall(r'Possible duplicate \(D(\d+)\)', cells[8]):
        g = int(g)
        if g not in seen:
            assert g == len(seen) + 1, ('group out of order', g, len(seen))
            seen[g] = nrows
        assert day.setdefault(g, cells[1]) == cells[1], ('group across days', g)
assert nrows >= 9000 and len(seen) > 500, (nrows, len(seen))
"
t "... again, glibc's malloc, its memory filled with other bytes" \
    env MALLOC_PERTURB_=90 \
    "$BIN" build -q --format docx --templates templates -o "$T/dup2" "$T/dup-case"
t "... the same DOCX, byte for byte (its 21 MB of XML deflated on a thread)" \
    cmp "$T/dup/BENCH-1/integrated-chronology.docx" \
    "$T/dup2/BENCH-1/integrated-chronology.docx"
t "sample pdf: a table without widths gets them from its content" $PY -c "
import re, subprocess
x = subprocess.run(['pdftotext', '-bbox', '$T/sample.pdf', '-'], capture_output=True, text=True).stdout
words = re.findall(r'<word xMin=\"([\d.]+)\"[^>]*>([^<]*)</word>', x)
seen = [float(a) for a, w in words if w == 'Seen']
what = [float(a) for a, w in words if w == 'What']
# text box 57 pt to 538 pt: equal thirds would put them at 217 and 378
assert seen and seen[0] < 120 and what and what[0] < 160, (seen, what)
"
for f in "$T/sample.pdf" "$T/lo/sample.pdf"; do
	t "title page: the title a third of the way down ($(basename "$(dirname "$f")")/$(basename "$f"))" $PY -c "
import re, subprocess
x = subprocess.run(['pdftotext', '-bbox', '-f', '1', '-l', '1', '$f', '-'], capture_output=True, text=True).stdout
h = float(re.search(r'<page width=\"[\d.]+\" height=\"([\d.]+)\"', x).group(1))
ys = [float(y) for y, w in re.findall(r'<word xMin=\"[\d.]+\" yMin=\"([\d.]+)\"[^>]*>([^<]*)</word>', x) if w == 'every']
assert ys and 0.3 * h < max(ys) < 0.6 * h, (ys, h)  # the largest: the header has it too
"
done
t "sample pdf: the contents give each heading's page" sh -c "pdftotext -layout -f 2 -l 2 '$T/sample.pdf' - |
    grep -Eq '^ *A landscape section with a long table +5\$'"
t "sample pdf: the contents link to the headings" sh -c "qpdf --qdf --object-streams=disable '$T/sample.pdf' '$T/sample-qdf.pdf';
    test \$(grep -ac '/Subtype /Link' '$T/sample-qdf.pdf') -ge 5"
t "sample docx: a TOC field, filled in with every heading" $PY -c "
import docx, re, sys
from docx.oxml.ns import qn
d = docx.Document('$T/sample.docx')
x = d.element.xml
# python-docx 0.8 leaves hyperlinks out of paragraph.text: read the runs.
entries = [''.join(t.text for t in p._p.iter(qn('w:t')))
           for p in d.paragraphs if re.fullmatch('toc [1-9]', p.style.name.lower())]
sys.exit(not (' TOC ' in x and entries == ['Sample document: every feature', 'Lists',
    'A small table', 'Column widths from content', 'A landscape section with a long table']))"
t "sample pdf: the template logo is drawn" sh -c "pdfimages -list '$T/sample.pdf' | grep -q ' image '"
t "sample docx via LibreOffice: the logo is there" sh -c "pdfimages -list '$T/lo/sample.pdf' | grep -q ' image '"
t "sample docx: one picture, with alternative text" $PY -c "
import docx, sys
s = docx.Document('$T/sample.docx').inline_shapes
sys.exit(not (len(s) == 1 and 'logo' in s[0]._inline.docPr.get('descr')))"
rm -rf "$T/spaced" && cp -r templates "$T/spaced" && sed -i 's/^spacing.line .*/spacing.line = 2/' "$T/spaced/style.conf"
"$BIN" sample pdf --templates "$T/spaced" -o "$T/spaced.pdf" 2> /dev/null
"$BIN" sample docx --templates "$T/spaced" -o "$T/spaced.docx" 2> /dev/null
t "style.conf spacing.line = 2: the PDF takes more pages" sh -c \
    "test \$(pdfinfo '$T/spaced.pdf' | awk '/^Pages/ { print \$2 }') -gt \$(pdfinfo '$T/sample.pdf' | awk '/^Pages/ { print \$2 }')"
t "style.conf spacing.line = 2: the DOCX line spacing follows" sh -c \
    "unzip -p '$T/spaced.docx' word/styles.xml | grep -q 'w:line=\"417\"'"
sed 's/^spacing.line .*/spacing.line = 9/' templates/style.conf > "$T/spaced/style.conf"
exits "style.conf spacing.line = 9: exit 65" 65 "$BIN" sample pdf --templates "$T/spaced" -o "$T/spaced2.pdf"
rm -rf "$T/badtpl" && cp -r templates "$T/badtpl" && echo 'not a picture' > "$T/badtpl/logo.png"
exits "a template logo that is not a PNG: exit 65" 65 "$BIN" build -q --templates "$T/badtpl" -o "$T/badtplout" fixtures/cases/northshire-2025-014
cp "$T/last.out" "$T/badtpl.out"
t "... and it says which file" grep -q "badtpl/logo.png: error: not a PNG image" "$T/badtpl.out"

echo "== build and install"
t "make install DESTDIR PREFIX" sh -c "make -s install O='$O' DESTDIR='$PWD/$T/inst' PREFIX=/usr >/dev/null &&
    test -x '$T/inst/usr/bin/cspr' && test -f '$T/inst/usr/share/cspr/templates/style.conf' &&
    test -f '$T/inst/usr/share/man/man1/cspr.1'"
t "installed binary finds the installed templates" sh -c "cd / && CSPR_TEMPLATES='$PWD/$T/inst/usr/share/cspr/templates' \
    '$PWD/$T/inst/usr/bin/cspr' sample pdf -o '$PWD/$T/inst.pdf'"
if command -v clang > /dev/null; then
	t "clang -Wall -Wextra -Werror build" make -s O="$T/clang" CC=clang all
fi

echo "$pass passed, $fail failed${skipped:+, $skipped skipped}" | sed 's/, 0 skipped//'
[ "$fail" = 0 ]
