#!/usr/bin/python3
"""pdf_layout: where words of the every-feature sample fall on its pages.

Usage: pdf_layout.py widths FILE.pdf
       pdf_layout.py title FILE.pdf

widths: the sample's table without widths gets them from its content (its
'Seen' and 'What' columns start near the left, not at equal thirds).
title: on the first page the title ('every') is a third of the way down
or further, not past six tenths. Word boxes from pdftotext -bbox; an
assertion fails, naming the positions, if not.
"""
import re
import subprocess
import sys


def widths(pdf):
    x = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', x)
    seen = [float(a) for a, w in words if w == 'Seen']
    what = [float(a) for a, w in words if w == 'What']
    # text box 57 pt to 538 pt: equal thirds would put them at 217 and 378
    assert seen and seen[0] < 120 and what and what[0] < 160, (seen, what)


def title(pdf):
    x = subprocess.run(['pdftotext', '-bbox', '-f', '1', '-l', '1', pdf, '-'], capture_output=True, text=True).stdout
    h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', x).group(1))
    ys = [float(y) for y, w in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', x) if w == 'every']
    assert ys and 0.3 * h < max(ys) < 0.6 * h, (ys, h)  # the largest: the header has it too


{'widths': widths, 'title': title}[sys.argv[1]](sys.argv[2])
