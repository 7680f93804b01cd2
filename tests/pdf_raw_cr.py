#!/usr/bin/python3
"""pdf_raw_cr: no content stream that shows text holds a raw CR.

Usage: pdf_raw_cr.py FILE.pdf

FILE.pdf must be uncompressed (qpdf --stream-data=uncompress
--object-streams=disable). A raw CR in a literal string reads as LF by
the standard (7.3.4.2): text codes whose bytes include 0x0D must be
escaped. Exits 1 if a stream with text (') Tj') holds one, or if there
is none.
"""
import re
import sys

d = open(sys.argv[1], 'rb').read()
s = [x for x in re.findall(rb'stream\n(.*?)endstream', d, re.S) if b') Tj' in x]
sys.exit(not s or any(b'\r' in x for x in s))
