#!/usr/bin/python3
"""dup_groups: a long chronology's likely-duplicate groups, as one pass numbers them.

Usage: dup_groups.py FILE.docx

The groups (the "Possible duplicate (DN)" notes of the last column) must
be numbered in row order, each group within one day, over at least 9,000
rows and more than 500 groups. An assertion fails, naming what, if not.
"""
import re
import sys
import zipfile

x = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
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
