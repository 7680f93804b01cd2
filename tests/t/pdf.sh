#!/bin/sh
# pdf: the PDF backend end to end: every shipped case built twice, its PDF
# byte for byte the same, passing qpdf, its fonts embedded, its words
# within the margins, tagged, its chronology whole in the text and in the
# structure tree; the every-feature sample (text in order, tags, contents,
# links, logo, line spacing); a 9,000-event chronology past PDF's array
# sizes. Usage: sh tests/t/pdf.sh [BUILDDIR]
. tests/lib.sh
begin pdf

echo "== end to end: PDF of the shipped cases"
for cs in fixtures/cases/*/; do
	n=$(basename "$cs")
	ref=$(sed -n 's/.*<case [^>]*ref="\([^"]*\)".*/\1/p' "$cs/case.xml" | head -n 1)
	"$BIN" merge -q "$cs" > "$T/$n.merge.xml" 2>"$T/$n.merge.err"
	t "build $n" "$BIN" build -q -o "$T/out1" "$cs"
	# Again with glibc's malloc, its memory filled with other bytes: a
	# deflater that read what it did not write would give other bytes.
	t "build $n again (determinism)" env MALLOC_PERTURB_=165 \
	    "$BIN" build -q -o "$T/out2" "$cs"
	for f in $(cd "$T/out1/$ref" && ls *.pdf); do
		t "$n $f is byte-identical across runs" cmp "$T/out1/$ref/$f" "$T/out2/$ref/$f"
	done
	t "$n rapid-review-report.pdf: contents with dot leaders, the title not among them" sh -c \
	    "pdftotext -f 2 -l 2 '$T/out1/$ref/rapid-review-report.pdf' - > '$T/rr-contents.txt' &&
	    grep -q '^Summary of the facts \\. \\. \\. .*[0-9]*\$' '$T/rr-contents.txt' &&
	    test \$(grep -c '^Rapid review report: $ref\$' '$T/rr-contents.txt') = 1"
	t "$n pdf: soft hyphens and zero-width characters draw nothing (no U+00AD, U+200B in any font's map)" sh -c \
	    "for f in '$T/out1/$ref'/*.pdf; do qpdf --qdf --object-streams=disable \"\$f\" '$T/soft.pdf' &&
	    ! grep -aqi '<00ad>\|<200b>' '$T/soft.pdf' || exit 1; done"
	for d in $(documents); do
		"$BIN" dump -q --stage doc --document "$d" "$cs" > "$T/$n.$d.dump" 2> /dev/null
		t "$n $d.pdf: no page ends with a heading or a label" \
		    $PY tests/pdf_keep.py "$T/$n.$d.dump" "$T/out1/$ref/$d.pdf"
		t "$n $d.pdf: the structure's words are the tree's (none run together at a wrap)" \
		    $PY tests/pdf_words.py "$T/$n.$d.dump" "$T/out1/$ref/$d.pdf"
	done
	ag1=$(sed -n 's/.*<agency [^>]*>\([^<]*\)<.*/\1/p' "$cs/case.xml" | head -n 1)
	t "$n scoping-composite.pdf: the returns' Markdown lists are lists, not hyphens" sh -c \
	    "! pdftotext '$T/out1/$ref/scoping-composite.pdf' - | grep -q '^- '"
	t "$n scoping-composite.pdf: contents list agencies, not each return's sub-headings" sh -c \
	    "pdftotext -f 1 -l 1 '$T/out1/$ref/scoping-composite.pdf' - > '$T/sc-contents.txt' &&
	    grep -qF \"$ag1\" '$T/sc-contents.txt' && ! grep -q 'Services provided' '$T/sc-contents.txt'"
	for d in $(review_documents); do
		t "$n $d.pdf: qpdf, fonts, boxes within the margins" sh tests/pdf_check.sh -m 20 "$T/out1/$ref/$d.pdf"
		t "$n $d.pdf: tagged, headers and footers artifacts" $PY tests/pdf_tags.py "$T/out1/$ref/$d.pdf" "" Document H1 P
	done
	pdf=$T/out1/$ref/integrated-chronology.pdf
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

echo "== PDF of the every-feature sample"
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
t "sample pdf: a table without widths gets them from its content" $PY tests/pdf_layout.py widths "$T/sample.pdf"
t "title page: the title a third of the way down (sample.pdf)" $PY tests/pdf_layout.py title "$T/sample.pdf"
t "sample pdf: the contents give each heading's page" sh -c "pdftotext -layout -f 2 -l 2 '$T/sample.pdf' - |
    grep -Eq '^ *A landscape section with a long table[ .]+5\$'"
t "sample pdf: the contents link to the headings" sh -c "qpdf --qdf --object-streams=disable '$T/sample.pdf' '$T/sample-qdf.pdf';
    test \$(grep -ac '/Subtype /Link' '$T/sample-qdf.pdf') -ge 5"
t "sample pdf: the template logo is drawn" sh -c "pdfimages -list '$T/sample.pdf' | grep -q ' image '"
rm -rf "$T/spaced" && cp -r templates "$T/spaced" && sed -i 's/^spacing.line .*/spacing.line = 2/' "$T/spaced/style.conf"
"$BIN" sample pdf --templates "$T/spaced" -o "$T/spaced.pdf" 2> /dev/null
t "style.conf spacing.line = 2: the PDF takes more pages" sh -c \
    "test \$(pdfinfo '$T/spaced.pdf' | awk '/^Pages/ { print \$2 }') -gt \$(pdfinfo '$T/sample.pdf' | awk '/^Pages/ { print \$2 }')"

echo "== PDF of a 9,000-event chronology"
# A chronology past the sizes PDF readers are asked to handle in one
# array (8,191): 9,000 rows (in TBody groups), 1,500 pages (a page tree
# of nodes). It failed with libharu's array limit before cspr wrote its
# own PDF objects.
$PY tests/gen_case.py "$T/big-case" 10 900
t "a 9,000-event chronology builds as PDF" "$BIN" build -q --format pdf \
    --templates templates -o "$T/big" "$T/big-case"
t "... qpdf finds no fault in it" qpdf --check "$T/big/BENCH-1/integrated-chronology.pdf"
t "... its 9,000 rows are in the tree, under a THead and TBody groups" \
    $PY tests/pdf_big.py rows "$T/big/BENCH-1/integrated-chronology.pdf"
t "... no array in it holds more than 8,191 items, and it has every page" \
    $PY tests/pdf_big.py arrays "$T/big/BENCH-1/integrated-chronology.pdf"
t "... every row number of four digits on one line, whole" sh -c \
    "pdftotext '$T/big/BENCH-1/integrated-chronology.pdf' - | $PY -c 'import sys; t = set(sys.stdin.read().split()); m = [n for n in range(1000, 9001) if str(n) not in t]; print(m[:5]); sys.exit(bool(m))'"

end
