#!/usr/bin/python3
"""pdf_big: checks a PDF of a chronology too long for one array.

Usage: pdf_big.py rows FILE.pdf
       pdf_big.py arrays FILE.pdf

rows: its structure tree (poppler's pdfinfo -struct) has a THead, at
least two TBody groups and more than 9,000 TR rows. arrays: no array of
its objects (qpdf --json) holds more than 8,191 items, the most PDF
readers are asked to handle, and it has more than 1,000 pages. An
assertion fails, naming the counts, if not.
"""
import collections
import json
import re
import subprocess
import sys


def rows(pdf):
    x = subprocess.run(['pdfinfo', '-struct', pdf],
        capture_output=True, text=True, check=True).stdout
    n = collections.Counter(re.findall(r'^ *(THead|TBody|TR)\b', x, re.M))
    assert n['THead'] >= 1 and n['TBody'] >= 2 and n['TR'] > 9000, n


def arrays(pdf):
    j = json.loads(subprocess.run(['qpdf', '--json=1', '--json-key=objects',
        pdf], capture_output=True, text=True, check=True).stdout)

    def walk(v):
        if isinstance(v, list):
            assert len(v) <= 8191, len(v)
            for x in v: walk(x)
        elif isinstance(v, dict):
            for x in v.values(): walk(x)
    walk(j['objects'])
    n = int(subprocess.run(['pdfinfo', pdf], capture_output=True,
        text=True).stdout.split('Pages:')[1].split()[0])
    assert n > 1000, n


{'rows': rows, 'arrays': arrays}[sys.argv[1]](sys.argv[2])
