#!/bin/sh
# Checks a PDF that cspr wrote: qpdf finds no errors, every font is embedded
# and subset, poppler extracts the text without complaint, no word leaves its
# page or
# overlaps another, and (given a file of expected strings, one a line) each
# string appears in the extracted text, whitespace runs counting as one space.
# Usage: tests/pdf_check.sh [-o] [-r] [-t] [-m MM] FILE.pdf [EXPECTED]
#   -o: the strings must appear in order
#   -r: read the text in the order the file draws it (pdftotext -raw):
#       for another writer's PDF (LibreOffice's), whose table poppler may
#       otherwise read a column at a time
#   -m MM: no word comes nearer than MM millimetres (less 1 pt) to the
#       page's left or right edge: the side margins hold
#   -t: text only, no word-box checks (for PDFs cspr did not lay out, such as
#       LibreOffice's, whose single-spaced lines have touching glyph boxes)
# Needs qpdf, poppler-utils and python3.
set -u
order=0
raw=
boxes=1
margin=0
while :; do
	case "${1:-}" in
	-o) order=1; shift ;;
	-r) raw=-raw; shift ;;
	-m) margin=$2; shift 2 ;;
	-t) boxes=0; shift ;;
	*) break ;;
	esac
done
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: pdf_check.sh [-o] [-r] [-t] [-m MM] FILE.pdf [EXPECTED]" >&2
	exit 64
fi
pdf=$1
expected=${2:-}
fail() { echo "pdf_check: $pdf: $*" >&2; exit 1; }

[ -r "$pdf" ] || fail "cannot read the file"
for tool in qpdf pdffonts pdftotext python3; do
	command -v $tool > /dev/null 2>&1 || fail "$tool is not installed"
done
[ -z "$expected" ] || [ -r "$expected" ] || fail "cannot read $expected"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# qpdf exits 0 when clean, 3 for warnings, 2 for errors: only 0 passes.
qpdf --check "$pdf" > "$tmp/qpdf" 2>&1 ||
	fail "qpdf --check failed:$(printf '\n'; sed 's/^/  /' "$tmp/qpdf")"

pdffonts "$pdf" > "$tmp/fonts" 2> /dev/null || fail "pdffonts failed"
# Columns after the header: name type encoding emb sub uni object ID;
# counted from the right, since names and types may contain spaces.
awk 'NR > 2 && $(NF - 4) != "yes" { print "  " $1; bad = 1 }
	NR > 2 { n++ } END { exit bad || n == 0 }' "$tmp/fonts" > "$tmp/bad" ||
	fail "fonts not embedded (or none at all):$(printf '\n'; cat "$tmp/bad")"
# Subset (only the glyphs used), unless -t: LibreOffice's are not ours.
[ "$boxes" = 0 ] ||
	awk 'NR > 2 && $(NF - 3) != "yes" { print "  " $1; bad = 1 }
	END { exit bad }' "$tmp/fonts" > "$tmp/bad" ||
	fail "fonts not subset:$(printf '\n'; cat "$tmp/bad")"

pdftotext $raw -enc UTF-8 "$pdf" "$tmp/text" 2> "$tmp/err" || fail "pdftotext failed"
[ -s "$tmp/err" ] &&
	fail "poppler complains:$(printf '\n'; sort -u "$tmp/err" | head -5 | sed 's/^/  /')"
pdftotext -enc UTF-8 -bbox "$pdf" "$tmp/bbox.html" 2> /dev/null ||
	fail "pdftotext -bbox failed"

python3 - "$tmp/text" "$tmp/bbox.html" "$expected" "$order" "$boxes" "$margin" <<'EOF' ||
import html, re, sys

text_path, bbox_path, expected_path, order, boxes, margin = sys.argv[1:7]
side = float(margin) * 72 / 25.4 - 1 if float(margin) > 0 else 0
problems = []

# Word boxes: inside the page, and not overlapping any other word.
page_re = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
word_re = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" '
                     r'xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>')
EPS = 0.5
with open(bbox_path, encoding="utf-8") as f:
    doc = f.read()
for pno, (pw, ph, body) in enumerate(page_re.findall(doc) if boxes == "1" else [], 1):
    pw, ph = float(pw), float(ph)
    words = [(float(a), float(b), float(c), float(d), html.unescape(w))
             for a, b, c, d, w in word_re.findall(body)]
    for x0, y0, x1, y1, w in words:
        if x0 < -EPS or y0 < -EPS or x1 > pw + EPS or y1 > ph + EPS:
            problems.append(f"page {pno}: '{w}' leaves the page")
        elif x0 < side - EPS or x1 > pw - side + EPS:
            problems.append(f"page {pno}: '{w}' is in the side margin "
                            f"({x0:.1f}-{x1:.1f} of {pw:.1f})")
    words.sort(key=lambda b: b[1])
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b[1] >= a[3] - EPS:
                break
            if (min(a[2], b[2]) - max(a[0], b[0]) > EPS and
                    min(a[3], b[3]) - max(a[1], b[1]) > EPS):
                problems.append(f"page {pno}: '{a[4]}' overlaps '{b[4]}'")

if expected_path:
    with open(text_path, encoding="utf-8") as f:
        text = " ".join(f.read().split())
    pos = 0
    with open(expected_path, encoding="utf-8") as f:
        for line in f:
            want = " ".join(line.split())
            if not want:
                continue
            at = text.find(want, pos if order == "1" else 0)
            if at < 0:
                where = " after the previous one" if order == "1" else ""
                problems.append(f"text not found{where}: {want}")
            elif order == "1":
                pos = at + len(want)

for p in problems[:20]:
    print("  " + p, file=sys.stderr)
if len(problems) > 20:
    print(f"  ... and {len(problems) - 20} more", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
	fail "text checks failed (above)"
exit 0
