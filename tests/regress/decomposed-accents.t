# Names typed with combining marks ("Gu" + U+0308 "ls" + U+0327 "en", as
# some Mac and web forms save them) were drawn as a letter and a
# separate mark ("Zoe ̈") in the PDF (issue 25): text is composed (NFC)
# when it enters the document tree, so both backends show the one
# letter, and publication still finds and removes the name.
#
# case:    hollinford-2026-007
# setup:   $PY -c 'import sys, unicodedata, pathlib; [p.write_text(unicodedata.normalize("NFD", p.read_text())) for d in sys.argv[1:] for p in pathlib.Path(d).glob("*.*")]' hollinford-2026-007/chronology hollinford-2026-007/scoping hollinford-2026-007/review
# setup:   grep -q "$(printf 'Gu\314\210ls\314\247en')" hollinford-2026-007/chronology/*
# command: cspr build -q --templates "$SRC/templates" -o out hollinford-2026-007
# exit:    0
# check:   pdftotext out/*/integrated-chronology.pdf - | grep -q 'Gülşen'
# check:   ! pdftotext out/*/integrated-chronology.pdf - | grep -q "$(printf '\314\210\|\314\247')"
# check:   unzip -p out/*/integrated-chronology.docx word/document.xml | grep -q 'Gülşen'
# check:   ! unzip -p out/*/integrated-chronology.docx word/document.xml | grep -q "$(printf '\314\210\|\314\247')"
# check:   cspr build -q --templates "$SRC/templates" --audience publication --accept-residual --document all -o pub hollinford-2026-007
# check:   for f in pub/*/*.pdf; do pdftotext "$f" -; done | $PY -c 'import sys, unicodedata; t = unicodedata.normalize("NFD", sys.stdin.read()); t = "".join(c for c in t if not unicodedata.combining(c)).lower(); sys.exit("gulsen" in t)'
