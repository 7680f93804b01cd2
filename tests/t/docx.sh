#!/bin/sh
# docx: the DOCX backend end to end: every shipped case built twice, its
# DOCX byte for byte the same, sound as python-docx and unzip see it, its
# chronology whole, converted by LibreOffice; the every-feature sample
# (contents, logo, line spacing); a 9,000-event chronology's duplicate
# groups. Usage: sh tests/t/docx.sh [BUILDDIR]
. tests/lib.sh
begin docx

echo "== end to end: DOCX of the shipped cases"
for cs in fixtures/cases/*/; do
	n=$(basename "$cs")
	ref=$(sed -n 's/.*<case [^>]*ref="\([^"]*\)".*/\1/p' "$cs/case.xml" | head -n 1)
	"$BIN" merge -q "$cs" > "$T/$n.merge.xml" 2>"$T/$n.merge.err"
	t "build $n" "$BIN" build -q -o "$T/out1" "$cs"
	# Again with glibc's malloc, its memory filled with other bytes: a
	# deflater that read what it did not write would give other bytes.
	t "build $n again (determinism)" env MALLOC_PERTURB_=165 \
	    "$BIN" build -q -o "$T/out2" "$cs"
	for f in $(cd "$T/out1/$ref" && ls *.docx); do
		t "$n $f is byte-identical across runs" cmp "$T/out1/$ref/$f" "$T/out2/$ref/$f"
	done
	t "$n: every document written in both formats" test "$(ls "$T/out1/$ref" | wc -l)" = $((2 * $(documents | wc -l)))
	# The review documents, with the real clients (the chronology's
	# own, more detailed checks follow).
	mkdir -p "$T/lo-docs"
	t "$n: LibreOffice converts every review document" \
	    timeout 300 soffice -env:UserInstallation="file://$PWD/$T/lo-profile" \
	    --headless --norestore --convert-to pdf --outdir "$T/lo-docs" \
	    $(review_documents | sed "s|.*|$T/out1/$ref/&.docx|")
	for d in $(review_documents); do
		t "$n $d.docx: parts, relationships, python-docx" $PY tests/docx_check.py "$T/out1/$ref/$d.docx"
		t "$n $d.docx in Word: Arial, the Title style not in its contents, a red DRAFT, fields updated" \
		    $PY tests/docx_word.py "$T/out1/$ref/$d.docx" Arial BF0000
		# LibreOffice may break the reference at a hyphen, and poppler
		# join the halves without it: the reference less its hyphens.
		t "$n $d.docx via LibreOffice: a PDF with its text" sh -c \
		    "pdftotext '$T/lo-docs/$d.pdf' - | tr -d '\n-' | grep -q '$(printf %s "$ref" | tr -d -)'"
	done
	t "$n docx: a soft hyphen is Word's optional hyphen (w:softHyphen), never the bare character" sh -c \
	    "for f in '$T/out1/$ref'/*.docx; do ! unzip -p \"\$f\" word/document.xml | grep -q \"\$(printf '\\302\\255')\" || exit 1; done"
	t "$n scoping-composite.docx: the returns' Markdown lists are lists, not hyphens" \
	    $PY -c 'import sys, docx; sys.exit(any(p.text.startswith("- ") for p in docx.Document(sys.argv[1]).paragraphs))' \
	    "$T/out1/$ref/scoping-composite.docx"
	docx=$T/out1/$ref/integrated-chronology.docx
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
done

echo "== DOCX of the every-feature sample"
t "sample docx" "$BIN" sample docx -o "$T/sample.docx"
t "sample docx: parts, relationships, python-docx" $PY tests/docx_check.py "$T/sample.docx"
t "sample docx: LibreOffice converts it" timeout 180 soffice -env:UserInstallation="file://$PWD/$T/lo-profile" \
    --headless --norestore --convert-to pdf --outdir "$T/lo" "$T/sample.docx"
# LibreOffice paginates on its own: leave out "Page X of Y".
grep -v '^Page [0-9]* of [0-9]*$' tests/sample-expected.txt > "$T/sample-expected-lo.txt"
t "sample docx via LibreOffice: every paragraph and cell, in order" \
    sh tests/pdf_check.sh -o -r -t "$T/lo/sample.pdf" "$T/sample-expected-lo.txt"
t "title page: the title a third of the way down (lo/sample.pdf)" $PY tests/pdf_layout.py title "$T/lo/sample.pdf"
t "sample docx: a TOC field, filled in with every heading" $PY tests/docx_sample.py toc "$T/sample.docx"
t "sample docx via LibreOffice: the logo is there" sh -c "pdfimages -list '$T/lo/sample.pdf' | grep -q ' image '"
t "sample docx: one picture, with alternative text" $PY tests/docx_sample.py logo "$T/sample.docx"
rm -rf "$T/spaced" && cp -r templates "$T/spaced" && sed -i 's/^spacing.line .*/spacing.line = 2/' "$T/spaced/style.conf"
"$BIN" sample docx --templates "$T/spaced" -o "$T/spaced.docx" 2> /dev/null
t "style.conf spacing.line = 2: the DOCX line spacing follows" sh -c \
    "unzip -p '$T/spaced.docx' word/styles.xml | grep -q 'w:line=\"417\"'"

echo "== DOCX of a 9,000-event chronology"
# Likely duplicates in a long chronology: their groups must be numbered
# in row order, each within one day. Two agencies' returns are copies of
# a third's, so that nearly every day has a group.
$PY tests/gen_case.py "$T/big-case" 10 900
rm -rf "$T/dup-case" && cp -r "$T/big-case" "$T/dup-case" &&
	sed 's/agency="a00"/agency="a02"/' "$T/big-case/chronology/a00.xml" \
	    > "$T/dup-case/chronology/a02.xml" &&
	sed 's/agency="a00"/agency="a04"/' "$T/big-case/chronology/a00.xml" \
	    > "$T/dup-case/chronology/a04.xml"
t "a 9,000-event chronology with copied returns builds as DOCX" "$BIN" build \
    -q --format docx --templates templates -o "$T/dup" "$T/dup-case"
t "... its duplicate groups numbered in row order, each within a day" \
    $PY tests/dup_groups.py "$T/dup/BENCH-1/integrated-chronology.docx"
t "... again, glibc's malloc, its memory filled with other bytes" \
    env MALLOC_PERTURB_=90 \
    "$BIN" build -q --format docx --templates templates -o "$T/dup2" "$T/dup-case"
t "... the same DOCX, byte for byte (21 MB of XML deflated)" \
    cmp "$T/dup/BENCH-1/integrated-chronology.docx" \
    "$T/dup2/BENCH-1/integrated-chronology.docx"

end
