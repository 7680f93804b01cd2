#!/usr/bin/python3
"""docx_sample: the every-feature sample's DOCX, as python-docx reads it.

Usage: docx_sample.py toc FILE.docx
       docx_sample.py logo FILE.docx

toc: a TOC field, filled in with every heading of the sample in order.
logo: one picture, whose alternative text names the logo. Exits 1 if not.
"""
import re
import sys

import docx
from docx.oxml.ns import qn


def toc(path):
    d = docx.Document(path)
    x = d.element.xml
    # python-docx 0.8 leaves hyperlinks out of paragraph.text: read the runs.
    entries = [''.join(t.text for t in p._p.iter(qn('w:t')))
               for p in d.paragraphs if re.fullmatch('toc [1-9]', p.style.name.lower())]
    sys.exit(not (' TOC ' in x and entries == ['Sample document: every feature', 'Lists',
        'A small table', 'Column widths from content', 'A landscape section with a long table']))


def logo(path):
    s = docx.Document(path).inline_shapes
    sys.exit(not (len(s) == 1 and 'logo' in s[0]._inline.docPr.get('descr')))


{'toc': toc, 'logo': logo}[sys.argv[1]](sys.argv[2])
