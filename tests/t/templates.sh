#!/bin/sh
# templates: a bad template folder (an unknown keyword, {name} or
# generated part; no folder; a font missing or cut short; a line spacing
# out of range; a logo that is not a PNG) is an error at its line, and
# nothing is written. Usage: sh tests/t/templates.sh [BUILDDIR]
. tests/lib.sh
begin templates

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

echo "== templates: missing parts"
if [ -d "$c" ]; then
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
fi

echo "== templates: style.conf and the logo"
rm -rf "$T/spaced" && cp -r templates "$T/spaced"
sed 's/^spacing.line .*/spacing.line = 9/' templates/style.conf > "$T/spaced/style.conf"
exits "style.conf spacing.line = 9: exit 65" 65 "$BIN" sample pdf --templates "$T/spaced" -o "$T/spaced2.pdf"
rm -rf "$T/badtpl" && cp -r templates "$T/badtpl" && echo 'not a picture' > "$T/badtpl/logo.png"
exits "a template logo that is not a PNG: exit 65" 65 "$BIN" build -q --templates "$T/badtpl" -o "$T/badtplout" fixtures/cases/northshire-2025-014
cp "$T/last.out" "$T/badtpl.out"
t "... and it says which file" grep -q "badtpl/logo.png: error: not a PNG image" "$T/badtpl.out"

echo "== type sizes: accessible by default, large print on asking"
cs=fixtures/cases/northshire-2025-014
t "default style: table, header and footer text 10 pt in both formats" sh -c \
    "'$BIN' build -q --force -o '$T/sizes' $cs > /dev/null &&
    qpdf --qdf --object-streams=disable '$T/sizes/NSCP-2025-014/integrated-chronology.pdf' '$T/sizes.qdf' &&
    grep -aq ' 10 Tf' '$T/sizes.qdf' && ! grep -aq ' 9 Tf' '$T/sizes.qdf' &&
    unzip -p '$T/sizes/NSCP-2025-014/integrated-chronology.docx' word/styles.xml > '$T/sizes.styles' &&
    grep -q 'w:styleId=\"TableText\".*w:sz w:val=\"20\"' '$T/sizes.styles' &&
    grep -q 'w:styleId=\"Header\"><w:name w:val=\"header\"/>.*<w:sz w:val=\"20\"/>' '$T/sizes.styles'"
t "--style templates/style-large-print.conf: body 16 pt in both formats" sh -c \
    "'$BIN' build -q --style templates/style-large-print.conf -o '$T/large' $cs > /dev/null &&
    qpdf --qdf --object-streams=disable '$T/large/NSCP-2025-014/learning-brief.pdf' '$T/large.qdf' &&
    grep -aq ' 16 Tf' '$T/large.qdf' &&
    unzip -p '$T/large/NSCP-2025-014/learning-brief.docx' word/styles.xml | grep -q '<w:rPrDefault><w:rPr><w:rFonts[^>]*/><w:sz w:val=\"32\"/>'"
exits "--style naming no file: exit 65" 65 "$BIN" build -q --style "$T/none.conf" -o "$T/nostyle" $cs
sed 's/^size.table = .*/size.table = 8/' templates/style.conf > "$T/small.conf"
t "table text below 10 pt: a warning saying so" sh -c \
    "'$BIN' build --style '$T/small.conf' -o '$T/small' $cs 2>&1 | grep -q 'small.conf: warning: size.table 8 is below 10 pt'"

end
