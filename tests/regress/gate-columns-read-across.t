# The publication gate read a table's lines across its columns, in the
# order poppler gives them: one cell's "shared with the health" and the
# next line of the cell beside it, "centre, a graze", made the alias
# "the Health Centre" that no cell holds, and a clean chronology was
# refused (a false alarm, fail-closed; found by make bench at 2,000
# events). Lines that start in another column are now kept apart; and
# an alias broken across a cell's own lines (poppler puts the next
# column's line between them), left by the anonymiser with
# CSPR_ANON_OFF=alias, is found in the PDF alone: the gate now reads
# each paragraph and cell of the structure tree whole (before, only the
# DOCX read-back found it).
#
# case:    northshire-2025-014
# setup:   sed -i 's|</register>|<place id="L99" kind="gp-surgery" replacement="the GP practice"><name>Hollinsby Health Centre</name><alias>the Health Centre</alias></place></register>|' northshire-2025-014/case.xml
# setup:   $PY -c 'import re, sys; p = sys.argv[1]; s = open(p).read(); s = s.replace("<what>Anonymous call from a neighbour: shouting heard at the flat late at night, a toddler crying.</what>", "<what>Visit to the family\nat the children&apos;s\ncentre, a graze.</what>", 1).replace("<action>Screened in MASH; no prior involvement; NFA with advice letter to Kerry.</action>", "<action>Information\nshared with the health\nvisitor.</action>", 1); open(p, "w").write(s)' northshire-2025-014/chronology/csc.xml
# setup:   grep -q 'shared with the health' northshire-2025-014/chronology/csc.xml
# command: cspr build -q --audience publication --accept-residual --document integrated-chronology -o out northshire-2025-014
# exit:    0
# check:   pdftotext "out/Child A (publication)/integrated-chronology.pdf" - | grep -q "shared with the health"
# check:   $PY -c 'import sys; p = sys.argv[1]; s = open(p).read(); s = s.replace("<analysis>Single anonymous contact;", "<analysis>Seen at the Health\nCentre; single anonymous contact;", 1); open(p, "w").write(s)' northshire-2025-014/chronology/csc.xml && CSPR_ANON_OFF=alias cspr build --format pdf --audience publication --accept-residual --document integrated-chronology -o out2 northshire-2025-014 > leak.err 2>&1; test $? = 65 && grep -q 'integrated-chronology.pdf: error: publication gate: tagged text: register entry L99 (alias name) is still there' leak.err
