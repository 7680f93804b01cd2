# Markdown returns saved with a UTF-8 byte order mark and CR LF line
# ends (Windows Notepad) were refused or misread (issue 23): they must
# read as the same returns saved plainly, the case's dump the same.
#
# case:    northshire-2025-014
# setup:   mkdir unchanged && cp -r northshire-2025-014 unchanged/
# setup:   for f in northshire-2025-014/chronology/*.md northshire-2025-014/scoping/*.md; do { printf '\357\273\277'; sed 's/$/\r/' "$f"; } > eol.tmp && mv eol.tmp "$f"; done
# command: cspr check -q northshire-2025-014
# exit:    0
# check:   cspr dump -q --stage case unchanged/northshire-2025-014 | sed 's|unchanged/||' > unchanged.case && cspr dump -q --stage case northshire-2025-014 | diff -q unchanged.case - > /dev/null
