# Control characters in a Markdown return's text (BEL, ESC with a colour
# code, SOH) must reach neither output: XML 1.0 has no place for them, so
# one in word/document.xml makes the DOCX unreadable, and in a PDF's text
# they are noise. The text around them must survive (96faadf).
#
# case:    northshire-2025-014
# setup:   printf '| 99 | 14.03.25 | | | | SystmOne | Test | Bell\007 escape\033[31m nul-free \001text | | | n/a | n/a | P01 | Health Visitor 1 | no | background |\n' >> northshire-2025-014/chronology/hv.md
# command: cspr build -q -o out northshire-2025-014
# exit:    0
# check:   $PY "$SRC/tests/docx_check.py" out/NSCP-2025-014/integrated-chronology.docx
# check:   mkdir x && cd x && unzip -q ../out/NSCP-2025-014/integrated-chronology.docx && ! LC_ALL=C grep -rlP --include='*.xml' --include='*.rels' '[\x01-\x08\x0b\x0c\x0e-\x1f]' .
# check:   sh "$SRC/tests/pdf_check.sh" out/NSCP-2025-014/integrated-chronology.pdf
# check:   pdftotext out/NSCP-2025-014/integrated-chronology.pdf - | grep -q 'escape\[31m nul-free text'
