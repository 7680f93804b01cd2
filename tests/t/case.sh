#!/bin/sh
# case: reading a case: the reviewer's material in review/ (votes, unknown
# files, disagreements), and text from returns and narratives kept as
# text, never taken for template fields or markup, in the PDF and the
# DOCX. Usage: sh tests/t/case.sh [BUILDDIR]
. tests/lib.sh
begin case

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
	$PY tests/literal_case.py "$T/lit" "$T/pdfstr.txt"
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
	    $PY tests/pdf_raw_cr.py '$T/lit-qdf.pdf'"
	t "... and the report shows the narrative's (PDF)" sh -c \
	    "pdftotext -raw '$T/litout/NSCP-2025-014/rapid-review-report.pdf' - | tr '\n' ' ' | grep -qF 'LITERAL2 {ref} {child} <w:t>raw</w:t> | not | a table |'"
	t "... and the DOCX holds it as text, its XML intact" $PY tests/docx_cell.py \
	    "$T/litout/NSCP-2025-014/integrated-chronology.docx" \
	    'LITERAL {ref} {partnership} # Not a heading <w:p>x</w:p> | a | b |'
fi

end
